/**
 * What every reader turns its input into: the messages of one conversation, in time order, with
 * edits applied, and the people who wrote or were mentioned in them.
 */

/** A piece of a message's text: words as written, or a mention of a person by their key. */
export type TextPart = { text: string } | { person: string };

/** What a message is, beyond someone saying something. */
export type MessageEvent = 'message' | 'join' | 'leave' | 'notice';

/** One message of the conversation. */
export interface ChatMessage {
  /** When it was sent, in epoch milliseconds. */
  at: number;
  /** Where it was read, for the report and errors: `inc-checkout/2026-10-13.json` or `transcript.txt:12`. */
  where: string;
  /** The key of the person who wrote it (see Person); undefined for a bot or an unsigned line. */
  author: string | undefined;
  /** The name of the bot or app that posted it, when one did. */
  bot: string | undefined;
  event: MessageEvent;
  /** For a notice: what kind (a Slack subtype such as `channel_topic`). */
  notice?: string;
  /** Its text, latest edit applied. */
  parts: TextPart[];
  /** A reply in a thread (not the thread's first message). */
  reply: boolean;
  pinned: boolean;
  /** Names of the reactions on it, without colons, e.g. `timeline`. */
  reactions: string[];
  /** The text was edited after it was sent. */
  edited: boolean;
}

/** Someone who wrote in the conversation or was mentioned in it. */
export interface Person {
  /** How messages refer to them: a Slack user id (`U07SOKAFOR`) or, in a transcript, the name as written. */
  key: string;
  /** Their handle (`sokafor`), when the input has one. */
  handle: string | undefined;
  /** Every name the input gives them (real name, display name, first name), longest first. */
  names: string[];
  /** Their job title, when the input has one (`Senior Engineer, Payments`). */
  title: string | undefined;
  /** An app or bot account rather than a person. */
  bot: boolean;
}

/** A conversation as read. */
export interface ChatLog {
  /** `slack` for an export, `transcript` for pasted text. */
  format: 'slack' | 'transcript';
  /** What was read, for the report: the path as given, and the channel for an export. */
  label: string;
  /** Every message, in time order (ties keep the order they were read in). */
  messages: ChatMessage[];
  /** Everyone the messages name, by key. */
  people: Map<string, Person>;
  /** Lines or records that are not messages, with why; the report lists them. */
  ignored: { where: string; why: string }[];
}

/** The plain text of a message's parts, with mentions shown by `name`. */
export function joinParts(parts: readonly TextPart[], name: (key: string) => string): string {
  return parts.map((p) => ('text' in p ? p.text : name(p.person))).join('');
}
