import { z } from 'astro/zod';
import type { Team } from '../../schema/catalog.ts';
import { TextSchema } from '../../schema/common.ts';
import { closestMatch, formatProblem } from '../../validation/problems.ts';
import { parseYamlSource } from '../../validation/source.ts';
import { validateWithSchema } from '../../validation/sources.ts';
import { joinParts, type ChatLog, type ChatMessage, type Person, type TextPart } from './chat.ts';
import { TimelineError, TimelineUsageError } from './errors.ts';
import { readText } from './files.ts';

/** The role of whoever held the pager. */
export const ON_CALL = 'the on-call engineer';
/** The role of anyone the input says nothing more about. */
export const RESPONDER = 'a responder';

/** How people are named in the timeline. */
export interface PeopleOptions {
  /** `roles` (blameless, the default) or `handles` (`@sokafor`). */
  mode: 'roles' | 'handles';
  /** From a mapping file: what to call someone, by user id, handle or name, lower-cased. */
  mapping?: Map<string, string>;
  /** The mapping file as the report names it. */
  mappingFile?: string;
  /** Who held the pager (`--on-call`): user ids, handles or names. */
  onCall?: readonly string[];
  /** The catalog's teams, to read a team out of a job title. */
  teams: readonly Team[];
}

/** The names chosen for a conversation's people, and how to write a message with them. */
export interface Naming {
  /** What a person is called in running text. */
  name(key: string): string;
  /** Who said a message, as its event text starts (capitalised); undefined for an unsigned line. */
  speaker(message: ChatMessage): string | undefined;
  /** A message's text with every mention and written name replaced. */
  render(parts: readonly TextPart[]): string;
  /** The message that named the on-call engineer, when no --on-call or mapping did. */
  onCallFrom?: ChatMessage;
  /** Things the author should know: unknown mapping keys, people without handles. */
  notes: string[];
}

const MappingSchema = z.record(z.string(), TextSchema, {
  error: 'expected a mapping of who to what they are called, e.g. "sokafor: the on-call engineer"',
});

