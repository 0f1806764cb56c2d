import type { ActionItemView, IncidentView } from '../incidents.ts';
import { dateInZone, toEpochMs } from '../time.ts';

/** A later incident that repeats a service and contributing-factor category of an earlier one whose fixes were done. */
export interface Recurrence {
  incident: IncidentView;
  earlier: IncidentView;
  /** Services both incidents name. */
  services: string[];
  /** Contributing-factor categories both incidents name. */
  categories: string[];
  /** The earlier incident's `prevent` items, each done (or dropped) before the later incident began. */
  preventItems: ActionItemView[];
}

/**
 * Whether every `prevent` item of `earlier` was settled by the day `on` (YYYY-MM-DD): at least one done,
 * and none still open or in progress (items dropped as won't do are allowed, they prevented nothing).
 */
export function preventionWasDone(earlier: Pick<IncidentView, 'action_items'>, on: string): boolean {
  const prevent = earlier.action_items.filter((a) => a.kind === 'prevent');
  const settled = (a: ActionItemView) => (a.status === 'done' || a.status === 'wont-do') && a.closed !== undefined && a.closed <= on;
  return prevent.some((a) => a.status === 'done' && settled(a)) && prevent.every(settled);
}

/**
 * How two incidents must overlap: `primary` compares each one's primary service and primary
 * contributing-factor category (the first listed); `any` accepts any service and any category in common.
 */
export type RecurrenceMatch = 'primary' | 'any';

function overlap(later: IncidentView, earlier: IncidentView, match: RecurrenceMatch): { services: string[]; categories: string[] } {
  const laterCategories = later.contributing_factors.map((f) => f.category);
  const earlierCategories = earlier.contributing_factors.map((f) => f.category);
  if (match === 'primary') {
    const service = later.services[0];
    const category = laterCategories[0];
    return {
      services: service !== undefined && service === earlier.services[0] ? [service] : [],
      categories: category !== undefined && category === earlierCategories[0] ? [category] : [],
    };
  }
  return {
    services: later.services.filter((s) => earlier.services.includes(s)),
    categories: [...new Set(earlierCategories)].filter((c) => laterCategories.includes(c)),
  };
}

/**
 * Incidents that overlap an earlier one in a service and a contributing-factor category (see
 * `RecurrenceMatch`) whose `prevent` items were all done by the day the later one started (in the
 * time zone), each with the most recent such earlier incident. Newest first.
 */
export function findRecurrences(incidents: readonly IncidentView[], timeZone: string, match: RecurrenceMatch = 'primary'): Recurrence[] {
  const chronological = [...incidents].sort((a, b) => toEpochMs(a.started) - toEpochMs(b.started) || a.id.localeCompare(b.id));
  // Only incidents sharing a bucket can overlap: the primary service and category, or any one service.
  // Comparing within buckets keeps a 10,000-incident archive far from 50 million pairs.
  const bucketsOf = (i: IncidentView) =>
    match === 'primary'
      ? i.services[0] === undefined || i.contributing_factors[0] === undefined
        ? []
        : [`${i.services[0]} ${i.contributing_factors[0].category}`]
      : i.services;
  const seen = new Map<string, number[]>();
  const found: Recurrence[] = [];
  chronological.forEach((incident, n) => {
    const day = dateInZone(incident.started, timeZone);
    const buckets = bucketsOf(incident);
    // The most recent match overall is the latest of the most recent matches in each bucket.
    let best: Recurrence | undefined;
    let bestAt = -1;
    for (const bucket of buckets) {
      const list = seen.get(bucket) ?? [];
      for (let k = list.length - 1; k >= 0 && list[k]! > bestAt; k--) {
        const earlier = chronological[list[k]!]!;
        const { services, categories } = overlap(incident, earlier, match);
        if (services.length === 0 || categories.length === 0 || !preventionWasDone(earlier, day)) continue;
        best = { incident, earlier, services, categories, preventItems: earlier.action_items.filter((a) => a.kind === 'prevent') };
        bestAt = list[k]!;
        break;
      }
    }
    if (best) found.push(best);
    for (const b of buckets) {
      const list = seen.get(b);
      if (list) list.push(n);
      else seen.set(b, [n]);
    }
  });
  return found.reverse();
}

/** Recurrences indexed by the later incident's id, for flagging incident pages. */
export function recurrencesByIncident(recurrences: readonly Recurrence[]): ReadonlyMap<string, Recurrence[]> {
  const map = new Map<string, Recurrence[]>();
  for (const r of recurrences) map.set(r.incident.id, [...(map.get(r.incident.id) ?? []), r]);
  return map;
}
