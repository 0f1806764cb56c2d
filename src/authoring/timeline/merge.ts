import { isMap, isScalar, isSeq, parseDocument, stringify, type Node, type Pair, type YAMLMap } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import type { TimelineEvent } from '../../schema/incident.ts';
import { TimelineError } from './errors.ts';
import type { ExistingEvent } from './incident.ts';

/** An event to add: when (as an instant and as written), its kind and text. */
export interface NewEvent {
  at: number;
  /** The timestamp as it is written into the file, e.g. `2026-10-25T01:05:00Z`. */
  atText: string;
  kind: TimelineEvent['kind'];
  text: string;
}

/** Where each new event goes (before the existing event at `index`, or at the end), and which were already there. */
export interface MergePlan<E extends NewEvent> {
  inserts: { index: number; event: E }[];
  duplicates: { event: E; existing: ExistingEvent }[];
}

const MINUTE = 60_000;

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
}

/**
 * Plans a merge: each new event goes before the first existing event that is later than it, so the
 * timeline stays in order and events at the same minute keep theirs (existing first). An event whose
 * minute and text (ignoring case and spacing) are already in the timeline, or earlier in `events`,
 * is a duplicate. Nothing existing moves or changes.
 */
export function planMerge<E extends NewEvent>(existing: readonly ExistingEvent[], events: readonly E[]): MergePlan<E> {
  const plan: MergePlan<E> = { inserts: [], duplicates: [] };
  const minute = (ms: number) => Math.floor(ms / MINUTE);
  const seen: ExistingEvent[] = [...existing];
  for (const event of [...events].sort((a, b) => a.at - b.at)) {
    const twin = seen.find((e) => minute(e.at) === minute(event.at) && sameText(e.text, event.text));
    if (twin) {
      plan.duplicates.push({ event, existing: twin });
      continue;
    }
    const later = existing.findIndex((e) => minute(e.at) > minute(event.at));
    plan.inserts.push({ index: later < 0 ? existing.length : later, event });
    seen.push({ at: event.at, text: event.text });
  }
  return plan;
}

