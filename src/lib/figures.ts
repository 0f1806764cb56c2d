import type { IncidentView } from './incidents.ts';
import { percentile } from './stats.ts';
import { toEpochMs } from './time.ts';
import { addDays, startOfDay } from './trends/periods.ts';

// The definitions every page shares: which post-mortems count, the 12-month windows, what counts as
// severe, and how a sample of values is summarised. docs/metrics.md states each one in words.

/** The statuses whose post-mortems every figure counts: written up and at least in review. Drafts never count. */
export const COUNTED_STATUSES: readonly string[] = ['in-review', 'published'];

/** The fewest values a percentile beyond the median, or a comparison of two periods' statistics, rests on. */
export const MIN_SAMPLE = 5;

/** How many of the taxonomy's levels, counted from the most severe, are severe: `SEV1` and `SEV2` by default. */
export const SEVERE_LEVELS = 2;

/** The reference day (`YYYY-MM-DD`, HINDSIGHT_TODAY) and the organisation's time zone: every window is judged against them. */
export interface Reference {
  today: string;
  timeZone: string;
}

/** The instant the reference day ends in the zone: the moment the next day begins, in epoch milliseconds. */
export function endOfReferenceDay(ref: Reference): number {
  return startOfDay(addDays(ref.today, 1), ref.timeZone);
}

/** Whether a post-mortem of this status counts in the figures: `in-review` or `published`. */
export function isCountedStatus(status: string): boolean {
  return COUNTED_STATUSES.includes(status);
}

/**
 * The post-mortems every figure counts: status `in-review` or `published`, and an incident that
 * started before the end of the reference day (a later one can exist only when HINDSIGHT_TODAY is
 * set to an earlier day). Order is kept.
 */
export function countedPostMortems<T extends Pick<IncidentView, 'status' | 'started'>>(incidents: readonly T[], ref: Reference): T[] {
  const end = endOfReferenceDay(ref);
  return incidents.filter((i) => isCountedStatus(i.status) && toEpochMs(i.started) < end);
}

/** A stretch of time from `from` (included) to `to` (excluded), epoch milliseconds, with its first and last calendar day in the zone. */
export interface Span {
  from: number;
  to: number;
  firstDay: string;
  lastDay: string;
}

/** The same calendar date `years` years earlier or later; 29 February becomes 28 February in a year without one. */
export function shiftYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

/**
 * The calendar days from the day after `lastDay`'s date `years` earlier through `lastDay`, as instants
 * in the zone: from 00:00 on the first day to 00:00 on the day after the last.
 */
function yearsEnding(lastDay: string, years: number, timeZone: string): Span {
  const firstDay = addDays(shiftYears(lastDay, -years), 1);
  return { from: startOfDay(firstDay, timeZone), to: startOfDay(addDays(lastDay, 1), timeZone), firstDay, lastDay };
}

/**
 * The last 12 months: the calendar days after the reference day's date a year earlier, through the
 * reference day, in the organisation's time zone. For 26 Nov 2026 in London that is 00:00 GMT on
 * 27 Nov 2025 to 00:00 GMT on 27 Nov 2026.
 */
export function lastTwelveMonths(ref: Reference): Span {
  return yearsEnding(ref.today, 1, ref.timeZone);
}

/** The 12 months before a 12-month span: the days through the day before it began. */
export function twelveMonthsBefore(span: Span, timeZone: string): Span {
  return yearsEnding(addDays(span.firstDay, -1), 1, timeZone);
}

/** Whether an incident started inside a span (its `started` instant at or after `from`, before `to`). */
export function startedWithin(incident: Pick<IncidentView, 'started'>, span: Span): boolean {
  const at = toEpochMs(incident.started);
  return at >= span.from && at < span.to;
}

/** A sample of values and the statistics the site may show for it. */
export interface Sample {
  /** How many values: shown beside every median and percentile. */
  n: number;
  /** The values, smallest first: shown instead of the 90th percentile below `MIN_SAMPLE`. */
  values: number[];
  /** PERCENTILE.INC at 50; undefined for no values. */
  median: number | undefined;
  /** PERCENTILE.INC at 90, only from `MIN_SAMPLE` values; undefined below. */
  p90: number | undefined;
  min: number | undefined;
  max: number | undefined;
}

