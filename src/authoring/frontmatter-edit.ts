import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type Pair, type Scalar } from 'yaml';

/**
 * Edits a YAML block as text: each change replaces the characters of one value, and every other byte
 * (comments, their alignment, blank lines, key order) stays as written. `npm run new` fills a template
 * this way, so the draft keeps each field's explanation.
 */

type Path = readonly (string | number)[];
interface Edit {
  from: number;
  to: number;
  text: string;
}

/** A value written on one line: a string, number or boolean, or a list of them in brackets. */
export type LineValue = string | number | boolean | readonly (string | number)[];

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) => {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end;
};

/** A value as YAML on one line: `[a, b]` for a list, quoted only where YAML needs it. */
export function formatLineValue(value: LineValue): string {
  if (Array.isArray(value)) return `[${value.map((v) => formatLineValue(v)).join(', ')}]`;
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** The edits to one YAML block, applied all at once by `toString()`. */
export class FrontmatterEditor {
  private readonly doc: Document;
  private readonly edits: Edit[] = [];

  private readonly text: string;
  private readonly newline: boolean;

  constructor(text: string) {
    // Every line ends in a newline while editing, so a value's end is always the start of a line.
    this.newline = text === '' || text.endsWith('\n');
    this.text = this.newline ? text : `${text}\n`;
    this.doc = parseDocument(this.text);
  }

  /** Whether the block has a value at this path. */
  has(path: Path): boolean {
    return this.doc.getIn(path, true) !== undefined;
  }

  private node(path: Path): Node | undefined {
    return this.doc.getIn(path, true) as Node | undefined;
  }

  private pair(path: Path): Pair<Node, Node> | undefined {
    const parent = path.length === 1 ? this.doc.contents : this.node(path.slice(0, -1));
    const key = path.at(-1);
    if (!isMap(parent)) return undefined;
    return parent.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node> | undefined;
  }

  /**
   * Writes `value` in place of the value at `path`, on its line; a comment after it keeps its column
   * where there is room. A block scalar (`>-`) keeps its header and comment and gets the new text
   * as its content. A top-level key that is missing is added at the end. Returns this editor.
   */
  set(path: Path, value: LineValue): this {
    const node = this.node(path);
    if (!node?.range) {
      if (path.length === 1)
        this.edits.push({ from: this.text.length, to: this.text.length, text: `${String(path[0])}: ${formatLineValue(value)}\n` });
      return this;
    }
    const [from, to] = node.range;
    const type = isScalar(node) ? (node as Scalar).type : undefined;
    if (type === 'BLOCK_FOLDED' || type === 'BLOCK_LITERAL') {
      const header = lineEnd(this.text, from) + 1;
      const indent = ' '.repeat(this.indentOf(path) + 2);
      this.edits.push({ from: header, to, text: `${indent}${String(value)}\n` });
      return this;
    }
    this.edits.push(this.inLine(from, to, formatLineValue(value)));
    return this;
  }

  /** Adds ` TODO ...` (or any note) to the end of the comment after the value at `path`, or starts one. */
  note(path: Path, text: string): this {
    const node = this.node(path);
    if (!node?.range) return this;
    const end = lineEnd(this.text, node.range[1]);
    const line = this.text.slice(node.range[1], end);
    this.edits.push({ from: end, to: end, text: /#/.test(line) ? `. ${text}` : ` # ${text}` });
    return this;
  }

  /**
   * Turns the key at `path` and everything under it into comments, at the key's column, so the draft
   * keeps it as an example to fill in later; `value` first replaces a one-line value.
   */
  commentOut(path: Path, value?: LineValue): this {
    const pair = this.pair(path);
    const key = pair?.key as Node | undefined;
    const node = pair?.value as Node | undefined;
    if (!key?.range) return this;
    const start = lineStart(this.text, key.range[0]);
    // A value's range ends at the start of the line after it, its comment included.
    const end = (node?.range ? node.range[2] : lineEnd(this.text, key.range[1]) + 1) - 1;
    let block = this.text.slice(start, end);
    if (value !== undefined && node?.range && !isMap(node) && !isSeq(node)) {
      const edit = this.inLine(node.range[0], node.range[1], formatLineValue(value));
      block = this.text.slice(start, edit.from) + edit.text + this.text.slice(edit.to, end);
    }
    const column = key.range[0] - start;
    const commented = block
      .split('\n')
      .map((line) => {
        if (line.trim() === '') return line;
        // Two characters are added before the key; take them from the gap before its comment where there is room.
        const shifted = line.replace(/(\S) {3,}(?=#)/, (gap) => gap.slice(0, -2));
        return `${shifted.slice(0, column)}# ${shifted.slice(column)}`;
      })
      .join('\n');
    this.edits.push({ from: start, to: end, text: commented });
    return this;
  }

  /** Removes the list items at `path` from index `from` on, with their lines and comments. */
  truncate(path: Path, from: number): this {
    const list = this.node(path);
    if (!isSeq(list) || list.items.length <= from) return this;
    const first = list.items[from] as Node;
    const last = list.items.at(-1) as Node;
    const start = lineStart(this.text, first.range![0]);
    this.edits.push({ from: start, to: last.range![2], text: '' });
    return this;
  }

  /** Adds lines after the list at `path`, each indented like its items. */
  append(path: Path, lines: readonly string[]): this {
    const list = this.node(path);
    if (!isSeq(list) || list.items.length === 0 || lines.length === 0) return this;
    const last = list.items.at(-1) as Node;
    const dash = lineStart(this.text, (list.items[0] as Node).range![0]);
    const indent = ' '.repeat(this.text.slice(dash).search(/\S/));
    const at = last.range![2];
    this.edits.push({ from: at, to: at, text: lines.map((line) => `${indent}${line}\n`).join('') });
    return this;
  }

  /** Puts `lines` after the comment lines at the top of the block (or at its start when there are none). */
  afterHeader(lines: readonly string[]): this {
    let at = 0;
    while (at < this.text.length && /^[ \t]*#/.test(this.text.slice(at, lineEnd(this.text, at)))) at = lineEnd(this.text, at) + 1;
    this.edits.push({ from: at, to: at, text: lines.map((line) => `${line}\n`).join('') });
    return this;
  }

  /** The block with every edit applied. */
  toString(): string {
    let out = this.text;
    for (const edit of [...this.edits].sort((a, b) => b.from - a.from || b.to - a.to))
      out = out.slice(0, edit.from) + edit.text + out.slice(edit.to);
    return this.newline ? out : out.slice(0, -1);
  }

  private indentOf(path: Path): number {
    const key = this.pair(path)?.key as Node | undefined;
    return key?.range ? key.range[0] - lineStart(this.text, key.range[0]) : 0;
  }

  // Replaces [from, to) with `value`; a comment later on the line moves back or forward to keep its column.
  private inLine(from: number, to: number, value: string): Edit {
    const rest = this.text.slice(to, lineEnd(this.text, to));
    const gap = /^[ \t]+(?=#)/.exec(rest)?.[0].length;
    if (gap === undefined) return { from, to, text: value };
    const column = to + gap - lineStart(this.text, to);
    const end = from - lineStart(this.text, from) + value.length;
    return { from, to: to + gap, text: `${value}${' '.repeat(Math.max(1, column - end))}` };
  }
}
