import type { ActionItem } from '../../../schema/incident.ts';
import { parseActionList, parseActionSection, type SourceActionItem } from '../action-items.ts';
import { addDays } from '../dates.ts';
import { guessActionKind, sectionKind } from '../vocabulary.ts';
import type { RootContent } from 'mdast';
import { plainText, sourceOf } from '../markdown.ts';
import { comment, keep, note, numbered, quote, type ImportContext, type ItemComments } from '../context.ts';
import { matchTeam } from './services.ts';

/**
 * Where the action items are: every Action items section (Follow-ups, Remediation, Corrective and Preventative
 * Measures, Looking Forward, ...) that is not inside another, else the blocks after a paragraph that is only
 * such a name ("Action Items", "**Follow-ups:**"), up to the next heading.
 */
export function actionNodes(ctx: ImportContext): RootContent[] {
  const sections = ctx.bodySections.filter((s) => ctx.kinds.get(s) === 'actions');
  const outer = sections.filter((s) => !sections.some((o) => o !== s && o.start <= s.start && s.end <= o.end));
  if (outer.length > 0) return outer.flatMap((s) => s.nodes);
  const children = ctx.tree.children;
  const nodes: RootContent[] = [];
  children.forEach((node, index) => {
    if (node.type !== 'paragraph') return;
    const text = plainText(sourceOf(ctx.body, node)).replace(/[:.]\s*$/, '');
    if (text.split(/\s+/).length > 5 || sectionKind(text) !== 'actions') return;
    for (let next = index + 1; next < children.length && children[next]!.type !== 'heading'; next++) nodes.push(children[next]!);
  });
  return nodes;
}

/**
 * `action_items`: a frontmatter list, else the list items and table rows of the Action items section; the
 * owner a team id when it names one, due 28 days after the incident and priority P2 when not written (with
 * a TODO), the kind guessed from the title, a finished item's closed date its due date when not written.
 */
export function mapActionItems(ctx: ImportContext): void {
  const { out, catalog } = ctx;
  const day = out.day;
  const written = ctx.fields.get('actions');
  const nodes = actionNodes(ctx);
  let sourceItems: SourceActionItem[] = [];
  if (written) {
    const parsed = parseActionList(written.value, ctx.order);
    if (parsed) sourceItems = parsed;
    else {
      keep(ctx, written, 'not a list of action items');
      note(ctx, 60, `frontmatter field '${written.key}' is not a list the import can read: kept under Supporting information`);
    }
  }
  if (sourceItems.length === 0 && nodes.length > 0) sourceItems = parseActionSection(ctx.body, nodes, ctx.order);
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
    // An item under a team's sub-heading ("### Platform") is that team's unless it names another owner.
    const headingTeam = item.heading ? matchTeam(item.heading.replace(/\s+team$/i, ''), catalog) : undefined;
    const owner = item.owner ? (matchTeam(item.owner, catalog) ?? item.owner) : (headingTeam ?? 'TODO');
    if (!item.owner && !headingTeam) issues.owner.push(i);
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
    ]
      .filter(Boolean)
      .join(', ');
    note(
      ctx,
      60,
      kindCounts.written === items.length
        ? `action items: ${items.length} imported with the kinds the source gave`
        : `action items: ${items.length} imported; kinds: ${kindsSaid}: check them`,
    );
    if (issues.owner.length > 0) note(ctx, 60, `${numbered(issues.owner)}: no owner; left as TODO`);
    if (issues.priority.length > 0) note(ctx, 60, `${numbered(issues.priority)}: no priority; set to P2 with a TODO`);
    if (issues.due.length > 0) note(ctx, 60, `${numbered(issues.due)}: no due date; set to ${defaultDue} with a TODO`);
    if (issues.closed.length > 0) note(ctx, 60, `${numbered(issues.closed)}: finished but no closed date; set with a TODO`);
    if (tickets.length > 0) note(ctx, 61, `tickets ${[...new Set(tickets)].join(', ')} are not links: kept in the action-item titles`);
  } else if (out.type === 'incident') note(ctx, 60, 'action items: none in the source; add them before review');
  out.actionItems = items;
  itemComments.forEach((c, i) => {
    comment(ctx, ['action_items', i, 'priority'], c.priority);
    comment(ctx, ['action_items', i, 'due'], c.due);
    comment(ctx, ['action_items', i, 'closed'], c.closed);
  });
}
