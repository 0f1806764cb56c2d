import type { Organisation, Service, Team } from '../../schema/catalog.ts';
import { DECISIONS, DETECTIONS, PRIORITIES, TRIGGERS } from '../../schema/incident.ts';
import type { Category, Severity } from '../../schema/taxonomy.ts';
import { countedPostMortems, headlineFigures, type HeadlineFigures, type Reference } from '../figures.ts';
import type { IncidentView } from '../incidents.ts';
import { budgetsByService, countOverspends, type OverspendCount, type SloBudget } from './budgets.ts';
import {
  listActionItems,
  openActionItems,
  summariseItems,
  tallyActionItems,
  urgentFollowThrough,
  type ActionItemRow,
  type FollowThroughTally,
  type UrgentFollowThrough,
} from './follow-through.ts';
import { coordinationFigures, type Coordination } from './coordination.ts';
import { coveredMonths, type OverviewOrders } from './overview.ts';
import { monthRange, periodsInProgress, quarterRange, type MonthKey } from './periods.ts';
import { findRecurrences, type Recurrence } from './recurrences.ts';

/**
 * The parts of the archive the trends read: what `getArchive()` returns, so a public build's trends see
 * only public incidents. Every figure counts only `countedIncidents(source)` of `incidents`.
 */
export interface TrendsSource {
  organisation: Organisation;
  /** The incidents the build shows; drafts among them (under `npm run dev`) are never counted. */
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

/** The reference day and the organisation's time zone of a source. */
export function referenceOf(source: Pick<TrendsSource, 'today' | 'organisation'>): Reference {
  return { today: source.today, timeZone: source.organisation.time_zone };
}

/** The post-mortems every figure counts (`countedPostMortems`: in review or published, started by the end of the reference day), newest first. */
export const countedIncidents: (source: TrendsSource) => IncidentView[] = memoise((source) =>
  countedPostMortems(source.incidents, referenceOf(source)),
);

/** The archive's months: from the earliest counted incident to the reference day, in the organisation's time zone. */
export function archiveRange(source: TrendsSource): { from: MonthKey; to: MonthKey } {
  return coveredMonths(countedIncidents(source), source.today, source.organisation.time_zone);
}

/** Error-budget figures for every service, over the archive's months. */
export const archiveBudgets: (source: TrendsSource) => { service: Service; slos: SloBudget[] }[] = memoise((source) => {
  const range = archiveRange(source);
  return budgetsByService(
    source.services,
    countedIncidents(source),
    monthRange(range.from, range.to),
    source.today,
    source.organisation.time_zone,
  );
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
  const rows = listActionItems(countedIncidents(source), new Set(source.teams.map((t) => t.id)));
  const teamOrder = source.teams.map((t) => t.id);
  return {
    rows,
    open: openActionItems(rows),
    all: summariseItems('all', rows),
    byTeam: tallyActionItems(rows, (r) => r.team ?? 'no team', teamOrder),
    byPriority: tallyActionItems(rows, (r) => r.priority, PRIORITIES),
    urgent: urgentFollowThrough(countedIncidents(source)),
  };
});

/** How many people each counted incident pulled in, per quarter of the archive's range and per severity. */
export const archiveCoordination: (source: TrendsSource) => Coordination = memoise((source) => {
  const range = archiveRange(source);
  return coordinationFigures(
    countedIncidents(source),
    quarterRange(range.from, range.to),
    source.severities.map((s) => s.id),
    source.organisation.time_zone,
    periodsInProgress(source.today).quarter,
  );
});

/** Incidents repeating the primary service and contributing factor of an earlier one whose prevent items were done. */
export const archiveRecurrences: (source: TrendsSource) => Recurrence[] = memoise((source) =>
  findRecurrences(countedIncidents(source), source.organisation.time_zone, 'primary'),
);

/**
 * The weaker overlaps: each incident sharing any service and any category with an earlier one whose
 * prevention was done, with the most recent such earlier incident (`findRecurrences`, match `any`),
 * except the pairs `archiveRecurrences` already lists. One row per later incident, so the list grows
 * with the archive rather than with its pairs.
 */
export const archiveWeakerOverlaps: (source: TrendsSource) => Recurrence[] = memoise((source) => {
  const listed = new Set(archiveRecurrences(source).map((r) => `${r.incident.id} ${r.earlier.id}`));
  return findRecurrences(countedIncidents(source), source.organisation.time_zone, 'any').filter(
    (r) => !listed.has(`${r.incident.id} ${r.earlier.id}`),
  );
});

/** The same recurrences by the id of the later incident, so an incident page looks its own up. */
export const archiveRecurrencesByIncident: (source: TrendsSource) => ReadonlyMap<string, Recurrence[]> = memoise((source) => {
  const byIncident = new Map<string, Recurrence[]>();
  for (const r of archiveRecurrences(source)) byIncident.set(r.incident.id, [...(byIncident.get(r.incident.id) ?? []), r]);
  return byIncident;
});

/** The headline figures of the trends overview: the home page's (`headlineFigures`), with budgets overspent and recurrences. */
export interface TrendsHeadline {
  figures: HeadlineFigures;
  overspends: OverspendCount;
  recurrences: number;
}

/** The headline figures every page shares, from the counted post-mortems, against the reference day. */
export const archiveHeadline: (source: TrendsSource) => HeadlineFigures = memoise((source) =>
  headlineFigures(countedIncidents(source), referenceOf(source), source.severities),
);

/** Headline figures: the last 12 months against the 12 before, budgets overspent, open items, recurrences. */
export function trendsHeadline(source: TrendsSource): TrendsHeadline {
  return {
    figures: archiveHeadline(source),
    overspends: countOverspends(archiveBudgets(source).flatMap((s) => s.slos)),
    recurrences: new Set(archiveRecurrences(source).map((r) => r.incident.id)).size,
  };
}
