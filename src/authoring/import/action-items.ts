import type { List, ListItem, RootContent } from 'mdast';
import type { ACTION_KINDS, ACTION_STATUSES, PRIORITIES } from '../../schema/incident.ts';
import { findDates, type DateOrder } from './dates.ts';
import { findTables, plainText, sourceOf } from './markdown.ts';
import { mapActionKind, mapActionStatus } from './vocabulary.ts';

/** An action item as the source wrote it, with whatever fields it gave. */
export interface SourceActionItem {
  title: string;
  owner?: string;
  due?: string;
  /** A due date written in a way that is not a date ("Q3", "next sprint"). */
  dueText?: string;
  status?: (typeof ACTION_STATUSES)[number];
  /** A status that maps to none of the format's. */
  statusText?: string;
  closed?: string;
  /** An http(s) link to the ticket. */
  ticket?: string;
  /** Ticket keys that are not links (`OPS-123`); they stay in the title. */
  ticketKeys: string[];
  priority?: (typeof PRIORITIES)[number];
  kind?: (typeof ACTION_KINDS)[number];
  /** The sub-heading the item is under (`### Platform`), which may name its owner. */
  heading?: string;
}

type Column = 'title' | 'owner' | 'due' | 'closed' | 'status' | 'ticket' | 'priority' | 'kind';

// Checked in order: "Completed date" is a closed date before it is a due date.
const COLUMNS: [Column, RegExp][] = [
  ['closed', /\b(?:closed|completed|done on|date done|resolved on)\b/i],
  ['ticket', /\b(?:tickets?|issues?|bugs?|jira|links?|tracking|refs?|url|pr)\b/i],
  ['owner', /\b(?:owners?|assignees?|assigned(?: to)?|who|responsible|lead|team)\b/i],
  ['due', /\b(?:due|deadline|target|eta|by when|date)\b/i],
  ['status', /\b(?:status|state|progress|done)\b/i],
  ['priority', /\b(?:priority|prio|p)\b/i],
  ['kind', /\b(?:type|kind|category)\b/i],
  ['title', /\b(?:action|item|task|what|description|follow[- ]?up|title|remediation|todo|summary)\b/i],
];

/** The field a table column or a frontmatter key holds, by its name. */
function columnOf(name: string): Column | undefined {
  return COLUMNS.find(([, pattern]) => pattern.test(name))?.[0];
}

const TICKET_KEY = /\b[A-Z][A-Z0-9]{1,9}-\d+\b/g;
const URL = /https?:\/\/[^\s)>\]|]+/;
const PRIORITY = /^(?:P([0-3])|priority\s*([0-3]))$/i;
const PRIORITY_WORDS: Record<string, (typeof PRIORITIES)[number]> = {
  critical: 'P0',
  urgent: 'P0',
  high: 'P1',
  medium: 'P2',
  normal: 'P2',
  low: 'P3',
};

function mapPriority(value: string): (typeof PRIORITIES)[number] | undefined {
  const v = value.trim();
  const m = PRIORITY.exec(v);
  if (m) return `P${m[1] ?? m[2]}` as (typeof PRIORITIES)[number];
  return PRIORITY_WORDS[v.toLowerCase()];
}

/** Sets one field of an item from a value as written; false when the value does not fit the field. */
function setField(item: SourceActionItem, column: Column, raw: string, order: DateOrder): boolean {
  const markdown = raw.trim();
  const value = plainText(markdown);
  if (value === '' || /^(?:-|—|n\/a|none|tbd|tbc|\?)$/i.test(value)) return column !== 'title';
  switch (column) {
    case 'title':
      item.title = item.title ? `${item.title} — ${value}` : value;
      return true;
    case 'owner':
      item.owner ??= value.replace(/^@/, '').replace(/\s+@/g, ' ').trim();
      return true;
    case 'due':
    case 'closed': {
      const date = findDates(value, order)[0]?.date;
      if (column === 'closed') {
        if (!date) return false;
        item.closed ??= date;
        return true;
      }
      if (date) item.due ??= date;
      else item.dueText ??= value;
      return true;
    }
    case 'status': {
      const status = mapActionStatus(value);
      if (status) item.status ??= status;
      else item.statusText ??= value;
      return true;
    }
    case 'ticket': {
      const link = /\]\((https?:\/\/[^)\s]+)\)/.exec(markdown)?.[1] ?? URL.exec(markdown)?.[0];
      if (link) item.ticket ??= link;
      else item.ticketKeys.push(...(value.match(TICKET_KEY) ?? [value]));
      return true;
    }
    case 'priority': {
      const priority = mapPriority(value);
      if (priority) item.priority ??= priority;
      return priority !== undefined;
    }
    case 'kind': {
      const kind = mapActionKind(value);
      if (kind) item.kind ??= kind;
      return kind !== undefined;
    }
  }
}

