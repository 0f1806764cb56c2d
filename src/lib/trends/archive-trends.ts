import type { Organisation, Service, Team } from '../../schema/catalog.ts';
import { DECISIONS, DETECTIONS, PRIORITIES, TRIGGERS } from '../../schema/incident.ts';
import type { Category, Severity } from '../../schema/taxonomy.ts';
import type { IncidentView } from '../incidents.ts';
import { budgetsByService, countOverspends, type OverspendCount, type SloBudget } from './budgets.ts';
import { listActionItems, openActionItems, summariseItems, tallyActionItems, urgentFollowThrough, type ActionItemRow, type FollowThroughTally, type UrgentFollowThrough } from './follow-through.ts';
import { compareYears, coveredMonths, type OverviewOrders, type YearOnYear } from './overview.ts';
import { monthRange, type MonthKey } from './periods.ts';
import { findRecurrences, type Recurrence } from './recurrences.ts';

/** The parts of the archive the trends read: what `getArchive()` returns, so a public build's trends see only public incidents. */
export interface TrendsSource {
  organisation: Organisation;
  incidents: readonly IncidentView[];
  services: readonly Service[];
  teams: readonly Team[];
  severities: readonly Severity[];
  categories: readonly Category[];
  today: string;
}

/**
 * Results per archive: pages of one build share the same incidents array, so each figure is worked out
 * once per build however many pages show it.
 */
function memoise<T>(compute: (source: TrendsSource) => T): (source: TrendsSource) => T {
  const cache = new WeakMap<readonly IncidentView[], T>();
  return (source) => {
    let result = cache.get(source.incidents);
    if (result === undefined) {
      result = compute(source);
      cache.set(source.incidents, result);
    }
    return result;
  };
}

/** The orders the overview sorts by, from the taxonomy and the format's enums. */
export function overviewOrders(source: Pick<TrendsSource, 'severities' | 'categories'>): OverviewOrders {
  return {
    severities: source.severities.map((s) => s.id),
    categories: source.categories.map((c) => c.id),
    triggers: TRIGGERS,
    detections: DETECTIONS,
    decisions: DECISIONS,
  };
}

/** The archive's months: from the earliest incident to the reference day, in the organisation's time zone. */
export function archiveRange(source: Pick<TrendsSource, 'incidents' | 'today' | 'organisation'>): { from: MonthKey; to: MonthKey } {
  return coveredMonths(source.incidents, source.today, source.organisation.time_zone);
}

/** Error-budget figures for every service, over the archive's months. */
export const archiveBudgets: (source: TrendsSource) => { service: Service; slos: SloBudget[] }[] = memoise((source) => {
  const range = archiveRange(source);
  return budgetsByService(source.services, source.incidents, monthRange(range.from, range.to), source.today, source.organisation.time_zone);
});

/** Action-item follow-through for the whole archive. */
export interface FollowThrough {
  rows: ActionItemRow[];
  open: ActionItemRow[];
  all: FollowThroughTally;
  byTeam: FollowThroughTally[];
  byPriority: FollowThroughTally[];
  urgent: UrgentFollowThrough;
}

/** Action items flattened and tallied by team and by priority. */
export const archiveFollowThrough: (source: TrendsSource) => FollowThrough = memoise((source) => {
  const rows = listActionItems(source.incidents, new Set(source.teams.map((t) => t.id)), source.organisation.time_zone);
  const teamOrder = source.teams.map((t) => t.id);
  return {
    rows,
    open: openActionItems(rows),
    all: summariseItems('all', rows),
    byTeam: tallyActionItems(rows, (r) => r.team ?? 'no team', teamOrder),
    byPriority: tallyActionItems(rows, (r) => r.priority, PRIORITIES),
    urgent: urgentFollowThrough(source.incidents),
  };
});

/** Incidents repeating the primary service and contributing factor of an earlier one whose prevent items were done. */
export const archiveRecurrences: (source: TrendsSource) => Recurrence[] = memoise((source) =>
  findRecurrences(source.incidents, source.organisation.time_zone, 'primary'));

/** The same recurrences by the id of the later incident, so an incident page looks its own up. */
export const archiveRecurrencesByIncident: (source: TrendsSource) => ReadonlyMap<string, Recurrence[]> = memoise((source) => {
  const byIncident = new Map<string, Recurrence[]>();
  for (const r of archiveRecurrences(source)) byIncident.set(r.incident.id, [...(byIncident.get(r.incident.id) ?? []), r]);
  return byIncident;
});

/** The headline figures of the trends overview. */
export interface TrendsHeadline {
  yearOnYear: YearOnYear;
  overspends: OverspendCount;
  openActionItems: number;
  overdueActionItems: number;
  recurrences: number;
}

/** Headline figures: the last 12 months against the 12 before, budgets overspent, open items, recurrences. */
export function trendsHeadline(source: TrendsSource): TrendsHeadline {
  const range = archiveRange(source);
  const follow = archiveFollowThrough(source);
  return {
    yearOnYear: compareYears(source.incidents, range.to, source.organisation.time_zone),
    overspends: countOverspends(archiveBudgets(source).flatMap((s) => s.slos)),
    openActionItems: follow.all.open,
    overdueActionItems: follow.all.overdue,
    recurrences: new Set(archiveRecurrences(source).map((r) => r.incident.id)).size,
  };
}
