import { writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { lintText } from '../../check/engine.ts';
import type { Team } from '../../schema/catalog.ts';
import { parseFrontmatterSource } from '../../validation/source.ts';
import { joinParts, type ChatLog, type ChatMessage } from './chat.ts';
import { TimelineUsageError } from './errors.ts';
import { findIncident, readIncident, type ExistingEvent } from './incident.ts';
import { guessKind, type KindGuess } from './kinds.ts';
import { addToTimeline, planMerge, type NewEvent } from './merge.ts';
import { namePeople, readPeopleFile, type Naming } from './people.ts';
import { readChat } from './read-chat.ts';
import { describeSelection, parseMoment, selectMessages, type Selection, type Window } from './select.ts';
import { dateIn, formatInstant } from './zone.ts';

/** What `npm run timeline` was asked to do. */
export interface TimelineOptions {
  /** The archive: the folder holding catalog/ and incidents/. */
  root: string;
  /** The folder paths are given from and shown from. */
  cwd: string;
  /** The Slack export or transcript, as given. */
  input: string;
  /** The post-mortem's id, or the path of its .mdx file. */
  incident: string;
  /** The archive's time zone (catalog/organisation.yaml), which the timeline is written in. */
  timeZone: string;
  /** The catalog's teams, for roles read out of job titles. */
  teams: readonly Team[];
  channel?: string;
  /** --pinned, --reaction and --all; when none is given, pins and :timeline: for an export, everything for a transcript. */
  pinned?: boolean;
  reactions?: readonly string[];
  all?: boolean;
  from?: string;
  to?: string;
  bots?: boolean;
  /** `roles` (default), `handles`, or the path of a mapping file. */
  people?: string;
  onCall?: readonly string[];
  /** The zone a transcript's times are written in; the archive's by default. */
  zone?: string;
  /** The day of a transcript's first lines; the incident's start day by default. */
  date?: string;
  dryRun?: boolean;
}

/** An event the run adds, with the message it came from and the reason for its kind. */
export interface AddedEvent extends NewEvent {
  message: ChatMessage;
  guess: KindGuess;
}

/** A message (or line) left out, with why; `at` when it has a time. */
export interface SkippedMessage {
  at: number | undefined;
  where: string;
  text: string;
  why: string;
}

/** A finding of npm run check's prose rules in an added event's text. */
export interface WordingProblem {
  atText: string;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  found: string | undefined;
}

/** What a run did (or, with --dry-run, would do), for the report. */
export interface TimelineResult {
  incident: string;
  source: string;
  messages: number;
  selection: string;
  window: Window & { fromSays: string; toSays: string };
  timeZone: string;
  people: string;
  onCallFrom: ChatMessage | undefined;
  added: AddedEvent[];
  skipped: SkippedMessage[];
  /** Messages the selection took, before duplicates were left out. */
  taken: number;
  notTaken: number;
  outside: number;
  notes: string[];
  /** The timeline already has a trigger event. */
  hasTrigger: boolean;
  /** What the prose rules (blame, hindsight) say of the added events' words. */
  wording: WordingProblem[];
  /** Added events before started or after resolved (or mitigated), which npm run check refuses. */
  outsideKeyMoments: AddedEvent[];
  dryRun: boolean;
}

function shownFrom(cwd: string) {
  return (path: string) => {
    const rel = relative(cwd, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
  };
}

function checkZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
  } catch {
    throw new TimelineUsageError(`--zone: expected an IANA time zone such as Europe/London or America/New_York, found "${zone}".`);
  }
}

function selectionFor(options: TimelineOptions, log: ChatLog): Selection {
  const given = options.pinned || (options.reactions?.length ?? 0) > 0 || options.all;
  const reactions = (options.reactions ?? []).map((r) => r.trim().replace(/^:|:$/g, ''));
  if (log.format === 'transcript') {
    if (options.pinned || reactions.length > 0) {
      throw new TimelineUsageError(
        '--pinned and --reaction need a Slack export: a pasted transcript has no pins or reactions. Leave them out to take every line between --from and --to.',
      );
    }
    return { pinned: false, reactions: [], all: true };
  }
  if (!given) return { pinned: true, reactions: ['timeline'], all: false };
  return { pinned: options.pinned === true, reactions, all: options.all === true };
}

