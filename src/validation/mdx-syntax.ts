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
      problems: [{
        file,
        line: (point?.line ?? 1) + bodyLine - 1,
        column: point?.column ?? 1,
        field: '',
        rule: 'mdx-syntax',
        severity: 'error',
        message: `MDX syntax error: ${reason}`,
        hint: 'In prose, write { } < > as \\{ \\} &lt; &gt; or put them in `inline code` or a fenced code block.',
      }],
    };
  }
  const deep = deepestNode(tree);
  // Everything that reads the tree (the content model, the rules, the renderer) may walk it recursively.
  if (deep.depth > LIMITS.bodyNesting) return { tree: undefined, problems: [tooDeep(file, bodyLine, deep.at, String(deep.depth))] };
  return { tree, problems: checkContentModel(file, tree, bodyLine, model, body) };
}

function tooDeep(file: string, bodyLine: number, at: { line: number; column: number }, found: string): Problem {
  return {
    file, line: at.line + bodyLine - 1, column: at.column, field: '', rule: 'mdx-syntax', severity: 'error',
    message: `expected lists, quotes and elements nested at most ${LIMITS.bodyNesting} levels deep`, found: `${found} levels`,
    hint: 'Flatten the nesting; a post-mortem reads best with a level or two of lists and quotes.',
  };
}

/** How deep the tree goes, and where its deepest node starts; walked without recursion. */
export function deepestNode(tree: Root): { depth: number; at: { line: number; column: number } } {
  let deepest = { depth: 0, at: { line: 1, column: 1 } };
  const stack: { node: { children?: unknown[]; position?: { start: { line: number; column: number } } }; depth: number }[] = [{ node: tree, depth: 0 }];
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
