import { declaredZone, findDates, findTimes, type DateOrder, type FoundDate } from '../dates.ts';
import { ImportError } from '../markdown.ts';
import { normaliseKey } from '../vocabulary.ts';
import { comment, keep, mapped, note, quote, sectionOf, sectionText, show, take, type ImportContext } from '../context.ts';

/** The first date in a value and the time written after it, e.g. `2024-03-14 08:12 UTC`. */
export function readMoment(value: string, order: DateOrder): { date?: FoundDate; time?: string; offset?: string } {
  const date = findDates(value, order)[0];
  const rest = date ? value.slice(date.index + date.text.length) : value;
  const time = findTimes(rest.replace(/^T/, ' '))[0];
  return { ...(date ? { date } : {}), ...(time ? { time: time.time, ...(time.offset ? { offset: time.offset } : {}) } : {}) };
}

/** A place the source gives a date, and how much it is trusted. */
interface DateWitness {
  /** For the report: `the frontmatter's date`, `the title`, `the file name`. */
  where: string;
  found: FoundDate;
  weight: number;
  /** Adds weight to its day but is no disagreement when it names another. */
  supporting?: boolean;
}

// Export tools write the day of the export as `date`; a key that says "incident" (or a Date line a person wrote) is surer.
const EXPORT_KEYS =
  /^(?:export|exported|exported_(?:at|on|from|by)|export_date|generated|generated_(?:at|on)|created|created_(?:at|on)|last_updated|updated|updated_(?:at|on)|modified)$/;

/** Text without HTML comments and lines about the document itself ("Exported from the wiki on ...", "Last updated ..."). */
function aboutTheIncident(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .split('\n')
    .filter((line) => !/\b(?:export(?:ed)?|last (?:updated|edited|modified)|updated on|written on|published on)\b/i.test(line))
    .join('\n');
}

/** The places the source gives the incident's date: a written field, the title, the timeline, the opening text, the file name. */
function witnesses(ctx: ImportContext, written: ReturnType<typeof take>, writtenDate: FoundDate | undefined): DateWitness[] {
  const { code, order } = ctx;
  const [preambleStart, preambleEnd] = ctx.preamble;
  const list: DateWitness[] = [];
  const add = (where: string, text: string, weight: number) => {
    const found = findDates(text, order)[0];
    if (found) list.push({ where, found, weight });
  };
  if (written && writtenDate) {
    const inFrontmatter = ctx.fields.get('date') === written;
    const generic = normaliseKey(written.key) === 'date';
    const exported = Object.keys(ctx.frontmatter ?? {}).some((key) => EXPORT_KEYS.test(normaliseKey(key)));
    list.push({
      where: inFrontmatter ? `the frontmatter's ${written.key}` : `the ${written.key} line`,
      found: writtenDate,
      weight: inFrontmatter && generic ? (exported ? 1 : 2) : 3,
    });
  }
  // A key moment written with its date ("detected: 19 Nov 2020 06:40") supports its day a little; it may be
  // a later day than the start, so it never counts as a disagreement.
  for (const field of ['detected', 'mitigated'] as const) {
    const moment = take(ctx, field);
    const found = moment ? findDates(show(moment.value), order)[0] : undefined;
    if (moment && found)
      list.push({ where: `the ${moment.key} ${ctx.fields.get(field) === moment ? 'field' : 'line'}`, found, weight: 1, supporting: true });
  }
  add('the title', ctx.out.rawTitle, 3);
  add('the timeline', sectionText(ctx, sectionOf(ctx, 'timeline')), 3);
  add('the opening text', aboutTheIncident(code.slice(preambleStart, preambleEnd) + sectionText(ctx, sectionOf(ctx, 'summary'))), 2);
  add('the file name', ctx.fileName, 1);
  return list;
}

/**
 * The incident's day and start time. Every place that gives a date is a witness (a written date field, the
 * title, the timeline's first date, the opening text, the file name), weighted by how sure it is; the day
 * with the most weight wins, and when witnesses disagree the report and a TODO say which said what. Without
 * any, the first date elsewhere in the text. A `Time:` line completes a date written without a time. Throws
 * ImportError when the source has no date at all.
 */
