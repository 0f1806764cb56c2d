import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { TimestampSchema } from '../../schema/common.ts';
import { closestMatch, formatProblem } from '../../validation/problems.ts';
import { parseFrontmatterSource } from '../../validation/source.ts';
import { validateWithSchema } from '../../validation/sources.ts';
import { TimelineError, TimelineUsageError } from './errors.ts';
import { readText } from './files.ts';

/** An event already in the post-mortem's timeline. */
export interface ExistingEvent {
  at: number;
  text: string;
  /** As written; the merge ignores it. */
  kind?: string;
}

/** The post-mortem the events go into: its text and what the merge and the default window need. */
export interface IncidentFile {
  /** Absolute path. */
  path: string;
  /** As the report names it. */
  shown: string;
  text: string;
  started: number | undefined;
  mitigated: number | undefined;
  resolved: number | undefined;
  timeline: ExistingEvent[];
}

const FIX = 'Correct the frontmatter (npm run check says more), then run npm run timeline again.';

// Only what the timeline needs is checked here; the rest of a draft may still be unfinished.
const DraftSchema = z.looseObject({
  started: TimestampSchema.optional(),
  mitigated: TimestampSchema.optional(),
  resolved: TimestampSchema.optional(),
  timeline: z
    .array(z.looseObject({ at: TimestampSchema, kind: z.unknown().optional(), text: z.string({ error: 'expected text' }) }), {
      error: 'expected a list of events (- at: ..., kind: ..., text: ...)',
    })
    .nullable()
    .optional(),
});

/** The post-mortem with this id (`2026-10-13-checkout-card-payments-declined`) under the archive's incidents/ folder. */
export function findIncident(root: string, id: string): string {
  const folder = join(root, 'incidents');
  const years = existsSync(folder)
    ? readdirSync(folder)
        .filter((y) => /^\d{4}$/.test(y))
        .sort()
    : [];
  const ids: string[] = [];
  for (const year of years) {
    for (const name of readdirSync(join(folder, year))) {
      if (!name.endsWith('.mdx') || name.startsWith('_')) continue;
      if (name === `${id}.mdx`) return join(folder, year, name);
      ids.push(name.slice(0, -4));
    }
  }
  const suggestion = closestMatch(id, ids);
  throw new TimelineUsageError(
    `--incident: no post-mortem "${id}" in ${folder}.${suggestion ? ` Did you mean ${suggestion}?` : ''} Give the id (the file name without .mdx), or --root for another archive; npm run new starts a draft.`,
  );
}

/** Reads the post-mortem: its key moments and existing timeline, with every problem in them reported by line. */
export function readIncident(path: string, shown: string): IncidentFile {
  const text = readText(path, shown, FIX);
  const source = parseFrontmatterSource(shown, text);
  const result = validateWithSchema(source, DraftSchema);
  if (!result.data || result.problems.length > 0) throw new TimelineError(`${result.problems.map(formatProblem).join('\n')}\n${FIX}`);
  const ms = (value: string | undefined) => (value === undefined ? undefined : Date.parse(value));
  return {
    path,
    shown,
    text,
    started: ms(result.data.started),
    mitigated: ms(result.data.mitigated),
    resolved: ms(result.data.resolved),
    timeline: (result.data.timeline ?? []).map((e) => ({
      at: Date.parse(e.at),
      text: e.text,
      ...(typeof e.kind === 'string' ? { kind: e.kind } : {}),
    })),
  };
}
