import { toEpochMs } from '../../../lib/time.ts';
import { inZone, zonedTimestamp } from '../dates.ts';
import type { SourceField } from '../vocabulary.ts';
import { comment, keep, mapped, note, quote, sectionOf, show, take, type ImportContext, type Written } from '../context.ts';
import { readMoment } from './start-date.ts';

const UNIT_MINUTES: [RegExp, number][] = [
  [/^d(?:ays?)?$/i, 1440],
  [/^h(?:ours?|rs?)?$/i, 60],
  [/^m(?:in(?:ute)?s?)?$/i, 1],
];

/** Minutes in a duration such as `35 min`, `1h 20m`, `~24h40m`, `about 2 hours and 5 minutes` or `2 days`; undefined when it is not one. */
export function readDuration(value: string): number | undefined {
  const text = value.trim().replace(/^(?:[~±≈]|approx(?:\.|imately)?|about|around|roughly|circa|ca\.)\s*/i, '');
  let minutes = 0;
  let rest = text;
  let parts = 0;
  for (;;) {
    const m = /^(\d+(?:[.,]\d+)?)\s*([a-z]+)\.?(?:\s*,?\s*(?:and\s+)?)?/i.exec(rest);
    const unit = m ? UNIT_MINUTES.find(([pattern]) => pattern.test(m[2]!)) : undefined;
    if (!m || !unit) break;
    minutes += Number(m[1]!.replace(',', '.')) * unit[1];
    rest = rest.slice(m[0].length);
    parts++;
  }
  return parts > 0 && rest.trim() === '' ? Math.round(minutes) : undefined;
}

/** An event's text shortened for a TODO comment. */
function briefly(text: string): string {
  return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}

/**
 * `started`, `detected`, `mitigated` and `resolved`: written values, else the timeline's first event of each
 * kind; `mitigated` may be started plus a written duration. Then the events inside the incident's window.
 */