/** Reads a segment such as `Owner: @ana`, `due 2024-04-01`, `Done`, `OPS-12` or a link into the item; false when it is none of them. */
function readSegment(item: SourceActionItem, segment: string, order: DateOrder): boolean {
  const s = segment
    .trim()
    .replace(/^[*_]+|[*_]+$/g, '')
    .trim();
  const keyed = /^([A-Za-z][A-Za-z ]{0,15}?)\s*(?::|=|\s(?=\S))\s*(.+)$/.exec(s);
  if (keyed) {
    const key = keyed[1]!.trim().toLowerCase();
    const field: Column | undefined = /^(?:owners?|assignees?|assigned to|responsible|who|lead)$/.test(key)
      ? 'owner'
      : /^(?:due|due date|due by|deadline|target|target date|eta|by)$/.test(key)
        ? 'due'
        : /^(?:closed|completed|done on|closed on|completed on)$/.test(key)
          ? 'closed'
          : /^(?:status|state)$/.test(key)
            ? 'status'
            : /^(?:ticket|issue|jira|bug|tracking|ref|link)$/.test(key)
              ? 'ticket'
              : /^(?:priority|prio)$/.test(key)
                ? 'priority'
                : /^(?:type|kind|category)$/.test(key)
                  ? 'kind'
                  : undefined;
    if (field && setField(item, field, keyed[2]!, order)) return true;
  }
  const value = plainText(s);
  if (/^\[[^\]]*\]\(https?:\/\/[^)]+\)$/.test(s) || /^https?:\/\/\S+$/.test(value)) return setField(item, 'ticket', s, order);
  if (/^[A-Z][A-Z0-9]{1,9}-\d+$/.test(value)) return setField(item, 'ticket', value, order);
  // A kind on its own, as in "(Prevent, owner: rides)".
  if (/^(?:prevent(?:ion|ive)?|detect(?:ion)?|mitigat(?:e|ion)|process|learn(?:ing)?)$/i.test(value))
    return setField(item, 'kind', value, order);
  if (/^@[\w.-]+$/.test(value)) return setField(item, 'owner', value, order);
  const dates = findDates(value, order);
  if (dates.length === 1 && dates[0]!.text.length >= value.replace(/^(?:by|due)\s+/i, '').length)
    return setField(item, 'due', dates[0]!.text, order);
  if (
    /^(?:by\s+)?(?:(?:Q[1-4]|H[12])(?:\s+\d{4})?|(?:end of|early|mid|late)[- ]\w+(?:\s+\d{4})?|next (?:sprint|week|month|quarter))$/i.test(
      value,
    )
  )
    return setField(item, 'due', value, order);
  if (mapActionStatus(value)) return setField(item, 'status', value, order);
  if (PRIORITY.test(value)) return setField(item, 'priority', value, order);
  return false;
}

/** The group in brackets that ends a text (`... (owner: ana, [OPS-1](https://...))`): where it starts and what it holds; not a link's URL. */
function trailingGroup(text: string): { start: number; inner: string } | undefined {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(')')) return undefined;
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    if (trimmed[i] === ')') depth++;
    else if (trimmed[i] === '(' && --depth === 0) {
      // "[text](url)" ends with the link's URL, which is no group of fields.
      if (i > 0 && trimmed[i - 1] === ']') return undefined;
      return { start: i, inner: trimmed.slice(i + 1, -1) };
    }
  }
  return undefined;
}

