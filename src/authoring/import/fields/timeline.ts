import { toEpochMs } from '../../../lib/time.ts';
import { findDates, inZone } from '../dates.ts';
import { parseTimeline } from '../timeline.ts';
import { guessEventKind } from '../vocabulary.ts';
import type { Section } from '../markdown.ts';
import { TIMED_LINE } from '../shape.ts';
import { sectionOf, type ImportContext } from '../context.ts';

/**
 * The timeline's extent: its section, and the sections after it at the same level whose headings are only a
 * day (`## May 12`), which wikis write beside the Timeline heading rather than under it. Those sections are
 * moved under Timeline in the draft.
 */
export function findTimeline(ctx: ImportContext): { start: number; end: number; title: string } | undefined {
  const section = sectionOf(ctx, 'timeline') ?? timedSection(ctx);
  if (!section) return undefined;
  const year = Number(ctx.out.day.slice(0, 4));
  let end = section.end;
  const siblings = ctx.bodySections.filter((s) => s.start >= section.end && s.heading.depth <= section.heading.depth);
  for (const sibling of siblings) {
    if (sibling.start !== end || sibling.heading.depth !== section.heading.depth) break;
    const date = findDates(sibling.title, ctx.order, year)[0];
    if (
      !date ||
      sibling.title
        .replace(date.text, '')
        .replace(/[\s,.:()–—-]+/g, ' ')
        .trim()
        .split(' ')
        .filter(Boolean).length > 2
    )
      break;
    for (const inside of ctx.bodySections.filter((s) => s.start >= sibling.start && s.start < sibling.end)) ctx.demoted.add(inside);
    end = sibling.end;
  }
  return { start: section.contentStart, end, title: section.title };
}

/**
 * Without a Timeline heading, the section whose own text has the most lines that start with a time, at least
 * three ("What happened" written as a list of times); the action items are never the timeline.
 */
function timedSection(ctx: ImportContext): Section | undefined {
  let best: { section: Section; count: number } | undefined;
  for (const section of ctx.bodySections) {
    if (ctx.kinds.get(section) === 'actions') continue;
    const next = ctx.bodySections.find((s) => s.start > section.start && s.start < section.end);
    const own = ctx.code.slice(section.contentStart, next?.start ?? section.end);
    const count = own.split('\n').filter((line) => TIMED_LINE.test(line)).length;
    if (count >= 3 && (!best || count > best.count)) best = { section, count };
  }
  return best?.section;
}

/** The timeline's events as instants in the archive's zone, in time order, each with a guessed kind. */
export function mapTimeline(ctx: ImportContext): void {
  const timeline = findTimeline(ctx);
  const raw = timeline ? parseTimeline(ctx.code.slice(timeline.start, timeline.end), timeline.title, ctx.out.day, ctx.order) : [];
  const events = raw.map((e, index) => {
    const at = inZone(e.date, e.time, e.offset ?? ctx.out.declaredZone, ctx.timeZone).timestamp;
    return { at, ms: toEpochMs(at), text: e.text, line: e.line, kind: guessEventKind(e.text, index === 0) };
  });
  // Entries written out of order ("added later") take their place by time.
  ctx.out.events = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.ms - b.e.ms || a.i - b.i)
    .map(({ e }) => e);
}
