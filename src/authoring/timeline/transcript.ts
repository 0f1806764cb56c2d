import { findDates, findTimes, dateOrderFor } from '../import/dates.ts';
import type { ChatLog, ChatMessage, Person } from './chat.ts';
import { TimelineError } from './errors.ts';
import { instantsOf, nextDay } from './zone.ts';

/** How to read a pasted transcript. */
export interface TranscriptOptions {
  /** The path as the report names it. */
  shown: string;
  /** The IANA zone its times are written in (unless a line names one, `14:05 UTC`). */
  timeZone: string;
  /** The day of the lines before the first date, `YYYY-MM-DD`. */
  day: string;
}

const WEEKDAY = /^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+/i;
const JOIN_OR_LEAVE = /^(.+?)\s+(?:has\s+)?(joined|left)(?:\s+the)?\s+(?:channel|space|room|chat|call|#[\w-]+)\b.*$/i;
const BOT_TAG = /\s*(?:\bAPP|\bBOT|\((?:app|bot)\)|\[(?:app|bot)\])$/;
const TIME_LIKE = /^\[?\s*(?:\d{4}-\d{2}-\d{2}[ T,]+)?\d{1,2}[:.]\d{2}\b/;

interface Head {
  date?: string;
  time?: string;
  offset?: string;
  rest: string;
}

/** The date and time a line starts with (`[2026-10-25 01:40]`, `01:40`, `Sunday 25 October 2026`), and the rest. */
function readHead(line: string, order: 'dmy' | 'mdy'): Head {
  let inside = line;
  let after: string | undefined;
  if (line.startsWith('[')) {
    const close = line.indexOf(']');
    if (close > 0) {
      inside = line.slice(1, close);
      after = line.slice(close + 1);
    }
  }
  // Decorations around a date line ("--- 30/03/2026 ---", "**Sunday**") and list markers are not part of it.
  let s = inside
    .trim()
    .replace(/^[-–—=*#_>•\s]+/, '')
    .replace(WEEKDAY, '');
  let date: string | undefined;
  const dates = findDates(s, order);
  if (dates[0]?.index === 0) {
    date = dates[0].date;
    s = s.slice(dates[0].text.length).replace(/^(?:\s*,|\s+at|T|\s)\s*/, '');
  }
  const times = findTimes(s);
  let head: Head = { ...(date ? { date } : {}), rest: s };
  if (times[0]?.index === 0) {
    head = { ...head, time: times[0].time, ...(times[0].offset ? { offset: times[0].offset } : {}), rest: s.slice(times[0].text.length) };
  }
  if (after !== undefined) {
    // Only a date and time may stand in the brackets.
    if (head.rest.trim() !== '' || (!head.time && !head.date)) return { rest: line };
    head.rest = after;
  }
  return head;
}

/** `Sam: rolled back`, `<sam> rolled back`, or no speaker: the name as written and the text. */
function readSpeaker(rest: string): { name: string | undefined; text: string } {
  const angle = /^<([^<>]{1,60})>\s*(.*)$/.exec(rest);
  if (angle) return { name: angle[1]!.trim(), text: angle[2]! };
  const colon = /^([^:]{1,60}?):\s+(.*)$/.exec(rest) ?? /^([^:]{1,60}?):$/.exec(rest);
  if (colon) {
    const name = colon[1]!.trim().replace(/^@/, '');
    const words = name.replace(BOT_TAG, '').split(/\s+/);
    // "Sam", "sokafor", "Priya Natarajan", "PagerDuty APP"; not "rolled back".
    if (words.length === 1 || (words.length <= 4 && words.every((w) => /^[\p{Lu}@]/u.test(w)))) return { name, text: colon[2] ?? '' };
  }
  return { name: undefined, text: rest };
}

function personFor(name: string): Person {
  const bot = BOT_TAG.test(name);
  const plain = name.replace(BOT_TAG, '');
  const first = plain.split(/\s+/)[0]!;
  const names = [...new Set([plain, ...(first !== plain && first.length >= 2 ? [first] : [])])];
  return { key: name, handle: /^[a-z0-9._-]+$/.test(plain) ? plain : undefined, names, title: undefined, bot };
}

/**
 * Reads a transcript pasted from a chat: lines such as `14:05 Sam: rolled back`, `[14:05] Sam: ...`,
 * `[2026-10-25 01:40] <sam> ...`, with optional seconds, am/pm and zone. A line holding only a date
 * sets the day; a line without a time continues the message before it. Times are read in the
 * transcript's zone; a time earlier than the one before it is the second pass through a repeated
 * hour when the clocks went back, else the next day.
 */
export function readTranscript(text: string, options: TranscriptOptions): ChatLog {
  const order = dateOrderFor(options.timeZone);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const people = new Map<string, Person>();
  const messages: ChatMessage[] = [];
  const ignored: ChatLog['ignored'] = [];
  let day = options.day;
  let last = -Infinity;
  let current: ChatMessage | undefined;

  const instantFor = (lineNo: number, head: Head & { time: string }): number => {
    const seconds = head.time.length === 5 ? `${head.time}:00` : head.time;
    const candidates = (d: string) => {
      const found = head.offset ? [Date.parse(`${d}T${seconds}${head.offset}`)] : instantsOf(d, head.time, options.timeZone);
      if (found.length > 0) return found;
      throw new TimelineError(
        `${options.shown}:${lineNo}: ${head.time} on ${d} does not exist in ${options.timeZone} (the clocks went forward over it). Write the time the clock showed, or add the offset, e.g. "${head.time} +00:00".`,
      );
    };
    if (head.date !== undefined) day = head.date;
    const found = candidates(day);
    const later = found.find((ms) => ms >= last);
    if (later !== undefined) return later;
    if (head.date !== undefined) return found[0]!;
    day = nextDay(day);
    return candidates(day)[0]!;
  };

  lines.forEach((line, index) => {
    const lineNo = index + 1;
    const trimmed = line.trim();
    if (trimmed === '') return;
    const head = readHead(trimmed, order);
    if (!head.time) {
      const leftover = head.rest.replace(/[\s\-–—=*#|:,.()[\]]+/g, '');
      if (head.date && leftover === '') {
        day = head.date;
        last = -Infinity;
        return;
      }
      if (TIME_LIKE.test(trimmed)) {
        throw new TimelineError(
          `${options.shown}:${lineNo}: "${trimmed.slice(0, 40)}" starts with a time that is not one (hours 00-23, minutes 00-59). Correct it, e.g. "14:05 Sam: rolled back".`,
        );
      }
      if (current) {
        const before = current.parts[0] && 'text' in current.parts[0] ? current.parts[0].text : '';
        current.parts = [{ text: before === '' ? trimmed : `${before} ${trimmed}` }];
      } else ignored.push({ where: `${options.shown}:${lineNo}`, why: 'not a message: no time at the start of the line' });
      return;
    }
    const at = instantFor(lineNo, head as Head & { time: string });
    last = at;
    const rest = head.rest.replace(/^\s*(?:[-–—|]\s*)?/, '').trim();
    const where = `${options.shown}:${lineNo}`;
    const joined = JOIN_OR_LEAVE.exec(rest);
    const { name, text: said } = joined ? { name: joined[1]!.replace(/^@/, ''), text: '' } : readSpeaker(rest);
    let person: Person | undefined;
    if (name !== undefined) {
      person = people.get(name) ?? personFor(name);
      people.set(name, person);
    }
    current = {
      at,
      where,
      author: person && !person.bot ? person.key : undefined,
      bot: person?.bot ? person.names[0] : undefined,
      event: joined ? (joined[2]!.toLowerCase() === 'joined' ? 'join' : 'leave') : 'message',
      parts: said.trim() === '' ? [] : [{ text: said.trim() }],
      reply: false,
      pinned: false,
      reactions: [],
      edited: false,
    };
    messages.push(current);
  });

  if (messages.length === 0) {
    throw new TimelineError(
      `${options.shown}: no line starts with a time. Expected lines such as "14:05 Sam: rolled back" or "[2026-10-25 01:40] Sam: rolled back"; docs/timeline.md lists the forms it reads.`,
    );
  }
  messages.sort((a, b) => a.at - b.at);
  return { format: 'transcript', label: options.shown, messages, people, ignored };
}
