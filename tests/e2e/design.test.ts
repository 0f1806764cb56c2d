import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, closeSite, openSite, type FixtureSite } from '../support/site.ts';

// One page of every kind on the fixture site (tests/fixtures/site), Kestrel Energy's post-mortems.
const TOP_UPS = '2025-04-15-prepayment-top-ups-failed-during-a-database-failover';
const IN_REVIEW = '2026-10-06-sign-in-failed-after-the-identity-provider-rotated-its-keys';
const PAGES = [
  '/',
  '/incidents/',
  `/incidents/${TOP_UPS}/`,
  `/incidents/${IN_REVIEW}/`,
  `/incidents/${TOP_UPS}/?list=first-month-on-billing`,
  '/search/?q=rollback',
  '/services/',
  '/services/payments-api/',
  '/teams/',
  '/teams/billing/',
  '/tags/',
  '/tags/payments/',
  '/reading-lists/',
  '/reading-lists/first-month-on-billing/',
  '/start-here/teams/billing/',
  '/start-here/services/payments-api/',
  '/trends/',
  '/trends/error-budgets/',
  '/trends/decision-guide/',
  '/trends/follow-through/',
  '/trends/action-items/',
  '/trends/recurrences/',
  '/trends/coordination/',
  '/trends/services/meter-ingest/',
  '/trends/teams/billing/',
  '/trends/years/2025/',
  '/guide/',
  '/404.html',
];

let site: FixtureSite | undefined;
let browser: Browser;
beforeAll(async () => {
  site = await openSite();
  browser = site.browser;
});
afterAll(() => closeSite(site));

const url = (path: string) => `${site!.server.url}${path}`;

