/** A position in a file, 1-based. */
export interface Position {
  line: number;
  column: number;
}

/** A problem found in the archive, with where it is and how to fix it. */
export interface Problem {
  /** Path relative to the project root, e.g. `incidents/2025/2025-01-14-x.mdx`. */
  file: string;
  line: number;
  column: number;
  /** The field path, e.g. `action_items[2].closed`; empty for the whole file. */
  field: string;
  /** What was expected, e.g. `expected one of SEV1, SEV2, SEV3, SEV4`. */
  message: string;
  /** What was found, already quoted, e.g. `"SEV5"`. */
  found?: string;
  /** How to fix it. */
  hint?: string;
  /**
   * The rule that raised it: `yaml`, `schema`, `consistency`, `reference` or `mdx-syntax` for the rules
   * the build enforces, or one of the rules of `npm run check` (src/check/rules/), e.g. `blameless-language`.
   */
  rule: string;
  severity: 'error' | 'warning';
  /** Where the rule is explained, when the check configuration names a docs address. */
  docs?: string;
}

/** A problem before it has a position: the field path as segments. */
export interface Finding {
  path: (string | number)[];
  message: string;
  found?: string;
  hint?: string;
  rule: string;
  severity?: 'error' | 'warning';
  /** For a missing key: the keys that come before it in the schema, to point where it belongs. */
  missingAfter?: readonly string[];
}

/** Formats a field path the way authors read it: `action_items[2].closed`. Control characters in a key are escaped, so no terminal acts on them. */
export function formatFieldPath(path: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      // eslint-disable-next-line no-control-regex -- escaping exactly these is the point
      const key = String(segment).replace(/[\u0000-\u001F\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      out += out === '' ? key : `.${key}`;
    }
  }
  return out;
}

/** Quotes a found value for a message: strings in double quotes, the rest as short JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value instanceof Date) return value.toISOString();
  const json = JSON.stringify(value);
  if (json === undefined) return String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/** One problem on one line: `file:line:column field: message, found X. hint`. */
export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  const field = p.field ? ` ${p.field}:` : '';
  const found = p.found !== undefined ? `, found ${p.found}` : '';
  const hint = p.hint ? `. ${p.hint}` : '';
  return `${where}${field} ${p.message}${found}${hint}`;
}

/** Orders problems by file, then line, then column. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** "Found 3 errors and 1 warning in 2 files." */
export function summariseProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const files = new Set(problems.map((p) => p.file)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(errors, 'error')];
  if (warnings > 0) parts.push(plural(warnings, 'warning'));
  return `Found ${parts.join(' and ')} in ${plural(files, 'file')}.`;
}

/** Thrown when the archive has problems; its message lists every one. */
export class ArchiveError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const sorted = sortProblems(problems);
    super(`The post-mortem archive has problems:\n${sorted.map((p) => `  ${formatProblem(p)}`).join('\n')}\n${summariseProblems(sorted)}`);
    this.name = 'ArchiveError';
    this.problems = sorted;
    // The message already says where and what: a stack trace would only bury it (Astro prints one when present).
    this.stack = '';
  }

  /**
   * The first line only. Astro guesses a hint from an error's string form, and any post-mortem that
   * mentions a "document" or a "window" would get advice about browser APIs; the message is unchanged.
   */
  override toString(): string {
    return `${this.name}: ${this.message.split('\n')[0]}`;
  }
}

/** The closest candidate by edit distance, when it is close enough to be a likely typo and no other is as close. */
export function closestMatch(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const candidate of candidates) {
    const d = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
      tied = false;
    } else if (d === bestDistance) tied = true;
  }
  // Two candidates equally close (SEV5 against SEV1..SEV4) make a guess, not a suggestion.
  return best !== undefined && !tied && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length]!;
}
