import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/check/engine.ts';
import { BROKEN, cli, PROJECT } from './helpers.ts';

/**
 * Every post-mortem in tests/fixtures/broken has exactly one defect (its file name says which), and
 * every finding is listed here as [file, line, rule, field]. Each line was checked by hand against the
 * fixture: it is the line of the offending key, value, word or MDX node.
 */
const EXPECTED: [string, number, string, string][] = [
  ['incidents/2024/2025-05-22-filed-under-wrong-year.mdx', 14, 'consistency', 'started'],
  // the parser notices the unclosed [ on the next line (started, 14)
  ['incidents/2025/2025-01-02-tags-list-not-closed.mdx', 14, 'yaml', ''],
  // no --- block at all
  ['incidents/2025/2025-01-07-frontmatter-missing.mdx', 1, 'yaml', ''],
  ['incidents/2025/2025-01-12-severity-written-twice.mdx', 10, 'yaml', ''],
  ['incidents/2025/2025-01-17-colon-in-unquoted-rationale.mdx', 21, 'yaml', ''],
  ['incidents/2025/2025-01-22-unknown-severity.mdx', 9, 'schema', 'severity'],
  // the typo is an unknown key, and detected is then missing
  ['incidents/2025/2025-01-27-detected-misspelt.mdx', 15, 'schema', 'detected'],
  ['incidents/2025/2025-01-27-detected-misspelt.mdx', 15, 'schema', 'detcted'],
  // a missing key is reported at the first key of the mapping (title, line 2)
  ['incidents/2025/2025-02-01-summary-missing.mdx', 3, 'schema', 'summary'],
  ['incidents/2025/2025-02-06-mitigated-without-offset.mdx', 16, 'schema', 'mitigated'],
  ['incidents/2025/2025-02-11-action-kind-not-in-list.mdx', 40, 'schema', 'action_items[0].kind'],
  ['incidents/2025/2025-02-16-action-item-unknown-key.mdx', 48, 'schema', 'action_items[1].assignee'],
  ['incidents/2025/2025-02-21-title-too-long.mdx', 2, 'schema', 'title'],
  ['incidents/2025/2025-02-26-due-date-not-a-day.mdx', 43, 'schema', 'action_items[1].due'],
  ['incidents/2025/2025-03-03-ticket-not-a-url.mdx', 38, 'schema', 'action_items[0].ticket'],
  ['incidents/2025/2025-03-08-negative-bad-minutes.mdx', 29, 'schema', 'slo_impact[0].bad_minutes'],
  ['incidents/2025/2025-03-13-tag-in-capitals.mdx', 13, 'schema', 'tags[0]'],
  ['incidents/2025/2025-03-18-no-services.mdx', 8, 'schema', 'services'],
  ['incidents/2025/2025-03-23-featured-yes.mdx', 23, 'schema', 'featured'],
  ['incidents/2025/2025-03-28-status-not-in-list.mdx', 6, 'schema', 'status'],
  ['incidents/2025/2025-04-02-users-affected-with-comma.mdx', 31, 'schema', 'customer_impact.users_affected'],
  ['incidents/2025/2025-04-07-decision-misspelt.mdx', 20, 'schema', 'response.decision'],
  ['incidents/2025/2025-04-12-detected-before-started.mdx', 15, 'consistency', 'detected'],
  // 10:09 to 10:58 is 49 minutes
  ['incidents/2025/2025-04-17-bad-minutes-over-window.mdx', 29, 'consistency', 'slo_impact[0].bad_minutes'],
  ['incidents/2025/2025-04-22-done-item-without-closed.mdx', 50, 'consistency', 'action_items[1].status'],
  ['incidents/2025/2025-04-27-open-item-with-closed.mdx', 45, 'consistency', 'action_items[0].closed'],
  // missing keys point at the first key (line 2)
  ['incidents/2025/2025-05-02-published-without-mitigated.mdx', 2, 'consistency', 'mitigated'],
  // missing keys point at the first key (line 2)
  ['incidents/2025/2025-05-07-near-miss-without-factors.mdx', 2, 'consistency', 'contributing_factors'],
  // missing keys point at the first key (line 2)
  ['incidents/2025/2025-05-12-incident-without-action-items.mdx', 2, 'consistency', 'action_items'],
  ['incidents/2025/2025-05-17-event-after-resolved.mdx', 60, 'consistency', 'timeline[2].at'],
  ['incidents/2025/2025-05-27-file-date-not-started.mdx', 14, 'consistency', 'started'],
  // one copy in each year: both are reported, and the 2026 copy is also in the wrong folder
  ['incidents/2025/2025-06-01-copied-into-two-years.mdx', 1, 'consistency', ''],
  ['incidents/2025/2025-06-06-related-to-itself.mdx', 22, 'consistency', 'related[0]'],
  // the file name itself: reported at the first key
  ['incidents/2025/2025-06-11-Checkout-Outage.mdx', 2, 'consistency', ''],
  ['incidents/2025/2025-06-16-service-misspelt.mdx', 10, 'reference', 'services[0]'],
  ['incidents/2025/2025-06-21-team-misspelt.mdx', 11, 'reference', 'teams[0]'],
  ['incidents/2025/2025-06-26-slo-not-in-catalog.mdx', 28, 'reference', 'slo_impact[0].slo'],
  ['incidents/2025/2025-07-01-related-incident-missing.mdx', 22, 'reference', 'related[0]'],
  ['incidents/2025/2025-07-06-angle-bracket-in-prose.mdx', 69, 'mdx-syntax', ''],
  ['incidents/2025/2025-07-11-brace-not-closed.mdx', 51, 'mdx-syntax', ''],
  ['incidents/2025/2025-07-16-imports-node-fs.mdx', 64, 'mdx-safety', ''],
  ['incidents/2025/2025-07-21-exports-a-value.mdx', 64, 'mdx-safety', ''],
  ['incidents/2025/2025-07-26-script-element.mdx', 65, 'mdx-safety', ''],
  ['incidents/2025/2025-07-31-inline-event-handler.mdx', 55, 'mdx-safety', ''],
  ['incidents/2025/2025-08-05-javascript-link.mdx', 28, 'mdx-safety', ''],
  ['incidents/2025/2025-08-10-expression-reads-environment.mdx', 69, 'mdx-safety', ''],
  ['incidents/2025/2025-08-15-component-not-imported.mdx', 60, 'mdx-safety', ''],
  ['incidents/2025/2025-08-20-component-file-missing.mdx', 64, 'mdx-safety', ''],
  ['incidents/2025/2025-08-25-blames-the-release-manager.mdx', 80, 'blameless-language', ''],
  ['incidents/2025/2025-08-30-engineer-forgot.mdx', 35, 'blameless-language', 'contributing_factors[0].description'],
  ['incidents/2025/2025-09-04-human-error-as-factor.mdx', 21, 'blameless-language', 'contributing_factors[0].description'],
  ['incidents/2025/2025-09-09-careless-on-call.mdx', 56, 'blameless-language', ''],
  ['incidents/2025/2025-09-14-dropped-the-ball.mdx', 83, 'blameless-language', ''],
  ['incidents/2025/2025-09-19-should-have-known.mdx', 83, 'hindsight-bias', ''],
  ['incidents/2025/2025-09-24-obviously-in-summary.mdx', 4, 'hindsight-bias', 'summary'],
  ['incidents/2025/2025-09-29-be-more-careful.mdx', 39, 'action-item-quality', 'action_items[0].title'],
  ['incidents/2025/2025-10-04-improve-monitoring.mdx', 39, 'action-item-quality', 'action_items[0].title'],
  ['incidents/2025/2025-10-09-investigate-timeouts.mdx', 39, 'action-item-quality', 'action_items[1].title'],
  ['incidents/2025/2025-10-14-connection-string-in-log.mdx', 88, 'secrets', ''],
  ['incidents/2025/2025-10-19-password-in-ticket-url.mdx', 51, 'secrets', 'action_items[1].ticket'],
  ['incidents/2025/2025-10-24-aws-secret-in-log.mdx', 69, 'secrets', ''],
  ['incidents/2025/2025-10-29-private-key-pasted.mdx', 31, 'secrets', ''],
  ['incidents/2025/2025-11-03-customer-email.mdx', 51, 'personal-data', ''],
  ['incidents/2025/2025-11-08-customer-ip-in-log.mdx', 66, 'personal-data', ''],
  // the comment is rejected, so the blame it meant to cover is reported too
  ['incidents/2025/2025-11-13-ignore-without-reason.mdx', 79, 'ignore-comment', ''],
  ['incidents/2025/2025-11-13-ignore-without-reason.mdx', 81, 'blameless-language', ''],
  ['incidents/2025/2025-11-18-ignore-unknown-rule.mdx', 62, 'ignore-comment', ''],
  ['incidents/2025/2025-11-23-ignore-nothing-to-ignore.mdx', 32, 'unused-ignore', ''],
  ['incidents/2025/2025-11-28-ignore-a-build-rule.mdx', 71, 'ignore-comment', ''],
  ['incidents/2026/2025-06-01-copied-into-two-years.mdx', 1, 'consistency', ''],
  ['incidents/2026/2025-06-01-copied-into-two-years.mdx', 14, 'consistency', 'started'],
  ['reading-lists/on-call-habits.mdx', 7, 'reference', 'items[1].incident'],
  ['reading-lists/payments-onboarding.mdx', 7, 'reference', 'items[1].incident'],
  ['reading-lists/release-lessons.mdx', 6, 'blameless-language', 'items[0].why'],
];

