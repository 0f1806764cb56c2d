import type { ActionItem } from '../../../schema/incident.ts';
import { parseActionList, parseActionSection, type SourceActionItem } from '../action-items.ts';
import { addDays } from '../dates.ts';
import { guessActionKind } from '../vocabulary.ts';
import { comment, keep, note, numbered, quote, sectionOf, type ImportContext, type ItemComments } from '../context.ts';
import { matchTeam } from './services.ts';

/**
 * `action_items`: a frontmatter list, else the list items and table rows of the Action items section; the
 * owner a team id when it names one, due 28 days after the incident and priority P2 when not written (with
 * a TODO), the kind guessed from the title, a finished item's closed date its due date when not written.
 */
export function mapActionItems(ctx: ImportContext): void {
  const { out, catalog } = ctx;
  const day = out.day;
  const written = ctx.fields.get('actions');
  const section = sectionOf(ctx, 'actions');
  let sourceItems: SourceActionItem[] = [];
  if (written) {
    const parsed = parseActionList(written.value, ctx.order);
    if (parsed) sourceItems = parsed;
    else {
      keep(ctx, written, 'not a list of action items');
      note(ctx, 60, `frontmatter field '${written.key}' is not a list the import can read: kept under Supporting information`);
    }
  }
  if (sourceItems.length === 0 && section) sourceItems = parseActionSection(ctx.body, section.nodes, ctx.order);
  const defaultDue = addDays(day, 28);
  const issues = { owner: [] as number[], due: [] as number[], priority: [] as number[], closed: [] as number[] };
  const tickets: string[] = [];
  const itemComments: ItemComments[] = [];
  const kindCounts = { written: 0, guessed: 0, process: 0 };
  const items: ActionItem[] = sourceItems.map((item, i) => {
    const comments: ItemComments = {};
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
    if (item.statusText) note(ctx, 61, `action item ${i + 1}: status ${quote(item.statusText)} mapped to open: check it`);
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
    note(ctx, 60, kindCounts.written === items.length
      ? `action items: ${items.length} imported with the kinds the source gave`
      : `action items: ${items.length} imported; kinds: ${kindsSaid}: check them`);
    if (issues.owner.length > 0) note(ctx, 60, `${numbered(issues.owner)}: no owner; left as TODO`);
    if (issues.priority.length > 0) note(ctx, 60, `${numbered(issues.priority)}: no priority; set to P2 with a TODO`);
    if (issues.due.length > 0) note(ctx, 60, `${numbered(issues.due)}: no due date; set to ${defaultDue} with a TODO`);
    if (issues.closed.length > 0) note(ctx, 60, `${numbered(issues.closed)}: finished but no closed date; set with a TODO`);
    if (tickets.length > 0) note(ctx, 61, `tickets ${[...new Set(tickets)].join(', ')} are not links: kept in the action-item titles`);
  } else if (out.type === 'incident') note(ctx, 60, 'action items: none in the source; add them before review');
  out.actionItems = items;
  out.itemComments = itemComments;
  itemComments.forEach((c, i) => {
    comment(ctx, ['action_items', i, 'priority'], c.priority);
    comment(ctx, ['action_items', i, 'due'], c.due);
    comment(ctx, ['action_items', i, 'closed'], c.closed);
  });
}