/** Summarises some values: n, the values sorted, the median, and the 90th percentile from `MIN_SAMPLE` values on. */
export function summariseSample(values: readonly number[]): Sample {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    values: sorted,
    median: percentile(sorted, 50),
    p90: sorted.length >= MIN_SAMPLE ? percentile(sorted, 90) : undefined,
    min: sorted[0],
    max: sorted.at(-1),
  };
}

/** Whether two periods' statistics may be compared: both rest on at least `MIN_SAMPLE` values. */
export function canCompare(a: Pick<Sample, 'n'>, b: Pick<Sample, 'n'>): boolean {
  return a.n >= MIN_SAMPLE && b.n >= MIN_SAMPLE;
}

/** The severe severity ids: the first `SEVERE_LEVELS` of the taxonomy, given most severe first. */
export function severeSeverities(severities: readonly { id: string }[]): string[] {
  return severities.slice(0, SEVERE_LEVELS).map((s) => s.id);
}

/** Whether an action item is open: `open` or `in-progress`, not yet done or dropped. */
export function isOpenStatus(status: string): boolean {
  return status === 'open' || status === 'in-progress';
}

/** The time to mitigate of the incidents (not near-misses) among some post-mortems that have one. */
export function timesToMitigate(incidents: readonly IncidentView[]): number[] {
  return incidents.flatMap((i) => (i.type === 'incident' && i.timeToMitigate !== undefined ? [i.timeToMitigate] : []));
}

/** What the headline cards say about one 12-month span. */
export interface PeriodFigures {
  span: Span;
  /** Incidents (`type: incident`) that started in the span. */
  incidents: number;
  /** Near-misses that started in the span, counted apart. */
  nearMisses: number;
  /** Time to mitigate of those incidents, in minutes. */
  timeToMitigate: Sample;
}

/** The figures of some post-mortems over a span. */
export function periodFigures(incidents: readonly IncidentView[], span: Span): PeriodFigures {
  const within = incidents.filter((i) => startedWithin(i, span));
  const real = within.filter((i) => i.type === 'incident');
  return { span, incidents: real.length, nearMisses: within.length - real.length, timeToMitigate: summariseSample(timesToMitigate(real)) };
}

/** The headline figures the home page and the trends overview both show. */
export interface HeadlineFigures {
  lastYear: PeriodFigures;
  yearBefore: PeriodFigures;
  /** Whether both spans have `MIN_SAMPLE` times to mitigate, so their medians may be set side by side. */
  comparable: boolean;
  /** Action items `open` or `in-progress`, and how many of them are overdue on the reference day. */
  openActionItems: number;
  overdueActionItems: number;
  /** Incidents of the severe levels in the whole archive. */
  severe: { severities: string[]; incidents: number };
}

/**
 * The headline figures of the counted post-mortems (`countedPostMortems`): the last 12 months and the
 * 12 before, open and overdue action items, and severe incidents. `severities` are most severe first.
 */
export function headlineFigures(counted: readonly IncidentView[], ref: Reference, severities: readonly { id: string }[]): HeadlineFigures {
  const span = lastTwelveMonths(ref);
  const lastYear = periodFigures(counted, span);
  const yearBefore = periodFigures(counted, twelveMonthsBefore(span, ref.timeZone));
  const items = counted.flatMap((i) => i.action_items);
  const severe = severeSeverities(severities);
  return {
    lastYear,
    yearBefore,
    comparable: canCompare(lastYear.timeToMitigate, yearBefore.timeToMitigate),
    openActionItems: items.filter((a) => isOpenStatus(a.status)).length,
    overdueActionItems: items.filter((a) => a.overdue).length,
    severe: { severities: severe, incidents: counted.filter((i) => i.type === 'incident' && severe.includes(i.severity)).length },
  };
}
