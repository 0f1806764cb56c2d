import { isScalar, parseDocument } from 'yaml';
import { positionsOf } from '../document.ts';
import type { Position } from '../../validation/problems.ts';
import type { ExampleFinding, ExamplePlace, Rule, RuleExample } from '../types.ts';

/** Where the example post-mortem lives: a year folder and a date prefix that agree with its `started`. */
export const EXAMPLE_FILE = 'incidents/2025/2025-06-21-checkout-500s-after-a-flag-push.mdx';

/** The frontmatter of the example post-mortem: no problem of any rule in an archive with these services and team. */
export const EXAMPLE_FRONTMATTER = `title: Checkout returned 500s after a flag config push
summary: A flag bundle went to every region at once and checkout failed for 45 minutes.
status: published
visibility: internal
type: incident
severity: SEV2
services: [checkout-api, feature-flags]
teams: [payments]
authors: [akrishnan]
started: 2025-06-21T13:55:00Z
detected: 2025-06-21T14:02:00Z
mitigated: 2025-06-21T14:40:00Z
detection: alert
trigger: config-change
response:
  decision: rollback
  rationale: The checkout error budget was nearly spent for the month.
contributing_factors:
  - category: configuration
    description: Flag bundles went to every region at once.
action_items:
  - title: Stage flag pushes through one canary region first
    kind: prevent
    owner: payments
    priority: P1
    due: 2025-07-15
    status: open
`;

/** The body of the example post-mortem when an example goes elsewhere. */
export const EXAMPLE_BODY = '## Impact\n\nCard payments failed for 45 minutes.';

/** The example post-mortem with one example's text in its place, and where that text starts. */
export function placeExample(place: ExamplePlace, text: string): { file: string; text: string; start: Position } {
  const head = '---\n';
  const build = (frontmatter: string, body: string) => `${head}${frontmatter}---\n\n${body}\n`;
  if (place === 'body') {
    const file = build(EXAMPLE_FRONTMATTER, text);
    return { file: EXAMPLE_FILE, text: file, start: positionsOf(file)(file.length - text.length - 1) };
  }
  const { frontmatter, offset } =
    place === 'frontmatter' ? replaceTopLevelKeys(EXAMPLE_FRONTMATTER, text) : replaceFieldValue(EXAMPLE_FRONTMATTER, place.field, text);
  const file = build(frontmatter, EXAMPLE_BODY);
  return { file: EXAMPLE_FILE, text: file, start: positionsOf(file)(head.length + offset) };
}

/** The lines of `text` take the place of the frontmatter's lines for the same top-level keys; new keys go at the end. */
function replaceTopLevelKeys(frontmatter: string, text: string): { frontmatter: string; offset: number } {
  const keyOf = (line: string) => /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
  const keys = new Set(
    text
      .split('\n')
      .map(keyOf)
      .filter((k) => k !== undefined),
  );
  const lines = frontmatter.replace(/\n$/, '').split('\n');
  const kept: string[] = [];
  let at: number | undefined;
  let dropping = false;
  for (const line of lines) {
    const key = keyOf(line);
    if (key !== undefined) dropping = keys.has(key);
    if (dropping) at ??= kept.length;
    else kept.push(line);
  }
  at ??= kept.length;
  const before = kept
    .slice(0, at)
    .map((l) => `${l}\n`)
    .join('');
  return {
    frontmatter: `${before}${text}\n${kept
      .slice(at)
      .map((l) => `${l}\n`)
      .join('')}`,
    offset: before.length,
  };
}

/** `text` as the YAML value of the field at `path` (`response.rationale`, `action_items[0].title`). */
function replaceFieldValue(frontmatter: string, path: string, text: string): { frontmatter: string; offset: number } {
  const segments = path
    .split(/\.|\[(\d+)\]/)
    .filter((s) => s !== undefined && s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const node = parseDocument(frontmatter).getIn(segments, true);
  if (!isScalar(node) || !node.range) throw new Error(`The example post-mortem has no single-line value at ${path}.`);
  const [from, to] = node.range;
  return { frontmatter: frontmatter.slice(0, from) + text + frontmatter.slice(to), offset: from };
}

/** Where an example goes, in words: `the body`, `the frontmatter` or `the value of <field>`. */
export function describePlace(place: ExamplePlace): string {
  return place === 'body' ? 'the body' : place === 'frontmatter' ? 'the frontmatter' : `the value of ${place.field}`;
}

/** A finding the way the report shows it, without the file: `1:8 field: message, found X`. */
export function formatExampleFinding(finding: ExampleFinding): string {
  const field = finding.field ? ` ${finding.field}:` : '';
  const found = finding.found !== undefined ? `, found ${finding.found}` : '';
  return `${finding.line}:${finding.column}${field} ${finding.message}${found}`;
}

/** A rule's examples as plain text for `--explain`; empty when it has none. */
export function explainExamples(rule: Rule): string {
  const examples: readonly RuleExample[] = rule.examples ?? [];
  if (examples.length === 0) return '';
  const indent = (text: string, by: string) => text.split('\n').join(`\n${by}`);
  const blocks = examples.map((example) =>
    [
      `  In ${describePlace(example.in)}:`,
      `    Bad:  ${indent(example.bad, '          ')}`,
      `          -> ${formatExampleFinding(example.finding)}`,
      `    Good: ${indent(example.good, '          ')}`,
    ].join('\n'),
  );
  return `Examples (line:column count from the start of the example):\n\n${blocks.join('\n\n')}\n`;
}
