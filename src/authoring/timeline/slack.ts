import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'astro/zod';
import { closestMatch, type Problem } from '../../validation/problems.ts';
import type { ChatLog, ChatMessage, MessageEvent, Person } from './chat.ts';
import { TimelineError, TimelineUsageError } from './errors.ts';
import { problemsError, readJsonFile } from './files.ts';
import { parseSlackText } from './slack-text.ts';

const FIX = 'Export the channel from Slack again (docs/timeline.md says how), or correct the file by hand.';
const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;

const Ts = z
  .string({ error: 'expected Slack\'s timestamp: epoch seconds as a string, e.g. "1791900120.000200"' })
  .regex(/^\d{9,11}(?:\.\d{1,6})?$/, { error: 'expected Slack\'s timestamp: epoch seconds as a string, e.g. "1791900120.000200"' });
const Text = z.string({ error: 'expected text' });

const ProfileSchema = z.looseObject({
  real_name: Text.optional(),
  display_name: Text.optional(),
  first_name: Text.optional(),
  name: Text.optional(),
  title: Text.optional(),
});

const AttachmentSchema = z.looseObject({
  fallback: Text.optional(),
  pretext: Text.optional(),
  title: Text.optional(),
  text: Text.optional(),
  ts: z.union([Text, z.number()]).optional(),
});

/** One record of a day file: a message, or an event about one (an edit, a deletion, a pin, a join). */
const MessageSchema = z.looseObject({
  type: Text.optional(),
  subtype: Text.optional(),
  ts: Ts,
  user: Text.optional(),
  bot_id: Text.optional(),
  username: Text.optional(),
  text: Text.optional(),
  user_profile: ProfileSchema.optional(),
  bot_profile: z.looseObject({ name: Text.optional() }).optional(),
  thread_ts: Ts.optional(),
  reactions: z.array(z.looseObject({ name: Text, users: z.array(Text).optional(), count: z.number().optional() })).optional(),
  pinned_to: z.array(Text).optional(),
  edited: z.looseObject({ user: Text.optional(), ts: Ts.optional() }).optional(),
  attachments: z.array(AttachmentSchema).optional(),
  message: z.looseObject({ ts: Ts, text: Text.optional(), edited: z.unknown().optional() }).optional(),
  deleted_ts: Ts.optional(),
  item: z.looseObject({ ts: Ts.optional() }).optional(),
});
type SlackMessage = z.output<typeof MessageSchema>;

const DayFileSchema = z.array(MessageSchema, { error: 'expected a list of messages ([...]), as Slack writes each day of a channel' });

const UsersFileSchema = z.array(
  z.looseObject({
    id: Text,
    name: Text.optional(),
    real_name: Text.optional(),
    is_bot: z.boolean().optional(),
    profile: ProfileSchema.optional(),
  }),
  { error: 'expected a list of users ([...]), as Slack writes users.json' },
);

const ChannelsFileSchema = z.array(
  z.looseObject({
    id: Text,
    name: Text,
    pins: z.array(z.looseObject({ id: Text })).optional(),
  }),
  { error: 'expected a list of channels ([...]), as Slack writes channels.json' },
);

const JOIN = new Set(['channel_join', 'group_join', 'member_joined_channel']);
const LEAVE = new Set(['channel_leave', 'group_leave', 'member_left_channel']);
// Subtypes that are someone saying something; every other subtype is a notice Slack wrote itself.
const SAID = new Set(['thread_broadcast', 'me_message', 'file_share', 'bot_message']);

/** What to read from an export. */
export interface SlackReadOptions {
  /** The channel, for a workspace export holding several; with or without `#`. */
  channel?: string;
  /** A word the incident's channel name probably holds (its date), to suggest the right --channel. */
  hint?: string;
  /** How the report names a file, given its absolute path; as given by default. */
  show?: (path: string) => string;
}

interface Layout {
  /** The workspace folder (users.json, channels.json), when there is one. */
  root: string | undefined;
  channel: string;
  days: string[];
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function dayFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((n) => DAY_FILE.test(n))
    .sort()
    .map((n) => join(folder, n));
}

function hasWorkspaceFiles(folder: string): boolean {
  return ['users.json', 'channels.json', 'groups.json'].some((f) => existsSync(join(folder, f)));
}

