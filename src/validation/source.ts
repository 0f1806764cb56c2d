import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { formatBytes, LIMITS } from './limits.ts';
import { describeValue, formatFieldPath, type Finding, type Position, type Problem } from './problems.ts';

/** A parsed YAML document that can say where a field path is written. */
export interface YamlSource {
  /** The plain data (timestamps stay strings). */
  data: unknown;
  /** Syntax problems; when present, `data` is unreliable. */
  problems: Problem[];
  /** Where a field path is written: its key, or the nearest ancestor that exists. */
  locate(path: readonly (string | number)[]): Position;
  /** Turns path-based findings into positioned problems. */
  toProblems(findings: readonly Finding[]): Problem[];
  /** The position in the file of an offset in the YAML text. */
  positionAt(offset: number): Position;
  /** The scalar written at exactly this path, with its text as written; undefined when there is none. */
  scalarAt(path: readonly (string | number)[]): WrittenScalar | undefined;
  /** The field path of the deepest value that contains an offset of the YAML text; empty outside every value. */
  pathAt(offset: number): (string | number)[];
}

/** A scalar as written in YAML: its value, its source text and where that text starts. */
export interface WrittenScalar {
  /** The parsed value, e.g. a string with folded lines joined. */
  value: unknown;
  /** The scalar's text as written, quotes and block indicators included. */
  raw: string;
  /** Offset of `raw` in the YAML text; add an offset within `raw` and pass it to `positionAt`. */
  offset: number;
}

/**
 * Parses YAML with positions. `lineOffset` is the number of lines before the YAML text in its file
 * (1 for frontmatter after the opening `---`).
 */
export function parseYamlSource(file: string, text: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const problems: Problem[] = doc.errors.map((error) => {
    const { line, column } = at(error.pos[0]);
    const duplicate = error.code === 'DUPLICATE_KEY';
    return {
      file,
      line,
      column,
      field: '',
      rule: 'yaml',
      severity: 'error',
      message: duplicate ? 'a key appears twice in the same mapping' : `YAML syntax error: ${firstLine(error.message)}`,
      hint: duplicate ? 'Keep one of them.' : 'Check indentation and quote values that contain ": " or start with a special character.',
    };
  });
  if (problems.length === 0) problems.push(...tagProblems(doc, text, file, at));

  // Walks a path as far as it is written: the deepest node reached, the offset of its key and whether it got all the way.
  const walk = (path: readonly (string | number)[]): { node: unknown; best: number; complete: boolean } => {
    let node: unknown = doc.contents;
    let best: number = (doc.contents as Node | null)?.range?.[0] ?? 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) return { node, best, complete: false };
        best = (pair.key as Node).range?.[0] ?? best;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) return { node, best, complete: false };
        best = item.range?.[0] ?? best;
        node = item;
      } else return { node, best, complete: false };
    }
    return { node, best, complete: true };
  };
  const locate = (path: readonly (string | number)[]): Position => at(walk(path).best);
  // Where a missing key belongs: the line after the last sibling written before it in the schema's
  // order, else the line after its parent's key (or the first line of a top-level block).
  const locateMissing = (path: readonly (string | number)[], before: readonly string[]): Position => {
    const parent = walk(path.slice(0, -1));
    if (!parent.complete || !isMap(parent.node)) return at(parent.best);
    const written = parent.node.items.filter((item) => isScalar(item.key) && before.includes(String(item.key.value)));
    const last = written
      .sort(
        (a, b) => before.indexOf(String((a.key as { value: unknown }).value)) - before.indexOf(String((b.key as { value: unknown }).value)),
      )
      .at(-1);
    const end = (last?.value as Node | null | undefined)?.range?.[1] ?? (last?.key as Node | undefined)?.range?.[1];
    if (end !== undefined) {
      const { line } = at(end);
      const next = text.slice(0, end).endsWith('\n') ? line : line + 1;
      return {
        line: next,
        column: (parent.node.items[0]?.key as Node | undefined)?.range ? at((parent.node.items[0]!.key as Node).range![0]).column : 1,
      };
    }
    const first = parent.node.items[0]?.key as Node | undefined;
    return first?.range ? at(first.range[0]) : at(parent.best);
  };
  const scalarAt = (path: readonly (string | number)[]): WrittenScalar | undefined => {
    const { node, complete } = walk(path);
    if (!complete || !isScalar(node) || !node.range) return undefined;
    const [start, end] = node.range;
    return { value: node.value, raw: text.slice(start, end), offset: start };
  };

  const pathAt = (offset: number): (string | number)[] => {
    const path: (string | number)[] = [];
    let node: unknown = doc.contents;
    for (;;) {
      const inside = (n: unknown) => {
        const range = (n as Node | null)?.range;
        return !!range && offset >= range[0] && offset < range[2];
      };
      if (isMap(node)) {
        const pair = node.items.find(
          (item) =>
            isScalar(item.key) && ((item.key.range && offset >= item.key.range[0] && offset < item.key.range[2]) || inside(item.value)),
        );
        if (!pair) return path;
        path.push(String((pair.key as { value: unknown }).value));
        node = pair.value;
      } else if (isSeq(node)) {
        const index = node.items.findIndex(inside);
        if (index < 0) return path;
        path.push(index);
        node = node.items[index];
      } else return path;
    }
  };

  let data: unknown;
  if (problems.length === 0) {
    try {
      // Aliases are expanded at most LIMITS.yamlAliasCount times over: a few lines of anchors cannot become gigabytes.
      data = doc.toJS({ maxAliasCount: LIMITS.yamlAliasCount });
    } catch (error) {
      let first: Node | undefined;
      visit(doc, {
        Alias: (_, node) => {
          first = node;
          return visit.BREAK;
        },
      });
      const { line, column } = at(first?.range?.[0] ?? 0);
      const aliases = error instanceof ReferenceError && first !== undefined;
      problems.push({
        file,
        line,
        column,
        field: '',
        rule: 'yaml',
        severity: 'error',
        message: aliases
          ? `expected YAML aliases (*name) to repeat at most ${LIMITS.yamlAliasCount} values in all`
          : `expected YAML that can be read, but it could not be: ${firstLine((error as Error).message)}`,
        found: aliases ? 'more' : undefined,
        hint: aliases
          ? 'Write the values out instead of repeating an anchor (&name) through aliases.'
          : 'Simplify the YAML: plain keys, values and lists.',
      });
    }
  }

  return {
    data,
    problems,
    locate,
    positionAt: at,
    scalarAt,
    pathAt,
    toProblems: (findings) =>
      findings.map((f) => {
        const { line, column } = f.missingAfter ? locateMissing(f.path, f.missingAfter) : locate(f.path);
        return {
          file,
          line,
          column,
          field: formatFieldPath(f.path),
          message: f.message,
          found: f.found,
          hint: f.hint,
          rule: f.rule,
          severity: f.severity ?? 'error',
        };
      }),
  };
}

