import type { z } from 'astro/zod';
import { closestMatch, describeValue, formatFieldPath, type Finding } from './problems.ts';

type Path = (string | number)[];

/** Reads the value at a path in plain data. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** Keys a strict object schema at `path` allows, for "did you mean" hints. */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let node = s as { def?: { type?: string; innerType?: unknown; in?: unknown; element?: unknown; shape?: unknown } };
    while (node?.def && ['optional', 'default', 'nullable', 'pipe', 'prefault'].includes(node.def.type ?? '')) {
      node = (node.def.innerType ?? node.def.in) as typeof node;
    }
    return node;
  };
  for (const segment of path) {
    const node = unwrap(current) as { def?: { type?: string; element?: unknown; shape?: Record<string, unknown> } };
    if (node?.def?.type === 'array') current = node.def.element;
    else if (node?.def?.type === 'object' && typeof segment === 'string') current = node.def.shape?.[segment];
    else return [];
    if (node?.def?.type === 'array' && typeof segment !== 'number') return [];
  }
  const node = unwrap(current) as { def?: { type?: string; shape?: Record<string, unknown> } };
  return node?.def?.type === 'object' ? Object.keys(node.def.shape ?? {}) : [];
}

/** Turns zod issues into findings with the value found and a fix hint. */
export function zodIssuesToFindings(issues: readonly z.core.$ZodIssue[], data: unknown, schema: z.ZodType): Finding[] {
  const findings: Finding[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol') as Path;
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, path);
      for (const key of issue.keys) {
        const suggestion = closestMatch(key, known);
        findings.push({
          path: [...path, key],
          message: 'unknown key',
          hint: suggestion ? `Did you mean "${suggestion}"?` : `Remove it; the keys allowed here are ${known.join(', ')}.`,
          rule: 'schema',
        });
      }
      continue;
    }
    const found = valueAt(data, path);
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && found === undefined) {
      const siblings = knownKeysAt(schema, path.slice(0, -1));
      const key = String(path.at(-1));
      const before = siblings.includes(key) ? siblings.slice(0, siblings.indexOf(key)) : [];
      const parent = valueAt(data, path.slice(0, -1));
      const written = parent !== null && typeof parent === 'object' ? before.filter((k) => k in parent) : [];
      const where =
        written.length > 0 ? `after ${written.at(-1)}` : path.length > 1 ? `under ${formatFieldPath(path.slice(0, -1))}` : 'at the top';
      // zod's own words for a missing object ("Invalid input: expected object, received undefined") say nothing to an author.
      const expected = issue.message.startsWith('Invalid input') ? '' : `: ${issue.message}`;
      findings.push({
        path,
        message: `required field is missing${expected}`,
        rule: 'schema',
        missingAfter: before,
        hint: `Add ${key}: here, ${where}.`,
      });
      continue;
    }
    let hint: string | undefined;
    if (issue.code === 'invalid_value' && typeof found === 'string') {
      const suggestion = closestMatch(found, issue.values.map(String));
      if (suggestion) hint = `Did you mean "${suggestion}"?`;
    }
    findings.push({ path, message: issue.message, found: describeValue(found), hint, rule: 'schema' });
  }
  return findings;
}