export function mapKeyMoments(ctx: ImportContext): void {
  const { out, timeZone, order } = ctx;
  const { day, events } = out;
  const declared = out.declaredZone;
  const momentOf = (w: Written | undefined): string | undefined => {
    if (!w) return undefined;
    const m = readMoment(show(w.value), order);
    if (!m.time) return undefined;
    return inZone(m.date?.date ?? day, m.time, m.offset ?? declared, timeZone).timestamp;
  };
  let started: string;
  let startedHasTime = true;
  // Every moment read from a timeline event is a guess about what the event meant, so it carries a TODO.
  const guessedFrom = new Map<'started' | 'detected' | 'mitigated' | 'resolved', string>();
  if (out.startTime) started = inZone(day, out.startTime.time, out.startTime.offset ?? declared, timeZone).timestamp;
  else if (events.length > 0) {
    const first = events.reduce((a, b) => (b.ms < a.ms ? b : a));
    started = first.at;
    guessedFrom.set('started', ` TODO: the first timeline event ('${briefly(first.text)}'); check it is when the impact began`);
  } else {
    started = zonedTimestamp(day, '00:00', timeZone);
    startedHasTime = false;
    note(ctx, 41, 'started: no time in the source; set to 00:00 with a TODO');
  }
  const after = (ts: string | undefined, floor: string) => (ts !== undefined && toEpochMs(ts) >= toEpochMs(floor) ? ts : undefined);
  const explicit = (field: SourceField) => {
    const w = take(ctx, field);
    const at = momentOf(w);
    if (w && !at) {
      keep(ctx, w, 'no time the import can read');
      note(ctx, 42, `${field} ${quote(show(w.value))} has no time the import can read: kept under Supporting information`);
    } else mapped(ctx, w);
    return at;
  };
  const writtenDetected = explicit('detected');
  const writtenMitigated = explicit('mitigated');
  const writtenResolved = explicit('resolved');
  const eventOf = (moment: 'detected' | 'mitigated' | 'resolved', kinds: readonly string[], floor: string) => {
    for (const kind of kinds) {
      const event = events.find((e) => e.kind === kind && e.ms >= toEpochMs(floor));
      if (event) {
        guessedFrom.set(moment, ` TODO: guessed from the timeline ('${briefly(event.text)}'); check it`);
        return event.at;
      }
    }
    return undefined;
  };
  // A written moment out of order (detected before started) is kept for a person to sort out, not guessed at.
  const inOrder = (field: SourceField, written: string | undefined, floor: string, floorName: string) => {
    if (written === undefined || toEpochMs(written) >= toEpochMs(floor)) return written;
    keep(ctx, take(ctx, field)!, `before ${floorName}`);
    note(
      ctx,
      field === 'detected' ? 42 : 43,
      `${field} ${quote(show(take(ctx, field)!.value))} is before ${floorName}: kept under Supporting information; check both`,
    );
    return undefined;
  };
  // Whoever escalated had noticed: an escalation is the detection when no event reads as one.
  let detected = inOrder('detected', writtenDetected, started, 'started') ?? eventOf('detected', ['detect', 'escalate'], started);
  const detectedIsPlaceholder = detected === undefined;
  detected ??= started;
  if (detectedIsPlaceholder) note(ctx, 42, 'detected: not in the source; set to started with a TODO');
  let mitigated = inOrder('mitigated', writtenMitigated, detected, 'detected');
  const duration = take(ctx, 'duration');
  let mitigatedFromDuration = false;
  // A written duration ("Time to recovery: 31 minutes") is surer than a guess from the timeline's words.
  if (duration) {
    const minutes = readDuration(show(duration.value));
    if (minutes !== undefined && startedHasTime && !mitigated) {
      const end = new Date(toEpochMs(started) + minutes * 60_000);
      mitigated = after(inZone(end.toISOString().slice(0, 10), end.toISOString().slice(11, 19), 'Z', timeZone).timestamp, detected);
      if (mitigated) {
        mitigatedFromDuration = true;
        mapped(ctx, duration);
        note(ctx, 43, `mitigated: started plus the duration ${quote(show(duration.value))}: check it`);
      } else {
        keep(ctx, duration, 'ends before detected');
        note(ctx, 43, `duration ${quote(show(duration.value))} ends before detected: kept under Supporting information`);
      }
    } else if (minutes !== undefined) {
      keep(ctx, duration, mitigated ? 'mitigated is already known' : 'no start time to add it to');
      note(
        ctx,
        43,
        `duration ${quote(show(duration.value))} not used (${mitigated ? 'mitigated is already known' : 'no start time'}): kept under Supporting information`,
      );
    } else {
      keep(ctx, duration, 'not a duration the import can read');
      note(ctx, 43, `duration ${quote(show(duration.value))} could not be read: kept under Supporting information`);
    }
  }
  mitigated ??= eventOf('mitigated', ['mitigate'], detected);
  let resolved =
    inOrder('resolved', writtenResolved, mitigated ?? detected, mitigated ? 'mitigated' : 'detected') ??
    eventOf('resolved', ['resolve'], mitigated ?? detected);
  // Entries after the impact stopped (the clean-up, a replay) belong to the incident too: without a stated end,
  // the last of them is taken as resolved, marked as a guess, rather than leaving them out of the timeline.
  const lastEvent = events.length > 0 ? events.reduce((a, b) => (b.ms > a.ms ? b : a)) : undefined;
  if (!writtenResolved && mitigated && lastEvent && lastEvent.ms > toEpochMs(resolved ?? mitigated)) {
    resolved = lastEvent.at;
    guessedFrom.set('resolved', ` TODO: the last timeline event ('${briefly(lastEvent.text)}'); check it is when the problem was fixed`);
  }
  if (!mitigated) note(ctx, 43, 'mitigated: not in the source; add it before review');
  const end = resolved ?? mitigated;
  const inside = events.filter((e) => e.ms >= toEpochMs(started) && (end === undefined || e.ms <= toEpochMs(end)));
  const outside = events.filter((e) => !inside.includes(e));
  if (outside.length > 0) {
    note(
      ctx,
      45,
      `timeline: ${outside.length === 1 ? 'an event' : `${outside.length} events`} outside started..${resolved ? 'resolved' : 'mitigated'} kept in the body only (${outside.map((e) => quote(e.line)).join(', ')})`,
    );
  }
  if (inside.length > 0)
    note(
      ctx,
      45,
      `timeline: ${inside.length} ${inside.length === 1 ? 'event' : 'events'} imported; kinds guessed from the text: check them`,
    );
  else if (sectionOf(ctx, 'timeline')) note(ctx, 45, 'timeline: no lines starting with a time; the section is kept in the body only');

  Object.assign(out, { started, detected, timeline: inside, ...(mitigated ? { mitigated } : {}), ...(resolved ? { resolved } : {}) });
  for (const [moment, text] of guessedFrom) if (out[moment] !== undefined) comment(ctx, [moment], text);
  if (!startedHasTime) comment(ctx, ['started'], ' TODO: the real time, with its offset');
  if (detectedIsPlaceholder) comment(ctx, ['detected'], ' TODO: the real time, with its offset');
  if (mitigatedFromDuration) comment(ctx, ['mitigated'], ' TODO: started plus the duration in the source; check it');
  if (inside.length > 0)
    ctx.commentsBefore.set('timeline', { path: ['timeline'], text: ' TODO: the kinds below are guessed from the text; check them' });
}
