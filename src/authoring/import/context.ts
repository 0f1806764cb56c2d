import { stringify } from 'yaml';
import type { Heading, Root } from 'mdast';
import type { ActionItem, DECISIONS, DETECTIONS, TimelineEvent, TRIGGERS } from '../../schema/incident.ts';
import type { Catalog } from '../../validation/sources.ts';
import { dateOrderFor, type DateOrder, type FoundDate } from './dates.ts';
import { readKeyLines } from './key-lines.ts';
import { readSource, sectionsOf, withoutCode, type Section } from './markdown.ts';
import { fieldOfKey, sectionKind, type SectionKind, type SourceField } from './vocabulary.ts';

/** A value from the source with the key it was written under. */
export interface Written {
  key: string;
  value: unknown;
  /** Where the value was found: the frontmatter, or a "Key: value" line of the body (its range, removed once mapped). */
  range?: [number, number];
}

/** Something the import could not map: kept under "Supporting information" and listed in the report. */
export interface Unmapped {
  key: string;
  value: string;
  why?: string;
}

/** A change to the source body: the range `[start, end)` replaced by `text`. */
export interface BodyEdit {
  start: number;
  end: number;
  text: string;
}

/** A timeline event in the archive's zone, with its epoch milliseconds and guessed kind. */
export interface ImportedEvent {
  at: string;
  ms: number;
  text: string;
  /** The line as written, for the report. */
  line: string;
  kind: TimelineEvent['kind'];
}

/** The comments an action item's fields get in the frontmatter. */
export interface ItemComments {
  due?: string;
  priority?: string;
  closed?: string;
}

/** What the mappers found, field by field; each mapper fills its part and may read the parts mapped before it. */
export interface MappedFields {
  title: string;
  /** The title as written, before "Post-mortem:" and a date in brackets were dropped. */
  rawTitle: string;
  /** The incident's day, `YYYY-MM-DD`, and the date as found. */
  day: string;
  startDate?: FoundDate;
  /** The start time written with the date or on a `Time:` line. */
  startTime?: { time: string; offset?: string };
  /** The zone the timeline or the opening text declares ("All times are UTC"), as an offset. */
  declaredZone?: string;
  events: ImportedEvent[];
  started: string;
  detected: string;
  mitigated?: string;
  resolved?: string;
  /** The events between started and resolved (or mitigated): the ones the frontmatter timeline may hold. */
  timeline: ImportedEvent[];
  severity: string;
  summary?: string;
  services: string[];
  teams: string[];
  authors: string[];
  tags: string[];
  type: 'incident' | 'near-miss';
  visibility: 'internal' | 'public';
  factors: { category: string; description: string }[];
  /** The factors' source texts, which the trigger guess reads. */
  factorTexts: string[];
  trigger?: (typeof TRIGGERS)[number];
  triggerExact: boolean;
  detection?: (typeof DETECTIONS)[number];
  detectionExact: boolean;
  decision?: (typeof DECISIONS)[number];
  actionItems: ActionItem[];
}

/** Everything the mappers share: the source read once, the catalog, what is mapped so far and what needs a human. */
export interface ImportContext {
  /** The source as the user named it, e.g. `old-postmortems/unlock.md`. */
  source: string;
  fileName: string;
  catalog: Catalog;
  timeZone: string;
  order: DateOrder;
  /** The source's frontmatter (undefined when it has none). */
  frontmatter: Record<string, unknown> | undefined;
  /** The body with `\n` line ends, its tree and the body with code blanked out (for line scans). */
  body: string;
  tree: Root;
  code: string;
  /** Every section, the title heading (when the first heading is one), the sections under it and what each is. */
  sections: Section[];
  titleHeading?: Heading;
  bodySections: Section[];
  kinds: Map<Section, SectionKind | undefined>;
  /** Sections the draft moves one level down: day headings beside the Timeline heading, which belong under it. */
  demoted: Set<Section>;
  /** The offsets of the text between the title and the first section. */
  preamble: [number, number];
  /** Values from the frontmatter, by field; keys the format has no place for went to `unmapped`. */
  fields: Map<SourceField, Written>;
  /** Values from "Key: value" lines and two-column tables of the preamble and details sections. */
  lineFields: Map<SourceField, Written>;
  /** Prose written on a "Key: value" line whose key is a section ("Root cause: ..."). */
  prose: Map<SectionKind, string>;
  out: MappedFields;
  unmapped: Unmapped[];
  edits: BodyEdit[];
  /** YAML comments after a field's value, by its path joined with `.`; and comments before a key. */
  comments: Map<string, { path: (string | number)[]; text: string }>;
  commentsBefore: Map<string, { path: (string | number)[]; text: string }>;
  ranked: { rank: number; text: string }[];
}

