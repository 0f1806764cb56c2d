import type { RootContent } from 'mdast';
import { findDates } from '../dates.ts';
import { isFieldLine } from '../key-lines.ts';
import { plainText, sourceOf } from '../markdown.ts';
import { note, sectionOf, show, type ImportContext } from '../context.ts';

/** The first paragraph of prose among `nodes`: not a table, not "Key: value" lines. */
export function firstParagraph(body: string, nodes: readonly RootContent[]): string | undefined {
  const paragraph = nodes.find(
    (n) =>
      n.type === 'paragraph' &&
      !/^\s*\|/.test(sourceOf(body, n)) &&
      !isFieldLine(sourceOf(body, n).split('\n')[0]!) &&
      !isDayLine(sourceOf(body, n)),
  );
  return paragraph ? plainText(sourceOf(body, paragraph)) || undefined : undefined;
}

/** A paragraph that only names a day, such as `**Friday, 4 July 2025**`: a heading in all but name, never a summary. */
function isDayLine(markdown: string): boolean {
  const text = plainText(markdown);
  const date = findDates(text, 'dmy')[0];
  return (
    date !== undefined &&
    text
      .replace(date.text, '')
      .replace(/[\s,.:–—-]+/g, ' ')
      .trim()
      .split(' ')
      .filter(Boolean).length <= 1
  );
}

/** `summary`: the frontmatter's, else the first paragraph of the Summary section or a "Summary:" line, else the first paragraph. */
export function mapSummary(ctx: ImportContext): void {
  const { body, tree } = ctx;
  const written = ctx.fields.get('summary');
  const section = sectionOf(ctx, 'summary');
  let summary = written
    ? plainText(show(written.value))
    : (firstParagraph(body, section?.nodes ?? []) ?? (ctx.prose.get('summary') ? plainText(ctx.prose.get('summary')!) : undefined));
  if (!summary) {
    const [start, end] = ctx.preamble;
    summary = firstParagraph(
      body,
      tree.children.filter((n) => n.position!.start.offset! >= start && n.position!.end.offset! <= end),
    );
    if (summary) note(ctx, 11, 'summary: taken from the first paragraph of the body: check it');
  }
  if (!summary) note(ctx, 11, 'summary: not in the source; left as TODO');
  if (summary) ctx.out.summary = summary;
}
