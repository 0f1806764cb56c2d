import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { checkArchive } from '../../src/validation/archive.ts';
import { computeTimeToMitigate } from '../../src/lib/metrics.ts';
import { formatDuration } from '../../src/lib/time.ts';
import { buildSite, PROJECT } from '../support/build-site.ts';
import { serveStatic } from '../support/static-server.ts';
import { launchChromium } from '../support/browser.ts';

const TODAY = '2026-11-26';
const { incidents } = checkArchive(PROJECT);
const published = incidents.filter((i) => i.data.status !== 'draft');
const drafts = incidents.filter((i) => i.data.status === 'draft');
let dist: string;

/** The text of a built page with tags removed and entities decoded enough for assertions. */
function pageText(path: string): string {
  return readFileSync(join(dist, path), 'utf8')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');
}

/** Titles of the top-level results on a Pagefind UI page (sub-results excluded). */
const RESULT_TITLES = '.pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link';

beforeAll(() => {
  dist = buildSite({ today: TODAY });
});

describe('the demo site build', () => {
  it('has a page for every incident that is not a draft, and none for drafts', () => {
    expect(published.length).toBeGreaterThanOrEqual(24);
    for (const incident of published) expect(existsSync(join(dist, 'incidents', incident.id, 'index.html')), incident.id).toBe(true);
    expect(drafts.length).toBe(2);
    for (const draft of drafts) expect(existsSync(join(dist, 'incidents', draft.id)), draft.id).toBe(false);
  });

  it('shows every action item and the derived time to mitigate on each incident page', () => {
    for (const incident of published) {
      const text = pageText(`incidents/${incident.id}/index.html`);
      for (const item of incident.data.action_items) {
        const title = item.title.replace(/\s+/g, ' ');
        expect(text, `${incident.id}: ${title}`).toContain(title);
      }
      const ttm = computeTimeToMitigate(incident.data)!;
      expect(text, incident.id).toContain(`${formatDuration(ttm)} to mitigate`);
    }
  });

  it('shows hand-checked figures for the card acquirer outage', () => {
    const text = pageText('incidents/2025-05-22-card-acquirer-outage/index.html');
    // 52 bad minutes of a 21.6-minute budget (99.95% over 30 days) is 241%.
    expect(text).toContain('52 21.6 min 241% (over budget)');
  });

  it('lists every visible incident in the table, and no draft', () => {
    const html = readFileSync(join(dist, 'incidents/index.html'), 'utf8');
    const rows = html.match(/<tr>/g)!.length - 1;
    expect(rows).toBe(published.length);
    for (const draft of drafts) expect(html).not.toContain(draft.id);
  });

  it('writes a Pagefind index of exactly the incident pages', () => {
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(published.length);
    const filterFiles = readdirSync(join(dist, 'pagefind/filter'));
    const filters = filterFiles.map((f) => gunzipSync(readFileSync(join(dist, 'pagefind/filter', f))).toString('latin1')).join('\n');
    for (const name of ['severity', 'service', 'team', 'type', 'year', 'trigger', 'decision', 'contributing factor']) expect(filters).toContain(name);
    // Filter values carry display names from the catalog and taxonomy.
    for (const value of ['SEV1', 'Checkout API', 'Payments', 'near-miss', '2025', 'config-change', 'failover', 'Release size']) expect(filters).toContain(value);
  });

  it('has a 404 page', () => {
    expect(pageText('404.html')).toContain('Page not found');
  });
});

describe('search in a real browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    server = await serveStatic(dist);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds a post-mortem by a phrase typed into the search page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/`);
    await page.getByRole('textbox', { name: /search/i }).last().fill('sender ID registration');
    await page.locator(RESULT_TITLES).first().waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator(RESULT_TITLES).allTextContents()).toContain('SMS notifications silently dropped for two days');
    await page.close();
  });

  it('searches from the header box and narrows by a severity filter', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('searchbox', { name: 'Search post-mortems' }).fill('rollback');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\/\?q=rollback/);
    await page.locator(RESULT_TITLES).first().waitFor({ timeout: 15_000 });
    const before = await page.locator('.pagefind-ui__message').textContent();
    await page.getByText('Severity', { exact: true }).click();
    await page.getByRole('checkbox', { name: /SEV1/ }).check();
    await expect.poll(() => page.locator('.pagefind-ui__message').textContent()).not.toBe(before);
    const titles = await page.locator(RESULT_TITLES).allTextContents();
    const sev1 = published.filter((i) => i.data.severity === 'SEV1').map((i) => i.data.title);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(sev1).toContain(title);
    await page.close();
  });
});
