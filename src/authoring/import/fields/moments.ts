import { toEpochMs } from '../../../lib/time.ts';
import { inZone, zonedTimestamp } from '../dates.ts';
import type { SourceField } from '../vocabulary.ts';
import { comment, keep, mapped, note, quote, sectionOf, show, take, type ImportContext, type Written } from '../context.ts';
import { readMoment } from './start-date.ts';

/** Minutes in a duration such as `35 min`, `1h 20m` or `2 days`; undefined when it is not one. */
export function readDuration(value: string): number | undefined {
  const d = /^(?:(\d+)\s*d(?:ays?)?)?\s*(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:ute)?s?)?)?$/i.exec(value.trim());
  return d && d[0] !== '' ? Number(d[1] ?? 0) * 1440 + Number(d[2] ?? 0) * 60 + Number(d[3] ?? 0) : undefined;
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
  if (out.startTime) started = inZone(day, out.startTime.time, out.startTime.offset ?? declared, timeZone).timestamp;
  else if (events.length > 0) started = events.reduce((a, b) => (b.ms < a.ms ? b : a)).at;
  else {
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
  const firstEvent = (kind: string, floor: string) => events.find((e) => e.kind === kind && e.ms >= toEpochMs(floor))?.at;
  // A written moment out of order (detected before started) is kept for a person to sort out, not guessed at.
  const inOrder = (field: SourceField, written: string | undefined, floor: string, floorName: string) => {
    if (written === undefined || toEpochMs(written) >= toEpochMs(floor)) return written;
    keep(ctx, take(ctx, field)!, `before ${floorName}`);
    note(ctx, field === 'detected' ? 42 : 43, `${field} ${quote(show(take(ctx, field)!.value))} is before ${floorName}: kept under Supporting information; check both`);
    return undefined;
  };
  let detected = inOrder('detected', writtenDetected, started, 'started') ?? firstEvent('detect', started);
  const detectedIsPlaceholder = detected === undefined;
  detected ??= started;
  if (detectedIsPlaceholder) note(ctx, 42, 'detected: not in the source; set to started with a TODO');
  let mitigated = inOrder('mitigated', writtenMitigated, detected, 'detected') ?? firstEvent('mitigate', detected);
  const duration = take(ctx, 'duration');
  let mitigatedFromDuration = false;
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
      note(ctx, 43, `duration ${quote(show(duration.value))} not used (${mitigated ? 'mitigated is already known' : 'no start time'}): kept under Supporting information`);
    } else {
      keep(ctx, duration, 'not a duration the import can read');
      note(ctx, 43, `duration ${quote(show(duration.value))} could not be read: kept under Supporting information`);
    }
  }
  const resolved = inOrder('resolved', writtenResolved, mitigated ?? detected, mitigated ? 'mitigated' : 'detected') ?? firstEvent('resolve', mitigated ?? detected);
  if (!mitigated) note(ctx, 43, 'mitigated: not in the source; add it before review');
  const end = resolved ?? mitigated;
  const inside = events.filter((e) => e.ms >= toEpochMs(started) && (end === undefined || e.ms <= toEpochMs(end)));
  const outside = events.filter((e) => !inside.includes(e));
  if (outside.length > 0) {
    note(ctx, 45, `timeline: ${outside.length === 1 ? 'an event' : `${outside.length} events`} outside started..${resolved ? 'resolved' : 'mitigated'} kept in the body only (${outside.map((e) => quote(e.line)).join(', ')})`);
  }
  if (inside.length > 0) note(ctx, 45, `timeline: ${inside.length} ${inside.length === 1 ? 'event' : 'events'} imported; kinds guessed from the text: check them`);
  else if (sectionOf(ctx, 'timeline')) note(ctx, 45, 'timeline: no lines starting with a time; the section is kept in the body only');

  Object.assign(out, { started, detected, timeline: inside, ...(mitigated ? { mitigated } : {}), ...(resolved ? { resolved } : {}) });
  if (!startedHasTime) comment(ctx, ['started'], ' TODO: the real time, with its offset');
  if (detectedIsPlaceholder) comment(ctx, ['detected'], ' TODO: the real time, with its offset');
  if (mitigatedFromDuration) comment(ctx, ['mitigated'], ' TODO: started plus the duration in the source; check it');
  if (inside.length > 0) ctx.commentsBefore.set('timeline', { path: ['timeline'], text: ' TODO: the kinds below are guessed from the text; check them' });
}
