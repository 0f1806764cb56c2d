import { formatMinutes, formatPercent } from '../../lib/format.ts';
import { formatDuration } from '../../lib/time.ts';
import { labelOf, STATUS_LABELS } from '../../lib/trends/labels.ts';
import { summariseProblems, type Problem } from '../../validation/problems.ts';
import type { PostmortemReview } from '../review.ts';
import { describeChecked, shownProblems, type Reporter } from './types.ts';

/**
 * Text from a post-mortem as Markdown that shows it and nothing else: no HTML, link, image, emphasis,
 * heading or autolinked address can come out of a title or a message, and a table cell keeps its column.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\r\n\t]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_{}[\]()#+!|~]/g, '\\$&')
      // GitHub links bare addresses, domains starting www. and e-mail addresses by themselves.
      .replace(/:(?=\/\/)/g, '&#58;')
      .replace(/\b(www)\./gi, '$1&#46;')
      .replace(/@/g, '&#64;')
  );
}

/** A file path, field or rule id as a code span in a table cell; as escaped text when it holds a backtick. */
function code(text: string): string {
  if (text === '') return '';
  if (/[`\r\n]/.test(text)) return escapeMarkdown(text);
  return `\`${text.replace(/\|/g, '\\|')}\``;
}

const orDash = (value: string | undefined) => (value === undefined || value === '' ? '–' : escapeMarkdown(value));
const minutes = (value: number | undefined) => (value === undefined ? '–' : formatDuration(value));
const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'];

function problemTable(problems: readonly Problem[]): string[] {
  return [
    '| where | severity | field | problem | fix | rule |',
    '| --- | --- | --- | --- | --- | --- |',
    ...problems.map((p) => {
      const found = p.found !== undefined ? `, found ${p.found}` : '';
      return `| ${code(`${p.file}:${p.line}:${p.column}`)} | ${p.severity} | ${code(p.field)} | ${escapeMarkdown(`${p.message}${found}`)} | ${p.hint ? escapeMarkdown(p.hint) : ''} | ${code(p.rule)}${p.docs && /^https?:\/\//.test(p.docs) ? ` ([docs](<${p.docs.replace(/[<>\s|()]/g, encodeURIComponent)}>))` : ''} |`;
    }),
  ];
}

function budgetLines(review: PostmortemReview): string[] {
  if (review.budgets.length === 0) return ['No SLO impact listed.'];
  return [
    '| SLO | bad minutes | error budget | budget consumed |',
    '| --- | --- | --- | --- |',
    ...review.budgets.map((b) => {
      const budget =
        b.target && b.budgetMinutes !== undefined
          ? `${formatMinutes(b.budgetMinutes)} (${b.target.objective}% over ${b.target.window_days} days)`
          : 'not in catalog/services.yaml';
      return `| ${code(b.slo)} | ${b.badMinutes === undefined ? '–' : formatMinutes(b.badMinutes)} | ${budget} | ${b.consumed === undefined ? '–' : formatPercent(b.consumed)} |`;
    }),
  ];
}

function actionItemLines(review: PostmortemReview): string[] {
  if (review.actionItems.length === 0) return ['No action items.'];
  const count = (status: string) => review.actionItems.filter((i) => i.status === status).length;
  const other = review.actionItems.filter((i) => !ACTION_STATUSES.includes(i.status ?? '')).length;
  const counts = ACTION_STATUSES.map((s) => `${count(s)} ${labelOf(STATUS_LABELS, s).toLowerCase()}`);
  if (other > 0) counts.push(`${other} with another or no status`);
  const ordered = [...ACTION_STATUSES, undefined].flatMap((status) =>
    review.actionItems.filter((i) => (status === undefined ? !ACTION_STATUSES.includes(i.status ?? '') : i.status === status)),
  );
  return [
    `Action items: ${counts.join(', ')}.`,
    '',
    '| status | action item | owner | due |',
    '| --- | --- | --- | --- |',
    ...ordered.map(
      (i) =>
        `| ${i.status && ACTION_STATUSES.includes(i.status) ? labelOf(STATUS_LABELS, i.status) : orDash(i.status)} | ${orDash(i.title)} | ${orDash(i.owner)} | ${orDash(i.due)} |`,
    ),
  ];
}

function section(review: PostmortemReview, problems: readonly Problem[]): string[] {
  return [
    `### ${review.title ? escapeMarkdown(review.title) : code(review.file)}`,
    '',
    `${code(review.file)}: status ${orDash(review.status)}, severity ${orDash(review.severity)}, type ${orDash(review.type)}.`,
    '',
    '| time to detect | time to mitigate | time to resolve |',
    '| --- | --- | --- |',
    `| ${minutes(review.timeToDetect)} | ${minutes(review.timeToMitigate)} | ${minutes(review.timeToResolve)} |`,
    '',
    ...budgetLines(review),
    '',
    ...actionItemLines(review),
    '',
    ...(problems.length === 0 ? ['No problems.'] : problemTable(problems)),
    '',
  ];
}

/**
 * For a pull request's reviewer (the GitHub job summary): per post-mortem checked, its title, status,
 * severity and type, the durations and budget consumed the site derives, its action items by status
 * and every problem; then the problems of any other file, then the count.
 */
export const markdownReporter: Reporter = {
  name: 'markdown',
  format(input) {
    const problems = shownProblems(input);
    if (input.quiet && problems.length === 0) return '';
    const reviews = input.postmortems ?? [];
    const reviewed = new Set(reviews.map((r) => r.file));
    const lines = ['## Post-mortems checked', ''];
    if (reviews.length === 0) lines.push('No post-mortem was checked.', '');
    for (const review of reviews)
      lines.push(
        ...section(
          review,
          problems.filter((p) => p.file === review.file),
        ),
      );
    const others = problems.filter((p) => !reviewed.has(p.file));
    if (others.length > 0) lines.push('### Other files', '', ...problemTable(others), '');
    lines.push(problems.length === 0 ? `${describeChecked(input.checked)}: no problems.` : summariseProblems(problems));
    return `${lines.join('\n')}\n`;
  },
};
