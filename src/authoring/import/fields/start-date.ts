import { declaredZone, findDates, findTimes, type DateOrder, type FoundDate } from '../dates.ts';
import { ImportError } from '../markdown.ts';
import { keep, mapped, note, quote, sectionOf, sectionText, show, take, type ImportContext } from '../context.ts';

/** The first date in a value and the time written after it, e.g. `2024-03-14 08:12 UTC`. */
export function readMoment(value: string, order: DateOrder): { date?: FoundDate; time?: string; offset?: string } {
  const date = findDates(value, order)[0];
  const rest = date ? value.slice(date.index + date.text.length) : value;
  const time = findTimes(rest.replace(/^T/, ' '))[0];
  return { ...(date ? { date } : {}), ...(time ? { time: time.time, ...(time.offset ? { offset: time.offset } : {}) } : {}) };
}

/**
 * The incident's day and start time: a written date (frontmatter, a `Date:` line), else the first date of
 * the timeline, the title, the opening text, the file name or anywhere; a `Time:` line completes it.
 * Throws ImportError when the source has no date at all.
 */
export function mapStartDate(ctx: ImportContext): void {
  const { code, order } = ctx;
  const [preambleStart, preambleEnd] = ctx.preamble;
  const timelineSection = sectionOf(ctx, 'timeline');
  const actionSection = sectionOf(ctx, 'actions');
  const writtenDate = take(ctx, 'date');
  ctx.out.declaredZone = declaredZone(timelineSection?.title ?? '') ?? declaredZone(sectionText(ctx, timelineSection)) ?? declaredZone(code.slice(preambleStart, preambleEnd));
  let startMoment = writtenDate ? readMoment(show(writtenDate.value), order) : {};
  if (writtenDate && !startMoment.date && !startMoment.time) {
    keep(ctx, writtenDate, 'not a date');
    note(ctx, 40, `date ${quote(show(writtenDate.value))} is not a date the import can read: kept under Supporting information`);
  } else mapped(ctx, writtenDate);
  const candidates: [string, string][] = [
    ['timeline', sectionText(ctx, timelineSection)],
    ['title', ctx.out.rawTitle],
    ['opening text', code.slice(preambleStart, preambleEnd) + sectionText(ctx, sectionOf(ctx, 'summary'))],
    ['file name', ctx.fileName],
    ['text', code.slice(0, actionSection?.start ?? code.length) + code.slice(actionSection?.end ?? code.length)],
  ];
  if (!startMoment.date) {
    for (const [where, haystack] of candidates) {
      const found = findDates(haystack, order)[0];
      if (!found) continue;
      startMoment = { ...startMoment, date: found };
      if (where === 'file name' || where === 'text') note(ctx, 40, `date taken from the ${where} (${quote(found.text)}): check it`);
      break;
    }
  }
  if (!startMoment.date) {
    throw new ImportError(`${ctx.source}: no date found. Add a line such as "Date: 2024-03-14" under the title (or "date: 2024-03-14" in its frontmatter), then run the import again.`);
  }
  const startDate = startMoment.date;
  // A separate "Time: 14:05 UTC" completes a date written without one.
  const writtenTime = take(ctx, 'time');
  if (writtenTime) {
    const time = readMoment(show(writtenTime.value), order);
    if (time.time && !startMoment.time) {
      startMoment = { ...startMoment, time: time.time, ...(time.offset ? { offset: time.offset } : {}) };
      mapped(ctx, writtenTime);
    } else {
      const why = time.time ? 'the date already gives a time' : 'no time the import can read';
      keep(ctx, writtenTime, why);
      note(ctx, 41, `time ${quote(show(writtenTime.value))} not used (${why}): kept under Supporting information`);
    }
  }
  if (startDate.otherReading) note(ctx, 40, `date ${quote(startDate.text)} could also be ${startDate.otherReading}; read as ${startDate.date}: check it`);
  ctx.out.startDate = startDate;
  ctx.out.day = startDate.date;
  if (startMoment.time) ctx.out.startTime = { time: startMoment.time, ...(startMoment.offset ? { offset: startMoment.offset } : {}) };
}
