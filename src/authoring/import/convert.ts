import { Document, isMap, isScalar, isSeq, stringify, type Node as YamlNode, type Pair } from 'yaml';
import type { Heading, List, RootContent } from 'mdast';
import { DECISIONS, DETECTIONS, TRIGGERS, type ActionItem, type TimelineEvent } from '../../schema/incident.ts';
import { toEpochMs } from '../../lib/time.ts';
import { closestMatch } from '../../validation/problems.ts';
import type { Catalog } from '../../validation/sources.ts';
import { slugify } from '../new-postmortem.ts';
import { parseActionList, parseActionSection, type SourceActionItem } from './action-items.ts';
import { addDays, dateOrderFor, declaredZone, findDates, findTimes, inZone, zonedTimestamp, type DateOrder, type FoundDate } from './dates.ts';
import { ImportError, parseMarkdown, plainText, readSource, sectionsOf, sourceOf, withoutCode, type Section } from './markdown.ts';
import { escapeForMdx } from './mdx.ts';
import { parseTimeline } from './timeline.ts';
import {
  fieldOfKey, guessActionKind, guessCategory, guessDecision, guessDetection, guessEventKind, guessTrigger, mapDetection, mapSeverity,
  mapTrigger, sectionKind, TEMPLATE_SECTIONS, type SectionKind, type SourceField,
} from './vocabulary.ts';

/** One source post-mortem turned into a draft: where it goes, its frontmatter (with comments), its body and what needs a human. */
export interface Draft {
  /** The source as the user named it, e.g. `old-postmortems/unlock.md`. */
  source: string;
  /** Where the draft goes, relative to the archive root, e.g. `incidents/2024/2024-03-14-unlock-timeouts.mdx`. */
  path: string;
  frontmatter: Document;
  body: string;
  /** What a person must check or complete, one sentence each. */
  notes: string[];
}

/** The text of a draft: frontmatter between `---` lines, then the body. */
export function renderDraft(draft: Pick<Draft, 'frontmatter' | 'body'>): string {
  return `---\n${draft.frontmatter.toString({ lineWidth: 0 }).trimEnd()}\n---\n\n${draft.body}`;
}

/** A value from the source with the key it was written under. */
interface Written {
  key: string;
  value: unknown;
  /** Where the value was found: the frontmatter, or a "Key: value" line of the body (its range, removed once mapped). */
  range?: [number, number];
}

/** Something the import could not map: kept under "Supporting information" and listed in the report. */
interface Unmapped {
  key: string;
  value: string;
  why?: string;
}

interface BodyEdit {
  start: number;
  end: number;
  text: string;
}

const DETAIL_KINDS = new Set<SectionKind | undefined>(['details', 'summary']);
// Fields whose "Key: value" lines leave the body once they are in the frontmatter; prose-like ones stay.
const LINE_FIELDS = new Set<SourceField>(['title', 'date', 'time', 'detected', 'mitigated', 'resolved', 'duration', 'severity', 'services', 'teams', 'authors', 'status', 'tags', 'type', 'visibility']);
const TITLE_PREFIX = /^(?:post[- ]?mortem|incident (?:report|review|post[- ]?mortem)|pir|rca|retro(?:spective)?|root cause analysis)\s*(?:[:|–—-]\s*|\s+for\s+)/i;

function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return value.map(show).join(', ');
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(show).filter(Boolean);
  return show(value).split(/\s*(?:,|;|\/|\s&\s|\sand\s)\s*/).map((s) => s.trim()).filter(Boolean);
}

function quote(value: string): string {
  return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
}

function numbered(indexes: number[]): string {
  return `${indexes.length === 1 ? 'action item' : 'action items'} ${indexes.map((i) => i + 1).join(', ')}`;
}

/** A "Key: value" line: `**Date:** 2024-03-14`, `- Severity: SEV2`, `Owner - @ana`. */
const KEY_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z0-9 ()/&_-]{0,40}?)\s*(?:(?::|\s[-–—])\s*(?:\*\*|__)|(?:\*\*|__)\s*(?::|[-–—])|:)\s*(.*?)\s*$/;

/** Reads "Key: value" lines and two-column tables out of the preamble and details sections. */
function readKeyLines(body: string, code: string, ranges: [number, number][]): { written: Written[]; prose: Map<SectionKind, string> } {
  const written: Written[] = [];
  const prose = new Map<SectionKind, string>();
  for (const [from, to] of ranges) {
    const text = code.slice(from, to);
    const lines = text.split('\n');
    let offset = from;
    let open: { kind: SectionKind; parts: string[] } | undefined;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const start = offset;
      offset += line.length + 1;
      const cells = /^\s*\|(.*)\|\s*$/.exec(line)?.[1]?.split('|').map((c) => c.trim());
      if (cells && cells.length === 2 && !/^:?-+:?$/.test(cells[0]!)) {
        const field = fieldOfKey(plainText(cells[0]!));
        if (field) written.push({ key: plainText(cells[0]!), value: cells[1]!, range: [start, Math.min(offset, body.length)] });
        continue;
      }
      const m = KEY_LINE.exec(line);
      if (m) {
        const key = plainText(m[1]!);
        const field = fieldOfKey(key);
        const kind = sectionKind(key);
        if (field && LINE_FIELDS.has(field) && m[2] !== '') {
          written.push({ key, value: body.slice(start, start + line.length).replace(KEY_LINE, '$2').trim(), range: [start, Math.min(offset, body.length)] });
          open = undefined;
          continue;
        }
        if ((field === 'summary' || field === 'detection' || field === 'trigger') && m[2] !== '') written.push({ key, value: m[2]! });
        if (kind) {
          open = { kind, parts: [m[2]!] };
          prose.set(kind, m[2]!);
          continue;
        }
      }
      if (open && line.trim() !== '') {
        open.parts.push(line.trim());
        prose.set(open.kind, open.parts.join(' '));
      } else open = undefined;
    }
  }
  return { written, prose };
}

