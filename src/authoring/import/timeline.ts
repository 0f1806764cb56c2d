import { addDays, declaredZone, findDates, findTimes, type DateOrder } from './dates.ts';
import { findTables, plainText } from './markdown.ts';

/** A timeline line as written: its local date and time, the offset written with it (if any) and its text. */
export interface SourceEvent {
  date: string;
  time: string;
  /** `Z` or `+HH:MM` when the line, its table's header or the section named a zone. */
  offset?: string;
  text: string;
  /** The line as written, trimmed, for the report. */
  line: string;
}

const LIST_MARKER = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/;
const EMPHASIS = /^(?:\*\*|__|\*|_)|(?:\*\*|__|\*|_)$/g;
const WEEKDAY = /^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+(?=\d|[A-Za-z]+\.?\s+\d)/i;
const SEPARATOR = /^\s*(?:\*\*|__)?\s*(?:[-–—:|>]+|\bto\b)?\s*/;

/** Minutes since midnight of `HH:MM[:SS]`. */
function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Reads a line that starts with a date, a time or both; undefined when it does not start with a time. */
function readLine(text: string, order: DateOrder): { date?: string; time?: string; offset?: string; rest: string } | undefined {
  let rest = text.replace(LIST_MARKER, '').replace(/^(?:\*\*|__|`)/, '').trim().replace(WEEKDAY, '');
  let date: string | undefined;
  const dates = findDates(rest, order);
  if (dates[0]?.index === 0) {
    date = dates[0].date;
    rest = rest.slice(dates[0].text.length).replace(/^(?:\s*,|\s+at|\s*T|\s)\s*/, '');
  }
  const times = findTimes(rest);
  const first = times[0];
  if (!first || first.index !== 0) return date ? { date, rest: rest.replace(/^(?:\*\*|__|`)\s*/, '') } : undefined;
  let after = rest.slice(first.text.length);
  // "14:05-14:20" or "14:05 to 14:20": a span; its start is the event's time.
  after = after.replace(/^\s*(?:[-–—]|to)\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|GMT|Z))?/, '');
  after = after.replace(/^(?:\*\*|__|`)/, '').replace(SEPARATOR, '');
  return { date, time: first.time, ...(first.offset ? { offset: first.offset } : {}), rest: after };
}

function cleanText(markdown: string): string {
  return plainText(markdown.replace(EMPHASIS, '')).replace(/^[-–—:|]\s*/, '').trim();
}

/**
 * The events of a timeline section: lines (list items, paragraphs) that start with a time, optionally
 * after a date, and table rows with a time column. A line holding only a date, or a heading with one,
 * sets the day of the lines after it; a time earlier than the one before it moves to the next day.
 * Fenced code must already be blanked out of `text`.
 */
export function parseTimeline(text: string, heading: string, startDate: string, order: DateOrder): SourceEvent[] {
  const lines = text.split('\n');
  const tables = findTables(lines);
  // A zone in a table's header ("Time (UTC)") is that table's; one in the heading or the prose is the section's.
  const prose = lines.filter((_, i) => !tables.some((t) => t.first === i)).join('\n');
  const sectionZone = declaredZone(heading) ?? declaredZone(prose);
  const events: SourceEvent[] = [];
  let day = startDate;
  let last = -1;
  const push = (date: string | undefined, time: string, offset: string | undefined, eventText: string, line: string) => {
    if (date) {
      day = date;
      last = -1;
    }
    if (minutesOf(time) < last) day = addDays(day, 1);
    last = minutesOf(time);
    const zone = offset ?? sectionZone;
    if (eventText !== '') events.push({ date: day, time, ...(zone ? { offset: zone } : {}), text: eventText, line: line.trim() });
  };

  const inTable = new Set<number>();
  for (const table of tables) for (let i = table.first; i <= table.last; i++) inTable.add(i);

  for (let i = 0; i < lines.length; i++) {
    const table = tables.find((t) => t.first === i);
    if (table) {
      const tableZone = declaredZone(table.header.join(' | '));
      const timeColumn = table.header.findIndex((h) => /\b(?:time|when|timestamp|at)\b/i.test(h));
      const dateColumn = table.header.findIndex((h, index) => index !== timeColumn && /\b(?:date|day)\b/i.test(h));
      for (const row of table.rows) {
        const cells = row.cells;
        const timeCell = timeColumn >= 0 ? cells[timeColumn] ?? '' : cells[0] ?? '';
        const read = readLine(timeCell, order);
        if (!read?.time) continue;
        const dateCell = dateColumn >= 0 ? findDates(cells[dateColumn] ?? '', order)[0]?.date : undefined;
        const textCells = cells.filter((c, index) => index !== (timeColumn >= 0 ? timeColumn : 0) && index !== dateColumn && c.trim() !== '');
        const eventText = cleanText([read.rest, ...textCells].filter((c) => c.trim() !== '').join(' — '));
        push(read.date ?? dateCell, read.time, read.offset ?? tableZone, eventText, lines[row.line]!);
      }
      i = table.last;
      continue;
    }
    if (inTable.has(i)) continue;
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const headingDate = /^\s{0,3}#{1,6}\s/.test(line) ? findDates(line, order)[0]?.date : undefined;
    if (headingDate) {
      day = headingDate;
      last = -1;
      continue;
    }
    const read = readLine(line.replace(/^\s{0,3}#{1,6}\s+/, ''), order);
    if (!read) continue;
    if (!read.time) {
      // A line that is only a date ("**Tuesday 14 March 2024**") sets the day.
      if (read.date && cleanText(read.rest).split(/\s+/).filter(Boolean).length <= 5) {
        day = read.date;
        last = -1;
      }
      continue;
    }
    push(read.date, read.time, read.offset, cleanText(read.rest), line);
  }
  return events;
}