/** True when a path looks like a Slack export: a workspace folder, a channel folder or one day file. */
export function isSlackExport(path: string): boolean {
  if (!isFolder(path)) return DAY_FILE.test(basename(path));
  if (hasWorkspaceFiles(path) || dayFiles(path).length > 0) return true;
  return readdirSync(path).some((n) => isFolder(join(path, n)) && dayFiles(join(path, n)).length > 0);
}

/** Finds the channel's day files: a day file, a channel folder, or a workspace folder and --channel. */
function findLayout(path: string, shown: string, options: SlackReadOptions): Layout {
  const wanted = options.channel?.replace(/^#/, '');
  const check = (channel: string) => {
    if (wanted !== undefined && wanted !== channel) {
      throw new TimelineUsageError(
        `--channel: ${shown} is the export of #${channel}, not #${wanted}. Pass the workspace folder to choose among channels, or leave out --channel.`,
      );
    }
  };
  if (!isFolder(path)) {
    const folder = dirname(path);
    check(basename(folder));
    return { root: hasWorkspaceFiles(dirname(folder)) ? dirname(folder) : undefined, channel: basename(folder), days: [path] };
  }
  const own = dayFiles(path);
  if (own.length > 0) {
    check(basename(path));
    return { root: hasWorkspaceFiles(dirname(path)) ? dirname(path) : undefined, channel: basename(path), days: own };
  }
  const channels = readdirSync(path)
    .filter((n) => isFolder(join(path, n)) && dayFiles(join(path, n)).length > 0)
    .sort();
  if (channels.length === 0) {
    throw new TimelineError(
      `${shown}: no channel folders with day files (YYYY-MM-DD.json) in this export. Pass the folder the Slack export was unzipped into, or a channel folder inside it.`,
    );
  }
  const listed = channels.map((c) => `#${c}`).join(', ');
  if (wanted === undefined) {
    if (channels.length === 1) return { root: path, channel: channels[0]!, days: dayFiles(join(path, channels[0]!)) };
    throw new TimelineUsageError(
      `${shown} holds ${channels.length} channels (${listed}); pass --channel with the incident's channel, e.g. --channel ${channels.find((c) => options.hint && c.includes(options.hint)) ?? channels[0]}.`,
    );
  }
  if (!channels.includes(wanted)) {
    const suggestion = closestMatch(wanted, channels);
    throw new TimelineUsageError(
      `--channel: no channel #${wanted} in ${shown}.${suggestion ? ` Did you mean #${suggestion}?` : ''} It holds ${listed}.`,
    );
  }
  return { root: path, channel: wanted, days: dayFiles(join(path, wanted)) };
}

function names(...written: (string | undefined)[]): string[] {
  const all = written.map((n) => n?.trim() ?? '').filter((n) => n.length >= 2);
  // Someone called "Priya Natarajan" is also called "Priya" in chat.
  for (const n of [...all]) {
    const first = n.split(/\s+/)[0]!;
    if (first !== n && first.length >= 2) all.push(first);
  }
  return [...new Set(all)].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

function personFromProfile(
  key: string,
  handle: string | undefined,
  profile: z.output<typeof ProfileSchema> | undefined,
  realName: string | undefined,
  bot: boolean,
): Person {
  return {
    key,
    handle: handle ?? profile?.name,
    names: names(profile?.real_name, realName, profile?.display_name, profile?.first_name),
    title: profile?.title?.trim() || undefined,
    bot,
  };
}

function textOf(record: SlackMessage): string {
  if (record.text && record.text.trim() !== '') return record.text;
  const attachment = record.attachments?.[0];
  return attachment?.fallback ?? attachment?.text ?? attachment?.title ?? attachment?.pretext ?? '';
}

function eventOf(record: SlackMessage): MessageEvent {
  if (record.subtype === undefined || SAID.has(record.subtype)) return 'message';
  if (JOIN.has(record.subtype)) return 'join';
  if (LEAVE.has(record.subtype)) return 'leave';
  return 'notice';
}

/**
 * Reads a Slack export (a workspace folder with users.json and channels.json and a folder per
 * channel, a channel folder, or one `YYYY-MM-DD.json` day file) into the channel's messages: edits
 * (`message_changed`) applied, deleted messages removed, pins from `pinned_to`, channels.json and
 * pin notices, bots named by their app. Every problem in every file is reported together.
 */
export function readSlackExport(path: string, options: SlackReadOptions = {}): ChatLog {
  const shownIn = options.show ?? ((file: string) => file);
  const shown = shownIn(path);
  const layout = findLayout(path, shown, options);
  const problems: Problem[] = [];
  const people = new Map<string, Person>();
  const channelNames = new Map<string, string>();
  const channelPins = new Set<string>();

  if (layout.root) {
    const usersFile = join(layout.root, 'users.json');
    if (existsSync(usersFile)) {
      const read = readJsonFile(usersFile, shownIn(usersFile), UsersFileSchema, FIX);
      problems.push(...read.problems);
      for (const u of read.data ?? []) people.set(u.id, personFromProfile(u.id, u.name, u.profile, u.real_name, u.is_bot === true));
    }
    for (const file of ['channels.json', 'groups.json'].map((f) => join(layout.root!, f)).filter(existsSync)) {
      const read = readJsonFile(file, shownIn(file), ChannelsFileSchema, FIX);
      problems.push(...read.problems);
      for (const c of read.data ?? []) {
        channelNames.set(c.id, c.name);
        if (c.name === layout.channel) for (const pin of c.pins ?? []) channelPins.add(pin.id);
      }
    }
  }

  const records: { record: SlackMessage; where: string }[] = [];
  for (const day of layout.days) {
    const where = shownIn(day);
    const read = readJsonFile(day, where, DayFileSchema, FIX);
    problems.push(...read.problems);
    for (const record of read.data ?? []) records.push({ record, where });
  }
  if (problems.length > 0) throw problemsError(problems, FIX);

  const byTs = new Map<string, { record: SlackMessage; where: string; text: string; edited: boolean }>();
  const edits: SlackMessage[] = [];
  const deleted = new Set<string>();
  const pinnedByNotice = new Set<string>();
  for (const entry of records) {
    const { record } = entry;
    if (record.subtype === 'message_changed') {
      if (record.message) edits.push(record);
      continue;
    }
    if (record.subtype === 'message_deleted') {
      if (record.deleted_ts) deleted.add(record.deleted_ts);
      continue;
    }
    if (record.subtype === 'pinned_item') {
      if (record.item?.ts) pinnedByNotice.add(record.item.ts);
      for (const a of record.attachments ?? []) if (a.ts !== undefined) pinnedByNotice.add(String(a.ts));
    }
    if (!byTs.has(record.ts)) byTs.set(record.ts, { ...entry, text: textOf(record), edited: record.edited !== undefined });
    if (record.user && !people.has(record.user)) {
      people.set(record.user, personFromProfile(record.user, undefined, record.user_profile, undefined, false));
    }
  }
  for (const edit of edits.sort((a, b) => Number(a.ts) - Number(b.ts))) {
    const target = byTs.get(edit.message!.ts);
    if (!target) continue;
    if (edit.message!.text !== undefined) target.text = edit.message!.text;
    target.edited = true;
  }

  const ignored: ChatLog['ignored'] = [];
  const messages: ChatMessage[] = [];
  for (const [ts, { record, where, text, edited }] of byTs) {
    if (deleted.has(ts)) continue;
    const account = record.user ? people.get(record.user) : undefined;
    const isBot = record.subtype === 'bot_message' || record.bot_id !== undefined || account?.bot === true;
    const parts = parseSlackText(text, (id) => channelNames.get(id));
    for (const part of parts) {
      if ('person' in part && !people.has(part.person))
        people.set(part.person, { key: part.person, handle: undefined, names: [], title: undefined, bot: false });
    }
    const event = eventOf(record);
    messages.push({
      at: Math.round(Number(ts) * 1000),
      where,
      author: isBot ? undefined : record.user,
      bot: isBot ? (record.bot_profile?.name ?? record.username ?? account?.names[0] ?? account?.handle ?? 'a bot') : undefined,
      event,
      ...(event === 'notice' ? { notice: record.subtype } : {}),
      parts,
      reply: record.thread_ts !== undefined && record.thread_ts !== ts,
      pinned: (record.pinned_to?.length ?? 0) > 0 || channelPins.has(ts) || pinnedByNotice.has(ts),
      reactions: (record.reactions ?? []).map((r) => r.name.replace(/::skin-tone-\d$/, '')),
      edited,
    });
  }
  messages.sort((a, b) => a.at - b.at);
  return { format: 'slack', label: `${shown} (#${layout.channel})`, messages, people, ignored };
}
