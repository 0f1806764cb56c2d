import { findDates, type DateOrder } from '../dates.ts';
import { mapped, note, show, take, type ImportContext } from '../context.ts';

const TITLE_PREFIX =
  /^(?:post[- ]?mortem|incident (?:report|review|post[- ]?mortem)|pir|rca|retro(?:spective)?|root cause analysis)\s*(?:[:|–—-]\s*|\s+for\s+)/i;

/** A title made from a file name: `2024-03-14-unlock-timeouts.md` is "Unlock timeouts". */
export function titleFromFileName(fileName: string): string {
  const stem = fileName
    .replace(/\.[^.]+$/, '')
    .replace(/^\d{4}-\d{2}-\d{2}[-_ ]*/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return stem ? stem[0]!.toUpperCase() + stem.slice(1) : '';
}

/** A title without "Post-mortem:" in front and without the date in brackets or before a colon. */
export function cleanTitle(title: string, order: DateOrder): string {
  let t = title.replace(TITLE_PREFIX, '').trim();
  // A date in brackets or before a colon is the incident's date, which the file name and `started` carry.
  t = t.replace(/\s*[([]([^()[\]]*)[)\]]\s*$/, (whole, inner: string) => (findDates(inner, order)[0]?.text === inner.trim() ? '' : whole));
  const lead = findDates(t, order)[0];
  if (lead?.index === 0) t = t.slice(lead.text.length).replace(/^\s*[:|–—-]\s*/, '');
  // "Card captures failed on 30 January 2023", "Unlock failures - 24-10-2024": a date that ends the title goes too.
  const dates = findDates(t, order);
  const last = dates[dates.length - 1];
  if (last && last.index + last.text.length === t.trimEnd().length) {
    const before = t.slice(0, last.index).replace(/\s*(?:\bon|,|[:|–—-])\s*$/, '');
    if (before.trim().split(/\s+/).length >= 2) t = before;
  }
  return t.trim();
}

/** `title`: the frontmatter's or a "Title:" line, else the title heading, else the file name; at most 120 characters. */
export function mapTitle(ctx: ImportContext): void {
  const { titleHeading, order } = ctx;
  const headingTitle = titleHeading ? ctx.sections[0]!.title : undefined;
  const writtenTitle = take(ctx, 'title');
  let title = writtenTitle ? show(writtenTitle.value) : (headingTitle ?? '');
  if (writtenTitle) mapped(ctx, writtenTitle);
  if (titleHeading && (!writtenTitle || cleanTitle(headingTitle!, order).toLowerCase() === cleanTitle(title, order).toLowerCase())) {
    const end = titleHeading.position!.end.offset!;
    ctx.edits.push({ start: titleHeading.position!.start.offset!, end: ctx.body.slice(end).startsWith('\n') ? end + 1 : end, text: '' });
  }
  ctx.out.rawTitle = title;
  title = cleanTitle(title, order);
  if (title === '') {
    title = titleFromFileName(ctx.fileName) || 'TODO: what happened, in one line';
    note(ctx, 10, `title: none in the source; made from the file name: check it`);
  }
  if (title.length > 120) {
    const cut = title.slice(0, 117);
    ctx.unmapped.push({ key: 'title', value: title, why: 'longer than 120 characters' });
    title = `${cut.slice(0, cut.lastIndexOf(' ') > 60 ? cut.lastIndexOf(' ') : 117)}...`;
    note(ctx, 10, 'title: longer than 120 characters; shortened, the full title is under Supporting information');
  }
  ctx.out.title = title;
}
