import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import type { Root } from 'mdast';
import type { Problem } from './problems.ts';

const parser = unified().use(remarkParse).use(remarkMdx);

/** A parsed MDX body: its syntax tree (positions relative to the body) or the one syntax problem. */
export interface ParsedMdx {
  tree: Root | undefined;
  problems: Problem[];
}

/** Parses an MDX body; a syntax error becomes one problem at its line and column in the file. */
export function parseMdxBody(file: string, body: string, bodyLine: number): ParsedMdx {
  try {
    return { tree: parser.parse(body), problems: [] };
  } catch (error) {
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
}

/** Parses an MDX body; a syntax error becomes one problem at its line and column in the file. */
export function checkMdxSyntax(file: string, body: string, bodyLine: number): Problem[] {
  return parseMdxBody(file, body, bodyLine).problems;
}

const commonmark = unified().use(remarkParse);
const MDX_NODE_TYPES = new Set(['mdxjsEsm', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression']);

function someNode(node: { type: string; children?: unknown[] }, test: (n: { type: string; position?: { start: { offset?: number } } }) => boolean): boolean {
  if (test(node)) return true;
  return (node.children ?? []).some((child) => someNode(child as { type: string; children?: unknown[] }, test));
}

/**
 * Whether a body needs the MDX compiler, or renders the same as Markdown: it does when its MDX tree has
 * imports, exports, components or expressions (comments included), and when Markdown would read it
 * differently (raw HTML, or an indented code block, which MDX does not have).
 */
export function needsMdxRuntime(body: string, tree: Root | undefined): boolean {
  if (!tree) return true;
  if (someNode(tree, (n) => MDX_NODE_TYPES.has(n.type))) return true;
  // Raw HTML needs a '<' and an indented code block a line indented by four spaces or a tab: without
  // either, Markdown reads the body as MDX does, and the second parse is not needed.
  if (!/<|^(?: {4}|\t)/m.test(body)) return false;
  return someNode(commonmark.parse(body), (n) => {
    if (n.type === 'html') return true;
    if (n.type !== 'code') return false;
    const start = n.position?.start.offset ?? 0;
    return !/^(?:```|~~~)/.test(body.slice(start).trimStart());
  });
}