function windowFor(options: TimelineOptions, incident: ReturnType<typeof readIncident>): TimelineResult['window'] {
  const from = options.from !== undefined ? parseMoment(options.from, '--from', options.timeZone) : incident.started;
  const fromSays = options.from !== undefined ? '--from' : incident.started !== undefined ? 'started' : 'the start of the conversation';
  const end = incident.resolved ?? incident.mitigated;
  const to = options.to !== undefined ? parseMoment(options.to, '--to', options.timeZone) : end;
  const toSays =
    options.to !== undefined
      ? '--to'
      : incident.resolved !== undefined
        ? 'resolved'
        : incident.mitigated !== undefined
          ? 'mitigated'
          : 'the end of the conversation';
  if (from !== undefined && to !== undefined && from > to) {
    throw new TimelineUsageError(
      `The window ends before it starts: from ${formatInstant(from, options.timeZone)} (${fromSays}) to ${formatInstant(to, options.timeZone)} (${toSays}). Pass --from and --to in order.`,
    );
  }
  return { from, to, fromSays, toSays };
}

function eventText(message: ChatMessage, naming: Naming): string {
  const text = naming.render(message.parts);
  const speaker = naming.speaker(message);
  return speaker ? `${speaker}: ${text}` : text;
}

function skippedText(message: ChatMessage, naming: Naming, format: ChatLog['format']): string {
  const speaker = naming.speaker(message) ?? 'Someone';
  const where = format === 'slack' ? 'the channel' : 'the conversation';
  if (message.event === 'join') return `${speaker} joined ${where}`;
  if (message.event === 'leave') return `${speaker} left ${where}`;
  if (message.event === 'notice') return naming.render(message.parts);
  return eventText(message, naming);
}

/** The prose rules' findings in the added events, by running npm run check's linter over the new file. */
async function checkWording(root: string, path: string, text: string, added: readonly AddedEvent[]): Promise<WordingProblem[]> {
  const file = relative(root, path).split(sep).join('/');
  if (added.length === 0 || file.startsWith('..') || isAbsolute(file)) return [];
  const timeline = (parseFrontmatterSource(file, text).data as { timeline?: { at: string; text: string }[] }).timeline ?? [];
  const addedAt = new Map<number, string>();
  timeline.forEach((e, i) => {
    if (added.some((a) => a.atText === e.at && a.text === e.text)) addedAt.set(i, e.at);
  });
  const problems = await lintText({ root, file, text });
  return problems.flatMap((p) => {
    const index = /^timeline\[(\d+)\]\.text$/.exec(p.field)?.[1];
    const atText = index === undefined ? undefined : addedAt.get(Number(index));
    return atText === undefined ? [] : [{ atText, rule: p.rule, severity: p.severity, message: p.message, found: p.found }];
  });
}

/**
 * Works out the events a conversation adds to a post-mortem's timeline and the file with them in it:
 * reads the post-mortem and the conversation, selects the messages, names people, guesses kinds,
 * merges without duplicates and checks the new events' wording. Writes nothing; see runTimeline.
 */
