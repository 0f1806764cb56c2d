import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { LIMITS } from './limits.ts';
import type { Problem } from './problems.ts';
import { checkContentModel, type ContentModelOptions } from './content-model.ts';

// GitHub-flavoured Markdown (tables, strikethrough, task lists, footnotes) with MDX's syntax, so that
// `{` and `<` are read the way an MDX editor shows them; the content model then limits what is allowed.
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMdx);

/** A parsed MDX body: its syntax tree (positions relative to the body) or the one syntax problem. */
export interface ParsedMdx {
  tree: Root | undefined;
  problems: Problem[];
}

/**
 * Parses a body and checks it against the content model (src/validation/content-model.ts); a syntax
 * error becomes one problem at its line and column in the file.
 */
export function parseMdxBody(file: string, body: string, bodyLine: number, model?: ContentModelOptions): ParsedMdx {
  const heavy = preflight(file, body, bodyLine);
  if (heavy) return { tree: undefined, problems: [heavy] };
  let tree: Root;
  try {
    tree = parser.parse(body);
  } catch (error) {
    // The parser recurses per level of nesting: thousands of nested quotes run it out of stack.
    if (error instanceof RangeError) return { tree: undefined, problems: [tooDeep(file, bodyLine, { line: 1, column: 1 }, 'more')] };
    const place = (error as { place?: { line?: number; column?: number; start?: { line: number; column: number } } }).place;
    const point = place && 'start' in place && place.start ? place.start : place;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    return {
      tree: undefined,
      problems: [
        {
          file,
          line: (point?.line ?? 1) + bodyLine - 1,
          column: point?.column ?? 1,
          field: '',
          rule: 'mdx-syntax',
          severity: 'error',
          message: `MDX syntax error: ${reason}`,
          hint: 'In prose, write { } < > as \\{ \\} &lt; &gt; or put them in `inline code` or a fenced code block.',
        },
      ],
    };
  }
  const deep = deepestNode(tree);
  // Everything that reads the tree (the content model, the rules, the renderer) may walk it recursively.
  if (deep.depth > LIMITS.bodyNesting) return { tree: undefined, problems: [tooDeep(file, bodyLine, deep.at, String(deep.depth))] };
  return { tree, problems: checkContentModel(file, tree, bodyLine, model, body) };
}

/**
 * Finds, before parsing, a body the parser would take far too long on: a paragraph with thousands of
 * emphasis or bracket characters, or a line indented past any real list. Fenced code is not counted.
 */
function preflight(file: string, body: string, bodyLine: number): Problem | undefined {
  const lines = body.split('\n');
  let fence: string | undefined;
  let markers = 0;
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const opener = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
      continue;
    }
    if (opener) {
      fence = opener;
      markers = 0;
      continue;
    }
    if (line.trim() === '') {
      markers = 0;
      continue;
    }
    if (markers === 0) start = i;
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    if (indent > LIMITS.bodyIndent) {
      return {
        file,
        line: i + bodyLine,
        column: 1,
        field: '',
        rule: 'mdx-syntax',
        severity: 'error',
        message: `expected lines indented at most ${LIMITS.bodyIndent} columns`,
        found: `${indent} columns`,
        hint: 'Flatten the nesting; put indented material such as a log or a config in a fenced code block.',
      };
    }
    markers += (line.match(/\*|\[|\]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g) ?? []).length;
    if (markers > LIMITS.paragraphMarkers) {
      return {
        file,
        line: start + bodyLine,
        column: 1,
        field: '',
        rule: 'mdx-syntax',
        severity: 'error',
        message: `expected at most ${LIMITS.paragraphMarkers.toLocaleString('en-GB')} emphasis and bracket characters (* _ [ ]) in one paragraph`,
        found: `more than ${LIMITS.paragraphMarkers.toLocaleString('en-GB')}`,
        hint: 'Put long runs of symbols (a log, a data dump) in a fenced code block, or split the paragraph.',
      };
    }
  }
  return undefined;
}

function tooDeep(file: string, bodyLine: number, at: { line: number; column: number }, found: string): Problem {
  return {
    file,
    line: at.line + bodyLine - 1,
    column: at.column,
    field: '',
    rule: 'mdx-syntax',
    severity: 'error',
    message: `expected lists, quotes and elements nested at most ${LIMITS.bodyNesting} levels deep`,
    found: `${found} levels`,
    hint: 'Flatten the nesting; a post-mortem reads best with a level or two of lists and quotes.',
  };
}

/** How deep the tree goes, and where its deepest node starts; walked without recursion. */
export function deepestNode(tree: Root): { depth: number; at: { line: number; column: number } } {
  let deepest = { depth: 0, at: { line: 1, column: 1 } };
  const stack: { node: { children?: unknown[]; position?: { start: { line: number; column: number } } }; depth: number }[] = [
    { node: tree, depth: 0 },
  ];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > deepest.depth) deepest = { depth, at: node.position?.start ?? deepest.at };
    for (const child of node.children ?? []) stack.push({ node: child as typeof node, depth: depth + 1 });
  }
  return deepest;
}

/** Parses an MDX body; a syntax error becomes one problem at its line and column in the file. */
export function checkMdxSyntax(file: string, body: string, bodyLine: number): Problem[] {
  return parseMdxBody(file, body, bodyLine).problems;
}
