import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
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
  return { tree, problems: checkContentModel(file, tree, bodyLine, model) };
}

/** Parses an MDX body; a syntax error becomes one problem at its line and column in the file. */
export function checkMdxSyntax(file: string, body: string, bodyLine: number): Problem[] {
  return parseMdxBody(file, body, bodyLine).problems;
}
