import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../src/validation/problems.ts';
import { lint, postmortem, replaceOnce, rows } from '../helpers.ts';

const ACTION = '  - title: Stage flag pushes through one canary region first';
const withTitle = (title: string) => postmortem('Body.', replaceOnce(ACTION, `  - title: ${title}`));
const titled = async (title: string) => rows(await lint(withTitle(title)), 'action-item-quality');

describe('action-item-quality', () => {
  it('reports a vague item as a warning at its title, with the whole title and a better example', async () => {
    const problems = await lint(withTitle('Improve monitoring'));
    // The title is on line 20; "  - title: " is 11 characters.
    expect(problems.map(formatProblem)).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:20:12 action_items[0].title: expected an action item that is actionable, specific and bounded, found "Improve monitoring". "Improve" without a target cannot be finished or checked. Say what will exist afterwards and its threshold, e.g. "Alert when checkout 5xx exceed 1% for five minutes".',
    ]);
    expect(problems[0]!.severity).toBe('warning');
  });

  it.each([
    ['Investigate the connection pool', '20:12 action-item-quality action_items[0].title "Investigate the connection pool"'],
    ['Look into flaky checkout tests', '20:12 action-item-quality action_items[0].title "Look into flaky checkout tests"'],
    ['Consider a second acquirer', '20:12 action-item-quality action_items[0].title "Consider a second acquirer"'],
    ['Ensure backups can be restored', '20:12 action-item-quality action_items[0].title "Ensure backups can be restored"'],
    ['Be more careful with releases', '20:12 action-item-quality action_items[0].title "Be more careful with releases"'],
    // Vigilance is never bounded, even with a number in the title. "  - title: Engineers should " is
    // 11 + 17 = 28 characters; the 59-character title is short enough to be shown whole.
    [
      'Engineers should pay more attention to the 3 deploy scripts',
      '20:29 action-item-quality action_items[0].title "Engineers should pay more attention to the 3 deploy scripts"',
    ],
    ['Make sure this never happens again', '20:12 action-item-quality action_items[0].title "Make sure this never happens again"'],
  ])('flags %j', async (title, row) => {
    expect(await titled(title)).toEqual([row]);
  });

  it.each([
    'Alert when checkout 5xx exceed 1% for five minutes',
    'Improve p99 checkout latency to 400 ms',
    'Investigate the three pods that restarted, and publish a finding in PAY-512',
    'Review the rate-limit thresholds weekly',
    'Add an index on orders (created_at) before the next sale',
    'Evaluate Redis Sentinel for automatic session-store failover',
    'Require a second approver for production config pushes',
  ])('passes %j', async (title) => {
    expect(await titled(title)).toEqual([]);
  });

  it('reads only action-item titles: the same words elsewhere are prose, not follow-ups', async () => {
    const text = postmortem(
      'We will investigate further.',
      replaceOnce('summary: A flag bundle', 'summary: Improve monitoring. A flag bundle'),
    );
    expect(rows(await lint(text), 'action-item-quality')).toEqual([]);
  });
});
