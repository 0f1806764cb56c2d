import { SEARCH_FILTERS, type IncidentSearchFilter } from '../schema/incident-fields.ts';

/** Display names by id, for filters that show a catalog or taxonomy name rather than the id written. */
export interface FilterNames {
  services: ReadonlyMap<string, { name: string }>;
  teams: ReadonlyMap<string, { name: string }>;
  categories: ReadonlyMap<string, { name: string }>;
}

/** One Pagefind filter value of a page, written `data-pagefind-filter="name:value"`. */
export interface FilterValue {
  name: string;
  value: string;
}

// The values at a path, through every item of a list on the way (and of the list at its end).
function valuesAt(data: unknown, keys: readonly string[]): unknown[] {
  if (Array.isArray(data)) return data.flatMap((item) => valuesAt(item, keys));
  if (keys.length === 0) return data === undefined || data === null ? [] : [data];
  if (typeof data !== 'object' || data === null) return [];
  const [key, ...rest] = keys as [string, ...string[]];
  return valuesAt((data as Record<string, unknown>)[key], rest);
}

function show(filter: IncidentSearchFilter, value: string, names: FilterNames): string {
  switch (filter.shows) {
    case 'year':
      return value.slice(0, 4);
    case 'service-name':
      return names.services.get(value)?.name ?? value;
    case 'team-name':
      return names.teams.get(value)?.name ?? value;
    case 'category-name':
      return names.categories.get(value)?.name ?? value;
    default:
      return value;
  }
}

/** The search filter values of an incident, each once per filter, in the order the schema declares the filters. */
export function incidentFilterValues(
  incident: object,
  names: FilterNames,
  filters: readonly IncidentSearchFilter[] = SEARCH_FILTERS,
): FilterValue[] {
  return filters.flatMap((filter) => {
    const shown = valuesAt(incident, filter.path.split('.')).map((value) => show(filter, String(value), names));
    return [...new Set(shown)].map((value) => ({ name: filter.name, value }));
  });
}

/** The filter names in a sentence, e.g. `type, severity or year`. */
export function describeSearchFilters(filters: readonly Pick<IncidentSearchFilter, 'name'>[] = SEARCH_FILTERS): string {
  const names = [...new Set(filters.map((f) => f.name))];
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
