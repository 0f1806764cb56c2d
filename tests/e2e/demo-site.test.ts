import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { checkArchive } from '../../src/validation/archive.ts';
import { computeTimeToMitigate } from '../../src/lib/metrics.ts';
import { formatDuration } from '../../src/lib/time.ts';
import { PROJECT } from '../support/build-site.ts';
import { DEMO_TODAY } from '../support/demo-site-setup.ts';
import { axeViolations, closeDemoSite, openDemoSite, type DemoSite } from '../support/demo-site.ts';
import { XMLParser } from 'fast-xml-parser';

const TODAY = DEMO_TODAY;
const { incidents } = checkArchive(PROJECT);
const published = incidents.filter((i) => i.data.status !== 'draft');
const drafts = incidents.filter((i) => i.data.status === 'draft');
let dist: string;
let browser: Browser;
let server: DemoSite['server'];

/** The text of a built page with tags removed and entities decoded enough for assertions. */
function pageText(path: string): string {
  return readFileSync(join(dist, path), 'utf8')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');
}

/** Titles of the top-level results on a Pagefind UI page (sub-results excluded). */
const RESULT_TITLES = '.pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link';

let site: DemoSite | undefined;
beforeAll(async () => {
  site = await openDemoSite();
  ({ dist, server, browser } = site);
});
afterAll(() => closeDemoSite(site));

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

describe('feeds and data', () => {
  it('publishes a valid RSS 2.0 feed of published post-mortems, newest first', () => {
    const xml = readFileSync(join(dist, 'rss.xml'), 'utf8');
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(feed.rss['@_version']).toBe('2.0');
    const channel = feed.rss.channel;
    expect(channel.title).toBe('Pantrybox post-mortems');
    expect(channel.link).toBe('http://localhost:4321/');
    expect(typeof channel.description).toBe('string');
    const items = channel.item as { title: string; link: string; guid: { '#text': string }; pubDate: string; description: string }[];
    const expected = published.filter((i) => i.data.status === 'published').sort((a, b) => Date.parse(b.data.started) - Date.parse(a.data.started));
    expect(items.map((i) => i.link)).toEqual(expected.map((i) => `http://localhost:4321/incidents/${i.id}/`));
    for (const item of items) {
      // RFC 822 dates, as RSS 2.0 requires: "Thu, 08 Oct 2026 08:12:00 GMT".
      expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      expect(item.guid['#text']).toBe(item.link);
      expect(item.title.length).toBeGreaterThan(0);
      expect(existsSync(join(dist, new URL(item.link).pathname, 'index.html'))).toBe(true);
    }
  });

  it('serves every incident with its derived fields as JSON', () => {
    const api = JSON.parse(readFileSync(join(dist, 'api/incidents.json'), 'utf8'));
    expect(api.count).toBe(published.length);
    expect(api.generated_for).toBe(TODAY);
    for (const incident of published) {
      const record = api.incidents.find((r: { id: string }) => r.id === incident.id);
      expect(record.timeToMitigate).toBe(computeTimeToMitigate(incident.data));
      expect(record.url).toBe(`/incidents/${incident.id}/`);
      const single = JSON.parse(readFileSync(join(dist, `api/incidents/${incident.id}.json`), 'utf8'));
      expect(single).toEqual(record);
    }
    const acquirer = api.incidents.find((r: { id: string }) => r.id === '2025-05-22-card-acquirer-outage');
    // 52 / 21.6 = 2.4074...; 23 / 43.2 = 0.5324...
    expect(acquirer.sloImpacts.map((s: { slo: { id: string }; consumed: number }) => [s.slo.id, Number(s.consumed.toFixed(4))])).toEqual([
      ['payment-authorisation-success', 2.4074],
      ['checkout-availability', 0.5324],
    ]);
  });

  it('lists every incident page in the sitemap, and no draft', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    for (const incident of published) expect(sitemap).toContain(`http://localhost:4321/incidents/${incident.id}/`);
    for (const draft of drafts) expect(sitemap).not.toContain(draft.id);
  });
});

