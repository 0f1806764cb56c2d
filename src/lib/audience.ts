import type { StrippableField } from '../schema/incident-fields.ts';

/** Who a build is for: `internal` (everything but drafts) or `public` (only `visibility: public`, redacted). */
export type Audience = 'internal' | 'public';

// Removes the field at `keys` from every object on the way (each item of a list); a list there is emptied.
function stripAt(value: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => stripAt(item, keys));
  if (value === null || typeof value !== 'object') return value;
  const [key, ...rest] = keys as [string, ...string[]];
  if (!(key in value)) return value;
  const copy: Record<string, unknown> = { ...value };
  if (rest.length > 0) copy[key] = stripAt(copy[key], rest);
  else if (Array.isArray(copy[key])) copy[key] = [];
  else delete copy[key];
  return copy;
}

/**
 * A copy of the incident with the listed fields removed (lists emptied, optional values dropped). A
 * field is `key`, `object.key` or `list.key` (every item's `key`), as `public_strip` writes it.
 */
export function redactIncident<T extends object>(data: T, fields: readonly StrippableField[]): T {
  return fields.reduce<unknown>((value, path) => stripAt(value, path.split('.')), data) as T;
}

/**
 * A public incident without the ids of internal teams and services wherever people or teams are
 * named: an action item owned by an internal team loses its owner, and internal teams leave
 * `response.helped_by`. (Internal ids are dropped from `services` and `teams` by the caller.)
 */
export function withoutInternalNames<T extends { action_items: { owner?: string }[]; response: { helped_by: string[] } }>(
  data: T,
  internal: ReadonlySet<string>,
): T {
  return {
    ...data,
    action_items: data.action_items.map((item) => {
      if (item.owner === undefined || !internal.has(item.owner)) return item;
      const { owner: _owner, ...rest } = item;
      return rest as typeof item;
    }),
    response: { ...data.response, helped_by: data.response.helped_by.filter((who) => !internal.has(who)) },
  };
}
