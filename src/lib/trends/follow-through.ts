import { isOpenStatus, summariseSample, type Sample } from '../figures.ts';
import type { IncidentView } from '../incidents.ts';
import { daysBetweenDates, writtenDate } from '../time.ts';

/** One action item with the incident it came from and the team it counts for. */
export interface ActionItemRow {
  incidentId: string;
  incidentTitle: string;
  title: string;
  kind: string;
  /** A team id or a person's handle; undefined when a public build stripped it. */
  owner: string | undefined;
  /** The owner when it is a team id, else the incident's first team; undefined when neither exists. */
  team: string | undefined;
  priority: string;
  due: string;
  status: string;
  closed: string | undefined;
  ticket: string | undefined;
  overdue: boolean;
  /**
   * Days from the day the incident started as written (the date its id begins with) to `closed`, for
   * done items only; never negative, as the check rejects a `closed` before that day.
   */
  daysToClose: number | undefined;
}

/** True for `open` and `in-progress`: not yet done or dropped (`isOpenStatus`). */
export const isOpen: (status: string) => boolean = isOpenStatus;

/**
 * Every action item of every incident, flattened. An item counts for its owner when the owner is a
 * team id, otherwise (a person's handle, or no owner in a public build) for the first team the incident lists.
 */
export function listActionItems(incidents: readonly IncidentView[], teamIds: ReadonlySet<string>): ActionItemRow[] {
  return incidents.flatMap((incident) => {
    const startDay = writtenDate(incident.started);
    return incident.action_items.map((item) => ({
      incidentId: incident.id,
      incidentTitle: incident.title,
      title: item.title,
      kind: item.kind,
      owner: item.owner,
      team: item.owner !== undefined && teamIds.has(item.owner) ? item.owner : incident.teams[0],
      priority: item.priority,
      due: item.due,
      status: item.status,
      closed: item.closed,
      ticket: item.ticket,
      overdue: item.overdue,
      daysToClose: item.status === 'done' && item.closed !== undefined ? daysBetweenDates(startDay, item.closed) : undefined,
    }));
  });
}

/** Counts of action items in one group (a team, a priority or all of them). */
export interface FollowThroughTally {
  key: string;
  total: number;
  /** Open or in progress, overdue ones included. */
  open: number;
  overdue: number;
  done: number;
  wontDo: number;
  /** `done`, `wontDo` and `open` as shares of `total`: together 1. Undefined when there are no items. */
  shares: { done: number; wontDo: number; open: number } | undefined;
  /** Days to close of the done items, with their n. */
  daysToClose: Sample;
}

/** Tallies action items per key, in the order of `order` (keys missing from it go last, by name). */
export function tallyActionItems(
  rows: readonly ActionItemRow[],
  keyOf: (row: ActionItemRow) => string,
  order: readonly string[] = [],
): FollowThroughTally[] {
  const groups = new Map<string, ActionItemRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const rank = (key: string) => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  return [...groups]
    .map(([key, items]) => summariseItems(key, items))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
}

/** The tally of one group of action items: every item counts, done, won't do and open, as shares of all of them. */
export function summariseItems(key: string, items: readonly ActionItemRow[]): FollowThroughTally {
  const open = items.filter((i) => isOpen(i.status)).length;
  const done = items.filter((i) => i.status === 'done').length;
  const wontDo = items.filter((i) => i.status === 'wont-do').length;
  const total = items.length;
  return {
    key,
    total,
    open,
    overdue: items.filter((i) => i.overdue).length,
    done,
    wontDo,
    shares: total === 0 ? undefined : { done: done / total, wontDo: wontDo / total, open: open / total },
    daysToClose: summariseSample(items.flatMap((i) => (i.daysToClose === undefined ? [] : [i.daysToClose]))),
  };
}

/** How many incidents have P0 or P1 action items, and in how many all of those are done. */
export interface UrgentFollowThrough {
  /** Incidents with at least one P0 or P1 item. */
  incidents: number;
  /** Of those, incidents whose P0 and P1 items are all `done` (won't do does not count as done). */
  allDone: number;
  /** `allDone / incidents`; undefined when no incident has P0 or P1 items. */
  share: number | undefined;
  /** Ids of the incidents with a P0 or P1 item still open or dropped, newest first as given. */
  notDone: string[];
}

/** The share of incidents whose P0 and P1 action items are all done. */
export function urgentFollowThrough(incidents: readonly IncidentView[]): UrgentFollowThrough {
  const withUrgent = incidents.filter((i) => i.action_items.some((a) => a.priority === 'P0' || a.priority === 'P1'));
  const notDone = withUrgent.filter((i) => i.action_items.some((a) => (a.priority === 'P0' || a.priority === 'P1') && a.status !== 'done'));
  const allDone = withUrgent.length - notDone.length;
  return {
    incidents: withUrgent.length,
    allDone,
    share: withUrgent.length === 0 ? undefined : allDone / withUrgent.length,
    notDone: notDone.map((i) => i.id),
  };
}

const PRIORITY_RANK: Record<string, number> = { P0: 0, P1: 1, P2: 2, P3: 3 };

/** Open and in-progress items, soonest due first, then by priority, incident and title. */
export function openActionItems(rows: readonly ActionItemRow[]): ActionItemRow[] {
  return rows
    .filter((r) => isOpen(r.status))
    .sort(
      (a, b) =>
        a.due.localeCompare(b.due) ||
        (PRIORITY_RANK[a.priority] ?? 9) - (PRIORITY_RANK[b.priority] ?? 9) ||
        a.incidentId.localeCompare(b.incidentId) ||
        a.title.localeCompare(b.title),
    );
}

/** The columns of the action-item downloads, in order. */
export const EXPORT_COLUMNS = [
  'due',
  'overdue',
  'priority',
  'status',
  'title',
  'kind',
  'owner',
  'team',
  'ticket',
  'incident',
  'incident_title',
  'incident_url',
] as const;

/** One action item as the CSV and JSON downloads give it. */
export type ExportedActionItem = Record<(typeof EXPORT_COLUMNS)[number], string | boolean | null>;

/** An action item for the downloads; `site` is the site's address with its base path, ending in `/`, for the incident's absolute URL. */
export function exportActionItem(row: ActionItemRow, site: string): ExportedActionItem {
  return {
    due: row.due,
    overdue: row.overdue,
    priority: row.priority,
    status: row.status,
    title: row.title,
    kind: row.kind,
    owner: row.owner ?? null,
    team: row.team ?? null,
    ticket: row.ticket ?? null,
    incident: row.incidentId,
    incident_title: row.incidentTitle,
    incident_url: new URL(`incidents/${row.incidentId}/`, site).href,
  };
}

// A spreadsheet reads a cell starting with =, +, - or @ (or a tab or carriage return before one) as a
// formula; a leading ' makes it show the text as written instead.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: text that could start a formula prefixed with `'`, then quoted when it holds `"`, `,` or a line break. */
export function csvField(value: string | boolean | null): string {
  const raw = value === null ? '' : String(value);
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV: a header row, then one row per item, CRLF line ends, fields quoted only when needed,
 * and no field a spreadsheet would run as a formula (`csvField`).
 */
export function toCsv(items: readonly ExportedActionItem[]): string {
  const lines = [EXPORT_COLUMNS.join(','), ...items.map((item) => EXPORT_COLUMNS.map((c) => csvField(item[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
