import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { isAlias, parseDocument, visit } from 'yaml';
import { formatBytes, LIMITS } from '../../validation/limits.ts';
import type { Heading, Nodes, Root, RootContent } from 'mdast';

const parser = unified().use(remarkParse);

/** A mistake in what `npm run import` was given, with a message that names the file and says how to fix it. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** A source post-mortem split into its frontmatter (when it has one) and its Markdown body. */
export interface SourceDocument {
  /** The frontmatter's keys and values; undefined when there is no `---` block. */
  frontmatter: Record<string, unknown> | undefined;
  /** The body with `\n` line ends. */
  body: string;
  /** The body's Markdown tree (CommonMark), positions relative to `body`. */
  tree: Root;
}

/** Parses Markdown (CommonMark) into a tree with positions. */
export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}

/** Splits a source file into frontmatter and body; a frontmatter that is not YAML key-value pairs is an ImportError. */
export function readSource(display: string, rawText: string): SourceDocument {
  const text = rawText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---[ \t]*\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { frontmatter: undefined, body: text, tree: parseMarkdown(text) };
  const yaml = match[1] ?? '';
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const before = yaml.slice(0, error.pos[0]);
    const line = before.split('\n').length + 1;
    const column = before.length - before.lastIndexOf('\n');
    throw new ImportError(
      `${display}:${line}:${column}: the frontmatter is not valid YAML (${error.message.split('\n')[0]}). Fix it, or remove the --- block, then run the import again.`,
    );
  }
  // The same bounds as the check: no tags (some YAML readers run code for them), aliases capped, a bounded block.
  const at = (offset: number) => {
    const before = yaml.slice(0, offset);
    return `${display}:${before.split('\n').length + 1}:${before.length - before.lastIndexOf('\n')}`;
  };
  if (Buffer.byteLength(yaml) > LIMITS.frontmatterBytes) {
    throw new ImportError(
      `${display}:2:1: the frontmatter is larger than ${formatBytes(LIMITS.frontmatterBytes)}. Move long text into the body, then run the import again.`,
    );
  }
  let tagged: { tag: string; offset: number } | undefined;
  visit(doc, {
    Node: (_, node) => {
      if (!node.tag || isAlias(node)) return undefined;
      const start = node.range?.[0] ?? 0;
      let offset = yaml.lastIndexOf('!', start);
      if (offset < 0 || yaml.slice(offset, start).includes('\n')) offset = start;
      while (offset > 0 && yaml[offset - 1] === '!') offset -= 1;
      tagged = { tag: node.tag.replace(/^tag:yaml\.org,2002:/, '!!'), offset };
      return visit.BREAK;
    },
  });
  if (tagged)
    throw new ImportError(
      `${at(tagged.offset)}: the frontmatter has a YAML tag (${tagged.tag}). Remove the tag (quote the value if it is text), then run the import again.`,
    );
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.yamlAliasCount });
  } catch {
    let first = 0;
    visit(doc, {
      Alias: (_, node) => {
        first = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    throw new ImportError(
      `${at(first)}: the frontmatter's aliases (*name) repeat more than ${LIMITS.yamlAliasCount} values. Write the values out, then run the import again.`,
    );
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new ImportError(
      `${display}:2:1: the frontmatter is not a list of "key: value" lines. Write it as key: value pairs, or remove the --- block, then run the import again.`,
    );
  }
  const body = text.slice(match[0].length);
  return { frontmatter: (data ?? {}) as Record<string, unknown>, body, tree: parseMarkdown(body) };
}

/** The source text of a node. */
export function sourceOf(text: string, node: { position?: { start: { offset?: number }; end: { offset?: number } } }): string {
  return text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
}

function collectText(node: Nodes, out: string[]): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      out.push(node.value);
      return;
    case 'html':
      // <br> and friends separate words; other tags carry no text.
      out.push(/^<br\s*\/?>$/i.test(node.value) ? ' ' : node.value.replace(/<[^>]*>/g, ''));
      return;
    case 'break':
      out.push(' ');
      return;
    case 'image':
      out.push(node.alt ?? '');
      return;
    case 'code':
      out.push(node.value);
      return;
    default:
      if ('children' in node) for (const child of node.children) collectText(child as Nodes, out);
  }
}

/** Markdown to one line of plain text: emphasis, links and code marks dropped, white space collapsed. */
export function plainText(markdown: string): string {
  const out: string[] = [];
  for (const block of parseMarkdown(markdown).children) {
    collectText(block, out);
    out.push(' ');
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** A heading's text, as plain text. */
export function headingText(body: string, heading: Heading): string {
  const out: string[] = [];
  for (const child of heading.children) collectText(child, out);
  return out.join('').replace(/\s+/g, ' ').trim() || plainText(sourceOf(body, heading).replace(/^#+|#+$/g, ''));
}

/** A part of the body that starts at a heading and runs to the next heading of the same or a higher level. */
export interface Section {
  heading: Heading;
  /** The heading as plain text, e.g. `Root cause (5 whys)`. */
  title: string;
  /** Offsets in the body: the heading's start, the content's start (after the heading) and the end. */
  start: number;
  contentStart: number;
  end: number;
  /** The top-level nodes of the section's content. */
  nodes: RootContent[];
}

/** Every section of the body, one per heading at any level, in order; a section contains its sub-sections. */
export function sectionsOf(body: string, tree: Root): Section[] {
  const sections: Section[] = [];
  const children = tree.children;
  children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    let next = index + 1;
    while (next < children.length && !(children[next]!.type === 'heading' && (children[next] as Heading).depth <= node.depth)) next++;
    const end = next < children.length ? children[next]!.position!.start.offset! : body.length;
    sections.push({
      heading: node,
      title: headingText(body, node),
      start: node.position!.start.offset!,
      contentStart: node.position!.end.offset!,
      end,
      nodes: children.slice(index + 1, next),
    });
  });
  return sections;
}

/** Splits a Markdown table row into its cells, keeping escaped pipes inside a cell. */
export function tableCells(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|') && !/[^\\]\|/.test(trimmed)) return undefined;
  const cells = trimmed
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
  return cells.length >= 2 ? cells : undefined;
}

/** True for the line under a table's header: `|---|:---:|`. */
export function isTableDelimiter(line: string): boolean {
  return /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line) && line.includes('-');
}

/** The tables in a piece of Markdown: each header (plain text) and its rows of cells, with the row's line index. */
export function findTables(
  lines: readonly string[],
): { header: string[]; rows: { cells: string[]; line: number }[]; first: number; last: number }[] {
  const tables: ReturnType<typeof findTables> = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = tableCells(lines[i]!);
    if (!header || !isTableDelimiter(lines[i + 1]!)) continue;
    const rows: { cells: string[]; line: number }[] = [];
    let j = i + 2;
    for (; j < lines.length; j++) {
      const cells = tableCells(lines[j]!);
      if (!cells) break;
      rows.push({ cells, line: j });
    }
    tables.push({ header: header.map(plainText), rows, first: i, last: j - 1 });
    i = j - 1;
  }
  return tables;
}

/** The body with the text of fenced and indented code blocks blanked out (lengths kept), so line scans skip code. */
export function withoutCode(body: string, tree: Root): string {
  let out = body;
  const blank = (node: Nodes) => {
    if (node.type === 'code' && node.position) {
      const [s, e] = [node.position.start.offset!, node.position.end.offset!];
      out = out.slice(0, s) + out.slice(s, e).replace(/[^\n]/g, ' ') + out.slice(e);
      return;
    }
    if ('children' in node) for (const child of node.children) blank(child as Nodes);
  };
  blank(tree);
  return out;
}