/** A value as one line of text: lists joined with commas, objects as flow YAML. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return value.map(show).join(', ');
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** A list as written (`[a, b]`, `a, b and c`, `a / b`) as its items. */
export function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(show).filter(Boolean);
  return show(value)
    .split(/\s*(?:,|;|\/|\s&\s|\sand\s)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A value quoted for a note, shortened to 60 characters. */
export function quote(value: string): string {
  return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
}

/** "action item 2" or "action items 1, 3" for zero-based indexes. */
export function numbered(indexes: number[]): string {
  return `${indexes.length === 1 ? 'action item' : 'action items'} ${indexes.map((i) => i + 1).join(', ')}`;
}

/** A note for the report; notes are sorted by rank (the order of the fields they are about), then by when they were made. */
export function note(ctx: ImportContext, rank: number, text: string): void {
  ctx.ranked.push({ rank, text });
}

/** A YAML comment after the value at `path` (`# TODO: ...`); a second one for the same value is added to the first; undefined leaves it alone. */
export function comment(ctx: ImportContext, path: (string | number)[], text: string | undefined): void {
  if (!text) return;
  const key = path.join('.');
  const before = ctx.comments.get(key);
  ctx.comments.set(key, { path, text: before ? `${before.text}; also ${text.replace(/^ TODO: /, '')}` : text });
}

/** The written value of a field: the frontmatter's, else a "Key: value" line's. */
export function take(ctx: ImportContext, field: SourceField): Written | undefined {
  return ctx.fields.get(field) ?? ctx.lineFields.get(field);
}

/** Marks a written value as mapped: a "Key: value" line it came from leaves the body. */
export function mapped(ctx: ImportContext, written: Written | undefined): void {
  if (written?.range) ctx.edits.push({ start: written.range[0], end: written.range[1], text: '' });
}

/** Keeps a written value that could not be mapped under "Supporting information", saying why. */
export function keep(ctx: ImportContext, written: Written, why: string): void {
  ctx.unmapped.push({ key: written.key, value: show(written.value), why });
}

/** The first section of a kind. */
export function sectionOf(ctx: ImportContext, kind: SectionKind): Section | undefined {
  return ctx.bodySections.find((s) => ctx.kinds.get(s) === kind);
}

/** The text of a section's content, code blanked out; '' for none. */
export function sectionText(ctx: ImportContext, section: Section | undefined): string {
  return section ? ctx.code.slice(section.contentStart, section.end) : '';
}

const DETAIL_KINDS = new Set<SectionKind | undefined>(['details', 'summary']);

/**
 * Reads a source once for every mapper: the frontmatter and "Key: value" lines by field, the sections and
 * which one holds the title. Throws ImportError when the frontmatter is not YAML.
 */
export function createContext(source: string, fileName: string, text: string, catalog: Catalog): ImportContext {
  const doc = readSource(source, text);
  const { body, tree } = doc;
  const code = withoutCode(body, tree);
  const timeZone = catalog.organisation.time_zone;
  const ctx: ImportContext = {
    source,
    fileName,
    catalog,
    timeZone,
    order: dateOrderFor(timeZone),
    frontmatter: doc.frontmatter,
    body,
    tree,
    code,
    sections: [],
    bodySections: [],
    kinds: new Map(),
    demoted: new Set(),
    preamble: [0, 0],
    fields: new Map(),
    lineFields: new Map(),
    prose: new Map(),
    out: {
      title: '',
      rawTitle: '',
      day: '',
      events: [],
      started: '',
      detected: '',
      timeline: [],
      severity: '',
      services: [],
      teams: [],
      authors: [],
      tags: [],
      type: 'incident',
      visibility: 'internal',
      factors: [],
      factorTexts: [],
      triggerExact: false,
      detectionExact: false,
      actionItems: [],
    },
    unmapped: [],
    edits: [],
    comments: new Map(),
    commentsBefore: new Map(),
    ranked: [],
  };

  // Fields from the frontmatter; keys the format has no place for are kept for "Supporting information".
  for (const [key, value] of Object.entries(doc.frontmatter ?? {})) {
    if (isEmpty(value)) continue;
    const field = fieldOfKey(key);
    if (!field || ctx.fields.has(field)) {
      ctx.unmapped.push({ key, value: show(value) });
      note(ctx, 90, `frontmatter field '${key}' has no place in the format: kept under Supporting information`);
      continue;
    }
    ctx.fields.set(field, { key, value });
  }

  const sections = sectionsOf(body, tree);
  // HTML comments above the title (export notes) do not stop the first heading from being the title.
  const first = tree.children.find((n) => n.type !== 'html');
  // A first heading is the title when every other heading is below it, or when it is no known section and the frontmatter has no title.
  const isTitle =
    first?.type === 'heading' &&
    (sections.every((s) => s.heading === first || s.heading.depth > first.depth) ||
      (!sectionKind(sections[0]!.title) && !ctx.fields.has('title') && sections.every((s) => s.heading.depth >= first.depth)));
  ctx.sections = sections;
  ctx.titleHeading = isTitle ? (first as Heading) : undefined;
  ctx.bodySections = sections.filter((s) => s.heading !== ctx.titleHeading);
  ctx.preamble = [ctx.titleHeading ? ctx.titleHeading.position!.end.offset! : 0, ctx.bodySections[0]?.start ?? body.length];
  ctx.kinds = new Map(ctx.bodySections.map((s) => [s, sectionKind(s.title)]));

  // "Key: value" lines in the preamble and in details or summary sections.
  const ranges: [number, number][] = [
    ctx.preamble,
    ...ctx.bodySections.filter((s) => DETAIL_KINDS.has(ctx.kinds.get(s))).map((s): [number, number] => [s.contentStart, s.end]),
  ];
  const { written, prose } = readKeyLines(body, code, ranges);
  ctx.prose = prose;
  for (const line of written) {
    const field = fieldOfKey(line.key)!;
    if (ctx.fields.has(field) || ctx.lineFields.has(field)) continue;
    ctx.lineFields.set(field, line);
  }
  return ctx;
}

/** The report's notes in the order of the fields they are about. */
export function sortedNotes(ctx: ImportContext): string[] {
  return [...ctx.ranked].sort((a, b) => a.rank - b.rank).map((n) => n.text);
}