interface Edit {
  at: number;
  remove?: number;
  insert: string;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function afterLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

function renderEvents(events: readonly NewEvent[], dash: number, gap: number, eol: string): string {
  const key = ' '.repeat(dash + 1 + gap);
  return events
    .map((e) => {
      const text = stringify(e.text, { lineWidth: 0 }).trimEnd();
      return `${' '.repeat(dash)}-${' '.repeat(gap)}at: ${e.atText}${eol}${key}kind: ${e.kind}${eol}${key}text: ${text}${eol}`;
    })
    .join('');
}

/** The frontmatter block of a file: where it starts and ends (the closing `---` line) in the text. */
function frontmatterBlock(text: string, shown: string): { start: number; end: number } {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const open = /^---\r?\n/.exec(text.slice(bom));
  const close = open ? text.indexOf('\n---', bom + open[0].length - 1) : -1;
  if (!open || close < 0)
    throw new TimelineError(
      `${shown}:1:1: expected a frontmatter block between two --- lines at the top. Copy the opening block from templates/postmortem.mdx.`,
    );
  return { start: bom + open[0].length, end: close + 1 };
}

/** The edits that add the events to the timeline of a frontmatter block, leaving every other byte as it is. */
function planEdits(block: string, inserts: readonly { index: number; event: NewEvent }[], shown: string): Edit[] {
  const eol = block.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(block);
  const root = doc.contents;
  if (!isMap(root))
    throw new TimelineError(
      `${shown}: expected the frontmatter to be a mapping of fields. ${'Copy the opening block from templates/postmortem.mdx.'}`,
    );
  const pair = (root as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === 'timeline') as Pair<Node, Node | null> | undefined;
  const events = inserts.map((i) => i.event);

  if (!pair) {
    // A new timeline goes where the template has it: before related and featured, else at the end.
    const next = (root as YAMLMap).items.find((p) => isScalar(p.key) && ['related', 'featured'].includes(String(p.key.value)));
    const at = next ? lineStart(block, (next.key as Node).range![0]) : block.length;
    const before = block.slice(lineStart(block, Math.max(at - 1, 0)), at);
    const spacer = next && at > 0 && before.trim() === '' ? eol : '';
    const lead = at > 0 && !block.slice(0, at).endsWith('\n') ? eol : '';
    return [{ at, insert: `${lead}timeline:${eol}${renderEvents(events, 2, 1, eol)}${spacer}` }];
  }

  const key = pair.key as Node;
  const keyColumn = key.range![0] - lineStart(block, key.range![0]);
  const value = pair.value;
  const empty = value === null || (isScalar(value) && value.value === null) || (isSeq(value) && value.flow && value.items.length === 0);
  if (empty) {
    const edits: Edit[] = [
      { at: afterLine(block, value?.range?.[1] ?? key.range![1]), insert: renderEvents(events, keyColumn + 2, 1, eol) },
    ];
    if (value?.range && value.range[1] > value.range[0]) {
      // `timeline: []` or `timeline: null` loses its value (and the spaces before it), keeping any comment.
      let from = value.range[0];
      while (from > key.range![1] && /[ \t]/.test(block[from - 1]!)) from -= 1;
      edits.push({ at: from, remove: value.range[1] - from, insert: '' });
    }
    return edits;
  }
  if (!isSeq(value) || value.flow) {
    throw new TimelineError(
      `${shown}: timeline is written on one line ([...]); write it as a list with one "- at:" per event, as templates/postmortem.mdx does, then run again.`,
    );
  }
  const items = value.items as Node[];
  const edits: Edit[] = [];
  const byIndex = new Map<number, NewEvent[]>();
  for (const { index, event } of inserts) byIndex.set(index, [...(byIndex.get(index) ?? []), event]);
  for (const [index, group] of byIndex) {
    const item = items[Math.min(index, items.length - 1)]!;
    const start = lineStart(block, item.range![0]);
    const dash = block.indexOf('-', start) - start;
    const gap = item.range![0] - start - dash - 1;
    let at: number;
    if (index < items.length) {
      at = start;
      // Comment lines just above an event stay with it.
      while (at > 0) {
        const previous = lineStart(block, at - 1);
        if (!/^\s*#/.test(block.slice(previous, at))) break;
        at = previous;
      }
    } else at = afterLine(block, item.range![1]);
    edits.push({ at, insert: renderEvents(group, dash, Math.max(gap, 1), eol) });
  }
  return edits;
}

/**
 * Adds events to a post-mortem's timeline by splicing text into its frontmatter, so everything else
 * in the file stays byte for byte as it was: comments, quoting, blank lines, the body. The result is
 * parsed again and must hold exactly the old data plus the new events in their places.
 */
export function addToTimeline(text: string, shown: string, inserts: readonly { index: number; event: NewEvent }[]): string {
  if (inserts.length === 0) return text;
  const { start, end } = frontmatterBlock(text, shown);
  const block = text.slice(start, end);
  let updated = block;
  for (const edit of planEdits(block, inserts, shown).sort((a, b) => b.at - a.at)) {
    updated = updated.slice(0, edit.at) + edit.insert + updated.slice(edit.at + (edit.remove ?? 0));
  }

  const before = parseDocument(block).toJS() as Record<string, unknown>;
  const after = parseDocument(updated).toJS() as Record<string, unknown>;
  const old = (Array.isArray(before.timeline) ? before.timeline : []) as unknown[];
  const expected = [...old];
  for (const { index, event } of [...inserts].map((x, order) => ({ ...x, order })).sort((a, b) => b.index - a.index || b.order - a.order)) {
    expected.splice(index, 0, { at: event.atText, kind: event.kind, text: event.text });
  }
  const { timeline: _old, ...rest } = before;
  const { timeline: added, ...kept } = after;
  if (!isDeepStrictEqual(kept, rest) || !isDeepStrictEqual(added, expected)) {
    throw new Error(
      `${shown}: adding to the timeline would have changed other fields; nothing was written. This is a fault in Hindsight: please report it with the file attached.`,
    );
  }
  return text.slice(0, start) + updated + text.slice(end);
}