describe('search in a real browser', () => {

  it('finds a post-mortem by a phrase typed into the search page, under the Content-Security-Policy', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${server.url}/search/`);
    expect(response!.headers()['content-security-policy']).toContain("'wasm-unsafe-eval'");
    await page.getByRole('textbox', { name: /search/i }).last().fill('sender ID registration');
    await page.locator(RESULT_TITLES).first().waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator(RESULT_TITLES).allTextContents(), { timeout: 15_000 }).toContain('SMS notifications silently dropped for two days');
    // Pagefind's WebAssembly, scripts and styles all ran without a single policy violation.
    expect(violations).toEqual([]);
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
    await expect.poll(() => page.locator('.pagefind-ui__message').textContent(), { timeout: 15_000 }).not.toBe(before);
    const sev1 = published.filter((i) => i.data.severity === 'SEV1').map((i) => i.data.title);
    // Results re-render after the filter applies: wait until every title shown is a SEV1 one.
    await expect.poll(async () => {
      const titles = await page.locator(RESULT_TITLES).allTextContents();
      return titles.length > 0 && titles.every((t) => sev1.includes(t));
    }, { timeout: 15_000 }).toBe(true);
    await page.close();
  });
});

describe('reading lists in a real browser', () => {

  it('follows a list, marks items read, and keeps the progress after a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/reading-lists/`);
    await page.getByRole('link', { name: 'Your first week on Payments' }).click();
    await expect.poll(() => page.locator('[data-progress-summary]').textContent(), { timeout: 15_000 }).toBe('0 of 5 read');

    // Open the second item, as a reader of the list does.
    await page.getByRole('link', { name: 'Card payments failed for an hour when our primary acquirer went down' }).click();
    const position = page.locator('.list-position.is-current');
    await expect.poll(() => position.textContent(), { timeout: 15_000 }).toContain('2 of 5 in Your first week on Payments');
    await position.getByRole('button', { name: 'Mark as read' }).click();
    await position.getByRole('link', { name: 'Next →' }).click();
    await page.waitForURL(/2025-09-24-checkout-latency-missing-index\/\?list=first-week-on-payments/);
    await page.locator('.list-position.is-current').getByRole('button', { name: 'Mark as read' }).click();

    await page.goto(`${server.url}/reading-lists/first-week-on-payments/`);
    await page.reload();
    await expect.poll(() => page.locator('[data-progress-summary]').textContent(), { timeout: 15_000 }).toBe('2 of 5 read');
    expect(await page.locator('li.is-read > a').allTextContents()).toEqual([
      'Card payments failed for an hour when our primary acquirer went down',
      'Checkout slowed to seconds after a migration replaced a hot index',
    ]);
    // Unmarking works too, and the list page itself can mark items.
    await page.locator('[data-progress-item="2025-05-22-card-acquirer-outage"]').getByRole('button').click();
    await page.reload();
    await expect.poll(() => page.locator('[data-progress-summary]').textContent(), { timeout: 15_000 }).toBe('1 of 5 read');
    await context.close();
  });

  it('shows the list, its items and reading times without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/reading-lists/first-week-on-payments/`);
    expect(await page.locator('ol.reading-list > li').count()).toBe(5);
    expect(await page.locator('[data-progress-summary]').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Mark as read' }).count()).toBe(0);
    await context.close();
  });
});

describe('accessibility', () => {
  const PAGES = [
    '/', '/incidents/', '/incidents/2025-05-22-card-acquirer-outage/', '/incidents/2025-10-26-dispatch-jobs-ran-twice-at-clock-change/',
    '/search/?q=rollback', '/reading-lists/', '/reading-lists/first-week-on-payments/', '/start-here/teams/payments/',
    '/services/', '/services/checkout-api/', '/teams/payments/', '/tags/', '/guide/', '/404.html',
  ];

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations on any kind of page in ${scheme} mode`, async () => {
      // The audit script is injected inline, which the site's own policy rightly forbids.
      const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme });
      const page = await context.newPage();
      const found: Record<string, string[]> = {};
      for (const path of PAGES) {
        await page.goto(`${server.url}${path}`);
        if (path.startsWith('/search/')) await page.locator(RESULT_TITLES).first().waitFor({ timeout: 15_000 });
        const violations = await axeViolations(page);
        if (violations.length > 0) found[path] = violations;
      }
      expect(found).toEqual({});
      await context.close();
    });
  }
});

describe('on a phone', () => {
  it('no page scrolls sideways at 390 pixels wide', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const wide: Record<string, number> = {};
    for (const path of ['/', '/incidents/', '/incidents/2025-10-26-dispatch-jobs-ran-twice-at-clock-change/', '/incidents/2025-05-22-card-acquirer-outage/', '/reading-lists/first-week-on-payments/', '/trends/', '/services/checkout-api/', '/guide/']) {
      await page.goto(`${server.url}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide[path] = width;
    }
    expect(wide).toEqual({});
    await context.close();
  });
});
