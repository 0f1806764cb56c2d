import { summariseSample, type Sample } from '../figures.ts';
import type { IncidentView } from '../incidents.ts';
import { summariseDurations, type DurationSummary } from './durations.ts';
import { monthOf, type MonthKey } from './periods.ts';

/** Incidents and near-misses that started in one month. */
export interface MonthCount {
  month: MonthKey;
  /** Incidents (not near-misses) per severity id; every severity is present, 0 when none. */
  bySeverity: Record<string, number>;
  incidents: number;
  nearMisses: number;
  /** The month holds the reference day and ends after it: counted only up to the end of that day. */
  partial: boolean;
}

/**
 * Incidents per month of `started` in the time zone, split by severity, with near-misses counted
 * apart; every month in `months` is present, empty ones with zeros. `inProgress` is the month marked partial.
 */
export function countByMonth(
  incidents: readonly IncidentView[],
  months: readonly MonthKey[],
  severities: readonly string[],
  timeZone: string,
  inProgress?: MonthKey,
): MonthCount[] {
  const rows = new Map<MonthKey, MonthCount>(
    months.map((month) => [
      month,
      {
        month,
        bySeverity: Object.fromEntries(severities.map((s) => [s, 0])),
        incidents: 0,
        nearMisses: 0,
        partial: month === inProgress,
      },
    ]),
  );
  for (const incident of incidents) {
    const row = rows.get(monthOf(incident.started, timeZone));
    if (!row) continue;
    if (incident.type === 'near-miss') {
      row.nearMisses += 1;
    } else {
      row.incidents += 1;
      row.bySeverity[incident.severity] = (row.bySeverity[incident.severity] ?? 0) + 1;
    }
  }
  return [...rows.values()];
}

/** How often one value (a category, trigger, detection source...) occurred in each period. */
export interface PeriodTally {
  key: string;
  /** Counts aligned with the `periods` passed in. */
  counts: number[];
  total: number;
  /** The first and last period with a count, in the order of `periods`. */
  first: string;
  last: string;
}

/**
 * Counts incidents per value and period. `valuesOf` may give several values (each counted once per
 * incident, however often it is repeated); incidents outside `periods` are ignored. Rows are sorted by
 * total, most frequent first, then in the order of `order` (values missing from `order` go last).
 */
