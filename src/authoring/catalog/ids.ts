/** `Rail_Ops`, `ticket.sales` and `Ticket Sales` all become the catalog id `rail-ops`, `ticket-sales`: lower-case, hyphens between words. */
export function toId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `search-relevance` reads `Search relevance`: a name for a team or SLO that only had an id. */
export function humanise(id: string): string {
  const words = id.split('-').filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A Backstage entity reference, `[kind:][namespace/]name`, e.g. `group:default/payments`. */
export interface EntityRef {
  kind: string;
  namespace: string;
  name: string;
}

/** Reads an entity reference; the kind defaults to `defaultKind` and the namespace to `default`. */
export function parseEntityRef(ref: string, defaultKind: string): EntityRef | undefined {
  const match = /^(?:([A-Za-z][\w-]*):)?(?:([^/:]+)\/)?([^/:]+)$/.exec(ref.trim());
  if (!match) return undefined;
  return { kind: (match[1] ?? defaultKind).toLowerCase(), namespace: match[2] ?? 'default', name: match[3]! };
}

/** A plain object, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A string with its whitespace collapsed, or undefined when there is none. */
export function asText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}
