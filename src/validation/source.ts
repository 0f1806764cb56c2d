import matter from 'gray-matter';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { formatFieldPath, type Finding, type Position, type Problem } from './problems.ts';

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
      file, line, column, field: '', rule: 'yaml', severity: 'error',
      message: duplicate ? 'a key appears twice in the same mapping' : `YAML syntax error: ${firstLine(error.message)}`,
      hint: duplicate ? 'Keep one of them.' : 'Check indentation and quote values that contain ": " or start with a special character.',
    };
  });

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
        const pair = node.items.find((item) => isScalar(item.key) && ((item.key.range && offset >= item.key.range[0] && offset < item.key.range[2]) || inside(item.value)));
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

  return {
    data: problems.length ? undefined : doc.toJS(),
    problems,
    locate,
    positionAt: at,
    scalarAt,
    pathAt,
    toProblems: (findings) =>
      findings.map((f) => {
        const { line, column } = locate(f.path);
        return {
          file, line, column,
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

/** Splits a `.mdx` file into frontmatter and body; a missing frontmatter block is a problem. */
export function parseFrontmatterSource(file: string, written: string): FrontmatterSource {
  // A byte-order mark (some Windows editors write one) is not part of the text.
  const text = written.replace(/^\uFEFF/, '');
  if (!/^---\r?\n/.test(text)) {
    const yaml = parseYamlSource(file, '', 0);
    return {
      ...yaml,
      data: undefined,
      problems: [{
        file, line: 1, column: 1, field: '', rule: 'yaml', severity: 'error',
        message: 'expected the file to start with a frontmatter block between two --- lines',
        hint: 'Copy the opening block from templates/postmortem.mdx.',
      }],
      body: text,
      bodyLine: 1,
    };
  }
  // gray-matter splits the file; `yaml` parses the block so every key keeps its position.
  const split = matter(text, { engines: { yaml: () => ({}) } });
  // With CRLF line ends, the block ends in a lone \r that would otherwise stick to the last value.
  const yaml = parseYamlSource(file, split.matter.replace(/^\r?\n/, '').replace(/\r$/, ''), 1);
  const bodyLine = text.slice(0, text.length - split.content.length).split('\n').length;
  const data = yaml.data === null ? {} : yaml.data;
  return { ...yaml, data, body: split.content, bodyLine };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
