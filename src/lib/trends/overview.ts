import type { IncidentView } from '../incidents.ts';
import { median } from '../stats.ts';
import { countByMonth, countPerPeriod, decisionFigures, releaseFigures, tallyByPeriod, type DecisionFigures, type MonthCount, type PeriodTally, type ReleaseBand, type ReleasePoint } from './counts.ts';
import { durationsByQuarter, type DurationPoint, type QuarterDurations } from './durations.ts';
import { halfOfMonth, halfRange, monthOf, monthRange, quarterOfMonth, quarterRange, yearRange, type HalfKey, type MonthKey, type QuarterKey } from './periods.ts';

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
}

/**
 * The months an overview covers: from the month of the earliest incident (or of `today` when that is
 * earlier or there are none) to the month of `today` or of the latest incident, whichever is later.
 */
export function coveredMonths(incidents: readonly IncidentView[], today: string, timeZone: string): { from: MonthKey; to: MonthKey } {
  const todayMonth = today.slice(0, 7);
  const months = incidents.map((i) => monthOf(i.started, timeZone));
  return {
    from: months.reduce((a, b) => (b < a ? b : a), todayMonth),
    to: months.reduce((a, b) => (b > a ? b : a), todayMonth),
  };
}

/** Builds the overview of `incidents` over the months `from` to `to` (both included) in the time zone. */
export function buildOverview(
  incidents: readonly IncidentView[],
  range: { from: MonthKey; to: MonthKey },
  orders: OverviewOrders,
  timeZone: string,
): Overview {
  const monthKeyOf = (i: IncidentView) => monthOf(i.started, timeZone);
  const inRange = incidents.filter((i) => monthKeyOf(i) >= range.from && monthKeyOf(i) <= range.to);
  const quarters = quarterRange(range.from, range.to);
  const years = yearRange(range.from, range.to);
  const halves = halfRange(range.from, range.to);
  const categories = tallyByPeriod(inRange, (i) => i.contributing_factors.map((f) => f.category), (i) => quarterOfMonth(monthKeyOf(i)), quarters, orders.categories);
  const recent = new Set(quarters.slice(-4));
  const months = countByMonth(inRange, monthRange(range.from, range.to), orders.severities, timeZone);
  return {
    incidents: inRange.filter((i) => i.type !== 'near-miss').length,
    nearMisses: inRange.filter((i) => i.type === 'near-miss').length,
    months,
    quarters,
    durations: durationsByQuarter(inRange, quarters, timeZone),
    categories,
    dormantCategories: quarters.length > 4 ? categories.filter((c) => !recent.has(c.last)) : [],
    years,
    triggers: tallyByPeriod(inRange, (i) => [i.trigger], (i) => monthKeyOf(i).slice(0, 4), years, orders.triggers),
    halves,
    detection: {
      tallies: tallyByPeriod(inRange, (i) => [i.detection], (i) => halfOfMonth(monthKeyOf(i)), halves, orders.detections),
      totals: countPerPeriod(inRange, (i) => halfOfMonth(monthKeyOf(i)), halves),
    },
    decisions: decisionFigures(inRange, orders.decisions),
    releases: releaseFigures(inRange, orders.severities),
  };
}

/** The headline figures of a set of incidents in the 12 months up to the end of a month, and the 12 before. */
export interface YearOnYear {
  /** Incidents (not near-misses) and median time to mitigate, this year and the year before. */
  recent: { incidents: number; medianTimeToMitigate: number | undefined };
  previous: { incidents: number; medianTimeToMitigate: number | undefined };
}

/** Compares the 12 months ending with month `to` (included) with the 12 months before them. */
export function compareYears(incidents: readonly IncidentView[], to: MonthKey, timeZone: string): YearOnYear {
  const yearBefore = (m: MonthKey) => `${Number(m.slice(0, 4)) - 1}${m.slice(4)}`;
  const start = yearBefore(to);
  const previousStart = yearBefore(start);
  const pick = (from: MonthKey, until: MonthKey) => {
    const chosen = incidents.filter((i) => i.type !== 'near-miss' && monthOf(i.started, timeZone) > from && monthOf(i.started, timeZone) <= until);
    return { incidents: chosen.length, medianTimeToMitigate: median(chosen.flatMap((i) => (i.timeToMitigate === undefined ? [] : [i.timeToMitigate]))) };
  };
  return { recent: pick(start, to), previous: pick(previousStart, start) };
}