export async function buildTimeline(options: TimelineOptions): Promise<{ result: TimelineResult; path: string; text: string }> {
  const show = shownFrom(options.cwd);
  const incidentPath = /\.mdx$/i.test(options.incident)
    ? resolve(options.cwd, options.incident)
    : findIncident(options.root, options.incident);
  const incident = readIncident(incidentPath, show(incidentPath));
  if (options.zone !== undefined) checkZone(options.zone);
  const transcriptZone = options.zone ?? options.timeZone;
  const idDay = /^(\d{4}-\d{2}-\d{2})-/.exec(incidentPath.split(/[\\/]/).pop()!)?.[1];
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
    throw new TimelineUsageError(
      `--date: expected the day the transcript starts, written YYYY-MM-DD (e.g. --date 2026-10-25), found "${options.date}".`,
    );
  }
  const transcriptDay =
    options.date ??
    (incident.started !== undefined ? dateIn(incident.started, transcriptZone) : (idDay ?? dateIn(Date.now(), transcriptZone)));

  const peopleChoice = options.people ?? 'roles';
  const isFile = !['roles', 'handles'].includes(peopleChoice);
  if (isFile && !/\.(?:ya?ml|json)$/i.test(peopleChoice)) {
    throw new TimelineUsageError(`--people: expected roles, handles or a mapping file (.yaml), found "${peopleChoice}".`);
  }
  const mappingPath = isFile ? resolve(options.cwd, peopleChoice) : undefined;
  const mapping = mappingPath ? readPeopleFile(mappingPath, show(mappingPath)) : undefined;

  const log = readChat(resolve(options.cwd, options.input), {
    show,
    channel: options.channel,
    channelHint: idDay,
    transcriptZone,
    transcriptDay,
  });
  const selection = selectionFor(options, log);
  const window = windowFor(options, incident);
  const naming = namePeople(log, {
    mode: peopleChoice === 'handles' ? 'handles' : 'roles',
    ...(mapping ? { mapping, mappingFile: show(mappingPath!) } : {}),
    onCall: options.onCall ?? [],
    teams: options.teams,
  });
  const selected = selectMessages(log.messages, selection, window, options.bots === true);

  const candidates: AddedEvent[] = selected.taken.map((message) => {
    const text = eventText(message, naming);
    // Kinds come from what was said, not from the roles put in for names ("the incident commander").
    const guess = guessKind(joinParts(message.parts, () => 'someone'));
    return { at: message.at, atText: formatInstant(message.at, options.timeZone), kind: guess.kind, text, message, guess };
  });
  const plan = planMerge<AddedEvent>(incident.timeline, candidates);
  const duplicate = (existing: ExistingEvent) => `already in the timeline at ${formatInstant(existing.at, options.timeZone)}`;
  const skipped: SkippedMessage[] = [
    ...log.ignored.map((i) => ({ at: undefined, where: i.where, text: '', why: i.why })),
    ...selected.skipped.map((s) => ({
      at: s.message.at,
      where: s.message.where,
      text: skippedText(s.message, naming, log.format),
      why: s.why,
    })),
    ...plan.duplicates.map((d) => ({ at: d.event.at, where: d.event.message.where, text: d.event.text, why: duplicate(d.existing) })),
  ].sort((a, b) => (a.at ?? -Infinity) - (b.at ?? -Infinity));

  const text = addToTimeline(incident.text, incident.shown, plan.inserts);
  const added = plan.inserts.map((i) => i.event).sort((a, b) => a.at - b.at);
  const end = incident.resolved ?? incident.mitigated;
  const minute = (ms: number) => Math.floor(ms / 60_000);
  const outsideKeyMoments = added.filter(
    (e) => (incident.started !== undefined && minute(e.at) < minute(incident.started)) || (end !== undefined && minute(e.at) > minute(end)),
  );
  const result: TimelineResult = {
    incident: incident.shown,
    source: log.label,
    messages: log.messages.length,
    selection: describeSelection(selection),
    window,
    timeZone: options.timeZone,
    people: isFile ? `as ${show(mappingPath!)} says, by role otherwise` : peopleChoice === 'handles' ? 'by handle' : 'by role',
    onCallFrom: naming.onCallFrom,
    added,
    skipped,
    taken: selected.taken.length,
    notTaken: selected.notTaken,
    outside: selected.outside,
    notes: naming.notes,
    hasTrigger: incident.timeline.some((e) => e.kind === 'trigger'),
    wording: await checkWording(options.root, incidentPath, text, added),
    outsideKeyMoments,
    dryRun: options.dryRun === true,
  };
  return { result, path: incidentPath, text };
}

/** Adds the conversation's events to the post-mortem (unless dry-run) and returns what was done. */
export async function runTimeline(options: TimelineOptions): Promise<TimelineResult> {
  const { result, path, text } = await buildTimeline(options);
  if (!result.dryRun && result.added.length > 0) writeFileSync(path, text);
  return result;
}
