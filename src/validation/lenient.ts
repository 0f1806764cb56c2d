import type { z } from 'astro/zod';
import type { Finding } from './problems.ts';
import { valueAt } from './zod-findings.ts';

type Path = (string | number)[];

/**
 * Parses data that failed its schema once more, without what was wrong: unknown keys and invalid
 * optional values are removed, an invalid choice is replaced by an allowed one. When that gives valid
 * data, the rules that need valid data (consistency, references) can still run, so one run reports
 * every problem. Returns undefined when a required value is missing or unusable. `touched` lists the
 * paths that were changed: findings about them would only repeat the schema's problem.
 */
export function parseWithoutInvalid<S extends z.ZodType>(schema: S, data: unknown): { data: z.output<S>; touched: Path[] } | undefined {
  const current: unknown = structuredClone(data);
  const touched: Path[] = [];
  for (let round = 0; round < 5; round++) {
    const result = schema.safeParse(current);
    if (result.success) return { data: result.data, touched };
    for (const issue of result.error.issues) {
      const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) remove(current, [...path, key]);
        touched.push(...issue.keys.map((key) => [...path, key]));
        continue;
      }
      const value = valueAt(current, path);
      if (value === undefined) return undefined;
      if (issue.code === 'invalid_value' && issue.values.length > 0) set(current, path, issue.values[0]);
      else remove(current, path);
      touched.push(path);
    }
  }
  return undefined;
}

/** True when a finding is about a path the lenient parse changed, or about something containing it. */
export function isAboutTouched(finding: Finding, touched: readonly Path[]): boolean {
  const startsWith = (a: readonly (string | number)[], b: readonly (string | number)[]) => b.every((s, i) => a[i] === s);
  return touched.some((path) => startsWith(finding.path, path) || startsWith(path, finding.path));
}

function parentOf(data: unknown, path: Path): Record<string | number, unknown> | undefined {
  const parent = valueAt(data, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' ? (parent as Record<string | number, unknown>) : undefined;
}

function remove(data: unknown, path: Path): void {
  const parent = parentOf(data, path);
  if (parent) delete parent[path.at(-1)!];
}

function set(data: unknown, path: Path, value: unknown): void {
  const parent = parentOf(data, path);
  if (parent) parent[path.at(-1)!] = value;
}
