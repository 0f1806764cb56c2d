import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, PROJECT } from '../support/build-site.ts';
import { serveStatic } from '../../src/tooling/static-server.ts';
import { launchTestChromium } from '../support/browser.ts';

const TSX = join(PROJECT, 'node_modules/.bin/tsx');

describe('an author following the README', () => {
  it('starts a post-mortem with npm run new, fills it in, checks it, builds, and finds it in search', async () => {
    const archive = mkdtempSync(join(tmpdir(), 'hindsight-author-'));
    cpSync(join(PROJECT, 'tests/fixtures/archive'), archive, { recursive: true });
    cpSync(join(PROJECT, 'templates'), join(archive, 'templates'), { recursive: true });

    const created = spawnSync(
      TSX,
      [
        'scripts/new.ts',
        '--root',
        archive,
        '--title',
        'Checkout rejected gift cards after a currency change',
        '--date',
        '2025-09-09',
        '--severity',
        'SEV3',
        '--services',
        'checkout-api',
      ],
      { cwd: PROJECT, encoding: 'utf8' },
    );
    expect(created.status).toBe(0);
    const file = join(archive, 'incidents/2025/2025-09-09-checkout-rejected-gift-cards-after-a-currency-change.mdx');

    // What an author does next: real times, a summary, a factor, an action item, their own prose in place of
    // the template's guidance, then status published.
    const draft = readFileSync(file, 'utf8');
    const body = [
      '## Impact',
      '',
      'Every customer paying with a zanzibarite gift card saw a decline for fifty minutes.',
      '',
      '## Timeline',
      '',
      '- 10:10 — The currency table is reloaded.',
      '- 10:18 — The decline-rate alert fires.',
      '- 11:00 — The previous table is restored.',
      '',
      '## Contributing factors',
      '',
      'The reload replaced every currency at once and checked none of them against the gift-card issuers.',
      '',
      '## Lessons',
      '',
      'A reference table that payments depend on needs the same checks as code.',
      '',
    ].join('\n');
    const filled = draft
      .slice(0, draft.indexOf('\n---\n') + 5)
      .concat('\n', body)
      .replace(
        /summary: >-[^\n]*\n {2}TODO[^\n]*/,
        'summary: Gift-card payments failed for 50 minutes after the currency table was reloaded.',
      )
      .replace(/authors: \[your-handle\]/, 'authors: [mkowalski]')
      .replace(/bad_minutes: 0/, 'bad_minutes: 42')
      .replace('status: draft', 'status: published')
      .replace(/started: 2025-09-09T00:00:00\+01:00[^\n]*/, 'started: 2025-09-09T10:10:00+01:00')
      .replace(/detected: 2025-09-09T00:00:00\+01:00[^\n]*/, 'detected: 2025-09-09T10:18:00+01:00\nmitigated: 2025-09-09T11:00:00+01:00')
      .replace(/rationale: [^\n]*/, 'rationale: Rolling the currency table back was quicker than a fix and the budget was half spent.')
      .replace(/description: "TODO: a system condition[^\n]*/, 'description: The currency reload did not validate gift-card currencies.')
      .replace(/title: "TODO: a specific, bounded follow-up"/, 'title: Validate gift-card currencies when the currency table is reloaded')
      .replace(
        / {2}- at: 2025-09-09T00:00:00\+01:00\n( {4}kind: trigger[^\n]*)\n {4}text: "TODO: what set it off."/,
        '  - at: 2025-09-09T10:10:00+01:00\n$1\n    text: Currency table reloaded.',
      );
    // Every TODO the draft started with has been dealt with.
    expect(filled.split('\n').filter((line) => line.includes('TODO') && !line.startsWith('# '))).toEqual([]);
    writeFileSync(file, filled);

    const check = spawnSync(TSX, ['scripts/check.ts', '--root', archive], { cwd: PROJECT, encoding: 'utf8' });
    expect(check.stderr + check.stdout).toContain('no problems');
    expect(check.status).toBe(0);

    const dist = buildSite({ archive, today: '2026-11-26' });
    const server = await serveStatic(dist);
    const browser = await launchTestChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/`);
      await page.getByRole('searchbox', { name: 'Search post-mortems' }).fill('zanzibarite');
      await page.getByRole('button', { name: 'Search' }).click();
      const result = page.locator('.search-result-title > a').first();
      await result.waitFor({ timeout: 15_000 });
      expect(await result.textContent()).toBe('Checkout rejected gift cards after a currency change');
      await result.click();
      await page.waitForURL(/\/incidents\/2025-09-09-checkout-rejected-gift-cards-after-a-currency-change\/$/);
      expect(await page.locator('.moments').textContent()).toContain('50 min to mitigate');
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
