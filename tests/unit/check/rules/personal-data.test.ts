import { describe, expect, it } from 'vitest';
import { defaultRuleConfigs } from '../../../../src/check/config.ts';
import { lintText } from '../../../../src/check/engine.ts';
import { formatProblem } from '../../../../src/validation/problems.ts';
import { FILE, FIXTURE, lint, postmortem, rows } from '../helpers.ts';

const body = async (text: string) => rows(await lint(postmortem(text)), 'personal-data');

describe('personal-data', () => {
  it('reports an e-mail address as a warning', async () => {
    const problems = await lint(postmortem('A customer, jane.doe@gmail.com, wrote to support twice.'));
    // "A customer, " is 12 characters.
    expect(problems.map(formatProblem)).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:28:13 expected no personal data such as an e-mail address, found "jane.doe@gmail.com". Refer to people by role ("a customer", "the on-call engineer"); a shared mailbox can be allowed under personal-data.allow in catalog/check.yaml.',
    ]);
    expect(problems[0]!.severity).toBe('warning');
  });

  it.each([
    ['Requests came from 81.2.69.160 all night.', '28:20 personal-data "81.2.69.160"'],
    ['The client at 2a00:1450:4009:81f::200e retried.', '28:15 personal-data "2a00:1450:4009:81f::200e"'],
    ['```text\nWARN timeout client=81.2.69.160\n```', '29:21 personal-data "81.2.69.160"'],
  ])('flags %j', async (text, row) => {
    expect(await body(text)).toEqual([row]);
  });

  it.each([
    'Mail ops@pantrybox.example or support@example.com with questions.',
    'Pod 10.2.3.4 and replica 192.168.1.20 lost their link; the probe at 203.0.113.7 saw it.',
    'The health check binds to 127.0.0.1 and ::1, and 2001:db8::5 is the documentation address.',
    'Release v1.2.3.4 went out at 10:09:41, 10:12:00 and 10:15:30.',
    'Clone git@github.com:pantrybox/checkout.git to reproduce.',
  ])('passes %j', async (text) => {
    expect(await body(text)).toEqual([]);
  });

  it('allows the addresses and domains listed in catalog/check.yaml', async () => {
    const config = { rules: defaultRuleConfigs(), docsUrl: undefined, problems: [] };
    config.rules.set('personal-data', { severity: 'warning', options: { allow: ['@pantrybox.com', 'suppliers@acme-foods.co.uk'] } });
    const text = postmortem('Write to oncall@pantrybox.com, suppliers@acme-foods.co.uk or orders@acme-foods.co.uk.');
    // "Write to " (9) + "oncall@pantrybox.com, " (22) + "suppliers@acme-foods.co.uk or " (30) = 61 characters.
    expect(rows(await lintText({ root: FIXTURE, file: FILE, text, config }), 'personal-data')).toEqual([
      '28:62 personal-data "orders@acme-foods.co.uk"',
    ]);
  });
});