/** A service the source named, matched to the catalog: by id, name or slug, by a missing suffix, or by the closest spelling. */
function matchService(name: string, catalog: Catalog): { id: string; exact: boolean } | undefined {
  const lower = name.trim().toLowerCase();
  for (const s of catalog.services) {
    if (s.id === lower || s.name.toLowerCase() === lower || slugify(name) === s.id) return { id: s.id, exact: true };
  }
  const bare = catalog.services.find((s) => s.id.replace(/-(?:api|service|svc|web|app|backend|server)$/, '') === slugify(name));
  if (bare) return { id: bare.id, exact: false };
  // "Telemetry" for telemetry-ingest: the only id that starts with the name as a whole word.
  const prefixed = catalog.services.filter((s) => s.id.startsWith(`${slugify(name)}-`));
  if (prefixed.length === 1 && slugify(name) !== '') return { id: prefixed[0]!.id, exact: false };
  const byId = closestMatch(slugify(name), catalog.services.map((s) => s.id));
  if (byId) return { id: byId, exact: false };
  const byName = closestMatch(lower, catalog.services.map((s) => s.name));
  if (byName) return { id: catalog.services.find((s) => s.name === byName)!.id, exact: false };
  return undefined;
}

function matchTeam(name: string, catalog: Catalog): string | undefined {
  const lower = name.trim().replace(/^@/, '').toLowerCase();
  return catalog.teams.find((t) => t.id === lower || t.name.toLowerCase() === lower || slugify(name) === t.id || slugify(`${name}`).replace(/-team$/, '') === t.id)?.id;
}

/** The first date in a value and the time written after it, e.g. `2024-03-14 08:12 UTC`. */
function readMoment(value: string, order: DateOrder): { date?: FoundDate; time?: string; offset?: string } {
  const date = findDates(value, order)[0];
  const rest = date ? value.slice(date.index + date.text.length) : value;
  const time = findTimes(rest.replace(/^T/, ' '))[0];
  return { ...(date ? { date } : {}), ...(time ? { time: time.time, ...(time.offset ? { offset: time.offset } : {}) } : {}) };
}

function titleFromFileName(fileName: string): string {
  const stem = fileName.replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}[-_ ]*/, '').replace(/[-_]+/g, ' ').trim();
  return stem ? stem[0]!.toUpperCase() + stem.slice(1) : '';
}

function cleanTitle(title: string, order: DateOrder): string {
  let t = title.replace(TITLE_PREFIX, '').trim();
  // A date in brackets or before a colon is the incident's date, which the file name and `started` carry.
  t = t.replace(/\s*[([]([^()[\]]*)[)\]]\s*$/, (whole, inner: string) => (findDates(inner, order)[0]?.text === inner.trim() ? '' : whole));
  const lead = findDates(t, order)[0];
  if (lead?.index === 0) t = t.slice(lead.text.length).replace(/^\s*[:|–—-]\s*/, '');
  return t.trim();
}

/** True for a "Key: value" line whose key is a field, such as `**Date:** 2024-03-14`. */
function isFieldLine(line: string): boolean {
  return fieldOfKey(KEY_LINE.exec(line)?.[1] ?? '') !== undefined;
}

/** The first paragraph of prose: not a table, not "Key: value" lines. */
function firstParagraph(body: string, nodes: readonly RootContent[]): string | undefined {
  const paragraph = nodes.find((n) => n.type === 'paragraph' && !/^\s*\|/.test(sourceOf(body, n)) && !isFieldLine(sourceOf(body, n).split('\n')[0]!));
  return paragraph ? plainText(sourceOf(body, paragraph)) || undefined : undefined;
}

