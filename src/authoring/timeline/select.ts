import type { ChatMessage } from './chat.ts';
import { TimelineUsageError } from './errors.ts';
import { isCalendarDate } from '../../schema/common.ts';
import { instantsOf } from './zone.ts';

/** Which messages the author asked for; the window applies to all of them. */
export interface Selection {
  /** Pinned messages. */
  pinned: boolean;
  /** Messages with any of these reactions (names without colons). */
  reactions: string[];
  /** Every message in the window. */
  all: boolean;
}

/** The instants messages must lie between (inclusive, to the minute); either end may be open. */
export interface Window {
  from: number | undefined;
  to: number | undefined;
}

/** A message that was asked for but is not taken, and why. */
export interface Skipped {
  message: ChatMessage;
  why: string;
}

/** What the selection took, skipped, and left out. */
export interface Selected {
  taken: ChatMessage[];
  skipped: Skipped[];
  /** Messages in the window that the selection did not ask for. */
  notTaken: number;
  /** Messages before or after the window. */
  outside: number;
}

const MINUTE = 60_000;
const MOMENT = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * A `--from` or `--to` value as an instant: `2026-10-13T14:00:00+01:00`, or a wall-clock
 * `2026-10-13T14:00` / `2026-10-13 14:00` / `2026-10-13` in the archive's zone. In the hour the clocks
 * go back, `--from` takes the first 01:30 and `--to` the second, so the window is never too short.
 */
export function parseMoment(value: string, option: '--from' | '--to', timeZone: string): number {
  const m = MOMENT.exec(value.trim());
  const example = `e.g. ${option} 2026-10-13T14:00 (in ${timeZone}) or ${option} 2026-10-13T14:00:00+01:00`;
  if (!m) throw new TimelineUsageError(`${option}: expected a date and time, ${example}; found "${value}".`);
  const [, date, time, offset] = m;
  const clock = time ?? (option === '--from' ? '00:00' : '23:59');
  if (offset) {
    const ms = Date.parse(`${date}T${clock.length === 5 ? `${clock}:00` : clock}${offset}`);
    if (!isCalendarDate(date!) || Number.isNaN(ms))
      throw new TimelineUsageError(`${option}: "${value}" is not a real date and time, ${example}.`);
    return ms;
  }
  const instants = isCalendarDate(date!) ? instantsOf(date!, clock, timeZone) : [];
  if (instants.length === 0) throw new TimelineUsageError(`${option}: "${value}" is not a time that exists in ${timeZone}, ${example}.`);
  return option === '--from' ? instants[0]! : instants.at(-1)!;
}

/** True when a message lies in the window, to the minute. */
export function inWindow(at: number, window: Window): boolean {
  const minute = Math.floor(at / MINUTE) * MINUTE;
  return (
    (window.from === undefined || minute >= Math.floor(window.from / MINUTE) * MINUTE) &&
    (window.to === undefined || minute <= Math.floor(window.to / MINUTE) * MINUTE)
  );
}

/** What the selection asks for, in words: "pinned messages or messages with a :timeline: reaction". */
export function describeSelection(selection: Selection): string {
  if (selection.all) return 'every message';
  const asked = [
    ...(selection.pinned ? ['pinned messages'] : []),
    ...(selection.reactions.length > 0 ? [`messages with a ${selection.reactions.map((r) => `:${r}:`).join(' or ')} reaction`] : []),
  ];
  return asked.join(' and ');
}

function asked(message: ChatMessage, selection: Selection): boolean {
  return selection.all || (selection.pinned && message.pinned) || message.reactions.some((r) => selection.reactions.includes(r));
}

/**
 * The messages of a conversation that belong in a timeline: in the window, and pinned, with a chosen
 * reaction, or any (`all`). Of those, joins and leaves, Slack's own notices, bot messages (unless
 * `bots`) and messages without text are skipped with the reason.
 */
export function selectMessages(messages: readonly ChatMessage[], selection: Selection, window: Window, bots: boolean): Selected {
  const result: Selected = { taken: [], skipped: [], notTaken: 0, outside: 0 };
  for (const message of messages) {
    if (!inWindow(message.at, window)) {
      result.outside += 1;
      continue;
    }
    if (!asked(message, selection)) {
      result.notTaken += 1;
      continue;
    }
    const skip = (why: string) => result.skipped.push({ message, why });
    if (message.event === 'join' || message.event === 'leave') skip('joins and leaves are never taken');
    else if (message.event === 'notice') skip(`a notice Slack wrote (${message.notice}), not something someone said`);
    else if (message.bot && !bots) skip('a bot message; pass --bots to take bot messages');
    else if (!message.parts.some((p) => 'person' in p || p.text.trim() !== '')) skip('no text (a file, an emoji or a reaction only)');
    else result.taken.push(message);
  }
  return result;
}
