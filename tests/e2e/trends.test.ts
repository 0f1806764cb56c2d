import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SITE_TODAY } from '../support/site-archive.ts';
import { axeViolations, closeSite, openSite, type FixtureSite } from '../support/site.ts';

const TODAY = SITE_TODAY;
const PAGES = [
  '/trends/',
  '/trends/error-budgets/',
  '/trends/decision-guide/',
  '/trends/follow-through/',
  '/trends/action-items/',
  '/trends/recurrences/',
  '/trends/coordination/',
];
// Every service and team of tests/fixtures/site/catalog, and the two years its incidents span.
const SLICES = [
  ...['meter-ingest', 'billing-engine', 'payments-api', 'customer-portal', 'notifications', 'account-login', 'tariff-catalogue'].map(
    (s) => `/trends/services/${s}/`,
  ),
  ...['metering', 'billing', 'customer-apps', 'platform'].map((t) => `/trends/teams/${t}/`),
  '/trends/years/2025/',
  '/trends/years/2026/',
];
let dist: string;
let server: FixtureSite['server'];
let browser: Browser;

function html(path: string): string {
  return readFileSync(join(dist, path, path.endsWith('/') ? 'index.html' : ''), 'utf8');
}

/** The text of a built page with tags removed and the entities the pages use decoded. */
function text(path: string): string {
  return html(path)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

let site: FixtureSite | undefined;
beforeAll(async () => {
  site = await openSite();
  ({ dist, server, browser } = site);
});
afterAll(() => closeSite(site));

describe('the trends pages', () => {
  it('exist for the overview, budgets, guide, follow-through, action items, recurrences, coordination and every slice', () => {
    for (const path of [...PAGES, ...SLICES]) expect(existsSync(join(dist, path, 'index.html')), path).toBe(true);
  });

  it('give every chart a title, a description and its numbers as a table, with the SVG labelled by the first two', () => {
    for (const path of [...PAGES, ...SLICES]) {
      const page = html(path);
      for (const [figure, id] of page.matchAll(/<figure class="chart" id="([^"]+)">[\s\S]*?<\/figure>/g)) {
        expect(figure, `${path} ${id}`).toMatch(new RegExp(`<h[234] id="${id}-title">[^<]+</h[234]>`));
        expect(figure, `${path} ${id}`).toMatch(new RegExp(`<p id="${id}-desc">[^<]+</p>`));
        if (figure.includes('<svg')) {
          // An image, or a labelled group when its points link to their incidents.
          expect(figure, `${path} ${id}`).toMatch(new RegExp(`aria-labelledby="${id}-title ${id}-desc" role="(img|group)"`));
          expect(figure, `${path} ${id}`).toContain('<table class="stack">');
        }
      }
    }
    // The overview draws seven charts.
    expect(html('/trends/').match(/<figure class="chart"[^>]*>[\s\S]*?<svg/g)).toHaveLength(7);
  });

  it('ship no charting JavaScript: only the layout’s scripts from public/, and the action-item table’s sorter', () => {
    const scriptsOf = (text: string) => text.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
    const parts = (path: string) => /^([\s\S]*?<\/head>)([\s\S]*)$/.exec(html(path))!.slice(1) as [string, string];
    // Every page has the layout's scripts in its head (the theme's first), each a small file of the site's own.
    const layout = scriptsOf(parts('/trends/')[0]);
    expect(layout[0]).toBe('<script src="/theme.js"></script>');
    for (const script of layout) expect(script).toMatch(/^<script (?:defer )?src="\/[a-z-]+\.js"><\/script>$/);
    for (const path of [...PAGES, ...SLICES]) {
      const [head, body] = parts(path);
      expect(scriptsOf(head), path).toEqual(layout);
      expect(scriptsOf(body), path).toEqual(path === '/trends/action-items/' ? ['<script defer src="/sortable-table.js"></script>'] : []);
    }
    const assets = existsSync(join(dist, '_astro')) ? readdirSync(join(dist, '_astro')).filter((f) => f.endsWith('.js')) : [];
    for (const asset of assets) expect(readFileSync(join(dist, '_astro', asset), 'utf8'), asset).not.toMatch(/observablehq|plot-d6a7b5/);
  });

  it('tell the fixture archive’s story, in hand-checked figures', () => {
    const overview = text('/trends/');
    // 16 Oct 2025 to 15 Oct 2026 against the 12 months before, near-misses left out: mitigated in 680, 275, 95,
    // 545 and 34 minutes (median 275) against 250, 42, 71, 35 and 620 (median 71).
    expect(overview).toContain('5 incidents in the last 12 months, against 5 in the 12 before');
    expect(overview).toContain('4 h 35 min (n = 5) median time to mitigate in the last 12 months, against 1 h 11 min (n = 5) before');
    expect(overview).toContain('9 open action items , 6 overdue');
    // Release size was last a factor in May 2025 (Q2), and runbook gap in April; the last four quarters are 2026's.
    expect(overview).toContain('Not seen in the last four quarters: Release size (last in Q2 2025) and Runbook gap (last in Q2 2025).');
    // 4,300, 2,150 and 1,640 lines, mitigated in 250, 42 and 35 minutes; 86 and 12 lines in 275 and 545 minutes.
    expect(overview).toContain(
      'Up to 100 lines: 2 incidents (1 SEV1 or SEV2), median time to mitigate 6 h 50 min (n = 2), the latest on 9 Jun 2026. Over 1,000 lines: 3 incidents (2 SEV1 or SEV2), median time to mitigate 42 min (n = 3), the latest on 20 May 2025.',
    );
    // 47 / (0.05% × 43,200) = 218%; 610 / (1% × 44,640) = 137%; 520 / (1% × 43,200) = 120%.
    expect(text('/trends/error-budgets/')).toContain(
      "8 SLOs lost budget to incidents; in 3 SLO-months incidents alone consumed more than the month's budget. The worst was payment-success in Apr 2025 at 218%.",
    );
    const recurrences = text('/trends/recurrences/');
    expect(recurrences).toContain(
      "The day's last readings were rejected on the day the clocks went forward 29 Mar 2026 : Meter Ingest, configuration again.",
    );
    expect(recurrences).toContain('Repeats An hour of meter readings was overwritten when the clocks went back (26 Oct 2025)');
    expect(text('/trends/services/meter-ingest/')).toContain(
      "The day's last readings were rejected on the day the clocks went forward (29 Mar 2026) repeats configuration after An hour of meter readings was overwritten when the clocks went back , whose prevention was done.",
    );
    // On 15 October 2026 the sign-in incident of 6 October is inside every 30-day window: 33 of 43.2 minutes
    // leaves 24% of portal-availability, 30 of 43.2 leaves 31% of login-success.
    const guide = text('/trends/decision-guide/');
    expect(guide).toContain(
      'Customer Portal Roll back first Account pages served without error portal-availability of 2 SLOs 43.2 min 99.9% over 30 d 24% 10.2 min left, 33 min bad now now',
    );
    expect(guide).toContain(
      'Account Login Prefer a roll-back Sign-ins completed without error login-success 43.2 min 99.9% over 30 d 31% 13.2 min left, 30 min bad now 2.4 min',
    );
    expect(guide).toContain(
      'On 15 Oct 2026: 1 service “Roll back first”, 1 service “Prefer a roll-back” and 4 services “Hot-fix or investigate”.',
    );
    expect(guide).toContain('Tariff Catalogue No SLO to weigh');
    // Responders per severity: SEV1 5 and 7; SEV2 4, 5 and 3; SEV3 2, 3, 4, 2 and 4. The near-miss is left out.
    expect(text('/trends/coordination/')).toContain(
      'the median was 6 people (n = 2) in SEV1, 4 people (n = 3) in SEV2 and 3 people (n = 5) in SEV3. The most on one incident was 7 people.',
    );
  });

  it('offer the open action items as CSV and JSON with the same rows, soonest due first', () => {
    const csv = readFileSync(join(dist, 'trends/action-items.csv'), 'utf8');
    const json = JSON.parse(readFileSync(join(dist, 'trends/action-items.json'), 'utf8'));
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('due,overdue,priority,status,title,kind,owner,team,ticket,incident,incident_title,incident_url');
    expect(json.today).toBe(TODAY);
    // Nine items are open or in progress, six of them due before 15 October 2026; the draft's item is left out.
    expect(json.count).toBe(9);
    expect(lines.length - 1).toBe(json.count);
    expect(json.items.length).toBe(json.count);
    expect(json.items.map((i: { due: string; overdue: boolean }) => `${i.due} ${i.overdue}`)).toEqual([
      '2025-07-31 true',
      '2026-01-31 true',
      '2026-03-31 true',
      '2026-06-30 true',
      '2026-08-31 true',
      '2026-09-30 true',
      '2026-10-30 false',
      '2026-11-13 false',
      '2026-11-30 false',
    ]);
    expect(lines[1]).toBe(
      '2025-07-31,true,P2,in-progress,Text customers on emergency credit when top-ups have failed for 15 minutes,mitigate,customer-apps,customer-apps,https://tracker.kestrel.example/APP-412,2025-04-15-prepayment-top-ups-failed-during-a-database-failover,Prepayment top-ups failed for 71 minutes during a database failover,http://localhost:4321/incidents/2025-04-15-prepayment-top-ups-failed-during-a-database-failover/',
    );
    expect(json.items.every((i: { status: string }) => i.status === 'open' || i.status === 'in-progress')).toBe(true);
    // The list page shows the same number of rows.
    expect(html('/trends/action-items/').match(/<tr data-due=/g)).toHaveLength(json.count);
  });
});

