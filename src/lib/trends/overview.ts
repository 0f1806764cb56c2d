import type { IncidentView } from '../incidents.ts';
import {
  countByMonth,
  countPerPeriod,
  decisionFigures,
  releaseFigures,
  tallyByPeriod,
  type DecisionFigures,
  type MonthCount,
  type PeriodTally,
  type ReleaseBand,
  type ReleasePoint,
} from './counts.ts';
import { durationsByQuarter, type DurationPoint, type QuarterDurations } from './durations.ts';
import {
  halfOfMonth,
  halfRange,
  monthOf,
  monthRange,
  periodsInProgress,
  quarterOfMonth,
  quarterRange,
  yearRange,
  type HalfKey,
  type MonthKey,
  type PeriodsInProgress,
  type QuarterKey,
} from './periods.ts';

/** The taxonomy and enum orders an overview sorts by. */
export interface OverviewOrders {
  /** Severity ids, most severe first. */
  severities: readonly string[];
  /** Contributing-factor category ids in taxonomy order. */
  categories: readonly string[];
  triggers: readonly string[];
  detections: readonly string[];
  decisions: readonly string[];
}

/** Everything the overview shows for a set of incidents (the whole archive or one slice). */
export interface Overview {
  /** Incidents (not near-misses) and near-misses in the months covered. */
  incidents: number;
  nearMisses: number;
  months: MonthCount[];
  quarters: QuarterKey[];
  durations: { quarters: QuarterDurations[]; points: DurationPoint[] };
  /** Categories per quarter, most frequent first. */
  categories: PeriodTally[];
  /** Categories seen in the covered quarters but not in the last four of them. */
  dormantCategories: PeriodTally[];
  years: string[];
  /** Triggers per year, most frequent first. */
  triggers: PeriodTally[];
  halves: HalfKey[];
  /** Detection sources per half-year, with every incident and near-miss counted per half-year. */
  detection: { tallies: PeriodTally[]; totals: number[] };
  decisions: DecisionFigures[];
  releases: { points: ReleasePoint[]; bands: ReleaseBand[] };
  /** The periods of the range still in progress on the reference day, whose figures are partial. */
  inProgress: PeriodsInProgress;
}

/**
 * The months an overview covers: from the month of the earliest incident (or of `today` when there
 * are none) to the month of the reference day `today`. Figures count only post-mortems of incidents
 * that started by the end of the reference day (`countedPostMortems`), so no later month is needed.
 */
export function coveredMonths(incidents: readonly IncidentView[], today: string, timeZone: string): { from: MonthKey; to: MonthKey } {
  const todayMonth = today.slice(0, 7);
  const months = incidents.map((i) => monthOf(i.started, timeZone));
  return { from: months.reduce((a, b) => (b < a ? b : a), todayMonth), to: todayMonth };
}

/**
 * Builds the overview of `incidents` over the months `from` to `to` (both included) in the time zone;
 * the periods in progress on the reference day `today`, when given, are marked partial.
 */
export function buildOverview(
  incidents: readonly IncidentView[],
  range: { from: MonthKey; to: MonthKey },
  orders: OverviewOrders,
  timeZone: string,
  today?: string,
): Overview {
  const running = today === undefined ? {} : periodsInProgress(today);
  const inProgress: PeriodsInProgress = {
    ...(running.month !== undefined && running.month >= range.from && running.month <= range.to ? { month: running.month } : {}),
    ...(running.quarter !== undefined && quarterRange(range.from, range.to).includes(running.quarter) ? { quarter: running.quarter } : {}),
    ...(running.half !== undefined && halfRange(range.from, range.to).includes(running.half) ? { half: running.half } : {}),
    ...(running.year !== undefined && yearRange(range.from, range.to).includes(running.year) ? { year: running.year } : {}),
  };
  const monthKeyOf = (i: IncidentView) => monthOf(i.started, timeZone);
  const inRange = incidents.filter((i) => monthKeyOf(i) >= range.from && monthKeyOf(i) <= range.to);
  const quarters = quarterRange(range.from, range.to);
  const years = yearRange(range.from, range.to);
  const halves = halfRange(range.from, range.to);
  const categories = tallyByPeriod(
    inRange,
    (i) => i.contributing_factors.map((f) => f.category),
    (i) => quarterOfMonth(monthKeyOf(i)),
    quarters,
    orders.categories,
  );
  const recent = new Set(quarters.slice(-4));
  const months = countByMonth(inRange, monthRange(range.from, range.to), orders.severities, timeZone, inProgress.month);
  return {
    incidents: inRange.filter((i) => i.type !== 'near-miss').length,
    nearMisses: inRange.filter((i) => i.type === 'near-miss').length,
    months,
    quarters,
    durations: durationsByQuarter(inRange, quarters, timeZone, inProgress.quarter),
    categories,
    dormantCategories: quarters.length > 4 ? categories.filter((c) => !recent.has(c.last)) : [],
    years,
    triggers: tallyByPeriod(
      inRange,
      (i) => [i.trigger],
      (i) => monthKeyOf(i).slice(0, 4),
      years,
      orders.triggers,
    ),
    halves,
    detection: {
      tallies: tallyByPeriod(
        inRange,
        (i) => [i.detection],
        (i) => halfOfMonth(monthKeyOf(i)),
        halves,
        orders.detections,
      ),
      totals: countPerPeriod(inRange, (i) => halfOfMonth(monthKeyOf(i)), halves),
    },
    decisions: decisionFigures(inRange, orders.decisions),
    releases: releaseFigures(inRange, orders.severities),
    inProgress,
  };
}
