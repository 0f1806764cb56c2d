/**
 * Instants and wall clocks in a time zone. Chat exports carry instants (epoch seconds); post-mortems
 * carry ISO 8601 timestamps with the offset in force at that moment, so one timeline across a clock
 * change holds two offsets. A pasted transcript carries wall-clock times, which may name two instants
 * (the repeated hour in autumn) or none (the skipped hour in spring).
 */

const MINUTE = 60_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The offset of `timeZone` from UTC at an instant, in minutes east (60 for Europe/London in summer). */
export function offsetAt(ms: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')!.value;
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!m || m[1] === undefined) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** An offset in minutes as ISO 8601 writes it: `Z`, `+01:00`, `-05:00`. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant as a timestamp in the zone's wall clock with its offset, to the minute: `2026-10-25T01:30:00+01:00`. */
export function formatInstant(ms: number, timeZone: string): string {
  const minute = Math.floor(ms / MINUTE) * MINUTE;
  const offset = offsetAt(minute, timeZone);
  const wall = new Date(minute + offset * MINUTE).toISOString().slice(0, 16);
  return `${wall}:00${formatOffset(offset)}`;
}

/** The wall-clock date (`YYYY-MM-DD`) of an instant in a zone. */
export function dateIn(ms: number, timeZone: string): string {
  return new Date(ms + offsetAt(ms, timeZone) * MINUTE).toISOString().slice(0, 10);
}

/**
 * Every instant that a wall-clock date and time (`HH:MM` or `HH:MM:SS`) names in a zone, earliest
 * first: one as a rule, two in the hour the clocks go back, none in the hour they skip.
 */
export function instantsOf(date: string, time: string, timeZone: string): number[] {
  const naive = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}Z`);
  const offsets = new Set([-1, 0, 1].map((days) => offsetAt(naive + days * 86_400_000, timeZone)));
  const found = [...offsets].map((o) => naive - o * MINUTE).filter((ms) => offsetAt(ms, timeZone) === Math.round((naive - ms) / MINUTE));
  return [...new Set(found)].sort((a, b) => a - b);
}

/** The day after a `YYYY-MM-DD` date. */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
