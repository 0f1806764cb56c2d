import { toEpochMs } from '../time.ts';

/** A calendar month, `2025-03`. */
export type MonthKey = string;
/** A calendar quarter, `2025-Q1`. */
export type QuarterKey = string;

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Year, month, day, hour and minute of an instant on the wall clocks of a time zone. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of an instant (epoch milliseconds) in `timeZone`. */
export function zonedParts(epochMs: number, timeZone: string): ZonedParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** Minutes the zone's clocks are ahead of UTC at an instant: 60 for London in summer, 0 in winter. */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const p = zonedParts(epochMs, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((wall - Math.floor(epochMs / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a calendar day (`YYYY-MM-DD`) begins in a time zone, in epoch milliseconds:
 * `2025-10-26` in London begins at `2025-10-25T23:00Z`, because midnight that day is still summer time.
 * Where a clock change skips midnight (Santiago, 7 September 2025), the day begins at 01:00.
 */
export function startOfDay(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(y, m - 1, d);
  // The offset at midnight may differ from the offset at the wall-clock guess near a clock change, so
  // try both and keep the earliest instant that falls on the day itself.
  const first = wallMidnight - zoneOffsetMinutes(wallMidnight, timeZone) * 60_000;
  const second = wallMidnight - zoneOffsetMinutes(first, timeZone) * 60_000;
  const onTheDay = [first, second].filter((t) => {
    const p = zonedParts(t, timeZone);
    return p.year === y && p.month === m && p.day === d;
  });
  return onTheDay.length > 0 ? Math.min(...onTheDay) : second;
}

/** The calendar day `days` after `date` (negative for before), e.g. `2025-02-27` + 2 is `2025-03-01`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The month an instant falls in on the zone's calendar: `2025-03-31T23:30:00Z` is `2025-04` in London. */
export function monthOf(timestamp: string, timeZone: string): MonthKey {
  const p = zonedParts(toEpochMs(timestamp), timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/** The quarter a month belongs to: `2025-05` is `2025-Q2`. */
export function quarterOfMonth(month: MonthKey): QuarterKey {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarter an instant falls in on the zone's calendar. */
export function quarterOf(timestamp: string, timeZone: string): QuarterKey {
  return quarterOfMonth(monthOf(timestamp, timeZone));
}

/** The year an instant falls in on the zone's calendar, `2025`. */
export function yearOf(timestamp: string, timeZone: string): string {
  return monthOf(timestamp, timeZone).slice(0, 4);
}

/** The month after `month`: `2025-12` is followed by `2026-01`. */
export function nextMonth(month: MonthKey): MonthKey {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthRange(from: MonthKey, to: MonthKey): MonthKey[] {
  const months: MonthKey[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) months.push(m);
  return months;
}

/** Every quarter from the one holding month `from` to the one holding month `to`, both included. */
export function quarterRange(from: MonthKey, to: MonthKey): QuarterKey[] {
  return [...new Set(monthRange(from, to).map(quarterOfMonth))];
}

/** "Mar 2025" */
export function formatMonth(month: MonthKey): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** "Q1 2025" */
export function formatQuarter(quarter: QuarterKey): string {
  return `${quarter.slice(5)} ${quarter.slice(0, 4)}`;
}

/**
 * Minutes in a calendar month on the zone's clocks: March 2025 in London has 44,580
 * (31 days less the hour skipped when clocks went forward), October 2025 has 44,700.
 */
export function minutesInMonth(month: MonthKey, timeZone: string): number {
  return (startOfDay(`${nextMonth(month)}-01`, timeZone) - startOfDay(`${month}-01`, timeZone)) / 60_000;
}

/** A half-year, `2025-H1` (January to June) or `2025-H2`. */
export type HalfKey = string;

/** The half-year a month belongs to: `2025-07` is `2025-H2`. */
export function halfOfMonth(month: MonthKey): HalfKey {
  return `${month.slice(0, 4)}-H${Number(month.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** Every half-year from the one holding month `from` to the one holding month `to`, both included. */
export function halfRange(from: MonthKey, to: MonthKey): HalfKey[] {
  return [...new Set(monthRange(from, to).map(halfOfMonth))];
}

/** Every year from the one holding month `from` to the one holding month `to`, both included. */
export function yearRange(from: MonthKey, to: MonthKey): string[] {
  return [...new Set(monthRange(from, to).map((m) => m.slice(0, 4)))];
}

/** "H1 2025" */
export function formatHalf(half: HalfKey): string {
  return `${half.slice(5)} ${half.slice(0, 4)}`;
}

/** The last calendar day of a month: `2028-02` ends on `2028-02-29`. */
export function lastDayOfMonth(month: MonthKey): string {
  return addDays(`${nextMonth(month)}-01`, -1);
}

/** The month, quarter, half-year and year that hold the reference day and end after it: the periods still in progress. */
export interface PeriodsInProgress {
  month?: MonthKey;
  quarter?: QuarterKey;
  half?: HalfKey;
  year?: string;
}

/**
 * The periods in progress on the reference day `today` (YYYY-MM-DD): each one holding it whose last day
 * is later. Figures for them count up to the end of the reference day only, so they are marked partial.
 * On 31 December nothing is in progress; on 15 October 2026 all four are.
 */
export function periodsInProgress(today: string): PeriodsInProgress {
  const month = today.slice(0, 7);
  const m = Number(month.slice(5, 7));
  const year = month.slice(0, 4);
  const quarterEnd = lastDayOfMonth(`${year}-${String(Math.ceil(m / 3) * 3).padStart(2, '0')}`);
  const halfEnd = lastDayOfMonth(`${year}-${m <= 6 ? '06' : '12'}`);
  const result: PeriodsInProgress = {};
  if (lastDayOfMonth(month) > today) result.month = month;
  if (quarterEnd > today) result.quarter = quarterOfMonth(month);
  if (halfEnd > today) result.half = halfOfMonth(month);
  if (`${year}-12-31` > today) result.year = year;
  return result;
}