/** An MDX or Markdown file split into its frontmatter (parsed with positions) and body. */
export interface FrontmatterSource extends YamlSource {
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

/**
 * Splits a file after its opening `---` line into the frontmatter block and the body: the block ends at
 * the first line starting with `---`; without one, the whole rest is the block. Plain string work, so
 * nothing but `yaml` (which never runs code for a tag) ever reads the block.
 */
export function splitFrontmatter(afterOpening: string): { block: string; body: string; closed: boolean } {
  const close = afterOpening.indexOf('\n---');
  if (close < 0) return { block: afterOpening, body: '', closed: false };
  let body = afterOpening.slice(close + 4);
  if (body.startsWith('\r')) body = body.slice(1);
  if (body.startsWith('\n')) body = body.slice(1);
  return { block: afterOpening.slice(0, close), body, closed: true };
}

/** Splits a `.mdx` file into frontmatter and body; a missing frontmatter block is a problem. */
export function parseFrontmatterSource(file: string, written: string): FrontmatterSource {
  // A byte-order mark (some Windows editors write one) is not part of the text.
  const text = written.replace(/^\uFEFF/, '');
  const withoutBlock = (
    problem: Omit<Problem, 'file' | 'field' | 'rule' | 'severity'>,
    body: string,
    bodyLine: number,
  ): FrontmatterSource => ({
    ...parseYamlSource(file, '', 0),
    data: undefined,
    problems: [{ file, field: '', rule: 'yaml', severity: 'error', ...problem }],
    body,
    bodyLine,
  });
  if (!/^---\r?\n/.test(text)) {
    return withoutBlock(
      {
        line: 1,
        column: 1,
        message: 'expected the file to start with a frontmatter block between two --- lines',
        hint: 'Copy the opening block from templates/postmortem.mdx.',
      },
      text,
      1,
    );
  }
  const split = splitFrontmatter(text.slice(3));
  // With CRLF line ends, the block ends in a lone \r that would otherwise stick to the last value.
  const block = split.block.replace(/^\r?\n/, '').replace(/\r$/, '');
  const bodyLine = text.slice(0, text.length - split.body.length).split('\n').length;
  const bytes = Buffer.byteLength(block);
  if (bytes > LIMITS.frontmatterBytes) {
    return withoutBlock(
      {
        line: 2,
        column: 1,
        message: `expected a frontmatter block of at most ${formatBytes(LIMITS.frontmatterBytes)}`,
        found: formatBytes(bytes),
        hint: split.closed
          ? 'Keep long text in the body: the frontmatter holds short fields.'
          : 'The closing --- line is missing, so the whole file was read as frontmatter; add it after the last field.',
      },
      split.body,
      bodyLine,
    );
  }
  const yaml = parseYamlSource(file, block, 1);
  const data = yaml.data === null ? {} : yaml.data;
  return { ...yaml, data, body: split.body, bodyLine };
}

/** Any explicit tag (`!!js/function`, `!!binary`, `!custom`) is refused: the format has none, and some YAML readers run code for them. */
function tagProblems(doc: Document, text: string, file: string, at: (offset: number) => Position): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Node: (_, node) => {
      if (!node.tag || isAlias(node)) return;
      // The node starts at its value; the tag is written before it on the same line.
      const start = node.range?.[0] ?? 0;
      let tag = text.lastIndexOf('!', start);
      if (tag < 0 || text.slice(tag, start).includes('\n')) tag = start;
      while (tag > 0 && text[tag - 1] === '!') tag -= 1;
      const { line, column } = at(tag);
      const written = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      problems.push({
        file,
        line,
        column,
        field: '',
        rule: 'yaml',
        severity: 'error',
        message: 'expected plain YAML values without tags',
        found: describeValue(written),
        hint: 'Remove the tag; quote the value if it is meant as text.',
      });
    },
  });
  return problems;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
