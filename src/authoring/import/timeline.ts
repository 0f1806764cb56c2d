import type { List, Nodes, RootContent } from 'mdast';
import { addDays, declaredZone, findDates, findTimes, type DateOrder } from './dates.ts';
import { findTables, headingText, parseMarkdown, plainText, sourceOf } from './markdown.ts';

/** A timeline entry as written: its local date and time, the offset written with it (if any) and its text. */
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
// "± 17:20", "~09:40", "approx. 14:00", "ca. 3 pm": a time someone estimated is still the event's time.
const APPROXIMATELY = /^(?:[~±≈]|approx(?:\.|imately)?|ca\.|circa|around|about)\s*/i;
const SEPARATOR = /^\s*(?:\*\*|__)?\s*(?:[-–—:|>]+|\bto\b)?\s*(?:\*\*|__)?\s*/;
/** A backward jump of more than this many minutes is the next day (23:50 then 00:20); a smaller one is an entry out of order. */
const NEXT_DAY_GAP = 6 * 60;

/** Minutes since midnight of `HH:MM[:SS]`. */
function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Minutes east of UTC of `Z` or `+HH:MM`. */
function offsetMinutes(offset: string | undefined): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset ?? '');
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

interface Reading {
  date?: string;
  time?: string;
  offset?: string;
  rest: string;
}

/**
 * Reads the start of an entry: an optional weekday and date (`2018-08-22,`, `Jan 14,`, `Tuesday 14 March`),
 * then a time (`14:05`, `03:26pm`, `± 17:20 UTC`); undefined when it starts with neither.
 */
export function readEntryStart(text: string, order: DateOrder, year: number): Reading | undefined {
  let rest = text
    .replace(LIST_MARKER, '')
    .replace(/^(?:\*\*|__|`)/, '')
    .trim()
    .replace(APPROXIMATELY, '')
    .replace(WEEKDAY, '');
  let date: string | undefined;
  const dates = findDates(rest, order, year);
  if (dates[0]?.index === 0) {
    date = dates[0].date;
    rest = rest
      .slice(dates[0].text.length)
      .replace(/^(?:\*\*|__|`)?(?:\s*,|\s+at|\s*T|\s)\s*(?:\*\*|__)?/, '')
      .replace(APPROXIMATELY, '');
  }
  const times = findTimes(rest);
  const first = times[0];
  if (!first || first.index !== 0) return date ? { date, rest: rest.replace(/^(?:\*\*|__|`)\s*/, '') } : undefined;
  let after = rest.slice(first.text.length);
  // "14:05-14:20" or "14:05 to 14:20": a span; its start is the event's time.
  after = after.replace(/^\s*(?:[-–—]|to)\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[ap]\.?m\.?))?(?:\s*(?:UTC|GMT|Z))?/i, '');
  after = after.replace(/^(?:\*\*|__|`)/, '').replace(SEPARATOR, '');
  return { date, time: first.time, ...(first.offset ? { offset: first.offset } : {}), rest: after };
}

function cleanText(markdown: string): string {
  return plainText(markdown.replace(EMPHASIS, ''))
    .replace(/^[-–—:|]\s*/, '')
    .trim();
}

function words(text: string): number {
  return cleanText(text).split(/\s+/).filter(Boolean).length;
}

/** An entry being read: its text grows while the lines after it continue it. */
interface OpenEntry {
  date?: string;
  time: string;
  offset?: string;
  parts: string[];
  line: string;
}

/**
 * The events of a timeline section, read from its Markdown: paragraphs and list items that start with a time
 * (optionally after a date), with the lines that continue them; headings holding a time (`### 08:52 PM`) with
 * the paragraphs under them; a time alone on a line with the text on the next (a flattened table); and table
 * rows with a time column. A heading, line or row holding only a date sets the day of the entries after it
 * (`## May 12` is read in the year of `startDate`); a time more than six hours before the one before it is
 * the next day, a smaller step back an entry out of order. Fenced code must already be blanked out of `text`.
 */
