import type { IncidentData } from '../schema/incident.ts';
import type { Service, Slo } from '../schema/catalog.ts';
import { isOpenStatus } from './figures.ts';
import {
  computeBudgetConsumed,
  computeBudgetMinutes,
  computeTimeToDetect,
  computeTimeToMitigate,
  computeTimeToResolve,
} from './metrics.ts';

/** An SLO hit, with the budget it consumed. */
export interface SloImpactView {
  slo: Slo;
  service: Service;
  badMinutes: number;
  budgetMinutes: number;
  /** Share of the window's budget: 1 is all of it. */
  consumed: number;
}

type ActionItem = IncidentData['action_items'][number];

/** Incident data as a build sees it: a public build may have stripped action-item owners and tickets. */
export type IncidentInput = Omit<IncidentData, 'action_items'> & { action_items: (Omit<ActionItem, 'owner'> & { owner?: string })[] };

/** An action item with whether it is overdue on the reference day. */
export type ActionItemView = IncidentInput['action_items'][number] & { overdue: boolean };

/** An incident with everything derived that the site shows. */
export interface IncidentView extends Omit<IncidentData, 'action_items'> {
  id: string;
  year: string;
  timeToDetect: number;
  timeToMitigate: number | undefined;
  timeToResolve: number | undefined;
  sloImpacts: SloImpactView[];
  action_items: ActionItemView[];
}

/** Lookups from catalog ids to catalog entries. */
export interface CatalogIndex {
  services: ReadonlyMap<string, Service>;
  slos: ReadonlyMap<string, { slo: Slo; service: Service }>;
}

/** Builds id lookups for services and SLOs. */
export function indexCatalog(services: readonly Service[]): CatalogIndex {
  return {
    services: new Map(services.map((s) => [s.id, s])),
    slos: new Map(services.flatMap((service) => service.slos.map((slo) => [slo.id, { slo, service }] as const))),
  };
}

/** An open or in-progress item whose due date is before `today` (YYYY-MM-DD). */
export function isOverdue(item: Pick<ActionItem, 'status' | 'due'>, today: string): boolean {
  return isOpenStatus(item.status) && item.due < today;
}

/** Derives durations, budget consumption and overdue flags for one validated incident. */
export function deriveIncident(id: string, data: IncidentInput, catalog: CatalogIndex, today: string): IncidentView {
  return {
    ...data,
    id,
    year: data.started.slice(0, 4),
    timeToDetect: computeTimeToDetect(data),
    timeToMitigate: computeTimeToMitigate(data),
    timeToResolve: computeTimeToResolve(data),
    sloImpacts: data.slo_impact.map((impact) => {
      const found = catalog.slos.get(impact.slo);
      if (!found) throw new Error(`${id}: slo_impact names unknown SLO ${impact.slo}`);
      return {
        slo: found.slo,
        service: found.service,
        badMinutes: impact.bad_minutes,
        budgetMinutes: computeBudgetMinutes(found.slo),
        consumed: computeBudgetConsumed(impact.bad_minutes, found.slo),
      };
    }),
    action_items: data.action_items.map((item) => ({ ...item, overdue: isOverdue(item, today) })),
  };
}

/** Newest first by `started`, then by id for a stable order. */
export function sortNewestFirst<T extends { started: string; id: string }>(incidents: readonly T[]): T[] {
  return [...incidents].sort((a, b) => Date.parse(b.started) - Date.parse(a.started) || b.id.localeCompare(a.id));
}

/** Lookups built once per build, so no page has to scan the archive. */
export interface ArchiveIndex<T extends IncidentView = IncidentView> {
  byId: ReadonlyMap<string, T>;
  /** Incidents that list the key in `related`. */
  relatedFrom: ReadonlyMap<string, T[]>;
  byService: ReadonlyMap<string, T[]>;
  byTeam: ReadonlyMap<string, T[]>;
  byTag: ReadonlyMap<string, T[]>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes incidents (already sorted as they should be listed) by id, service, team, tag and back-link. */
export function buildArchiveIndex<T extends IncidentView>(incidents: readonly T[]): ArchiveIndex<T> {
  const byId = new Map<string, T>();
  const relatedFrom = new Map<string, T[]>();
  const byService = new Map<string, T[]>();
  const byTeam = new Map<string, T[]>();
  const byTag = new Map<string, T[]>();
  for (const incident of incidents) {
    byId.set(incident.id, incident);
    for (const other of incident.related) push(relatedFrom, other, incident);
    for (const service of incident.services) push(byService, service, incident);
    for (const team of incident.teams) push(byTeam, team, incident);
    for (const tag of incident.tags) push(byTag, tag, incident);
  }
  return { byId, relatedFrom, byService, byTeam, byTag };
}

/** Related incidents in both directions: the ones this lists, then the ones that list it; each once. */
export function relatedBothWays<T extends IncidentView>(incident: T, index: ArchiveIndex<T>): T[] {
  const seen = new Set<string>([incident.id]);
  const out: T[] = [];
  for (const candidate of [...incident.related.map((id) => index.byId.get(id)), ...(index.relatedFrom.get(incident.id) ?? [])]) {
    if (candidate && !seen.has(candidate.id)) {
      seen.add(candidate.id);
      out.push(candidate);
    }
  }
  return out;
}