/** Splits a group's fields at commas and semicolons outside links: `owner: ana, [OPS-1](https://x/a,b)`. */
function groupParts(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of inner) {
    if (c === '(' || c === '[') depth++;
    if (c === ')' || c === ']') depth--;
    if ((c === ',' || c === ';') && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  parts.push(current.trim());
  return parts;
}

// A status written before the title: "✅ Pin the firmware", "DONE Add a test", "🚧 Split the job". Words only in capitals.
const LEADING_STATUS =
  /^(?:(✅|✔️?|☑️?|✓|❌|✖️?|🚧|⏳)\s*|(DONE|TODO|OPEN|WIP|IN PROGRESS|WONTFIX|WON'T (?:DO|FIX)|CLOSED|FIXED|COMPLETED?)\b\s*[:–—-]?\s*)/;
// A priority written before the title: "P0: Make retries idempotent", "[P1] Alert on lag".
const LEADING_PRIORITY = /^(?:\[(P[0-3])\]|\(?(P[0-3])\)?\s*[:–—-])\s*/;

/** True for a link that points at a tracker (a ticket key, an issue or pull request), not at any page. */
export function isTicketUrl(url: string): boolean {
  return (
    /\b[A-Z][A-Z0-9]{1,9}-\d+\b/.test(url) ||
    /\/(?:issues?|tickets?|browse|pulls?|merge_requests|jira|tracker|tasks?|cards?|work_?items?)(?:\/|$)|linear\.app|youtrack|[?&](?:id|issue)=\d+/i.test(
      url,
    )
  );
}

/** The last words of a title when they are an owner or a due date: ` @mbos`, ` by 2025-07-18`, ` due 30/08/2024`. */
const TRAILING_FIELD =
  /\s+((?:by|due)\s+(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|Q[1-4](?:\s+\d{4})?)|@[\w.-]+)\s*$/i;

/** Reads a segment that holds one field or several separated by commas (`done, closed 2020-11-30`); false (and nothing read) when it is not. */
function readSegments(item: SourceActionItem, segment: string, order: DateOrder): boolean {
  const probe: SourceActionItem = { title: '', ticketKeys: [] };
  if (readSegment(probe, segment, order)) return readSegment(item, segment, order);
  const parts = groupParts(segment);
  if (parts.length < 2 || !parts.every((part) => readSegment(probe, part, order))) return false;
  parts.forEach((part) => readSegment(item, part, order));
  return true;
}

/** An action item from one line of text such as `Add an alert on lock latency — Owner: @ana — Due: 2024-04-15 — Done (OPS-12)`. */
export function parseActionLine(markdown: string, extraLines: readonly string[], order: DateOrder): SourceActionItem {
  const item: SourceActionItem = { title: '', ticketKeys: [] };
  let text = markdown.trim();
  const box = /^\[([ xX])\]\s*/.exec(text);
  if (box) {
    item.status = box[1] === ' ' ? 'open' : 'done';
    text = text.slice(box[0].length);
  }
  const lead = LEADING_STATUS.exec(text);
  const leadStatus = lead ? mapActionStatus(lead[1] ?? lead[2]!.toLowerCase()) : undefined;
  if (lead && leadStatus) {
    item.status ??= leadStatus;
    text = text.slice(lead[0].length);
  }
  const priority = LEADING_PRIORITY.exec(text);
  if (priority) {
    item.priority = (priority[1] ?? priority[2]) as SourceActionItem['priority'];
    text = text.slice(priority[0].length);
  }
  // Trailing groups of fields: "(owner: ana, due 2024-04-01)", "(Prevent, owner: rides) (Completed)".
  for (let group = trailingGroup(text); group; group = trailingGroup(text)) {
    const parts = groupParts(group.inner);
    const probe: SourceActionItem = { title: '', ticketKeys: [] };
    if (!parts.every((part) => readSegment(probe, part, order))) break;
    parts.forEach((part) => readSegment(item, part, order));
    text = text.slice(0, group.start).trimEnd();
  }
  // Split at " — ", " - ", " | " and "; ", keeping each separator so that unread segments go back as written.
  const parts = text.split(/(\s+[—–|]\s+|\s+-\s+|\s*;\s+)/);
  let title = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) if (!readSegments(item, parts[i + 1]!, order)) title += `${parts[i]}${parts[i + 1]}`;
  // "... @mbos by 2025-07-18": an owner and a due date written at the end of the title, without separators.
  for (let tail = TRAILING_FIELD.exec(title); tail; tail = TRAILING_FIELD.exec(title)) {
    const probe: SourceActionItem = { title: '', ticketKeys: [] };
    if (!readSegment(probe, tail[1]!, order)) break;
    readSegment(item, tail[1]!, order);
    title = title.slice(0, tail.index);
  }
  for (const line of extraLines) {
    const rest = line.split(/\s+[—–|]\s+|\s*;\s+/).filter((part) => !readSegment(item, part, order));
    if (rest.length > 0) title += ` — ${rest.join(' — ')}`;
  }
  // A link to a tracker in the title is the ticket (the item is often its ticket's own link); its text stays in the title.
  const link = [...title.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g)].map((m) => m[1]!).find(isTicketUrl);
  if (link) item.ticket ??= link;
  item.title = plainText(title)
    .replace(/\s*[—–-]\s*$/, '')
    .trim();
  keepTicketKeys(item);
  const mention = /(?:^|\s)@([\w.-]+)/.exec(item.title);
  if (mention && !item.owner) item.owner = mention[1];
  return item;
}

/** Ticket keys that are not links stay in the title, so that nothing the source said is lost: `Add an alert (FLT-89)`. */
function keepTicketKeys(item: SourceActionItem): void {
  const missing = item.ticketKeys.filter((key) => !item.title.includes(key));
  if (missing.length > 0) item.title = item.title ? `${item.title} (${missing.join(', ')})` : missing.join(', ');
  for (const key of item.title.match(TICKET_KEY) ?? []) if (!item.ticketKeys.includes(key)) item.ticketKeys.push(key);
}

function listItemLines(body: string, item: ListItem): { first: string; extra: string[] } {
  const first = item.children[0];
  const firstText = first && first.type === 'paragraph' ? sourceOf(body, first).replace(/\s*\n\s*/g, ' ') : '';
  const extra: string[] = [];
  for (const child of item.children.slice(first?.type === 'paragraph' ? 1 : 0)) {
    if (child.type === 'list') {
      for (const sub of child.children)
        extra.push(
          ...sourceOf(body, sub)
            .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
            .slice(0, 1),
        );
    } else if (child.type === 'paragraph') extra.push(sourceOf(body, child).replace(/\s*\n\s*/g, ' '));
  }
  return { first: firstText, extra };
}

// The words of a paragraph that introduces a legend rather than items: "Every measure has a type:", "We rank follow-ups by priority:".
const LEGEND_INTRO =
  /\b(?:types?|kinds?|categor(?:y|ies)|priorit(?:y|ies)|rank(?:ed|s)?|legend|key|meaning|means|classif\w*|levels?|labels?|statuses|tags?)\b[^.!?]*:\s*$/i;
// A term a legend defines: a kind, a priority, a status or a severity.
const LEGEND_TERM =
  /^(?:\*\*|__)?(prevent(?:ion|ive)?|detect(?:ion)?|mitigat(?:e|ion)|process|learn(?:ing)?|repair|P[0-4]|S(?:EV)?[0-4]|sev[0-4]|critical|high|medium|low|open|done|in progress|blocked)(?:\*\*|__)?\s*(?:[:=–—-]|\s-\s)\s*(.+)$/i;

/**
 * True for a list that explains the items rather than being items: one after a paragraph such as "Every
 * measure below has a type:", or one whose every entry defines a kind, priority or status in a few words
 * (`**Prevent** - stops it from happening again`, `P0 - this week`).
 */
export function isLegend(entries: readonly string[], intro: string | undefined): boolean {
  if (entries.length === 0) return false;
  if (intro !== undefined && LEGEND_INTRO.test(intro.trim())) return true;
  if (entries.length < 2) return false;
  const defined = entries.map((e) => LEGEND_TERM.exec(e.trim()));
  if (defined.some((m) => !m || m[2]!.trim().split(/\s+/).length > 8)) return false;
  return new Set(defined.map((m) => m![1]!.toLowerCase())).size === entries.length;
}

/**
 * The action items of a section: its list items and table rows, each with the sub-heading it is under (a
 * team heading names the owner). Lists that explain kinds or priorities are no items.
 */
export function parseActionSection(body: string, nodes: readonly RootContent[], order: DateOrder): SourceActionItem[] {
  const items: SourceActionItem[] = [];
  let heading: string | undefined;
  let previous: RootContent | undefined;
  for (const node of nodes) {
    const intro = previous?.type === 'paragraph' ? plainText(sourceOf(body, previous)) : undefined;
    previous = node;
    if (node.type === 'heading') {
      heading = plainText(sourceOf(body, node).replace(/^#+\s*|\s*#+\s*$/g, ''));
      continue;
    }
    if (node.type === 'list') {
      const entries = (node as List).children.map((listItem) => listItemLines(body, listItem).first);
      if (isLegend(entries, intro)) continue;
      for (const listItem of (node as List).children) {
        const { first, extra } = listItemLines(body, listItem);
        // "[x]" after the list marker is a task; remark leaves it in the text of the item.
        const item = parseActionLine(first, extra, order);
        if (heading) item.heading = heading;
        if (item.title !== '' || item.owner || item.due) items.push(item);
      }
    } else if (node.type === 'paragraph') {
      const lines = sourceOf(body, node).split('\n');
      for (const table of findTables(lines)) {
        const columns = table.header.map(columnOf);
        if (!columns.includes('title'))
          columns[columns.findIndex((c) => c === undefined) >= 0 ? columns.findIndex((c) => c === undefined) : 0] = 'title';
        for (const row of table.rows) {
          const item: SourceActionItem = { title: '', ticketKeys: [] };
          const unread: string[] = [];
          row.cells.forEach((cell, index) => {
            const column = columns[index];
            if (column === undefined || !setField(item, column, cell, order)) {
              if (plainText(cell) !== '') unread.push(table.header[index] ? `${table.header[index]}: ${plainText(cell)}` : plainText(cell));
            }
          });
          if (unread.length > 0) item.title = [item.title, ...unread].filter(Boolean).join(' — ');
          const box = /^\[([ xX])\]\s*/.exec(item.title);
          if (box) {
            item.status ??= box[1] === ' ' ? 'open' : 'done';
            item.title = item.title.slice(box[0].length);
          }
          keepTicketKeys(item);
          if (heading) item.heading = heading;
          if (item.title !== '' || item.owner) items.push(item);
        }
      }
    }
  }
  return items;
}

/** Action items from a frontmatter list: strings read like list items, objects by their keys. */
export function parseActionList(value: unknown, order: DateOrder): SourceActionItem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items: SourceActionItem[] = [];
  for (const entry of value) {
    if (typeof entry === 'string') items.push(parseActionLine(entry, [], order));
    else if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
      const item: SourceActionItem = { title: '', ticketKeys: [] };
      const unread: string[] = [];
      for (const [key, raw] of Object.entries(entry as Record<string, unknown>)) {
        const text = raw === null || raw === undefined ? '' : String(raw);
        const column = /^(?:done|completed)$/i.test(key) && typeof raw === 'boolean' ? 'status' : columnOf(key.replace(/_/g, ' '));
        const written = column === 'status' && typeof raw === 'boolean' ? (raw ? 'done' : 'open') : text;
        if (!column || !setField(item, column, written, order)) if (text !== '') unread.push(`${key}: ${text}`);
      }
      if (unread.length > 0) item.title = [item.title, ...unread].filter(Boolean).join(' — ');
      keepTicketKeys(item);
      items.push(item);
    } else return undefined;
  }
  return items;
}
