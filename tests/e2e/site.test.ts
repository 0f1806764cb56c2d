import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { checkArchive } from '../../src/validation/archive.ts';
import { computeTimeToMitigate } from '../../src/lib/metrics.ts';
import { formatDuration } from '../../src/lib/time.ts';
import { SITE_ARCHIVE, SITE_TODAY } from '../support/site-archive.ts';
import { axeViolations, closeSite, openSite, type FixtureSite } from '../support/site.ts';
import { XMLParser } from 'fast-xml-parser';

const TODAY = SITE_TODAY;
const { incidents } = checkArchive(SITE_ARCHIVE);
const published = incidents.filter((i) => i.data.status !== 'draft');
const drafts = incidents.filter((i) => i.data.status === 'draft');
let dist: string;
let browser: Browser;
let server: FixtureSite['server'];

// Kestrel Energy's post-mortems (tests/fixtures/site), newest first; the first is in review, the rest published.
const ON_SITE = [
  '2026-10-06-sign-in-failed-after-the-identity-provider-rotated-its-keys',
  '2026-06-09-account-pages-slowed-after-a-cache-size-change',
  '2026-03-29-last-readings-rejected-on-the-short-day',
  '2026-01-13-direct-debits-collected-twice-after-a-retry-change',
  '2025-10-26-an-hour-of-readings-overwritten-when-the-clocks-went-back',
  '2025-08-01-bill-e-mails-delayed-by-a-sending-limit',
  '2025-06-24-july-tariffs-nearly-took-effect-in-january',
  '2025-05-20-meter-readings-rejected-after-a-schema-change',
  '2025-04-15-prepayment-top-ups-failed-during-a-database-failover',
  '2025-03-04-sign-in-failed-after-a-session-library-upgrade',
  '2025-02-11-bill-run-stalled-after-the-winter-release',
];
const TOP_UPS = '2025-04-15-prepayment-top-ups-failed-during-a-database-failover';
const CLOCKS = '2025-10-26-an-hour-of-readings-overwritten-when-the-clocks-went-back';

/** The text of a built page with tags removed and entities decoded enough for assertions. */
function pageText(path: string): string {
  return readFileSync(join(dist, path), 'utf8')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');
}

/** Titles of the results on the search page (public/search.js), sections within a result excluded. */
const RESULT_TITLES = '.search-result-title > a';

let site: FixtureSite | undefined;
beforeAll(async () => {
  site = await openSite();
  ({ dist, server, browser } = site);
});
afterAll(() => closeSite(site));

