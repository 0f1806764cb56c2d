/** Who a build is for: `internal` (everything but drafts) or `public` (only `visibility: public`, redacted). */
export type Audience = 'internal' | 'public';

/** Incident fields a public build can strip, as `field` or `list.field`. */
export const STRIPPABLE_FIELDS = [
  'authors',
  'response.helped_by',
  'response.rationale',
  'action_items.owner',
  'action_items.ticket',
  'customer_impact.users_affected',
  'release.ref',
  'timeline',
  'tags',
] as const;

/** One strippable field. */
export type StrippableField = (typeof STRIPPABLE_FIELDS)[number];

/** What a public build strips unless `catalog/organisation.yaml` says otherwise: who, and links into internal tools. */
export const DEFAULT_PUBLIC_STRIP: readonly StrippableField[] = ['authors', 'response.helped_by', 'action_items.owner', 'action_items.ticket'];

interface Redactable {
  authors: string[];
  tags: string[];
  timeline: unknown[];
  response: { helped_by: string[]; rationale?: string };
  action_items: { owner?: string; ticket?: string }[];
  customer_impact?: { users_affected?: number };
  release?: { ref?: string };
}

/** A copy of the incident with the listed fields removed (lists emptied, optional values dropped). */
export function redactIncident<T extends Redactable>(data: T, fields: readonly StrippableField[]): T {
  const strip = new Set(fields);
  const omit = <O extends object, K extends keyof O>(object: O, key: K, when: boolean): O => {
    if (!when) return object;
    const copy = { ...object };
    delete copy[key];
    return copy;
  };
  let response = omit(data.response, 'rationale', strip.has('response.rationale'));
  if (strip.has('response.helped_by')) response = { ...response, helped_by: [] };
  return {
    ...data,
    authors: strip.has('authors') ? [] : data.authors,
    tags: strip.has('tags') ? [] : data.tags,
    timeline: strip.has('timeline') ? [] : data.timeline,
    response,
    action_items: data.action_items.map((item) => omit(omit(item, 'owner', strip.has('action_items.owner')), 'ticket', strip.has('action_items.ticket'))),
    customer_impact: data.customer_impact && omit(data.customer_impact, 'users_affected', strip.has('customer_impact.users_affected')),
    release: data.release && omit(data.release, 'ref', strip.has('release.ref')),
  };
}
