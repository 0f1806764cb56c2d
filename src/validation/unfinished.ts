import type { Nodes as MdastNodes, Root } from 'mdast';
import { parseDocument } from 'yaml';
import { formatFieldPath, describeValue, type Problem } from './problems.ts';
import type { FrontmatterSource } from './source.ts';

/**
 * Finds what is unfinished in a post-mortem: `TODO` markers, the template's example values and guidance
 * left in place, zero bad minutes on a listed SLO, and empty sections. Drafts may hold all of these;
 * `npm run check` refuses them from `in-review` on and the build refuses them in `published` files.
 */

/** What the template and `npm run new` put in a draft, to recognise when it was never replaced. */
export interface Placeholders {
  /** Example strings of the template by field pattern, e.g. `action_items[].title`. */
  values: ReadonlyMap<string, ReadonlySet<string>>;
  /** The template body's guidance paragraphs, whitespace collapsed. */
  paragraphs: ReadonlySet<string>;
}

/** The statuses from which nothing may be unfinished, per command. */
export type UnfinishedFrom = 'in-review' | 'published';

// The template's prose examples and its author handle; ids (services, teams, helpers) may rightly match.
const PLACEHOLDER_FIELDS = [
  'title',
  'summary',
  'authors[]',
  'response.rationale',
  'customer_impact.description',
  'contributing_factors[].description',
  'action_items[].title',
  'timeline[].text',
];

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The field pattern of a path: list indexes become `[]`. */
function patternOf(path: readonly (string | number)[]): string {
  return path
    .map((s) => (typeof s === 'number' ? '[]' : `.${s}`))
    .join('')
    .replace(/^\./, '')
    .replace(/\.\[\]/g, '[]');
}

