import type { IncidentView } from './incidents.ts';
import { INCIDENT_STATUS_LABELS, INCIDENT_TYPE_LABELS } from './trends/labels.ts';

/** The format's values with their display names, in the format's order. */
const named = (labels: Readonly<Record<string, string>>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

/**
 * The filters of the incident list (/incidents/), in the order the page shows them. `name` is the query
 * parameter (`?severity=SEV1&severity=SEV2`) and the checkbox name; `row` is the data attribute of each
 * table row that public/incident-filters.js matches, holding one value or several separated by spaces.
 */
export const INCIDENT_FILTERS = [
  { name: 'severity', label: 'Severity', row: 'severity' },
  { name: 'service', label: 'Service', row: 'services' },
  { name: 'team', label: 'Team', row: 'teams' },
  { name: 'type', label: 'Type', row: 'type' },
  { name: 'year', label: 'Year', row: 'year' },
  { name: 'status', label: 'Status', row: 'status' },
] as const;

/** The orders of the incident list (`?sort=`); the first is the default, the order the page is written in. */
export const INCIDENT_SORTS = [
  { value: 'newest', label: 'newest first' },
  { value: 'oldest', label: 'oldest first' },
  { value: 'severity', label: 'most severe first' },
  { value: 'ttm-longest', label: 'longest time to mitigate' },
  { value: 'ttm-shortest', label: 'shortest time to mitigate' },
] as const;

/** One value a filter offers, with how many of the listed post-mortems have it. */
export interface FilterOption {
  value: string;
  label: string;
  count: number;
}

/** A filter with the values the list holds. */
export interface FilterGroup {
  name: (typeof INCIDENT_FILTERS)[number]['name'];
  label: string;
  options: FilterOption[];
}

/**
 * The values each filter offers for these incidents, each with its count: severities in the taxonomy's
 * order, services and teams by name, types and statuses in the format's order, years newest first. A
 * value no listed incident has is left out.
 */
export function filterOptions(
  incidents: readonly IncidentView[],
  catalog: {
    severities: readonly { id: string; name: string }[];
    services: readonly { id: string; name: string }[];
    teams: readonly { id: string; name: string }[];
  },
): FilterGroup[] {
  const count = (values: (i: IncidentView) => readonly string[]) => {
    const counts = new Map<string, number>();
    for (const incident of incidents) for (const value of new Set(values(incident))) counts.set(value, (counts.get(value) ?? 0) + 1);
    return counts;
  };
  const options = (counts: Map<string, number>, known: readonly { id: string; name: string }[], byName: boolean): FilterOption[] => {
    const listed = known.filter((k) => counts.has(k.id)).map((k) => ({ value: k.id, label: k.name, count: counts.get(k.id)! }));
    return byName ? listed.sort((a, b) => a.label.localeCompare(b.label)) : listed;
  };
  const years = [...count((i) => [i.year]).entries()]
    .sort((a, b) => b[0].localeCompare(a[0]))
    .map(([year, n]) => ({ value: year, label: year, count: n }));
  const groups: Record<FilterGroup['name'], FilterOption[]> = {
    severity: options(
      count((i) => [i.severity]),
      catalog.severities.map((s) => ({ id: s.id, name: s.id === s.name ? s.id : `${s.id} (${s.name})` })),
      false,
    ),
    service: options(
      count((i) => i.services),
      catalog.services,
      true,
    ),
    team: options(
      count((i) => i.teams),
      catalog.teams,
      true,
    ),
    type: options(
      count((i) => [i.type]),
      named(INCIDENT_TYPE_LABELS),
      false,
    ),
    year: years,
    status: options(
      count((i) => [i.status]),
      named(INCIDENT_STATUS_LABELS),
      false,
    ),
  };
  return INCIDENT_FILTERS.map((f) => ({ name: f.name, label: f.label, options: groups[f.name] })).filter((g) => g.options.length > 0);
}
