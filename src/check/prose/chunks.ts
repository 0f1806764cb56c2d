import type { Nodes as MdastNodes, Root as MdastRoot, RootContent, Text } from 'mdast';
import type { Point, Position as UnistPosition } from 'unist';
import { positionsOf } from '../document.ts';

/**
 * The most characters of prose handed to the natural-language parser at once. parse-latin first
 * reads everything it is given as one sentence and merges words in it with Array#splice, which costs
 * time in proportion to the sentence for every merge: quadratic in what it is given. Bounded pieces
 * make the whole linear in the body's size; real paragraphs are far shorter than this.
 */
export const PROSE_CHUNK_CHARS = 4000;

/** A stretch of the body to parse on its own: a tree whose positions are relative to `text`. */
export interface ProseChunk {
  tree: MdastRoot;
  text: string;
  /** Where `text` starts in the body (1-based): its line 1, column 1 is this line and column. */
  line: number;
  column: number;
}

/** A position in a chunk as a position in the body. */
export function bodyPosition(
  chunk: Pick<ProseChunk, 'line' | 'column'>,
  point: { line: number; column: number },
): { line: number; column: number } {
  return { line: point.line + chunk.line - 1, column: point.line === 1 ? point.column + chunk.column - 1 : point.column };
}

// What mdast-util-to-nlcst skips by default: tables are not read as prose.
const IGNORED = new Set(['table', 'tableRow', 'tableCell']);
// Block-level nodes; any other child (text, emphasis, links, inline elements) makes its parent a block of prose.
const FLOW = new Set([
  'paragraph',
  'heading',
  'list',
  'listItem',
  'blockquote',
  'code',
  'html',
  'thematicBreak',
  'table',
  'definition',
  'footnoteDefinition',
  'mdxJsxFlowElement',
  'mdxFlowExpression',
  'mdxjsEsm',
  'yaml',
  'toml',
  'math',
]);

type Positioned = MdastNodes & { position: UnistPosition & { start: Point & { offset: number }; end: Point & { offset: number } } };

const hasOffsets = (node: MdastNodes): node is Positioned =>
  node.position?.start.offset !== undefined && node.position.end.offset !== undefined;
const sizeOf = (node: Positioned) => node.position.end.offset - node.position.start.offset;
const childrenOf = (node: MdastNodes): MdastNodes[] => ('children' in node ? (node.children as MdastNodes[]) : []);

/** The blocks of prose in a tree, in order: the nodes that hold text directly (paragraphs, headings, ...). */
export function proseBlocks(tree: MdastRoot): Positioned[] {
  const blocks: Positioned[] = [];
  // An explicit stack, children pushed in reverse: document order without recursion.
  const stack: MdastNodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (IGNORED.has(node.type)) continue;
    const children = childrenOf(node);
    if (children.some((child) => !FLOW.has(child.type))) {
      if (hasOffsets(node)) blocks.push(node);
      continue;
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return blocks;
}

/**
 * Where to cut the text at `from` into a piece of at most `max` characters: after the last sentence end
 * (`.`, `!` or `?` followed by white space) in the second half of the window, else after the last white
 * space there, else at `max` (never inside a UTF-16 pair). Cuts at sentence ends leave every sentence
 * whole; looking only at the second half makes every piece at least half as long as allowed, so the
 * scans add up to the length of the text.
 */
export function cutPoint(text: string, from: number, max: number): number {
  const limit = Math.min(text.length, from + max);
  if (limit === text.length) return limit;
  let space = -1;
  for (let i = limit - 1; i > from + (max >> 1); i--) {
    const c = text[i]!;
    if (c === ' ' || c === '\n' || c === '\t') {
      if (/[.!?]/.test(text[i - 1]!)) return i + 1;
      if (space < 0) space = i + 1;
    }
  }
  if (space > 0) return space;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/**
 * Splits a body's prose into chunks of at most `max` characters that can each be parsed alone. Blocks
 * are kept whole and grouped while they fit; a longer block is split between its inline nodes, and a
 * longer text node at sentence ends (see cutPoint). Every character of prose is in exactly one chunk,
 * so the parsers see the body once, in pieces whose cost is bounded.
 */
export function proseChunks(tree: MdastRoot, body: string, max = PROSE_CHUNK_CHARS): ProseChunk[] {
  const pointAt = positionsOf(body);
  const point = (offset: number): Point & { offset: number } => ({ ...pointAt(offset), offset });

  // Pieces: whole blocks when they fit, else their inline nodes, and long texts cut into parts.
  const pieces: Positioned[] = [];
  const split = (node: Positioned) => {
    if (sizeOf(node) <= max) {
      pieces.push(node);
      return;
    }
    if (node.type === 'text') {
      const start = node.position.start.offset;
      const end = node.position.end.offset;
      for (let from = 0; from < node.value.length;) {
        const to = cutPoint(node.value, from, max);
        // A text's value and its source have the same length unless it holds escapes; never pass its end.
        const part: Text = {
          type: 'text',
          value: node.value.slice(from, to),
          position: { start: point(Math.min(start + from, end)), end: point(Math.min(start + to, end)) },
        };
        pieces.push(part as Positioned);
        from = to;
      }
      return;
    }
    const children = childrenOf(node).filter(hasOffsets);
    if (children.length === 0) pieces.push(node);
    else for (const child of children) split(child);
  };
  for (const block of proseBlocks(tree)) split(block);

  const chunks: ProseChunk[] = [];
  let group: Positioned[] = [];
  let size = 0;
  const flush = () => {
    if (group.length === 0) return;
    // The chunk's text runs from its first piece to its last: chunks never overlap, so the parsers
    // and their line indexes see each character of the body at most once.
    const first = group[0]!.position.start;
    const sliceStart = first.offset;
    const sliceEnd = group[group.length - 1]!.position.end.offset;
    const rebase = (p: Point): Point => ({
      line: p.line - first.line + 1,
      column: p.line === first.line ? p.column - first.column + 1 : p.column,
      offset: (p.offset ?? sliceStart) - sliceStart,
    });
    const clone = (node: MdastNodes): MdastNodes => {
      const copy = { ...node } as MdastNodes & { children?: MdastNodes[] };
      if (node.position) copy.position = { start: rebase(node.position.start), end: rebase(node.position.end) };
      if ('children' in node) copy.children = (node.children as MdastNodes[]).map(clone);
      return copy;
    };
    const children = group.map(clone) as RootContent[];
    chunks.push({
      tree: {
        type: 'root',
        children,
        position: { start: children[0]!.position!.start, end: children[children.length - 1]!.position!.end },
      },
      text: body.slice(sliceStart, sliceEnd),
      line: first.line,
      column: first.column,
    });
    group = [];
    size = 0;
  };
  for (const piece of pieces) {
    const pieceSize = sizeOf(piece);
    if (group.length > 0 && size + pieceSize > max) flush();
    group.push(piece);
    size += pieceSize;
  }
  flush();
  return chunks;
}

/** Splits a text of more than `max` characters into `[start, end)` ranges at sentence ends (see cutPoint). */
export function textChunks(text: string, max = PROSE_CHUNK_CHARS): [number, number][] {
  const ranges: [number, number][] = [];
  for (let from = 0; from < text.length;) {
    const to = cutPoint(text, from, max);
    ranges.push([from, to]);
    from = to;
  }
  return ranges.length > 0 ? ranges : [[0, 0]];
}