/** The text of a section's top-level list items, or of its first paragraph when it has no list. */
function factorTexts(body: string, nodes: readonly RootContent[]): string[] {
  const lists = nodes.filter((n): n is List => n.type === 'list');
  if (lists.length > 0) return lists.flatMap((l) => l.children.map((item) => plainText(sourceOf(body, item).replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')))).filter(Boolean);
  const paragraph = firstParagraph(body, nodes);
  return paragraph ? [paragraph] : [];
}

/** The first guess any of the texts gives, trying them in order. */
function firstGuess<T>(texts: readonly string[], guess: (text: string) => T | undefined): T | undefined {
  for (const text of texts) {
    const found = text.trim() === '' ? undefined : guess(text);
    if (found !== undefined) return found;
  }
  return undefined;
}

function sectionText(code: string, section: Section | undefined): string {
  return section ? code.slice(section.contentStart, section.end) : '';
}

/**
 * Turns one source post-mortem into a draft: maps every field it can, marks with `TODO` what the format
 * needs and the source lacks, and keeps the body (headings renamed, MDX-safe). Throws ImportError when
 * the file has no date at all or its frontmatter is not YAML.
 */
export function convertPostmortem(source: string, fileName: string, text: string, catalog: Catalog): Draft {
  const doc = readSource(source, text);
  const { body, tree } = doc;
  const code = withoutCode(body, tree);
  const timeZone = catalog.organisation.time_zone;
  const order = dateOrderFor(timeZone);
  const ranked: { rank: number; text: string }[] = [];
  // Notes are reported in the order of the fields they are about, whatever order they were found in.
  const note = (rank: number, text: string) => ranked.push({ rank, text });
  const unmapped: Unmapped[] = [];
  const edits: BodyEdit[] = [];
  const severities = catalog.taxonomy.severities;

  // Fields from the frontmatter; keys the format has no place for are kept for "Supporting information".
  const fields = new Map<SourceField, Written>();
  for (const [key, value] of Object.entries(doc.frontmatter ?? {})) {
    if (isEmpty(value)) continue;
    const field = fieldOfKey(key);
    if (!field || fields.has(field)) {
      unmapped.push({ key, value: show(value) });
      note(90, `frontmatter field '${key}' has no place in the format: kept under Supporting information`);
      continue;
    }
    fields.set(field, { key, value });
  }

  // Title: the frontmatter's, else a first heading above all others.
  const sections = sectionsOf(body, tree);
  // HTML comments above the title (export notes) do not stop the first heading from being the title.
  const first = tree.children.find((n) => n.type !== 'html');
  // A first heading is the title when every other heading is below it, or when it is no known section and the frontmatter has no title.
  const isTitle = first?.type === 'heading' && (sections.every((s) => s.heading === first || s.heading.depth > first.depth)
    || (!sectionKind(sections[0]!.title) && !fields.has('title') && sections.every((s) => s.heading.depth >= first.depth)));
  const titleHeading = isTitle ? (first as Heading) : undefined;
  const headingTitle = titleHeading ? sections[0]!.title : undefined;
  const bodySections = sections.filter((s) => s.heading !== titleHeading);
  const preambleStart = titleHeading ? titleHeading.position!.end.offset! : 0;
  const preambleEnd = bodySections[0]?.start ?? body.length;
  const kinds = new Map<Section, SectionKind | undefined>(bodySections.map((s) => [s, sectionKind(s.title)]));
  const sectionOf = (kind: SectionKind) => bodySections.find((s) => kinds.get(s) === kind);

  // "Key: value" lines in the preamble and in details or summary sections.
  const detailRanges: [number, number][] = [[preambleStart, preambleEnd], ...bodySections.filter((s) => DETAIL_KINDS.has(kinds.get(s))).map((s): [number, number] => [s.contentStart, s.end])];
  const { written: lines, prose } = readKeyLines(body, code, detailRanges);
  const lineFields = new Map<SourceField, Written>();
  for (const line of lines) {
    const field = fieldOfKey(line.key)!;
    if (fields.has(field) || lineFields.has(field)) continue;
    lineFields.set(field, line);
  }
  const take = (field: SourceField): Written | undefined => fields.get(field) ?? lineFields.get(field);
  const mapped = (w: Written | undefined) => {
    if (w?.range) edits.push({ start: w.range[0], end: w.range[1], text: '' });
  };
  const keep = (w: Written, why: string) => unmapped.push({ key: w.key, value: show(w.value), why });

  // Title.
  const writtenTitle = take('title');
  let title = writtenTitle ? show(writtenTitle.value) : headingTitle ?? '';
  if (writtenTitle) mapped(writtenTitle);
  if (titleHeading && (!writtenTitle || cleanTitle(headingTitle!, order).toLowerCase() === cleanTitle(title, order).toLowerCase())) {
    const end = titleHeading.position!.end.offset!;
    edits.push({ start: titleHeading.position!.start.offset!, end: body.slice(end).startsWith('\n') ? end + 1 : end, text: '' });
  }
  const rawTitle = title;
  title = cleanTitle(title, order);
  if (title === '') {
    title = titleFromFileName(fileName) || 'TODO: what happened, in one line';
    note(10, `title: none in the source; made from the file name: check it`);
  }
  if (title.length > 120) {
    const cut = title.slice(0, 117);
    unmapped.push({ key: 'title', value: title, why: 'longer than 120 characters' });
    title = `${cut.slice(0, cut.lastIndexOf(' ') > 60 ? cut.lastIndexOf(' ') : 117)}...`;
    note(10, 'title: longer than 120 characters; shortened, the full title is under Supporting information');
  }

  // The date: written as a field, else in the timeline, the title, the opening text, the file name or anywhere.
  const timelineSection = sectionOf('timeline');
  const actionSection = sectionOf('actions');
  const summarySection = sectionOf('summary');
  const writtenDate = take('date');
  const declared = declaredZone(timelineSection?.title ?? '') ?? declaredZone(sectionText(code, timelineSection)) ?? declaredZone(code.slice(preambleStart, preambleEnd));
  let startMoment = writtenDate ? readMoment(show(writtenDate.value), order) : {};
  if (writtenDate && !startMoment.date && !startMoment.time) {
    keep(writtenDate, 'not a date');
    note(40, `date ${quote(show(writtenDate.value))} is not a date the import can read: kept under Supporting information`);
  } else mapped(writtenDate);
  const candidates: [string, string][] = [
    ['timeline', sectionText(code, timelineSection)],
    ['title', rawTitle],
    ['opening text', code.slice(preambleStart, preambleEnd) + sectionText(code, summarySection)],
    ['file name', fileName],
    ['text', code.slice(0, actionSection?.start ?? code.length) + code.slice(actionSection?.end ?? code.length)],
  ];
  if (!startMoment.date) {
    for (const [where, haystack] of candidates) {
      const found = findDates(haystack, order)[0];
      if (!found) continue;
      startMoment = { ...startMoment, date: found };
      if (where === 'file name' || where === 'text') note(40, `date taken from the ${where} (${quote(found.text)}): check it`);
      break;
    }
  }
  if (!startMoment.date) {
    throw new ImportError(`${source}: no date found. Add a line such as "Date: 2024-03-14" under the title (or "date: 2024-03-14" in its frontmatter), then run the import again.`);
  }
  const startDate = startMoment.date;
  // A separate "Time: 14:05 UTC" completes a date written without one.
  const writtenTime = take('time');
  if (writtenTime) {
    const time = readMoment(show(writtenTime.value), order);
    if (time.time && !startMoment.time) {
      startMoment = { ...startMoment, time: time.time, ...(time.offset ? { offset: time.offset } : {}) };
      mapped(writtenTime);
    } else {
      const why = time.time ? 'the date already gives a time' : 'no time the import can read';
      keep(writtenTime, why);
      note(41, `time ${quote(show(writtenTime.value))} not used (${why}): kept under Supporting information`);
    }
  }
  if (startDate.otherReading) note(40, `date ${quote(startDate.text)} could also be ${startDate.otherReading}; read as ${startDate.date}: check it`);
  const day = startDate.date;

  // Timeline events, in the catalog's time zone.
  const rawEvents = timelineSection ? parseTimeline(sectionText(code, timelineSection), timelineSection.title, day, order) : [];
  const events = rawEvents.map((e, index) => {
    const at = inZone(e.date, e.time, e.offset ?? declared, timeZone).timestamp;
    return { at, ms: toEpochMs(at), text: e.text, line: e.line, kind: guessEventKind(e.text, index === 0) };
  });

  // Key moments.
  const momentOf = (w: Written | undefined): string | undefined => {
    if (!w) return undefined;
    const m = readMoment(show(w.value), order);
    if (!m.time) return undefined;
    return inZone(m.date?.date ?? day, m.time, m.offset ?? declared, timeZone).timestamp;
  };
  let started: string;
  let startedHasTime = true;
  if (startMoment.time) started = inZone(day, startMoment.time, startMoment.offset ?? declared, timeZone).timestamp;
  else if (events.length > 0) started = events.reduce((a, b) => (b.ms < a.ms ? b : a)).at;
  else {
    started = zonedTimestamp(day, '00:00', timeZone);
    startedHasTime = false;
    note(41, 'started: no time in the source; set to 00:00 with a TODO');
  }
  const after = (ts: string | undefined, floor: string) => (ts !== undefined && toEpochMs(ts) >= toEpochMs(floor) ? ts : undefined);
  const explicit = (field: SourceField) => {
    const w = take(field);
    const at = momentOf(w);
    if (w && !at) {
      keep(w, 'no time the import can read');
      note(42, `${field} ${quote(show(w.value))} has no time the import can read: kept under Supporting information`);
    } else mapped(w);
    return at;
  };
  const writtenDetected = explicit('detected');
  const writtenMitigated = explicit('mitigated');
  const writtenResolved = explicit('resolved');
  const firstEvent = (kind: string, floor: string) => events.find((e) => e.kind === kind && e.ms >= toEpochMs(floor))?.at;
  // A written moment out of order (detected before started) is kept for a person to sort out, not guessed at.
  const inOrder = (field: SourceField, written: string | undefined, floor: string, floorName: string) => {
    if (written === undefined || toEpochMs(written) >= toEpochMs(floor)) return written;
    keep(take(field)!, `before ${floorName}`);
    note(field === 'detected' ? 42 : 43, `${field} ${quote(show(take(field)!.value))} is before ${floorName}: kept under Supporting information; check both`);
    return undefined;
  };
  let detected = inOrder('detected', writtenDetected, started, 'started') ?? firstEvent('detect', started);
  const detectedIsPlaceholder = detected === undefined;
  detected ??= started;
  if (detectedIsPlaceholder) note(42, 'detected: not in the source; set to started with a TODO');
  let mitigated = inOrder('mitigated', writtenMitigated, detected, 'detected') ?? firstEvent('mitigate', detected);
  const duration = take('duration');
  let mitigatedFromDuration = false;
  if (duration) {
    const d = /^(?:(\d+)\s*d(?:ays?)?)?\s*(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:ute)?s?)?)?$/i.exec(show(duration.value).trim());
    const minutes = d && d[0] !== '' ? Number(d[1] ?? 0) * 1440 + Number(d[2] ?? 0) * 60 + Number(d[3] ?? 0) : undefined;
    if (minutes !== undefined && startedHasTime && !mitigated) {
      const end = new Date(toEpochMs(started) + minutes * 60_000);
      mitigated = after(inZone(end.toISOString().slice(0, 10), end.toISOString().slice(11, 19), 'Z', timeZone).timestamp, detected);
      if (mitigated) {
        mitigatedFromDuration = true;
        mapped(duration);
        note(43, `mitigated: started plus the duration ${quote(show(duration.value))}: check it`);
      } else {
        keep(duration, 'ends before detected');
        note(43, `duration ${quote(show(duration.value))} ends before detected: kept under Supporting information`);
      }
    } else if (minutes !== undefined) {
      keep(duration, mitigated ? 'mitigated is already known' : 'no start time to add it to');
      note(43, `duration ${quote(show(duration.value))} not used (${mitigated ? 'mitigated is already known' : 'no start time'}): kept under Supporting information`);
    } else {
      keep(duration, 'not a duration the import can read');
      note(43, `duration ${quote(show(duration.value))} could not be read: kept under Supporting information`);
    }
  }
  const resolved = inOrder('resolved', writtenResolved, mitigated ?? detected, mitigated ? 'mitigated' : 'detected') ?? firstEvent('resolve', mitigated ?? detected);
  if (!mitigated) note(43, 'mitigated: not in the source; add it before review');
  const end = resolved ?? mitigated;
  const inside = events.filter((e) => e.ms >= toEpochMs(started) && (end === undefined || e.ms <= toEpochMs(end)));
  const outside = events.filter((e) => !inside.includes(e));
  if (outside.length > 0) {
    note(45, `timeline: ${outside.length === 1 ? 'an event' : `${outside.length} events`} outside started..${resolved ? 'resolved' : 'mitigated'} kept in the body only (${outside.map((e) => quote(e.line)).join(', ')})`);
  }
  if (inside.length > 0) note(45, `timeline: ${inside.length} ${inside.length === 1 ? 'event' : 'events'} imported; kinds guessed from the text: check them`);
  else if (timelineSection) note(45, 'timeline: no lines starting with a time; the section is kept in the body only');

  // Severity.
  const writtenSeverity = take('severity');
  const severityMapping = writtenSeverity ? mapSeverity(show(writtenSeverity.value), severities) : undefined;
  const severity = severityMapping?.id ?? severities[severities.length - 1]!.id;
  let severityComment: string | undefined;
  if (writtenSeverity && severityMapping) {
    mapped(writtenSeverity);
    if (!severityMapping.exact) {
      note(20, `severity ${quote(show(writtenSeverity.value))} mapped to ${severity}: check it`);
      severityComment = ` TODO: check it; the source said ${quote(show(writtenSeverity.value))}`;
    }
  } else {
    if (writtenSeverity) keep(writtenSeverity, `not a severity of ${severities.map((s) => s.id).join(', ')}`);
    note(20, writtenSeverity
      ? `severity ${quote(show(writtenSeverity.value))} matches none of ${severities.map((s) => s.id).join(', ')}: set to ${severity} with a TODO`
      : `severity: not in the source; set to ${severity} with a TODO`);
    severityComment = ` TODO: ${writtenSeverity ? `the source said ${quote(show(writtenSeverity.value))}` : 'not in the source'}; choose one of ${severities.map((s) => s.id).join(', ')}`;
  }

  // Summary: the frontmatter's, else the first paragraph of the summary section or a "Summary:" line.
  const writtenSummary = fields.get('summary');
  let summary = writtenSummary ? plainText(show(writtenSummary.value)) : firstParagraph(body, summarySection?.nodes ?? []) ?? (prose.get('summary') ? plainText(prose.get('summary')!) : undefined);
  if (!summary) {
    summary = firstParagraph(body, tree.children.filter((n) => n.position!.start.offset! >= preambleStart && n.position!.end.offset! <= preambleEnd));
    if (summary) note(11, 'summary: taken from the first paragraph of the body: check it');
  }
  if (!summary) note(11, 'summary: not in the source; left as TODO');

  // Services, and the teams that own them.
  const writtenServices = take('services');
  const services: string[] = [];
  const serviceComments: string[] = [];
  if (writtenServices) {
    mapped(writtenServices);
    for (const name of list(writtenServices.value)) {
      const match = matchService(name, catalog);
      if (match && !match.exact) {
        note(25, `service ${quote(name)} matched to ${match.id}: check it`);
        serviceComments.push(`${quote(name)} read as ${match.id}`);
      }
      if (match) {
        if (!services.includes(match.id)) services.push(match.id);
        continue;
      }
      unmapped.push({ key: writtenServices.key, value: name, why: 'not in catalog/services.yaml' });
      note(25, `service ${quote(name)} not in catalog/services.yaml: left as TODO`);
      serviceComments.push(`${quote(name)} is not in catalog/services.yaml`);
    }
  } else {
    // No services named: look for a catalog service's name or id in the title and summary.
    const haystack = ` ${title} ${summary ?? ''} `.toLowerCase();
    for (const s of catalog.services) {
      const pattern = (word: string) => new RegExp(`[^a-z0-9-]${word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^a-z0-9-]`);
      if (pattern(s.name).test(haystack) || pattern(s.id).test(haystack)) services.push(s.id);
    }
    if (services.length > 0) {
      note(25, `services: none named; ${services.join(', ')} found in the title or summary: check them`);
      serviceComments.push('found in the title or summary');
    }
  }
  if (services.length === 0) {
    services.push(catalog.services[0]!.id);
    note(25, `services: ${writtenServices ? 'none of those named is in catalog/services.yaml' : 'none named in the source'}; set to ${services[0]} as a placeholder with a TODO`);
    serviceComments.push(`placeholder; choose the right ids from catalog/services.yaml`);
  }
  const teams = [...new Set(services.map((id) => catalog.services.find((s) => s.id === id)!.team))];
  const writtenTeams = take('teams');
  if (writtenTeams) {
    mapped(writtenTeams);
    for (const name of list(writtenTeams.value)) {
      const team = matchTeam(name, catalog);
      if (team && !teams.includes(team)) teams.push(team);
      if (!team) {
        unmapped.push({ key: writtenTeams.key, value: name, why: 'not in catalog/teams.yaml' });
        note(26, `team ${quote(name)} not in catalog/teams.yaml: kept under Supporting information`);
      }
    }
  }

  // Authors, tags, status, type and visibility.
  const writtenAuthors = take('authors');
  mapped(writtenAuthors);
  const authors = writtenAuthors ? list(writtenAuthors.value).map((a) => a.replace(/^@/, '')) : [];
  const writtenTags = take('tags');
  mapped(writtenTags);
  const tags = writtenTags ? [...new Set(list(writtenTags.value).map((t) => slugify(t.replace(/^#/, ''))).filter(Boolean))] : [];
  const writtenStatus = take('status');
  if (writtenStatus) {
    mapped(writtenStatus);
    if (!/^draft$/i.test(show(writtenStatus.value))) {
      unmapped.push({ key: writtenStatus.key, value: show(writtenStatus.value), why: 'every import starts as a draft' });
      note(12, `status ${quote(show(writtenStatus.value))} in the source: imported as a draft`);
    }
  }
  let type: 'incident' | 'near-miss' = 'incident';
  const writtenType = take('type');
  if (writtenType) {
    const v = show(writtenType.value).toLowerCase();
    if (/near[-\s_]?miss/.test(v)) type = 'near-miss';
    if (/near[-\s_]?miss|^(?:incident|outage)$/.test(v)) mapped(writtenType);
    else {
      keep(writtenType, 'neither incident nor near-miss');
      note(13, `type ${quote(show(writtenType.value))} is neither incident nor near-miss: kept under Supporting information`);
    }
  } else if (/\bnear[-\s]?miss\b/i.test(rawTitle)) {
    type = 'near-miss';
    note(13, 'type: near-miss, from the title: check it');
  }
  let visibility: 'internal' | 'public' = 'internal';
  const writtenVisibility = take('visibility');
  if (writtenVisibility) {
    const v = show(writtenVisibility.value).toLowerCase();
    if (/^(?:public|external)$/.test(v)) visibility = 'public';
    if (/^(?:public|external|internal|private|confidential|restricted)$/.test(v)) mapped(writtenVisibility);
    else {
      keep(writtenVisibility, 'neither internal nor public');
      note(14, `visibility ${quote(show(writtenVisibility.value))} is neither internal nor public: set to internal, kept under Supporting information`);
    }
  }

  // Contributing factors from the root-cause section, categories guessed.
  const factorsSection = sectionOf('factors');
  const categories = catalog.taxonomy.categories.map((c) => c.id);
  const factorSources = factorsSection ? factorTexts(body, factorsSection.nodes) : prose.get('factors') ? [plainText(prose.get('factors')!)] : [];
  const factors = factorSources.map((description) => ({ category: guessCategory(description, categories), description }));
  if (factors.length > 0) note(50, `contributing factors: ${factors.length} imported; categories guessed from the text: check them`);

  // Trigger, detection and response decision: written, else guessed from the sections that describe them.
  const guessed: string[] = [];
  const missing: string[] = [];
  const writtenTrigger = fields.get('trigger') ?? lineFields.get('trigger');
  // A value written as one of the format's ("deploy") is taken as it is; free text ("The nightly backup ...") is a guess.
  let trigger: (typeof TRIGGERS)[number] | undefined = writtenTrigger ? mapTrigger(show(writtenTrigger.value)) : undefined;
  const triggerExact = trigger !== undefined && slugify(show(writtenTrigger!.value)) === trigger;
  // Free text in the frontmatter leaves the document once read, so what it said is kept unless it was exact.
  if (fields.get('trigger') && !triggerExact) keep(writtenTrigger!, trigger ? `read as trigger ${trigger}` : 'not a trigger of the format');
  if (trigger && !triggerExact) guessed.push(`trigger '${trigger}'`);
  if (!trigger) {
    trigger = firstGuess([sectionText(code, sectionOf('trigger')), prose.get('trigger') ?? '', events[0]?.text ?? '', factorSources.join('\n')], guessTrigger);
    if (trigger) guessed.push(`trigger '${trigger}'`);
  }
  const writtenDetection = fields.get('detection') ?? lineFields.get('detection');
  let detection: (typeof DETECTIONS)[number] | undefined = writtenDetection ? mapDetection(show(writtenDetection.value)) : undefined;
  const detectionExact = detection !== undefined && slugify(show(writtenDetection!.value)) === detection;
  if (fields.get('detection') && !detectionExact) keep(writtenDetection!, detection ? `read as detection ${detection}` : 'not a detection of the format');
  if (detection && !detectionExact) guessed.push(`detection '${detection}'`);
  if (!detection) {
    const detectEvent = events.find((e) => e.kind === 'detect');
    detection = firstGuess([sectionText(code, sectionOf('detection')), prose.get('detection') ?? '', detectEvent?.text ?? ''], guessDetection);
    if (detection) guessed.push(`detection '${detection}'`);
  }
  const decision = firstGuess([sectionText(code, sectionOf('response')), prose.get('response') ?? '', events.filter((e) => e.kind === 'mitigate' || e.kind === 'action').map((e) => e.text).join('\n')], guessDecision);
  if (decision) guessed.push(`response.decision '${decision}'`);
  if (!trigger) missing.push('trigger');
  if (!detection) missing.push('detection');
  if (!decision) missing.push('response.decision');
  if (guessed.length > 0) note(55, `${guessed.join(', ')} guessed from the text: check ${guessed.length === 1 ? 'it' : 'them'}`);
  if (missing.length > 0) note(55, `${missing.join(', ')}: not in the source; left as TODO`);

  // Action items.
  const writtenActions = fields.get('actions');
  let sourceItems: SourceActionItem[] = [];
  if (writtenActions) {
    const parsed = parseActionList(writtenActions.value, order);
    if (parsed) sourceItems = parsed;
    else {
      keep(writtenActions, 'not a list of action items');
      note(60, `frontmatter field '${writtenActions.key}' is not a list the import can read: kept under Supporting information`);
    }
  }
  if (sourceItems.length === 0 && actionSection) sourceItems = parseActionSection(body, actionSection.nodes, order);
  const defaultDue = addDays(day, 28);
  const issues = { owner: [] as number[], due: [] as number[], priority: [] as number[], closed: [] as number[] };
  const tickets: string[] = [];
  const itemComments: { due?: string; priority?: string; closed?: string }[] = [];
  const kindCounts = { written: 0, guessed: 0, process: 0 };
  const items: ActionItem[] = sourceItems.map((item, i) => {
    const comments: { due?: string; priority?: string; closed?: string } = {};
    const titleText = item.title || 'TODO: what will be done';
    let kind = item.kind;
    if (kind) kindCounts.written++;
    else {
      const guess = guessActionKind(titleText);
      kind = guess.kind;
      kindCounts[guess.guessed ? 'guessed' : 'process']++;
    }
    const owner = item.owner ? matchTeam(item.owner, catalog) ?? item.owner : 'TODO';
    if (!item.owner) issues.owner.push(i);
    const priority = item.priority ?? 'P2';
    if (!item.priority) {
      issues.priority.push(i);
      comments.priority = ' TODO: not in the source';
    }
    const due = item.due ?? defaultDue;
    if (!item.due) {
      issues.due.push(i);
      comments.due = item.dueText ? ` TODO: the source said ${quote(item.dueText)}` : ' TODO: not in the source';
    }
    if (item.statusText) note(61, `action item ${i + 1}: status ${quote(item.statusText)} mapped to open: check it`);
    const status = item.status ?? (item.closed ? 'done' : 'open');
    const result: ActionItem = { title: titleText, kind, owner, priority, due, status };
    if (item.ticket && /^https?:\/\/[^\s/]+\.[^\s]+/.test(item.ticket)) result.ticket = item.ticket;
    tickets.push(...item.ticketKeys.filter((key) => !(item.ticket ?? '').includes(key)));
    if (status === 'done' || status === 'wont-do') {
      result.closed = item.closed ?? (item.due && item.due <= addDays(day, 365) ? item.due : day);
      if (!item.closed) {
        issues.closed.push(i);
        comments.closed = ' TODO: when it was done; not in the source';
      }
    }
    itemComments.push(comments);
    return result;
  });
  if (items.length > 0) {
    const kindsSaid = [
      kindCounts.written > 0 ? `${kindCounts.written} from the source` : '',
      kindCounts.guessed > 0 ? `${kindCounts.guessed} guessed from the title` : '',
      kindCounts.process > 0 ? `${kindCounts.process} process by default` : '',
    ].filter(Boolean).join(', ');
    note(60, kindCounts.written === items.length
      ? `action items: ${items.length} imported with the kinds the source gave`
      : `action items: ${items.length} imported; kinds: ${kindsSaid}: check them`);
    if (issues.owner.length > 0) note(60, `${numbered(issues.owner)}: no owner; left as TODO`);
    if (issues.priority.length > 0) note(60, `${numbered(issues.priority)}: no priority; set to P2 with a TODO`);
    if (issues.due.length > 0) note(60, `${numbered(issues.due)}: no due date; set to ${defaultDue} with a TODO`);
    if (issues.closed.length > 0) note(60, `${numbered(issues.closed)}: finished but no closed date; set with a TODO`);
    if (tickets.length > 0) note(61, `tickets ${[...new Set(tickets)].join(', ')} are not links: kept in the action-item titles`);
  } else if (type === 'incident') note(60, 'action items: none in the source; add them before review');

  // The id and path.
  const date = started.slice(0, 10);
  const slug = slugify(title) || slugify(titleFromFileName(fileName)) || 'post-mortem';
  const path = `incidents/${date.slice(0, 4)}/${date}-${slug}.mdx`;

  // The frontmatter, with a TODO comment wherever a value is a placeholder or a guess.
  const data: Record<string, unknown> = {
    title, summary: summary ?? 'TODO: one to three sentences on what happened and what it cost.', status: 'draft', visibility, type, severity,
    services, teams, authors, tags, started, detected,
    ...(mitigated ? { mitigated } : {}), ...(resolved ? { resolved } : {}),
    detection: detection ?? 'other', trigger: trigger ?? 'unknown', response: { decision: decision ?? 'other' },
    ...(factors.length > 0 ? { contributing_factors: factors } : {}),
    ...(items.length > 0 ? { action_items: items } : {}),
    ...(inside.length > 0 ? { timeline: inside.map((e): TimelineEvent => ({ at: e.at, kind: e.kind, text: e.text })) } : {}),
  };
  const yaml = new Document(data);
  for (const key of ['services', 'teams', 'authors', 'tags']) yaml.set(key, yaml.createNode(data[key], { flow: true }));
  yaml.commentBefore = [
    ` Imported by \`npm run import\` from ${source}.`,
    ' Every TODO marks what the source did not say or what the import guessed; templates/postmortem.mdx',
    ' explains every field. Resolve them, add mitigated (and resolved) if missing, run `npm run check`,',
    ' then set status: in-review.',
  ].join('\n');
  const comment = (path: (string | number)[], text: string | undefined) => {
    if (!text) return;
    const node = yaml.getIn(path, true) as YamlNode | undefined;
    if (node) node.comment = text;
  };
  comment(['severity'], severityComment);
  if (serviceComments.length > 0) comment(['services'], ` TODO: ${serviceComments.join('; ')}`);
  if (!startedHasTime) comment(['started'], ' TODO: the real time, with its offset');
  if (detectedIsPlaceholder) comment(['detected'], ' TODO: the real time, with its offset');
  if (mitigatedFromDuration) comment(['mitigated'], ' TODO: started plus the duration in the source; check it');
  comment(['detection'], detection ? (detectionExact ? undefined : ' TODO: guessed from the text; check it') : ` TODO: not in the source; one of ${DETECTIONS.join(', ')}`);
  comment(['trigger'], trigger ? (triggerExact ? undefined : ' TODO: guessed from the text; check it') : ` TODO: not in the source; one of ${TRIGGERS.join(', ')}`);
  comment(['response', 'decision'], decision ? ' TODO: guessed from the text; check it' : ` TODO: not in the source; one of ${DECISIONS.join(', ')}`);
  factors.forEach((f, i) => comment(['contributing_factors', i, 'category'], f.category === 'other' ? ' TODO: choose a category' : ' TODO: guessed from the text; check it'));
  itemComments.forEach((c, i) => {
    comment(['action_items', i, 'priority'], c.priority);
    comment(['action_items', i, 'due'], c.due);
    comment(['action_items', i, 'closed'], c.closed);
  });
  if (inside.length > 0) {
    const pair = (yaml.contents as { items: Pair[] }).items.find((p) => isScalar(p.key) && p.key.value === 'timeline');
    if (pair && isScalar(pair.key)) pair.key.commentBefore = ' TODO: the kinds below are guessed from the text; check them';
  }

  // The body: title and mapped lines out, headings renamed and levelled, then made MDX-safe.
  const remaining = bodySections.map((s) => s.heading.depth);
  const shift = remaining.length > 0 ? 2 - Math.min(...remaining) : 0;
  const used = new Set<string>();
  for (const section of bodySections) {
    const kind = kinds.get(section);
    const name = kind ? TEMPLATE_SECTIONS[kind] : undefined;
    const heading = section.heading;
    const depth = Math.min(6, Math.max(1, heading.depth + shift));
    const [start, headingEnd] = [heading.position!.start.offset!, heading.position!.end.offset!];
    const children = heading.children;
    const content = children.length > 0 ? body.slice(children[0]!.position!.start.offset!, children[children.length - 1]!.position!.end.offset!) : '';
    let text = content.trim();
    if (name && !used.has(name)) {
      used.add(name);
      const note = /\(([^)]*)\)\s*$/.exec(section.title);
      text = note ? `${name} (${note[1]})` : name;
    }
    const atx = /^#{1,6}(?:\s|$)/.test(body.slice(start, headingEnd));
    if (!atx || depth !== heading.depth || text !== content.trim()) edits.push({ start, end: headingEnd, text: `${'#'.repeat(depth)} ${text}` });
  }
  // A details section whose every line went into the frontmatter goes too.
  for (const section of bodySections.filter((s) => kinds.get(s) === 'details')) {
    const left = body.slice(section.contentStart, section.end).split('\n').reduce((count, line, i, all) => {
      const offset = section.contentStart + all.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
      const removed = edits.some((e) => e.text === '' && e.start <= offset && offset < e.end);
      return count + (line.trim() !== '' && !removed && !/^\s*\|?\s*(?:field|key|item|property)?\s*\|\s*(?:value|details?)?\s*\|?\s*$/i.test(line) && !/^\s*\|?[\s:|-]+\|?\s*$/.test(line) ? 1 : 0);
    }, 0);
    if (left === 0) {
      for (let i = edits.length - 1; i >= 0; i--) if (edits[i]!.start >= section.start && edits[i]!.end <= section.end) edits.splice(i, 1);
      edits.push({ start: section.start, end: section.end, text: '' });
    }
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let edited = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue;
    edited += body.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  edited += body.slice(at);
  // A two-column table whose rows all went into the frontmatter leaves only its header: drop that too.
  edited = edited.replace(/^\|[^|\n]*\|[^|\n]*\|[ \t]*\n\|?[ \t]*:?-{2,}:?[ \t]*\|[ \t]*:?-{2,}:?[ \t]*\|?[ \t]*(?:\n(?![ \t]*\|)|(?![\s\S]))/gm, '');
  edited = edited.replace(/^(?:[ \t]*\n)+/, '').replace(/\n{3,}/g, '\n\n').trimEnd();

  if (unmapped.length > 0) {
    const block = [
      `### From the original post-mortem`,
      '',
      `Imported from \`${source.replace(/`/g, "'")}\`; the import had no place for these:`,
      '',
      ...unmapped.map((u) => `- ${u.key}: ${u.value.replace(/\n+/g, ' ')}${u.why ? ` (${u.why})` : ''}`),
    ].join('\n');
    const tree2 = parseMarkdown(edited);
    const supporting = sectionsOf(edited, tree2).find((s) => s.heading.depth === 2 && s.title === 'Supporting information');
    if (supporting) edited = `${edited.slice(0, supporting.end).trimEnd()}\n\n${block}\n\n${edited.slice(supporting.end)}`.trimEnd();
    else edited = `${edited}\n\n## Supporting information\n\n${block}`.trimStart();
  }
  const notes = ranked.sort((a, b) => a.rank - b.rank).map((n) => n.text);
  return { source, path, frontmatter: yaml, body: `${escapeForMdx(edited).trimEnd()}\n`, notes };
}

/** Adds YAML comments before frontmatter fields and MDX comments before body blocks (for hindsight-ignore). */
export function addIgnoreComments(draft: Draft, body: { line: number; text: string }[], frontmatter: { path: (string | number)[]; text: string }[]): void {
  for (const { path, text } of frontmatter) {
    const parent = path.length > 1 ? draft.frontmatter.getIn(path.slice(0, -1), true) : draft.frontmatter.contents;
    const last = path[path.length - 1]!;
    if (isSeq(parent) && typeof last === 'number') {
      const item = parent.items[last] as YamlNode | undefined;
      if (item) item.commentBefore = item.commentBefore ? `${item.commentBefore}\n${text}` : text;
    } else if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
      if (pair && isScalar(pair.key)) pair.key.commentBefore = pair.key.commentBefore ? `${pair.key.commentBefore}\n${text}` : text;
    }
  }
  if (body.length === 0) return;
  const lines = draft.body.split('\n');
  for (const { line, text } of [...body].sort((a, b) => b.line - a.line)) lines.splice(line - 1, 0, `{/* ${text} */}`);
  draft.body = lines.join('\n');
}
