import type { IncidentData } from '../schema/incident.ts';
import { describeValue, type Finding } from './problems.ts';

/**
 * The bounds every archive file is held to, so that no file, however it was written, can exhaust the
 * check or the build: sizes, YAML aliases and the range of dates. docs/security.md explains each.
 */
export const LIMITS = {
  /** The largest post-mortem, reading list or catalog file, in bytes (2 MiB; the demo's largest is 12 KB). */
  fileBytes: 2 * 1024 * 1024,
  /** The largest frontmatter block, in bytes (256 KiB): its YAML is parsed into a tree with positions. */
  frontmatterBytes: 256 * 1024,
  /** How far YAML aliases (`*name`) may expand, as the `yaml` package counts it (its `maxAliasCount`). */
  yamlAliasCount: 100,
  /** The earliest day any date may be on: key moments, timeline events, due and closed dates. */
  earliestDay: '1970-01-01',
  /** The latest day an action item may be due or closed on. */
  latestPlanDay: '2100-12-31',
  /** How deep a body's tree may go (root, list, item, paragraph, emphasis, ... each a level). */
  bodyNesting: 100,
  /**
   * Emphasis and bracket characters in one paragraph (`*`, `_` between words' edges, `[`, `]`): the
   * Markdown parser's work grows with the square of them, and prose needs a few dozen.
   */
  paragraphMarkers: 500,
  /** Columns a line of the body may be indented (deeper means lists nested past any use, and slow parsing). */
  bodyIndent: 120,
} as const;

/** Where the current time comes from: the real clock in the commands and the build, a fixed one in tests. */
export type Clock = () => Date;

/** The real clock. */
export const systemClock: Clock = () => new Date();

/** Sizes for people: `2 MB`, `256 KB`, `5.1 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** The day after `now`, as YYYY-MM-DD in UTC: the latest day a key moment may be written with. */
export function tomorrowOf(now: Date): string {
  return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Key moments and timeline events lie between 1970 and tomorrow (by `now`, the real clock: an incident
 * cannot have happened yet, and a tomorrow leaves room for every time zone); action items are due and
 * closed between 1970 and 2100. Dates are compared as written (their first ten characters), so no
 * calendar arithmetic is done on a year the site could not show.
 */
export function checkDateRanges(
  data: Pick<IncidentData, 'started' | 'detected' | 'mitigated' | 'resolved' | 'timeline' | 'action_items'>,
  now: Date,
): Finding[] {
  const findings: Finding[] = [];
  const tomorrow = tomorrowOf(now);
  const moment = (path: (string | number)[], value: string | undefined) => {
    if (value === undefined) return;
    const day = value.slice(0, 10);
    if (day >= LIMITS.earliestDay && day <= tomorrow) return;
    findings.push({
      path,
      rule: 'schema',
      message: `expected a time between ${LIMITS.earliestDay} and tomorrow (${tomorrow})`,
      found: describeValue(value),
      hint: 'Key moments and timeline events record when the incident happened; check the year.',
    });
  };
  const planned = (path: (string | number)[], value: string | undefined) => {
    if (value === undefined || (value >= LIMITS.earliestDay && value <= LIMITS.latestPlanDay)) return;
    findings.push({
      path,
      rule: 'schema',
      message: `expected a date between ${LIMITS.earliestDay} and ${LIMITS.latestPlanDay}`,
      found: describeValue(value),
      hint: 'Check the year.',
    });
  };
  for (const key of ['started', 'detected', 'mitigated', 'resolved'] as const) moment([key], data[key]);
  data.timeline.forEach((event, i) => moment(['timeline', i, 'at'], event.at));
  data.action_items.forEach((item, i) => {
    planned(['action_items', i, 'due'], item.due);
    planned(['action_items', i, 'closed'], item.closed);
  });
  return findings;
}

// C0 and C1 control characters but tab, line feed and carriage return; and UTF-16 halves without their pair.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `U+0007`: a character the way Unicode names it. */
function codePoint(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first character a text may not hold, with where it is: control characters and broken UTF-16. */
export function findForbiddenCharacter(text: string): { char: string; index: number } | undefined {
  const match = FORBIDDEN.exec(text);
  return match ? { char: match[0], index: match.index } : undefined;
}

/**
 * Every string of parsed YAML data, keys included, holds text a page can show: no control characters
 * (tab and line breaks are fine) and no half of a UTF-16 pair (YAML's "\uD800" escape can write one).
 * Such characters are invisible in an editor and break the pages, feeds and terminal output they reach.
 */
export function checkTextCharacters(data: unknown): Finding[] {
  const findings: Finding[] = [];
  // An explicit stack: YAML nesting is bounded by the parser, but no recursion is needed to walk it.
  const stack: { value: unknown; path: (string | number)[]; key?: true }[] = [{ value: data, path: [] }];
  const report = (path: (string | number)[], text: string, what: string) => {
    const bad = findForbiddenCharacter(text);
    if (!bad) return;
    findings.push({
      path,
      rule: 'schema',
      message: `expected ${what} without control characters`,
      found: `${codePoint(bad.char)} at character ${bad.index + 1} of ${describeValue(text)}`,
      hint: 'Delete it (a tab or a line break is fine); it is invisible in most editors and breaks the pages and feeds it reaches.',
    });
  };
  while (stack.length > 0) {
    const { value, path, key } = stack.pop()!;
    if (typeof value === 'string') report(path, value, key ? 'a key' : 'text');
    else if (Array.isArray(value)) for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    else if (value !== null && typeof value === 'object' && !(value instanceof Date) && !ArrayBuffer.isView(value)) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [name, child] = entries[i]!;
        // A key that is itself bad is reported instead of what is under it.
        stack.push(
          findForbiddenCharacter(name) ? { value: name, path: [...path, name], key: true } : { value: child, path: [...path, name] },
        );
      }
    }
  }
  return findings;
}