export function parseTimeline(text: string, heading: string, startDate: string, order: DateOrder): SourceEvent[] {
  const year = Number(startDate.slice(0, 4));
  const tree = parseMarkdown(text);
  const lines = text.split('\n');
  const tables = findTables(lines);
  // A zone in a table's header ("Time (UTC)") is that table's; one in the heading or the prose is the section's.
  const prose = lines.filter((_, i) => !tables.some((t) => t.first === i)).join('\n');
  const sectionZone = declaredZone(heading) ?? declaredZone(prose);
  const events: SourceEvent[] = [];
  let day = startDate;
  let last: number | undefined;
  let open: OpenEntry | undefined;
  // An entry whose time is a heading collects the paragraphs under it until the next heading.
  let underHeading = false;

  const setDay = (date: string) => {
    day = date;
    last = undefined;
  };
  const close = () => {
    if (!open) return;
    const entry = open;
    open = undefined;
    underHeading = false;
    const eventText = cleanText(entry.parts.filter((p) => p.trim() !== '').join(' '));
    if (entry.date) setDay(entry.date);
    const zone = entry.offset ?? sectionZone;
    const at = minutesOf(entry.time) - offsetMinutes(zone);
    if (!entry.date && last !== undefined && at < last - NEXT_DAY_GAP) day = addDays(day, 1);
    last = at;
    if (eventText !== '')
      events.push({ date: day, time: entry.time, ...(zone ? { offset: zone } : {}), text: eventText, line: entry.line.trim() });
  };
  const start = (reading: Reading, line: string, offset?: string) => {
    close();
    const zone = reading.offset ?? offset;
    open = {
      ...(reading.date ? { date: reading.date } : {}),
      time: reading.time!,
      ...(zone ? { offset: zone } : {}),
      parts: [reading.rest],
      line,
    };
  };
  /** Lines of a paragraph or list item: each that starts with a time opens an entry, the others continue the open one (wrapped text). */
  const readLines = (blockLines: readonly string[], shown?: string) => {
    for (const [i, line] of blockLines.entries()) {
      if (line.trim() === '') continue;
      const reading = readEntryStart(line, order, year);
      if (reading?.time) start(reading, i === 0 && shown !== undefined ? shown : line);
      else if (reading?.date && words(reading.rest) <= 5 && !(open && open.parts.join('').trim() === '')) {
        // A line that is only a date ("**Tuesday 14 March 2024**") sets the day.
        close();
        setDay(reading.date);
      } else if (open) open.parts.push(line.trim());
    }
  };
  const readTable = (table: ReturnType<typeof findTables>[number], tableLines: readonly string[]) => {
    close();
    const tableZone = declaredZone(table.header.join(' | '));
    const timeColumn = table.header.findIndex((h) => /\b(?:time|when|timestamp|at)\b/i.test(h));
    const dateColumn = table.header.findIndex((h, index) => index !== timeColumn && /\b(?:date|day)\b/i.test(h));
    for (const row of table.rows) {
      const cells = row.cells;
      const timeCell = timeColumn >= 0 ? (cells[timeColumn] ?? '') : (cells[0] ?? '');
      const read = readEntryStart(timeCell, order, year);
      const dateCell = dateColumn >= 0 ? findDates(cells[dateColumn] ?? '', order, year)[0]?.date : undefined;
      if (!read?.time) {
        // A row with only a date ("| Jan 15 | Provider confirms ... |") sets the day of the rows after it.
        const date = read?.date ?? dateCell;
        if (date) setDay(date);
        continue;
      }
      const textCells = cells.filter((c, index) => index !== (timeColumn >= 0 ? timeColumn : 0) && index !== dateColumn && c.trim() !== '');
      start(
        {
          ...read,
          ...((read.date ?? dateCell) ? { date: read.date ?? dateCell } : {}),
          rest: [read.rest, ...textCells].filter((c) => c.trim() !== '').join(' — '),
        },
        tableLines[row.line]!,
        tableZone,
      );
      close();
    }
  };
  const readBlock = (node: RootContent | Nodes, inList: boolean, shown?: string) => {
    switch (node.type) {
      case 'heading': {
        close();
        const title = headingText(text, node);
        const reading = readEntryStart(title, order, year);
        if (reading?.time) {
          start(reading, sourceOf(text, node));
          underHeading = true;
        } else {
          const date = reading?.date ?? findDates(title, order, year)[0]?.date;
          if (date) setDay(date);
        }
        return;
      }
      case 'paragraph': {
        // Without GFM a table is a paragraph of `|` lines; its rows are read by column, the other lines as entries.
        const blockLines = sourceOf(text, node).split('\n');
        const found = findTables(blockLines);
        for (let i = 0; i < blockLines.length; i++) {
          const table = found.find((t) => t.first === i);
          if (table) {
            readTable(table, blockLines);
            i = table.last;
          } else readLines([blockLines[i]!], i === 0 ? shown : undefined);
        }
        // A time alone at the end of a paragraph takes its text from the next one (a flattened table).
        if (open && !underHeading && !inList && open.parts.join('').trim() !== '') close();
        return;
      }
      case 'list':
        for (const item of (node as List).children) {
          if (!underHeading) close();
          // The report shows an entry as its line in the source, list marker included.
          const shown =
            text.slice(text.lastIndexOf('\n', item.position!.start.offset! - 1) + 1, item.position!.start.offset!).trim() === ''
              ? sourceOf(text, item).split('\n')[0]
              : undefined;
          for (const [index, child] of item.children.entries()) readBlock(child, true, index === 0 ? shown : undefined);
          if (!underHeading) close();
        }
        return;
      case 'blockquote':
        for (const child of node.children) readBlock(child, inList);
        return;
      default:
        if (!underHeading) close();
    }
  };
  for (const node of tree.children) readBlock(node, false);
  close();
  return events;
}