describe('the trends pages in a browser', () => {
  it('draw charts in the page’s colours in light and dark mode, with no policy violations', async () => {
    const fills: Record<string, string> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      await page.goto(`${server.url}/trends/`);
      fills[scheme] = await page
        .locator('#categories svg .fill-chart-1')
        .first()
        .evaluate((e) => getComputedStyle(e).fill);
      const textFill = await page
        .locator('#categories svg text')
        .first()
        .evaluate((e) => getComputedStyle(e).fill);
      const body = await page.evaluate(() => getComputedStyle(document.body).color);
      expect(textFill, scheme).toBe(body);
      expect(problems, scheme).toEqual([]);
      await context.close();
    }
    expect(fills).toEqual({ light: 'rgb(11, 107, 203)', dark: 'rgb(88, 166, 255)' });
  });

  it('print on white with every chart’s table shown', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${server.url}/trends/error-budgets/`);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await page.locator('figure.chart table').first().isVisible()).toBe(true);
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`have no axe violations in ${scheme} mode`, async () => {
      // The audit script is injected inline, which the site's own policy rightly forbids.
      const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme });
      const page = await context.newPage();
      const found: Record<string, string[]> = {};
      for (const path of [...PAGES, '/trends/services/meter-ingest/', '/trends/teams/billing/', '/trends/years/2025/']) {
        await page.goto(`${server.url}${path}`);
        const violations = await axeViolations(page);
        if (violations.length > 0) found[path] = violations;
      }
      expect(found).toEqual({});
      await context.close();
    });
  }

  it('sort the open action items by due date, latest first, when asked', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/trends/action-items/`);
    const dues = () => page.locator('tr[data-due]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.due!));
    const ascending = await dues();
    expect(ascending).toEqual([...ascending].sort());
    await page.getByRole('button', { name: 'Due' }).click();
    expect(await dues()).toEqual([...ascending].reverse());
    expect(await page.locator('th[data-sort="due"]').getAttribute('aria-sort')).toBe('descending');
    await page.close();
  });
});
