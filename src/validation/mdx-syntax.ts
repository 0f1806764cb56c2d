import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import type { Problem } from './problems.ts';

const parser = unified().use(remarkParse).use(remarkMdx);

/** Parses an MDX body; a syntax error becomes one problem at its line and column in the file. */
export function checkMdxSyntax(file: string, body: string, bodyLine: number): Problem[] {
  try {
    parser.parse(body);
    return [];
  } catch (error) {
    const place = (error as { place?: { line?: number; column?: number; start?: { line: number; column: number } } }).place;
    const point = place && 'start' in place && place.start ? place.start : place;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    return [{
      file,
      line: (point?.line ?? 1) + bodyLine - 1,
      column: point?.column ?? 1,
      field: '',
      rule: 'mdx',
      severity: 'error',
      message: `MDX syntax error: ${reason}`,
      hint: 'In prose, write { } < > as \\{ \\} &lt; &gt; or put them in `inline code` or a fenced code block.',
    }];
  }
}