export function mapStartDate(ctx: ImportContext): void {
  const { code, order } = ctx;
  const [preambleStart, preambleEnd] = ctx.preamble;
  const timelineSection = sectionOf(ctx, 'timeline');
  const actionSection = sectionOf(ctx, 'actions');
  const writtenDate = take(ctx, 'date');
  ctx.out.declaredZone =
    declaredZone(timelineSection?.title ?? '') ??
    declaredZone(sectionText(ctx, timelineSection)) ??
    declaredZone(code.slice(preambleStart, preambleEnd));
  let startMoment = writtenDate ? readMoment(show(writtenDate.value), order) : {};
  if (writtenDate && !startMoment.date && !startMoment.time) {
    keep(ctx, writtenDate, 'not a date');
    note(ctx, 40, `date ${quote(show(writtenDate.value))} is not a date the import can read: kept under Supporting information`);
  } else mapped(ctx, writtenDate);

  const found = witnesses(ctx, writtenDate, startMoment.date);
  const byDay = new Map<string, DateWitness[]>();
  for (const w of found) byDay.set(w.found.date, [...(byDay.get(w.found.date) ?? []), w]);
  const score = (day: string) => byDay.get(day)!.reduce((sum, w) => sum + w.weight, 0);
  // The most weight wins; on a tie, the witness listed first (the written field, then the title, ...).
  const best = [...byDay.keys()].sort(
    (a, b) => score(b) - score(a) || found.findIndex((w) => w.found.date === a) - found.findIndex((w) => w.found.date === b),
  )[0];
  let date: FoundDate | undefined;
  if (best) {
    const chosen = byDay.get(best)!;
    date = chosen[0]!.found;
    const others = [...byDay.entries()].filter(([day, ws]) => day !== best && ws.some((w) => !w.supporting));
    if (others.length > 0) {
      const said = [...chosen, ...others.flatMap(([, ws]) => ws)]
        .filter((w) => !w.supporting)
        .map((w) => `${w.where} says ${w.found.date}`)
        .join(', ');
      note(
        ctx,
        40,
        `date: the sources disagree (${said}); took ${best}, from ${
          chosen
            .filter((w) => !w.supporting)
            .map((w) => w.where)
            .join(' and ') || 'the key moments'
        }: check it`,
      );
      comment(ctx, ['started'], ` TODO: the sources disagree on the day (${others.map(([day]) => day).join(', ')} elsewhere); check it`);
    } else if (chosen.every((w) => w.where === 'the file name'))
      note(ctx, 40, `date taken from the file name (${quote(date.text)}): check it`);
    // A written date the witnesses outvoted is kept under Supporting information, and its time is not used.
    if (startMoment.date && startMoment.date.date !== best) {
      keep(
        ctx,
        writtenDate!,
        `not the day the import took; ${chosen.map((w) => w.where).join(' and ')} ${chosen.length === 1 ? 'says' : 'say'} ${best}`,
      );
      startMoment = {};
    }
  } else {
    const text = code.slice(0, actionSection?.start ?? code.length) + code.slice(actionSection?.end ?? code.length);
    date = findDates(aboutTheIncident(text), order)[0] ?? findDates(text, order)[0];
    if (date) note(ctx, 40, `date taken from the text (${quote(date.text)}): check it`);
  }
  if (!date) {
    throw new ImportError(
      `${ctx.source}: no date found. Add a line such as "Date: 2024-03-14" under the title (or "date: 2024-03-14" in its frontmatter), then run the import again.`,
    );
  }
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
  if (date.otherReading) note(ctx, 40, `date ${quote(date.text)} could also be ${date.otherReading}; read as ${date.date}: check it`);
  ctx.out.startDate = date;
  ctx.out.day = date.date;
  if (startMoment.time) ctx.out.startTime = { time: startMoment.time, ...(startMoment.offset ? { offset: startMoment.offset } : {}) };
}