function strings(value: unknown, path: (string | number)[], out: { path: (string | number)[]; value: string }[]): void {
  if (typeof value === 'string') out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((item, i) => strings(item, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, [...path, k], out);
}

function paragraphsOf(tree: Root): { text: string; line: number }[] {
  const found: { text: string; line: number }[] = [];
  const textOf = (node: MdastNodes): string =>
    'value' in node && typeof node.value === 'string'
      ? node.value
      : 'children' in node
        ? node.children.map((c) => textOf(c as MdastNodes)).join('')
        : '';
  for (const node of tree.children)
    if (node.type === 'paragraph') found.push({ text: collapse(textOf(node)), line: node.position?.start.line ?? 1 });
  return found;
}

/** The placeholders of a template file (templates/postmortem.mdx): its example values and body guidance. */
export function templatePlaceholders(templateText: string, parseBody: (body: string) => Root | undefined): Placeholders {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(templateText);
  const values = new Map<string, Set<string>>();
  if (!match) return { values, paragraphs: new Set() };
  const found: { path: (string | number)[]; value: string }[] = [];
  strings(parseDocument(match[1]!).toJS(), [], found);
  for (const { path, value } of found) {
    const pattern = patternOf(path);
    if (!PLACEHOLDER_FIELDS.includes(pattern)) continue;
    if (!values.has(pattern)) values.set(pattern, new Set());
    values.get(pattern)!.add(value.trim());
  }
  const tree = parseBody(templateText.slice(match[0].length));
  return { values, paragraphs: new Set(tree ? paragraphsOf(tree).map((p) => p.text) : []) };
}

/** The placeholders of several templates together: a value or paragraph of any of them counts. */
export function mergePlaceholders(all: readonly Placeholders[]): Placeholders {
  const values = new Map<string, Set<string>>();
  for (const { values: each } of all) {
    for (const [pattern, examples] of each) values.set(pattern, new Set([...(values.get(pattern) ?? []), ...examples]));
  }
  return { values, paragraphs: new Set(all.flatMap((p) => [...p.paragraphs])) };
}

/** Problems of a post-mortem that is not finished, for a file whose status is at or past `from`. */
export function checkUnfinished(
  file: string,
  text: string,
  source: FrontmatterSource,
  tree: Root | undefined,
  placeholders: Placeholders,
): Problem[] {
  const problems: Problem[] = [];
  const report = (line: number, column: number, field: string, message: string, found: string, hint: string) =>
    problems.push({ file, line, column, field, rule: 'unfinished', severity: 'error', message, found, hint });

  // TODO in the frontmatter, in values and in comments alike (npm run new marks placeholder times with one).
  const lines = text.split('\n');
  let offset = lines[0]!.length + 1;
  for (let n = 1; n < source.bodyLine - 2 && n < lines.length; n++) {
    const line = lines[n]!;
    const at = line.search(/\bTODO\b/);
    if (at >= 0) {
      const hash = line.indexOf('#');
      const inComment = hash >= 0 && hash < at && !/["']/.test(line.slice(0, hash));
      const key = /^\s*(?:-\s+)?([A-Za-z_]+):\s*/.exec(line);
      const blockOffset = offset - (lines[0]!.length + 1);
      // The value that holds the marker, else (a comment after a value) the value on that line.
      let path = source.pathAt(blockOffset + at);
      if (path.length === 0 && key) path = source.pathAt(blockOffset + key[0].length);
      const field = formatFieldPath(path.length > 0 ? path : key ? [key[1]!] : []);
      const value = inComment ? undefined : source.scalarAt(path)?.value;
      const shown = typeof value === 'string' && value.includes('TODO') ? value.slice(value.indexOf('TODO')) : line.slice(at).trim();
      report(
        n + 1,
        at + 1,
        field,
        'expected finished text from in-review on',
        describeValue(shown),
        inComment
          ? 'The comment marks a value npm run new guessed: write the real one (a time with its offset) and delete the TODO.'
          : 'Replace the TODO with what happened; only drafts may keep TODO markers.',
      );
    }
    offset += line.length + 1;
  }

  // The template's example values, left in place.
  const data = source.data as Record<string, unknown> | undefined;
  const found: { path: (string | number)[]; value: string }[] = [];
  strings(data, [], found);
  for (const { path, value } of found) {
    const examples = placeholders.values.get(patternOf(path));
    if (!examples?.has(value.trim()) || /\bTODO\b/.test(value)) continue;
    const { line, column } = source.locate(path);
    report(
      line,
      column,
      formatFieldPath(path),
      "expected this post-mortem's own text, not the template's example",
      describeValue(value),
      path[0] === 'authors'
        ? 'Write the handles of the people who wrote this document.'
        : 'Replace the example with what happened in this incident.',
    );
  }

  // An SLO listed with zero bad minutes: the draft's guess, never filled in.
  if (data?.type !== 'near-miss' && Array.isArray(data?.slo_impact)) {
    (data.slo_impact as { slo?: unknown; bad_minutes?: unknown }[]).forEach((impact, i) => {
      if (impact?.bad_minutes !== 0) return;
      const { line, column } = source.locate(['slo_impact', i, 'bad_minutes']);
      report(
        line,
        column,
        `slo_impact[${i}].bad_minutes`,
        `expected the minutes that counted against ${String(impact.slo)}`,
        '0',
        "Write the bad minutes from the SLO's dashboard, or remove the entry if this SLO was not hit.",
      );
    });
  }

  if (!tree) return problems;
  const bodyLine = (line: number) => line + source.bodyLine - 1;
  // TODO in the body's prose (a fenced log excerpt may quote one).
  const walk = (node: MdastNodes) => {
    if (node.type === 'code') return;
    if ((node.type === 'text' || node.type === 'inlineCode') && /\bTODO\b/.test(node.value)) {
      const start = node.position?.start;
      const index = node.value.search(/\bTODO\b/);
      const before = node.value.slice(0, index);
      const lineShift = before.split('\n').length - 1;
      const column = lineShift === 0 ? (start?.column ?? 1) + index : before.length - before.lastIndexOf('\n');
      report(
        bodyLine((start?.line ?? 1) + lineShift),
        column,
        '',
        'expected finished text from in-review on',
        describeValue(node.value.slice(index).split('\n')[0]!.trim()),
        'Replace the TODO with what happened; only drafts may keep TODO markers.',
      );
    }
    if ('children' in node) for (const child of node.children) walk(child as MdastNodes);
  };
  walk(tree);

  // Sections left empty, and the template's guidance left in place.
  const sections = tree.children;
  sections.forEach((node, i) => {
    if (node.type !== 'heading') return;
    const next = sections[i + 1];
    const title = collapse(node.children.map((c) => ('value' in c ? c.value : '')).join(''));
    if (!next || (next.type === 'heading' && next.depth <= node.depth)) {
      report(
        bodyLine(node.position?.start.line ?? 1),
        1,
        '',
        `expected text under "${'#'.repeat(node.depth)} ${title}"`,
        'an empty section',
        'Write it, or remove the heading if it does not apply to this incident.',
      );
    }
  });
  for (const paragraph of paragraphsOf(tree)) {
    if (!placeholders.paragraphs.has(paragraph.text)) continue;
    report(
      bodyLine(paragraph.line),
      1,
      '',
      "expected this post-mortem's own text, not the template's guidance",
      describeValue(paragraph.text),
      'Replace the guidance with what happened, or remove the section if it does not apply.',
    );
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
