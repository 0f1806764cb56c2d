/** Milliseconds since the epoch for an ISO 8601 timestamp with an offset, e.g. `2025-10-26T01:30:00+01:00`. */
export function toEpochMs(timestamp: string): number {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO 8601 timestamp: ${timestamp}`);
  return ms;
}

/** Whole and fractional minutes from `from` to `to`; negative when `to` is earlier. */
export function minutesBetween(from: string, to: string): number {
  return (toEpochMs(to) - toEpochMs(from)) / 60_000;
}

/** Days from one `YYYY-MM-DD` date to another, e.g. 2025-07-01 to 2025-07-15 is 14. */
export function daysBetweenDates(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The calendar date as the author wrote it: the first ten characters, `2025-10-26`. */
export function writtenDate(timestamp: string): string {
  return timestamp.slice(0, 10);
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone, e.g. `2025-10-26` in `Europe/London`. */
export function dateInZone(timestamp: string, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(toEpochMs(timestamp)));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "1 h 05 min", "38 min", "2 d 3 h": a duration for people, rounded to the minute. */
export function formatDuration(minutes: number): string {
  const total = Math.round(minutes);
  if (total < 60) return `${total} min`;
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  return mins > 0 ? `${hours} h ${String(mins).padStart(2, '0')} min` : `${hours} h`;
}