describe('the design in Chromium', () => {
  for (const width of [390, 1440]) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`has no axe violations of any impact on any kind of page at ${width} pixels in ${scheme} mode`, async () => {
        // The audit script is injected inline, which the site's own policy rightly forbids.
        const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme, viewport: { width, height: 900 } });
        const page = await context.newPage();
        const found: Record<string, string[]> = {};
        for (const path of PAGES) {
          await page.goto(url(path));
          if (path.startsWith('/search/')) await page.locator('.search-result-title > a').first().waitFor({ timeout: 15_000 });
          const violations = await axeViolations(page);
          if (violations.length > 0) found[path] = violations;
        }
        expect(found).toEqual({});
        await context.close();
      });
    }
  }

  it('scrolls no page sideways at 360 pixels in either scheme, nor at 390, 768, 1024 or 1440', async () => {
    const wide: Record<string, number> = {};
    for (const [width, scheme] of [
      [360, 'light'],
      [360, 'dark'],
      [390, 'light'],
      [768, 'light'],
      [1024, 'light'],
      [1440, 'dark'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
      const page = await context.newPage();
      for (const path of PAGES) {
        await page.goto(url(path));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) wide[`${width} ${scheme} ${path}`] = overflow;
      }
      await context.close();
    }
    expect(wide).toEqual({});
  });

  it('keeps the answer of every incident row on screen on a phone: date, title, severity, time to mitigate, status', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(url('/incidents/'));
    const row = page.locator('table.incidents tbody tr').filter({ hasText: 'Prepayment top-ups failed' });
    for (const cell of ['td.date', 'td.lead', 'td.sev', 'td.when', 'td.status']) {
      const box = (await row.locator(cell).boundingBox())!;
      expect(box.x, cell).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, cell).toBeLessThanOrEqual(360);
    }
    // Each stacked cell is shown under its column's name.
    expect(await row.locator('td.when').getAttribute('data-label')).toBe('Time to mitigate');
    expect(await row.locator('td.when').innerText()).toBe('1 h 11 min');
    expect(await row.locator('td.when').evaluate((e) => getComputedStyle(e, '::before').display)).not.toBe('none');
    expect(await row.locator('td.status').innerText()).toBe('Published');
    await context.close();
  });

  it('draws no chart text under 11 pixels, at 360 and 1440 pixels', async () => {
    const small: Record<string, number> = {};
    for (const width of [360, 1440]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const path of [
        '/trends/',
        '/trends/error-budgets/',
        '/trends/decision-guide/',
        '/trends/follow-through/',
        '/trends/coordination/',
      ]) {
        await page.goto(url(path));
        // The size a reader sees: the text's font size times how much the SVG is scaled to fit.
        const smallest = await page.evaluate(() =>
          Math.min(
            ...[...document.querySelectorAll('figure.chart svg text')]
              .filter((t) => (t as SVGTextElement).getClientRects().length > 0 && t.textContent!.trim() !== '')
              .map((t) => {
                const svg = (t as SVGTextElement).ownerSVGElement!;
                return parseFloat(getComputedStyle(t).fontSize) * (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
              }),
          ),
        );
        if (smallest < 11) small[`${width} ${path}`] = Math.round(smallest * 10) / 10;
      }
      await context.close();
    }
    expect(small).toEqual({});
  });

  it('remembers the chosen theme across a reload, applied before the first paint, and goes back to the system’s', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(url(`/incidents/${TOP_UPS}/`));
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.getByRole('group', { name: 'Colour theme' }).getByRole('button', { name: 'Dark' }).click();
    expect(await background()).toBe('rgb(13, 14, 17)');
    await page.reload();
    // The attribute is set by the blocking script in <head>, before <body> exists.
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).toBe('rgb(13, 14, 17)');
    expect(await page.getByRole('button', { name: 'Dark' }).getAttribute('aria-pressed')).toBe('true');
    await page.goto(url('/trends/'));
    expect(await background()).toBe('rgb(13, 14, 17)');
    await page.getByRole('button', { name: 'Auto' }).click();
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    expect(await background()).toBe('rgb(255, 255, 255)');
    await context.close();
  });

  it('prints the document without its navigation, with its address and the print date, facts before the write-up', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(url(`/incidents/${TOP_UPS}/`));
    for (const chrome of ['header.site', 'nav.toc', '.theme-toggle']) expect(await page.locator(chrome).isVisible(), chrome).toBe(false);
    const stamp = page.locator('.print-stamp');
    expect(await stamp.isVisible()).toBe(true);
    const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
    expect(await stamp.innerText()).toBe(
      `${url(`/incidents/${TOP_UPS}/`)} · printed ${today}`.replace(site!.server.url, 'http://localhost:4321'),
    );
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    const top = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => e.getBoundingClientRect().top);
    expect(await top('.facts-panel')).toBeLessThan(await top('#impact'));
    // Paper is as wide as the page: every chart and table fits it.
    for (const path of ['/trends/', '/trends/error-budgets/', '/trends/decision-guide/']) {
      await page.goto(url(path));
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  it('tells the incident’s story once: one timeline and one list of factors, each factor’s narrative under it', async () => {
    const page = await browser.newPage();
    await page.goto(url(`/incidents/${TOP_UPS}/`));
    expect(await page.locator('main h2', { hasText: /^Timeline$/ }).count()).toBe(1);
    expect(await page.locator('main h2', { hasText: /^Contributing factors$/ }).count()).toBe(1);
    expect(await page.locator('ol.timeline > li').count()).toBe(9);
    expect(await page.locator('nav.toc a').allTextContents()).toEqual([
      'Impact',
      'Timeline',
      'Contributing factors',
      'Response',
      'What went well',
      'What went wrong',
      'Where we got lucky',
      'Lessons',
      'Action items',
      'Supporting information',
    ]);
    await page.close();
  });

  it('marks a post-mortem in review with a banner', async () => {
    const page = await browser.newPage();
    await page.goto(url(`/incidents/${IN_REVIEW}/`));
    expect(await page.locator('.callout.warn .callout-title').innerText()).toBe('In review');
    await page.goto(url(`/incidents/${TOP_UPS}/`));
    expect(await page.locator('.callout.warn').count()).toBe(0);
    await page.close();
  });
});
