import { toEpochMs } from '../../../lib/time.ts';
import { inZone } from '../dates.ts';
import { parseTimeline } from '../timeline.ts';
import { guessEventKind } from '../vocabulary.ts';
import { sectionOf, sectionText, type ImportContext } from '../context.ts';

/** The timeline section's events as instants in the archive's zone, each with a guessed kind. */
export function mapTimeline(ctx: ImportContext): void {
  const section = sectionOf(ctx, 'timeline');
  const raw = section ? parseTimeline(sectionText(ctx, section), section.title, ctx.out.day, ctx.order) : [];
  ctx.out.events = raw.map((e, index) => {
    const at = inZone(e.date, e.time, e.offset ?? ctx.out.declaredZone, ctx.timeZone).timestamp;
    return { at, ms: toEpochMs(at), text: e.text, line: e.line, kind: guessEventKind(e.text, index === 0) };
  });
}
