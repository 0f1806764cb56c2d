import { listSchemaFields, type SchemaField, type SearchFilter } from './fields.ts';
import { IncidentSchema } from './incident.ts';

/** Every field of the incident frontmatter, nested ones included, in the order the schema declares them. */
export const INCIDENT_FIELDS: readonly SchemaField[] = listSchemaFields(IncidentSchema);

/** The incident fields the prose rules read, with `[]` for every item of a list, e.g. `action_items[].title`. */
export const PROSE_FIELDS: readonly string[] = INCIDENT_FIELDS.filter((f) => f.meta?.prose === true).map((f) => f.pattern);

/** Incident fields a public build can strip, as `field` or `list.field`: the allowed values of `public_strip`. */
export const STRIPPABLE_FIELDS = INCIDENT_FIELDS.filter((f) => f.meta?.strip !== undefined).map((f) => f.path) as [string, ...string[]];

/** One strippable field, e.g. `action_items.owner`. */
export type StrippableField = string;

/** What a public build strips unless `catalog/organisation.yaml` says otherwise: who, and links into internal tools. */
export const DEFAULT_PUBLIC_STRIP: readonly StrippableField[] = INCIDENT_FIELDS.filter((f) => f.meta?.strip === 'default').map(
  (f) => f.path,
);

/** A search filter with the field it is set from, e.g. `{ path: 'services', name: 'service', shows: 'service-name' }`. */
export interface IncidentSearchFilter extends Required<SearchFilter> {
  /** The field, keys from the root, e.g. `contributing_factors.category`. */
  path: string;
}

/** The Pagefind filters the incident page sets, one per filtered field, in the order the schema declares them. */
export const SEARCH_FILTERS: readonly IncidentSearchFilter[] = INCIDENT_FIELDS.flatMap((f) =>
  f.meta?.filter ? [{ path: f.path, name: f.meta.filter.name, shows: f.meta.filter.shows ?? 'value' }] : [],
);
