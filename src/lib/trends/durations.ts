import { summariseSample, type Sample } from '../figures.ts';
import type { IncidentView } from '../incidents.ts';
import { quarterOf, type QuarterKey } from './periods.ts';

/** The spread of some durations in minutes: n, the values, the median and (from five values) the 90th percentile. */
export type DurationSummary = Sample;

/** Summarises durations as every sample on the site is summarised (`summariseSample`). */
export function summariseDurations(values: readonly number[]): DurationSummary {
  return summariseSample(values);
}

/** The three measured durations. */
export const DURATION_MEASURES = [
  { key: 'timeToDetect', label: 'Time to detect' },
  { key: 'timeToMitigate', label: 'Time to mitigate' },
  { key: 'timeToResolve', label: 'Time to resolve' },
] as const;

/** `timeToDetect`, `timeToMitigate` or `timeToResolve`. */
export type DurationMeasure = (typeof DURATION_MEASURES)[number]['key'];

/** One incident's duration, for drawing every point of a distribution. */
export interface DurationPoint {
  id: string;
  title: string;
  quarter: QuarterKey;
  measure: DurationMeasure;
  minutes: number;
}

/** The durations of one quarter. */
export interface QuarterDurations {
  quarter: QuarterKey;
  /** Incidents (not near-misses) that started in the quarter. */
  incidents: number;
  timeToDetect: DurationSummary;
  timeToMitigate: DurationSummary;
  timeToResolve: DurationSummary;
  /** Incidents of the quarter with no `resolved` yet, left out of time to resolve. */
  unresolved: number;
  /** The quarter holds the reference day and ends after it: its figures count only up to the end of that day. */
  partial: boolean;
}

/**
 * Time to detect, mitigate and resolve per quarter of `started` in the time zone, for every quarter
 * in `quarters` (empty ones included). Near-misses are left out: they had no impact to mitigate.
 * Incidents without `mitigated` or `resolved` are left out of that measure only.
 */
export function durationsByQuarter(
  incidents: readonly IncidentView[],
  quarters: readonly QuarterKey[],
  timeZone: string,
  inProgress?: QuarterKey,
): {
  quarters: QuarterDurations[];
  points: DurationPoint[];
} {
  const points: DurationPoint[] = [];
  const rows = new Map<QuarterKey, { incidents: number; unresolved: number; values: Record<DurationMeasure, number[]> }>(
    quarters.map((q) => [q, { incidents: 0, unresolved: 0, values: { timeToDetect: [], timeToMitigate: [], timeToResolve: [] } }]),
  );
  const chronological = [...incidents].sort((a, b) => Date.parse(a.started) - Date.parse(b.started) || a.id.localeCompare(b.id));
  for (const incident of chronological) {
    if (incident.type === 'near-miss') continue;
    const quarter = quarterOf(incident.started, timeZone);
    const row = rows.get(quarter);
    if (!row) continue;
    row.incidents += 1;
    if (incident.timeToResolve === undefined) row.unresolved += 1;
    for (const { key } of DURATION_MEASURES) {
      const minutes = incident[key];
      if (minutes === undefined) continue;
      row.values[key].push(minutes);
      points.push({ id: incident.id, title: incident.title, quarter, measure: key, minutes });
    }
  }
  return {
    quarters: [...rows].map(([quarter, row]) => ({
      quarter,
      incidents: row.incidents,
      timeToDetect: summariseDurations(row.values.timeToDetect),
      timeToMitigate: summariseDurations(row.values.timeToMitigate),
      timeToResolve: summariseDurations(row.values.timeToResolve),
      unresolved: row.unresolved,
      partial: quarter === inProgress,
    })),
    points,
  };
}