/** Reads a mapping file: `who: what they are called`, by Slack user id, handle or name. */
export function readPeopleFile(path: string, shown: string): Map<string, string> {
  const fix = 'Write one line per person, e.g. "sokafor: the on-call engineer" (docs/timeline.md).';
  const text = readText(path, shown, fix);
  const result = validateWithSchema(parseYamlSource(shown, text), MappingSchema.nullable());
  if (!result.data) {
    throw new TimelineError(`${result.problems.map(formatProblem).join('\n')}\n${fix}`);
  }
  return new Map(Object.entries(result.data).map(([who, called]) => [who.trim().replace(/^@/, '').toLowerCase(), called]));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every way the input names a person, lower-cased, for matching what the author wrote. */
function aliases(person: Person): string[] {
  return [person.key, person.handle, ...person.names].filter((a): a is string => !!a).map((a) => a.toLowerCase());
}

function teamIn(title: string | undefined, teams: readonly Team[]): Team | undefined {
  if (!title) return undefined;
  const sorted = [...teams].sort((a, b) => b.name.length - a.name.length);
  return sorted.find((t) => [t.name, t.id].some((n) => new RegExp(`(?<![\\w-])${escape(n)}(?![\\w-])`, 'i').test(title)));
}

const PAGED = /\b(?:assigned to|paged|paging|on[- ]call|escalated to)\b/i;

/** The person a bot paged: the one person mentioned in the first bot message that speaks of paging or assigning. */
function pagedPerson(log: ChatLog): { message: ChatMessage; key: string } | undefined {
  for (const message of log.messages) {
    if (!message.bot || !PAGED.test(joinParts(message.parts, () => ''))) continue;
    const mentioned = [...new Set(message.parts.flatMap((p) => ('person' in p && !log.people.get(p.person)?.bot ? [p.person] : [])))];
    if (mentioned.length === 1) return { message, key: mentioned[0]! };
  }
  return undefined;
}

/**
 * Chooses what each person is called. With roles (the default): the mapping file's words, else
 * "the on-call engineer" for --on-call (or the person a paging bot named), else "an engineer from
 * <team>" when their job title names a catalog team, else "a responder". With handles: their handle
 * (`@sokafor` in running text), or a role when the input has none. Bots keep their app's name.
 */
export function namePeople(log: ChatLog, options: PeopleOptions): Naming {
  const notes: string[] = [];
  const people = [...log.people.values()];
  const byAlias = (who: string) => people.filter((p) => aliases(p).includes(who.trim().replace(/^@/, '').toLowerCase()));

  const onCall = new Set<string>();
  for (const who of options.onCall ?? []) {
    const found = byAlias(who);
    if (found.length === 0) {
      const known = people.filter((p) => !p.bot).map((p) => p.handle ?? p.key);
      const suggestion = closestMatch(who, known);
      throw new TimelineUsageError(
        `--on-call: nobody in ${log.label} is called "${who}".${suggestion ? ` Did you mean ${suggestion}?` : ''} Give a handle or a user id from the export, or a name as the transcript writes it.`,
      );
    }
    for (const p of found) onCall.add(p.key);
  }
  let onCallFrom: ChatMessage | undefined;
  const mapped = (p: Person) =>
    aliases(p)
      .map((a) => options.mapping?.get(a))
      .find((v) => v !== undefined);
  if (options.mode === 'roles' && onCall.size === 0) {
    const paged = pagedPerson(log);
    if (paged && !mapped(log.people.get(paged.key)!)) {
      onCall.add(paged.key);
      onCallFrom = paged.message;
    }
  }
  if (options.mapping) {
    const all = new Set(people.flatMap(aliases));
    for (const who of options.mapping.keys())
      if (!all.has(who))
        notes.push(`${options.mappingFile ?? 'The mapping file'}: nobody in ${log.label} is called "${who}"; that line was not used.`);
  }

  const role = (p: Person): string => {
    const fromFile = mapped(p);
    if (fromFile !== undefined) return fromFile;
    if (onCall.has(p.key)) return ON_CALL;
    const team = teamIn(p.title, options.teams);
    return team ? `an engineer from ${team.name}` : RESPONDER;
  };
  const names = new Map<string, { running: string; speaking: string }>();
  for (const p of people) {
    if (p.bot) {
      const called = p.names[0] ?? p.handle ?? 'a bot';
      names.set(p.key, { running: called, speaking: called });
    } else if (options.mode === 'handles' && p.handle) {
      names.set(p.key, { running: `@${p.handle}`, speaking: p.handle });
    } else {
      if (options.mode === 'handles') {
        const who = log.format === 'slack' ? `User ${p.key}` : 'A speaker whose name is not a handle';
        notes.push(`${who} has no handle in ${log.label}; called "${role(p)}" instead. A mapping file (--people FILE) can name them.`);
      }
      const called = role(p);
      names.set(p.key, { running: called, speaking: capitalise(called) });
    }
  }

  // Names typed into messages ("thanks Priya") are replaced too: full names and handles in any case,
  // single names only as the profile writes them (so "Will" the person is not "will" the verb).
  const written = new Map<string, { key: string; exact: string | undefined }>();
  for (const p of people) {
    if (p.bot) continue;
    for (const n of p.names) written.set(n.toLowerCase().replace(/\s+/g, ' '), { key: p.key, exact: /\s/.test(n) ? undefined : n });
    if (p.handle) written.set(p.handle.toLowerCase(), { key: p.key, exact: undefined });
  }
  const alternatives = [...written.keys()]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((n) => escape(n).replace(/ /g, '\\s+'));
  const typed = alternatives.length > 0 ? new RegExp(`(?<![\\w@.-])@?(?:${alternatives.join('|')})(?![\\w-]|\\.\\w)`, 'gi') : undefined;
  const lookup = (matched: string) => {
    const plain = matched.replace(/^@/, '');
    const entry = written.get(plain.toLowerCase().replace(/\s+/g, ' '));
    return entry && (entry.exact === undefined || entry.exact === plain) ? entry : undefined;
  };
  const name = (key: string) => names.get(key)?.running ?? RESPONDER;
  // A role that starts a sentence starts with a capital: "Live in us-east-1 too. A responder, can you ...".
  const placed = (called: string, before: string) =>
    options.mode === 'roles' && /(?:^|[.!?]\s+)$/.test(before) ? capitalise(called) : called;
  const render = (parts: readonly TextPart[]) => {
    let out = '';
    for (const part of parts) {
      if ('person' in part) {
        out += placed(name(part.person), out.trimStart());
        continue;
      }
      part.text.split(/(https?:\/\/\S+)/).forEach((piece, i) => {
        const start = out;
        out +=
          i % 2 === 1 || !typed
            ? piece
            : piece.replace(typed, (m: string, offset: number) => {
                const p = lookup(m);
                return p ? placed(names.get(p.key)!.running, (start + piece.slice(0, offset)).trimStart()) : m;
              });
      });
    }
    return out.trim();
  };
  const speaker = (message: ChatMessage) => {
    if (message.bot) return message.bot;
    return message.author ? (names.get(message.author)?.speaking ?? capitalise(RESPONDER)) : undefined;
  };
  return { name, speaker, render, ...(onCallFrom ? { onCallFrom } : {}), notes };
}