export function tallyByPeriod(
  incidents: readonly IncidentView[],
  valuesOf: (incident: IncidentView) => readonly string[],
  periodOf: (incident: IncidentView) => string,
  periods: readonly string[],
  order: readonly string[] = [],
): PeriodTally[] {
  const column = new Map(periods.map((p, i) => [p, i]));
  const rows = new Map<string, number[]>();
  for (const incident of incidents) {
    const at = column.get(periodOf(incident));
    if (at === undefined) continue;
    for (const value of new Set(valuesOf(incident))) {
      let counts = rows.get(value);
      if (!counts) rows.set(value, (counts = periods.map(() => 0)));
      counts[at]! += 1;
    }
  }
  const rank = (key: string) => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  return [...rows]
    .map(([key, counts]) => ({
      key,
      counts,
      total: counts.reduce((a, b) => a + b, 0),
      first: periods[counts.findIndex((c) => c > 0)]!,
      last: periods[counts.length - 1 - [...counts].reverse().findIndex((c) => c > 0)]!,
    }))
    .sort((a, b) => b.total - a.total || rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
}

/** Every incident counted in each period: the denominators for shares. */
export function countPerPeriod(
  incidents: readonly IncidentView[],
  periodOf: (incident: IncidentView) => string,
  periods: readonly string[],
): number[] {
  const column = new Map(periods.map((p, i) => [p, i]));
  const totals = periods.map(() => 0);
  for (const incident of incidents) {
    const at = column.get(periodOf(incident));
    if (at !== undefined) totals[at]! += 1;
  }
  return totals;
}

/** One response decision with how long impact lasted when it was taken. */
export interface DecisionFigures {
  decision: string;
  /** Incidents (not near-misses) that took the decision. */
  count: number;
  timeToMitigate: DurationSummary;
  /** Each incident's time to mitigate, oldest incident first; unmitigated ones left out. */
  minutes: number[];
}

/**
 * Response decisions of incidents (near-misses left out), each with the spread of time to mitigate;
 * ordered like `order`, decisions never taken left out.
 */
export function decisionFigures(incidents: readonly IncidentView[], order: readonly string[]): DecisionFigures[] {
  const byDecision = new Map<string, { count: number; minutes: number[] }>();
  const chronological = [...incidents].sort((a, b) => Date.parse(a.started) - Date.parse(b.started) || a.id.localeCompare(b.id));
  for (const incident of chronological) {
    if (incident.type === 'near-miss') continue;
    const row = byDecision.get(incident.response.decision) ?? { count: 0, minutes: [] };
    row.count += 1;
    if (incident.timeToMitigate !== undefined) row.minutes.push(incident.timeToMitigate);
    byDecision.set(incident.response.decision, row);
  }
  return [...byDecision]
    .map(([decision, row]) => ({ decision, count: row.count, timeToMitigate: summariseDurations(row.minutes), minutes: row.minutes }))
    .sort((a, b) => order.indexOf(a.decision) - order.indexOf(b.decision));
}

/** An incident set off by a release of known size. */
export interface ReleasePoint {
  id: string;
  title: string;
  started: string;
  severity: string;
  linesChanged: number | undefined;
  pullRequests: number | undefined;
  /** For incidents only: a near-miss had no impact to mitigate. */
  timeToMitigate: number | undefined;
}

/** Release sizes by lines changed: up to 100, 101 to 1,000, and over 1,000. */
export const RELEASE_BANDS = [
  { key: 'small', label: 'Up to 100 lines', max: 100 },
  { key: 'medium', label: '101 to 1,000 lines', max: 1000 },
  { key: 'large', label: 'Over 1,000 lines', max: Infinity },
] as const;

/** The incidents set off by releases in one size band. */
export interface ReleaseBand {
  key: (typeof RELEASE_BANDS)[number]['key'];
  label: string;
  count: number;
  /** Incidents per severity id; every severity present. */
  bySeverity: Record<string, number>;
  /** Time to mitigate of the band's incidents (not near-misses), and the pull requests of all in it: each with its n. */
  timeToMitigate: Sample;
  pullRequests: Sample;
  /** `started` of the latest incident in the band. */
  latest: string | undefined;
}

/**
 * Incidents whose `release` gives `lines_changed` or `pull_requests`, oldest first, and those with
 * `lines_changed` grouped into size bands. The archive holds only releases that went wrong, so these
 * figures compare failures with each other; they are not a failure rate.
 */
export function releaseFigures(
  incidents: readonly IncidentView[],
  severities: readonly string[],
): { points: ReleasePoint[]; bands: ReleaseBand[] } {
  const points = incidents
    .filter((i) => i.release?.lines_changed !== undefined || i.release?.pull_requests !== undefined)
    .map((i) => ({
      id: i.id,
      title: i.title,
      started: i.started,
      severity: i.severity,
      linesChanged: i.release?.lines_changed,
      pullRequests: i.release?.pull_requests,
      timeToMitigate: i.type === 'incident' ? i.timeToMitigate : undefined,
    }))
    .sort((a, b) => Date.parse(a.started) - Date.parse(b.started) || a.id.localeCompare(b.id));
  const bands = RELEASE_BANDS.map((band, n) => {
    const min = n === 0 ? -Infinity : RELEASE_BANDS[n - 1]!.max;
    const inBand = points.filter((p) => p.linesChanged !== undefined && p.linesChanged > min && p.linesChanged <= band.max);
    const bySeverity = Object.fromEntries(severities.map((s) => [s, 0]));
    for (const p of inBand) bySeverity[p.severity] = (bySeverity[p.severity] ?? 0) + 1;
    return {
      key: band.key,
      label: band.label,
      count: inBand.length,
      bySeverity,
      timeToMitigate: summariseSample(inBand.flatMap((p) => (p.timeToMitigate === undefined ? [] : [p.timeToMitigate]))),
      pullRequests: summariseSample(inBand.flatMap((p) => (p.pullRequests === undefined ? [] : [p.pullRequests]))),
      latest: inBand.at(-1)?.started,
    };
  });
  return { points, bands };
}