describe('the fixture site build', () => {
  it('has a page for every incident that is not a draft, and none for the two drafts', () => {
    expect(
      published
        .map((i) => i.id)
        .sort()
        .reverse(),
    ).toEqual(ON_SITE);
    for (const incident of published) expect(existsSync(join(dist, 'incidents', incident.id, 'index.html')), incident.id).toBe(true);
    expect(drafts.map((d) => d.id)).toEqual([
      '2026-08-27-firmware-update-nearly-sent-to-the-wrong-meter-model',
      '2026-10-13-top-ups-declined-for-newly-fitted-meters',
    ]);
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

  it('shows hand-checked figures for the top-up outage', () => {
    const text = pageText(`incidents/${TOP_UPS}/index.html`);
    // 47 bad minutes of a 21.6-minute budget (99.95% over 30 days) is 218%; 12 of 43.2 (99.9%) is 28%.
    expect(text).toContain('Payments API 47 min 21.6 min 218% (over budget)');
    expect(text).toContain('Customer Portal 12 min 43.2 min 28%');
    // 07:42 to 08:53 CEST.
    expect(text).toContain('Mitigated 08:53 CEST 1 h 11 min to mitigate');
    expect(text).toContain('Action items 4 items, 1 open, 1 overdue .');
  });

  it('lists every visible incident in the table, and no draft', () => {
    const html = readFileSync(join(dist, 'incidents/index.html'), 'utf8');
    const rows = html.match(/<tr[\s>]/g)!.length - 1;
    expect(rows).toBe(11);
    for (const draft of drafts) expect(html).not.toContain(draft.id);
  });

  it('writes a Pagefind index of exactly the incident pages', () => {
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(11);
    const filterFiles = readdirSync(join(dist, 'pagefind/filter'));
    const filters = filterFiles.map((f) => gunzipSync(readFileSync(join(dist, 'pagefind/filter', f))).toString('latin1')).join('\n');
    for (const name of ['severity', 'service', 'team', 'type', 'year', 'trigger', 'decision', 'contributing factor'])
      expect(filters).toContain(name);
    // Filter values carry display names from the catalog and taxonomy.
    for (const value of ['SEV1', 'Meter Ingest', 'Customer Apps', 'near-miss', '2026', 'config-change', 'failover', 'Runbook gap'])
      expect(filters).toContain(value);
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
    expect(channel.title).toBe('Kestrel Energy post-mortems');
    expect(channel.link).toBe('http://localhost:4321/');
    expect(typeof channel.description).toBe('string');
    const items = channel.item as { title: string; link: string; guid: { '#text': string }; pubDate: string; description: string }[];
    // The one in review is on the site but not in the feed.
    expect(items.map((i) => i.link)).toEqual(ON_SITE.slice(1).map((id) => `http://localhost:4321/incidents/${id}/`));
    for (const item of items) {
      // RFC 822 dates, as RSS 2.0 requires: "Thu, 08 Oct 2026 08:12:00 GMT".
      expect(item.pubDate).toMatch(
        /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/,
      );
      expect(item.guid['#text']).toBe(item.link);
      expect(item.title.length).toBeGreaterThan(0);
      expect(existsSync(join(dist, new URL(item.link).pathname, 'index.html'))).toBe(true);
    }
  });

  it('serves every incident with its derived fields as JSON', () => {
    const api = JSON.parse(readFileSync(join(dist, 'api/incidents.json'), 'utf8'));
    expect(api.count).toBe(11);
    expect(api.generated_for).toBe(TODAY);
    for (const incident of published) {
      const record = api.incidents.find((r: { id: string }) => r.id === incident.id);
      expect(record.timeToMitigate).toBe(computeTimeToMitigate(incident.data));
      expect(record.url).toBe(`/incidents/${incident.id}/`);
      const single = JSON.parse(readFileSync(join(dist, `api/incidents/${incident.id}.json`), 'utf8'));
      expect(single).toEqual(record);
    }
    const topUps = api.incidents.find((r: { id: string }) => r.id === TOP_UPS);
    // 47 / 21.6 = 2.17592...; 12 / 43.2 = 0.27777...
    expect(topUps.sloImpacts.map((s: { slo: { id: string }; consumed: number }) => [s.slo.id, Number(s.consumed.toFixed(4))])).toEqual([
      ['payment-success', 2.1759],
      ['portal-availability', 0.2778],
    ]);
    // 07:42 to 08:53 is 71 minutes.
    expect(topUps.timeToMitigate).toBe(71);
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
    await page.getByRole('searchbox', { name: 'Search every post-mortem' }).fill('warm-up period');
    await page.locator(RESULT_TITLES).first().waitFor({ timeout: 15_000 });
    await expect
      .poll(() => page.locator(RESULT_TITLES).allTextContents(), { timeout: 15_000 })
      .toEqual(['Bill e-mails arrived up to ten hours late on the first of the month']);
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
    const before = await page.locator('.search-message').textContent();
    await page.getByText('Severity', { exact: true }).click();
    await page.getByRole('checkbox', { name: /SEV1/ }).check();
    await expect.poll(() => page.locator('.search-message').textContent(), { timeout: 15_000 }).not.toBe(before);
    // Of the two SEV1 incidents only the sign-in one mentions a rollback; results re-render once the filter applies.
    await expect
      .poll(() => page.locator(RESULT_TITLES).allTextContents(), { timeout: 15_000 })
      .toEqual(['Customers could not sign in for 42 minutes after a session library upgrade']);
    await page.close();
  });
});

describe('reading lists in a real browser', () => {
  it('follows a list, marks items read, and keeps the progress after a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/reading-lists/`);
    await page.getByRole('link', { name: 'Your first month on Billing' }).click();
    await expect.poll(() => page.locator('[data-progress-summary]').textContent(), { timeout: 15_000 }).toBe('0 of 4 read');

    // Open the second item, as a reader of the list does.
    await page.getByRole('link', { name: 'Prepayment top-ups failed for 71 minutes during a database failover' }).click();
    const position = page.locator('.list-position.is-current');
    await expect.poll(() => position.textContent(), { timeout: 15_000 }).toContain('2 of 4 in Your first month on Billing');
    await position.getByRole('button', { name: 'Mark as read' }).click();
    await position.getByRole('link', { name: 'Next →' }).click();
    await page.waitForURL(/2025-06-24-july-tariffs-nearly-took-effect-in-january\/\?list=first-month-on-billing/);
    await page.locator('.list-position.is-current').getByRole('button', { name: 'Mark as read' }).click();

    await page.goto(`${server.url}/reading-lists/first-month-on-billing/`);
    await page.reload();
    await expect.poll(() => page.locator('[data-progress-summary]').textContent(), { timeout: 15_000 }).toBe('2 of 4 read');
    expect(await page.locator('li.is-read > a').allTextContents()).toEqual([
      'Prepayment top-ups failed for 71 minutes during a database failover',
      "July's new tariffs nearly took effect from January",
    ]);
    // Unmarking works too, and the list page itself can mark items.
    await page.locator(`[data-progress-item="${TOP_UPS}"]`).getByRole('button').click();
    await page.reload();
    await expect.poll(() => page.locator('[data-progress-summary]').textContent(), { timeout: 15_000 }).toBe('1 of 4 read');
    await context.close();
  });

  it('shows the list, its items and reading times without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/reading-lists/first-month-on-billing/`);
    expect(await page.locator('ol.reading-list > li').count()).toBe(4);
    expect(await page.locator('[data-progress-summary]').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Mark as read' }).count()).toBe(0);
    await context.close();
  });
});

describe('accessibility', () => {
  const PAGES = [
    '/',
    '/incidents/',
    `/incidents/${TOP_UPS}/`,
    `/incidents/${CLOCKS}/`,
    '/search/?q=rollback',
    '/reading-lists/',
    '/reading-lists/first-month-on-billing/',
    '/start-here/teams/billing/',
    '/services/',
    '/services/payments-api/',
    '/teams/billing/',
    '/tags/',
    '/guide/',
    '/404.html',
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
    for (const path of [
      '/',
      '/incidents/',
      `/incidents/${CLOCKS}/`,
      `/incidents/${TOP_UPS}/`,
      '/reading-lists/first-month-on-billing/',
      '/trends/',
      '/services/payments-api/',
      '/guide/',
    ]) {
      await page.goto(`${server.url}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide[path] = width;
    }
    expect(wide).toEqual({});
    await context.close();
  });
});
