import { isCalendarDate } from '../../schema/common.ts';
import { offsetOn } from '../new-postmortem.ts';

/** How an all-numeric date such as `03/04/2024` is read: day first (Europe) or month first (the Americas). */
export type DateOrder = 'dmy' | 'mdy';

/** A date found in text: `YYYY-MM-DD`, where it was, and whether another reading was possible. */
export interface FoundDate {
  date: string;
  index: number;
  /** The text as written, e.g. `14 March 2024`. */
  text: string;
  /** The other reading of an all-numeric date whose day and month could be swapped. */
  otherReading?: string;
}

/** A clock time found in text, with the offset written after it (if any). */
export interface FoundTime {
  /** `HH:MM` or `HH:MM:SS`, 24-hour. */
  time: string;
  /** `Z` or `+HH:MM`, when the text names a zone or an offset. */
  offset?: string;
  index: number;
  /** The text as written, zone included, e.g. `2:05 pm UTC`. */
  text: string;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  '((?:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|[Mm]ay|[Jj]une?|[Jj]uly?|[Aa]ug(?:ust)?|[Ss]ep(?:t(?:ember)?)?|[Oo]ct(?:ober)?|[Nn]ov(?:ember)?|[Dd]ec(?:ember)?)|(?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC))\\.?';
const ORDINAL = '(?:st|nd|rd|th)?';

// Zone abbreviations that name one offset; ambiguous ones (IST, CST in Asia) are left out on purpose.
const ZONES: Record<string, string> = {
  Z: 'Z',
  UTC: 'Z',
  GMT: 'Z',
  BST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  WET: 'Z',
  WEST: '+01:00',
  EST: '-05:00',
  EDT: '-04:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
};
const ABBREVIATIONS = Object.keys(ZONES)
  .filter((z) => z !== 'Z' && z !== 'UTC' && z !== 'GMT')
  .join('|');
const ZONE = `(?:\\s*(?:(?<utc>UTC|GMT)\\s*(?<shift>[+-]\\d{1,2}(?::?\\d{2})?)?|(?<numeric>[+-]\\d{2}:?\\d{2})|(?<z>Z)(?![A-Za-z])|\\b(?<abbr>${ABBREVIATIONS})\\b))?`;
const TIME_PATTERN = new RegExp(`(?<![\\d:.])(\\d{1,2})(?::(\\d{2})(?::(\\d{2}))?)?(?:\\s*([ap])\\.?m\\.?(?![a-z]))?${ZONE}`, 'gi');

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function ymd(year: number, month: number, day: number): string | undefined {
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return isCalendarDate(date) ? date : undefined;
}

const RANGE_DASH = '\\s*[-–—]\\s*|\\s+to\\s+';

/**
 * Every date written in `text`, in order: ISO, `14 March 2024`, `March 14, 2024`, `14/03/2024` and
 * `24-10-2024` (read by `order`), and the first day of a range (`January 14-19, 2026`, `14–19 May 2025`).
 * With `year`, dates written without one (`May 12`, `14 Jan`) are read in that year too.
 */
export function findDates(text: string, order: DateOrder, year?: number): FoundDate[] {
  const found: FoundDate[] = [];
  const add = (index: number, written: string, date: string | undefined, otherReading?: string) => {
    if (!date || found.some((f) => index < f.index + f.text.length && f.index < index + written.length)) return;
    found.push({ date, index, text: written, ...(otherReading && otherReading !== date ? { otherReading } : {}) });
  };
  const month = (name: string) => MONTHS[name.slice(0, 3).toLowerCase()]!;
  for (const m of text.matchAll(/(?<![\d/.-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/])/g))
    add(m.index, m[0], ymd(+m[1]!, +m[3]!, +m[4]!));
  // Ranges first, so that "May 12-13, 2025" is one date, the first day.
  for (const m of text.matchAll(
    new RegExp(`\\b${MONTH}\\s+(\\d{1,2})${ORDINAL}(?:${RANGE_DASH})(?:${MONTH}\\s+)?\\d{1,2}${ORDINAL},?\\s+(\\d{4})\\b`, 'gi'),
  )) {
    add(m.index, m[0], ymd(+m[4]!, month(m[1]!), +m[2]!));
  }
  for (const m of text.matchAll(
    new RegExp(`\\b(\\d{1,2})${ORDINAL}(?:\\s+${MONTH})?(?:${RANGE_DASH})\\d{1,2}${ORDINAL}\\s+${MONTH}[\\s,]+(\\d{4})\\b`, 'gi'),
  )) {
    add(m.index, m[0], ymd(+m[4]!, month(m[2] ?? m[3]!), +m[1]!));
  }
  for (const m of text.matchAll(new RegExp(`\\b(\\d{1,2})${ORDINAL}(?:\\s+of)?[\\s-]+${MONTH}[\\s,-]+(\\d{4})\\b`, 'gi'))) {
    add(m.index, m[0], ymd(+m[3]!, month(m[2]!), +m[1]!));
  }
  for (const m of text.matchAll(new RegExp(`\\b${MONTH}\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})\\b`, 'gi'))) {
    add(m.index, m[0], ymd(+m[3]!, month(m[1]!), +m[2]!));
  }
  for (const m of text.matchAll(/(?<![\d/.:-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/])/g)) {
    const [a, b, y] = [+m[1]!, +m[3]!, +m[4]!];
    const dayFirst = ymd(y, b, a);
    const monthFirst = ymd(y, a, b);
    if (order === 'dmy') add(m.index, m[0], dayFirst ?? monthFirst, dayFirst ? monthFirst : undefined);
    else add(m.index, m[0], monthFirst ?? dayFirst, monthFirst ? dayFirst : undefined);
  }
  if (year !== undefined) {
    // "May 12", "Jan 14," and "12 May": only a capitalised or abbreviated month, so that "may" the verb is no date.
    for (const m of text.matchAll(new RegExp(`\\b(?=[A-Z])${MONTH}\\s+(\\d{1,2})${ORDINAL}(?![\\d:])`, 'g')))
      add(m.index, m[0], ymd(year, month(m[1]!), +m[2]!));
    for (const m of text.matchAll(new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?=[A-Z])${MONTH}(?![a-z])`, 'g')))
      add(m.index, m[0], ymd(year, month(m[2]!), +m[1]!));
  }
  return found.sort((x, y) => x.index - y.index);
}

function zoneOffset(groups: Record<string, string | undefined>): string | undefined {
  const shift = (value: string) => {
    const sm = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(value)!;
    const minutes = Number(sm[2]) * 60 + Number(sm[3] ?? 0);
    return minutes === 0 ? 'Z' : `${sm[1]}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  };
  if (groups.utc) return groups.shift ? shift(groups.shift) : 'Z';
  if (groups.numeric) return shift(groups.numeric);
  if (groups.z) return 'Z';
  if (groups.abbr) return ZONES[groups.abbr.toUpperCase()];
  return undefined;
}

/** Every clock time in `text`: `14:05`, `14:05:30`, `2:05 pm`, `9am`, each with the zone written after it. */
export function findTimes(text: string): FoundTime[] {
  const found: FoundTime[] = [];
  for (const m of text.matchAll(TIME_PATTERN)) {
    const [hours, minutes, seconds, meridiem] = [Number(m[1]), m[2], m[3], m[4]?.toLowerCase()];
    // A bare number is a time only with am/pm ("9am"); "3 services" is not.
    if (minutes === undefined && !meridiem) continue;
    let h = hours;
    if (meridiem) {
      if (h < 1 || h > 12) continue;
      h = (h % 12) + (meridiem === 'p' ? 12 : 0);
    }
    if (h > 23 || Number(minutes ?? 0) > 59 || Number(seconds ?? 0) > 59) continue;
    const offset = zoneOffset(m.groups ?? {});
    found.push({
      time: `${pad(h)}:${minutes ?? '00'}${seconds ? `:${seconds}` : ''}`,
      index: m.index,
      text: m[0].trimEnd(),
      ...(offset ? { offset } : {}),
    });
  }
  return found;
}

/** The zone a sentence such as "All times are UTC", "_All times in EEST_" or a heading "Timeline (CET)" declares, as an offset. */
export function declaredZone(markdown: string): string | undefined {
  // "_All times in EEST_": emphasis around the words is no part of them.
  const text = markdown.replace(/[*_`]+/g, ' ');
  const patterns = [
    /\b[Tt]imes?\s+(?:are\s+|shown\s+|given\s+|listed\s+)?(?:in\s+)?\(?\s*([A-Z]{1,4})\b/g,
    /\(\s*(?:[Aa]ll\s+times\s+)?(?:in\s+)?([A-Z]{1,4})\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const offset = ZONES[m[1]!];
      if (offset) return offset;
    }
  }
  return undefined;
}

/** The date a day after (or `days` after) a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function wallClock(ms: number, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}:${get('second')}` };
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function withSeconds(time: string): string {
  return time.length === 5 ? `${time}:00` : time;
}

/**
 * A wall-clock time in `timeZone` as an ISO 8601 timestamp with the offset in force at that moment:
 * `offsetOn` gives the offset at noon, which is wrong only in the hours around a clock change, so the
 * moment is checked against the zone and the other offset tried when it does not match.
 */
export function zonedTimestamp(date: string, time: string, timeZone: string): string {
  const local = `${date}T${withSeconds(time)}`;
  const noon = offsetOn(date, timeZone);
  const guess = Date.parse(`${local}${noon}`);
  const back = wallClock(guess, timeZone);
  if (`${back.date}T${back.time}` === local) return `${local}${noon}`;
  const actual = Math.round((Date.parse(`${back.date}T${back.time}Z`) - guess) / 60_000);
  const retry = Date.parse(`${local}${formatOffset(actual)}`);
  const again = wallClock(retry, timeZone);
  // A time that the clocks skipped (01:30 when they jump from 01:00 to 02:00) keeps the noon offset.
  return `${local}${`${again.date}T${again.time}` === local ? formatOffset(actual) : noon}`;
}

/** A time written with an explicit offset, moved to the wall clock of `timeZone`: its date, time and timestamp. */
export function inZone(date: string, time: string, offset: string | undefined, timeZone: string): { date: string; timestamp: string } {
  if (offset === undefined) return { date, timestamp: zonedTimestamp(date, time, timeZone) };
  const ms = Date.parse(`${date}T${withSeconds(time)}${offset}`);
  const wall = wallClock(ms, timeZone);
  return { date: wall.date, timestamp: zonedTimestamp(wall.date, wall.time, timeZone) };
}

/** The order all-numeric dates are read in for a time zone: month first in the Americas, day first elsewhere. */
export function dateOrderFor(timeZone: string): DateOrder {
  return timeZone.startsWith('America/') || timeZone === 'US/Pacific' || timeZone === 'US/Eastern' ? 'mdy' : 'dmy';
}