describe('the broken-post-mortem corpus', () => {
  it('has at least forty broken post-mortems', () => {
    const files = ['2024', '2025', '2026'].flatMap((year) => readdirSync(join(BROKEN, 'incidents', year)));
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it('gets exactly the expected findings, in one run', async () => {
    const { problems } = await runCheck({ root: BROKEN });
    expect(problems.map((p) => [p.file, p.line, p.rule, p.field])).toEqual(EXPECTED);
  });

  it('has a finding in every file', async () => {
    const files = new Set(EXPECTED.map(([file]) => file));
    const all = ['2024', '2025', '2026'].flatMap((year) =>
      readdirSync(join(BROKEN, 'incidents', year)).map((f) => `incidents/${year}/${f}`),
    );
    expect(all.filter((f) => !files.has(f))).toEqual([]);
  });

  it('is summed up in one line, and fails the check', async () => {
    const { status, stdout } = await cli(['--root', 'tests/fixtures/broken'], { cwd: PROJECT });
    expect(status).toBe(1);
    // 74 findings: 8 warnings (2 hindsight-bias, 3 action-item-quality, 2 personal-data, 1 unused-ignore) and 66 errors,
    // in 68 incident files and 3 reading lists.
    expect(stdout.trimEnd().split('\n').slice(-2)).toEqual([
      'Found 66 errors and 8 warnings in 71 files.',
      'Why a rule exists and how to fix what it finds: npm run check -- --explain <rule>',
    ]);
  });
});
