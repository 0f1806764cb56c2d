import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { describeValue, formatFieldPath, formatProblem, type Problem } from '../../validation/problems.ts';
import { parseYamlSource } from '../../validation/source.ts';
import { TimelineError } from './errors.ts';

/** Reads a UTF-8 text file; `shown` is its path as the report names it. */
export function readText(path: string, shown: string, fix: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new TimelineError(`${shown}: cannot be read (${code}). Check that it exists and that you may read it. ${fix}`);
  }
  try {
    if (bytes.includes(0)) throw new Error('NUL byte');
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new TimelineError(`${shown}: is not a UTF-8 text file. ${fix}`);
  }
}

/** The outcome of reading one JSON file against a schema: its data, or every problem with a position. */
export type JsonRead<T> = { data: T; problems: [] } | { data: undefined; problems: Problem[] };

function syntaxProblem(shown: string, text: string, error: Error): Problem {
  const message = error.message;
  let line = 1;
  let column = 1;
  const lc = /\(line (\d+) column (\d+)\)/.exec(message);
  const position = /at position (\d+)/.exec(message);
  if (lc) {
    line = Number(lc[1]);
    column = Number(lc[2]);
  } else if (position) {
    const before = text.slice(0, Number(position[1])).split('\n');
    line = before.length;
    column = before.at(-1)!.length + 1;
  } else if (text.trim() !== '') {
    const lines = text.trimEnd().split('\n');
    line = lines.length;
    column = lines.at(-1)!.length + 1;
  }
  const what = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  return {
    file: shown,
    line,
    column,
    field: '',
    rule: 'json',
    severity: 'error',
    message: `expected JSON, but it could not be read: ${what}`,
  };
}

/**
 * Reads a JSON file and checks it against a schema. Positions come from parsing the text again as
 * YAML (JSON is a subset of it), which is done only when something is wrong.
 */
export function readJsonFile<S extends z.ZodType>(path: string, shown: string, schema: S, fix: string): JsonRead<z.output<S>> {
  const text = readText(path, shown, fix);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { data: undefined, problems: [syntaxProblem(shown, text, error as Error)] };
  }
  const result = schema.safeParse(data);
  if (result.success) return { data: result.data, problems: [] };
  const source = parseYamlSource(shown, text);
  const problems = result.error.issues.map((issue): Problem => {
    const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
    let found: unknown = data;
    for (const segment of path)
      found = found !== null && typeof found === 'object' ? (found as Record<string | number, unknown>)[segment] : undefined;
    const { line, column } = source.locate(path);
    const missing = found === undefined && path.length > 0;
    return {
      file: shown,
      line,
      column,
      field: formatFieldPath(path),
      rule: 'json',
      severity: 'error',
      message: missing ? `required field is missing: ${issue.message}` : issue.message,
      ...(missing ? {} : { found: describeValue(found) }),
    };
  });
  return { data: undefined, problems };
}

/** One error for every problem found, each on its own line, then a count and how to fix them. */
export function problemsError(problems: readonly Problem[], fix: string): TimelineError {
  const files = new Set(problems.map((p) => p.file)).size;
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
  return new TimelineError(`${problems.map(formatProblem).join('\n')}\nFound ${count}. ${fix}`);
}
