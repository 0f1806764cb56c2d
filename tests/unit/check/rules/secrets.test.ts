import { describe, expect, it } from 'vitest';
import { lintText } from '../../../../src/check/engine.ts';
import { formatProblem } from '../../../../src/validation/problems.ts';
import { FIXTURE, lint, postmortem, replaceOnce, rows } from '../helpers.ts';

const log = (lines: string) => postmortem(`## Supporting information\n\n\`\`\`text\n${lines}\n\`\`\``);

describe('secrets', () => {
  it('reports a password in a connection string without printing it', async () => {
    const problems = await lint(log('14:02:11 connecting to postgres://orders:Vq7rT2mLx9@db-orders.internal:5432/orders'));
    // The body starts on line 28 with the heading; the code fence opens on 30, so the log line is 31.
    // "14:02:11 connecting to " is 23 characters.
    expect(problems.map(formatProblem)).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:31:24 expected no credentials in a post-mortem, found PostgreSQL connection string. Replace the value with REDACTED and rotate the credential: it is already in the pull request and the git history.',
    ]);
    expect(problems[0]!.severity).toBe('error');
    expect(JSON.stringify(problems)).not.toContain('Vq7rT2mLx9');
  });

  it.each([
    ['export AWS_SECRET_ACCESS_KEY=Lk3s9QpZr7Tn2Vx8Wb4Yc6Ud1Fe5Gh0Ji2Km4No6', '31:8 secrets AWS Secret Access Key'],
    ['git clone https://deploy:Tq8wLm2Rv5@git.pantrybox.com/infra.git', '31:11 secrets basic auth credential'],
    ['mysql://root:9fJ2kLq8Zp@10.0.4.12:3306/stock', '31:1 secrets MySQL connection string'],
  ])('flags %j', async (line, row) => {
    expect(rows(await lint(log(line)), 'secrets')).toEqual([row]);
  });

  it('names the field when the credential is in the frontmatter', async () => {
    const text = postmortem(
      'Body.',
      replaceOnce('    status: open\n', '    status: open\n    ticket: https://deploy:Tq8wLm2Rv5@tracker.pantrybox.com/PLAT-9\n'),
    );
    // The ticket is the line after status (25), so line 26; "    ticket: " is 12 characters.
    expect(rows(await lint(text), 'secrets')).toEqual(['26:13 secrets action_items[0].ticket basic auth credential']);
  });

  it.each([
    'postgres://orders:<redacted>@db-orders.internal:5432/orders',
    'postgres://orders:REDACTED@db-orders.internal:5432/orders',
    'git clone https://deploy:****@git.pantrybox.com/infra.git',
    'https://tracker.pantrybox.example/PAY-402',
    'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'Authorization: Bearer <token removed>',
  ])('passes %j', async (line) => {
    expect(rows(await lint(log(line)), 'secrets')).toEqual([]);
  });

  it('reads catalog files too', async () => {
    const text = '- id: payments\n  name: Payments\n  contact: "https://ops:Hx8vQ2rLk9@hooks.pantrybox.com/payments"\n';
    // "  contact: \"" is 12 characters.
    expect(rows(await lintText({ root: FIXTURE, file: 'catalog/teams.yaml', text }), 'secrets')).toEqual([
      '3:13 secrets [0].contact basic auth credential',
    ]);
  });
});
