import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';
import { serveStatic } from '../../src/tooling/static-server.ts';
import { closeSite, openSite, type FixtureSite } from '../support/site.ts';

/** One page of every kind the site has, with what to wait for or do once it has loaded. */
const PAGES: { path: string; ready?: (page: Page) => Promise<void> }[] = [
  { path: '/' },
  { path: '/incidents/' },
  { path: '/incidents/2025-08-01-bill-e-mails-delayed-by-a-sending-limit/' },
  {
    path: '/search/?q=rollback',
    ready: async (page) => {
      await page.locator('.search-result-title > a').first().waitFor({ timeout: 15_000 });
      await page.getByText('Severity', { exact: true }).click();
      await page.getByRole('checkbox', { name: /SEV1/ }).check();
      await page.getByRole('searchbox', { name: 'Search every post-mortem' }).fill('warm-up period');
      await page
        .getByText('Bill e-mails arrived up to ten hours late on the first of the month')
        .or(page.getByText('No results for warm-up period'))
        .first()
        .waitFor({ timeout: 15_000 });
    },
  },
  { path: '/trends/' },
  { path: '/trends/error-budgets/' },
  { path: '/trends/decision-guide/' },
  { path: '/trends/follow-through/' },
  { path: '/trends/action-items/', ready: (page) => page.getByRole('button', { name: 'Due' }).click() },
  { path: '/trends/recurrences/' },
  { path: '/trends/services/meter-ingest/' },
  { path: '/trends/teams/billing/' },
  { path: '/trends/years/2025/' },
  { path: '/services/' },
  { path: '/services/meter-ingest/' },
  { path: '/teams/' },
  { path: '/teams/billing/' },
  { path: '/tags/' },
  { path: '/tags/email/' },
  { path: '/start-here/teams/billing/' },
  { path: '/reading-lists/' },
  {
    path: '/reading-lists/first-month-on-billing/',
    ready: (page) => page.locator('[data-read-toggle]').first().click(),
  },
  { path: '/guide/' },
  { path: '/no-such-page/' },
];

/** A page that reports every Content-Security-Policy violation and every dialog into `found`. */
async function watchedPage(context: BrowserContext, found: string[]): Promise<Page> {
  const page = await context.newPage();
  // Runs before the page's own scripts, outside the page's policy, as a browser extension would.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const sink = window as unknown as { violations?: string[] };
      (sink.violations ??= []).push(`${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) found.push(`console: ${message.text()}`);
  });
  page.on('dialog', async (dialog) => {
    found.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return page;
}

const violationsOf = (page: Page) => page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []);

let site: FixtureSite | undefined;
let browser: Browser;
beforeAll(async () => {
  site = await openSite();
  browser = site.browser;
});
afterAll(() => closeSite(site));

describe('the Content-Security-Policy in Chromium', () => {
  it('is sent with every page, exactly as src/lib/csp.ts writes it', async () => {
    const response = await fetch(`${site!.server.url}/trends/`);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it('blocks nothing the site itself ships, on every kind of page, in light and dark mode, scripts and search included', async () => {
    const found: Record<string, string[]> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      for (const { path, ready } of PAGES) {
        const events: string[] = [];
        const page = await watchedPage(context, events);
        const response = await page.goto(`${site!.server.url}${path}`);
        expect(response!.headers()['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
        // goto waits for the load event (stylesheets, scripts, fonts); after an interaction, for the requests it made.
        if (ready) {
          await ready(page);
          await page.waitForLoadState('networkidle');
        }
        events.push(...(await violationsOf(page)));
        if (events.length > 0) found[`${colorScheme} ${path}`] = events;
        await page.close();
      }
      await context.close();
    }
    expect(found).toEqual({});
  });

  it('runs the site’s scripts under it: search finds, filters and orders; the table sorts; reading progress counts', async () => {
    const context = await browser.newContext();
    const events: string[] = [];
    const page = await watchedPage(context, events);
    await page.goto(`${site!.server.url}/search/?q=warm-up+period`);
    await expect
      .poll(() => page.locator('.search-result-title > a').allTextContents(), { timeout: 15_000 })
      .toEqual(['Bill e-mails arrived up to ten hours late on the first of the month']);
    expect(await page.locator('.search-message').textContent()).toBe('1 result for warm-up period');
    await page.goto(`${site!.server.url}/trends/action-items/`);
    await page.getByRole('button', { name: 'Due' }).click();
    expect(await page.locator('th[data-sort="due"]').getAttribute('aria-sort')).toBe('descending');
    await page.goto(`${site!.server.url}/reading-lists/first-month-on-billing/`);
    await expect.poll(() => page.locator('[data-progress-summary]').textContent(), { timeout: 15_000 }).toBe('0 of 4 read');
    events.push(...(await violationsOf(page)));
    expect(events).toEqual([]);
    await context.close();
  });
});

describe('markup planted in a built page', () => {
  const PLANTED = [
    '<script>window.planted = "inline script"; alert("inline script")</script>',
    '<img src="/no-such-image.png" onerror="window.planted = \'onerror\'; alert(\'onerror\')">',
    '<p id="planted-style-attribute" style="color: rgb(255, 0, 0)">red by attribute</p>',
    '<style>#planted-style-element { color: rgb(255, 0, 0) }</style><p id="planted-style-element">red by element</p>',
    '<a id="planted-link" href="javascript:window.planted=\'javascript url\';alert(\'javascript url\')">a javascript: link</a>',
    '<base href="https://attacker.example/">',
  ].join('\n');

  it('runs no script, applies no style and moves no link, and each attempt is reported', async () => {
    const planted = mkdtempSync(join(tmpdir(), 'hindsight-planted-'));
    cpSync(site!.dist, planted, { recursive: true });
    const file = join(planted, 'incidents/2025-08-01-bill-e-mails-delayed-by-a-sending-limit/index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('<main id="main">', `<main id="main">${PLANTED}`));
    const server = await serveStatic(planted);
    try {
      const context = await browser.newContext();
      const events: string[] = [];
      const page = await watchedPage(context, events);
      await page.goto(`${server.url}/incidents/2025-08-01-bill-e-mails-delayed-by-a-sending-limit/`);
      await page.locator('#planted-link').click();
      await page.waitForTimeout(500);
      expect(page.url()).toBe(`${server.url}/incidents/2025-08-01-bill-e-mails-delayed-by-a-sending-limit/`);
      expect(await page.evaluate(() => (window as unknown as { planted?: string }).planted)).toBeUndefined();
      expect(events.filter((e) => e.startsWith('dialog:'))).toEqual([]);
      const color = (id: string) => page.locator(`#${id}`).evaluate((p) => getComputedStyle(p).color);
      expect(await color('planted-style-attribute')).not.toBe('rgb(255, 0, 0)');
      expect(await color('planted-style-element')).not.toBe('rgb(255, 0, 0)');
      // Relative links still lead to this site: the planted <base> was ignored.
      expect(await page.locator('a.brand').evaluate((a) => (a as HTMLAnchorElement).href)).toBe(`${server.url}/`);
      const directives = [...new Set((await violationsOf(page)).map((v) => v.split(' ')[0]))].sort();
      expect(directives).toEqual(['base-uri', 'script-src-attr', 'script-src-elem', 'style-src-attr', 'style-src-elem']);
      await context.close();
    } finally {
      await server.close();
    }
  });
});
