import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { checkArchive } from '../../src/validation/archive.ts';
import { PROJECT } from '../support/build-site.ts';
import { DEMO_TODAY } from '../support/demo-site-setup.ts';
import { axeViolations, closeDemoSite, openDemoSite, type DemoSite } from '../support/demo-site.ts';

const TODAY = DEMO_TODAY;
const { catalog } = checkArchive(PROJECT);
const PAGES = ['/trends/', '/trends/error-budgets/', '/trends/decision-guide/', '/trends/follow-through/', '/trends/action-items/', '/trends/recurrences/'];
const SLICES = [
  ...catalog.services.map((s) => `/trends/services/${s.id}/`),
  ...catalog.teams.map((t) => `/trends/teams/${t.id}/`),
  '/trends/years/2025/', '/trends/years/2026/',
];
let dist: string;
let server: DemoSite['server'];
let browser: Browser;

function html(path: string): string {
  return readFileSync(join(dist, path, path.endsWith('/') ? 'index.html' : ''), 'utf8');
}

/** The text of a built page with tags removed and the entities the pages use decoded. */
function text(path: string): string {
  return html(path).replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

let site: DemoSite | undefined;
beforeAll(async () => {
  site = await openDemoSite();
  ({ dist, server, browser } = site);
});
afterAll(() => closeDemoSite(site));

describe('the trends pages', () => {
  it('exist for the overview, budgets, guide, follow-through, action items, recurrences and every slice', () => {
    for (const path of [...PAGES, ...SLICES]) expect(existsSync(join(dist, path, 'index.html')), path).toBe(true);
  });

  it('give every chart a title, a description and its numbers as a table, with the SVG labelled by the first two', () => {
    for (const path of [...PAGES, ...SLICES]) {
      const page = html(path);
      for (const [figure, id] of page.matchAll(/<figure class="chart" id="([^"]+)">[\s\S]*?<\/figure>/g)) {
        expect(figure, `${path} ${id}`).toMatch(new RegExp(`<h[234] id="${id}-title">[^<]+</h[234]>`));
        expect(figure, `${path} ${id}`).toMatch(new RegExp(`<p id="${id}-desc">[^<]+</p>`));
        if (figure.includes('<svg')) {
          expect(figure, `${path} ${id}`).toContain(`aria-labelledby="${id}-title ${id}-desc" role="img"`);
          expect(figure, `${path} ${id}`).toContain('<table>');
        }
      }
    }
    // The overview draws seven charts.
    expect(html('/trends/').match(/<figure class="chart"[^>]*>[\s\S]*?<svg/g)).toHaveLength(7);
  });

  it('ship no charting JavaScript: the only script is the action-item table’s sorter', () => {
    for (const path of [...PAGES, ...SLICES]) {
      const scripts = html(path).match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
      if (path === '/trends/action-items/') expect(scripts).toEqual(['<script defer src="/sortable-table.js"></script>']);
      else expect(scripts, path).toEqual([]);
    }
    const assets = existsSync(join(dist, '_astro')) ? readdirSync(join(dist, '_astro')).filter((f) => f.endsWith('.js')) : [];
    for (const asset of assets) expect(readFileSync(join(dist, '_astro', asset), 'utf8'), asset).not.toMatch(/observablehq|plot-d6a7b5/);
  });

  it('tell the demo archive’s story', () => {
    const overview = text('/trends/');
    expect(overview).toContain('Not seen in the last four quarters:');
    expect(overview).toMatch(/Release size \(last in Q1 2025\)/);
    expect(overview).toContain('Over 1,000 lines: 3 incidents (2 SEV1 or SEV2), median time to mitigate 49 min, the latest on 25 Feb 2025.');
    expect(text('/trends/error-budgets/')).toContain('in 4 SLO-months incidents alone consumed more than the month\'s budget. The worst was notification-delivery in Aug 2025 at 418%.');
    const recurrences = text('/trends/recurrences/');
    expect(recurrences).toContain('Inverted flag rule showed an unfinished basket page to every customer except staff');
    expect(recurrences).toMatch(/10 Feb 2026 ?: Feature Flags, configuration again\./);
    expect(text('/trends/services/feature-flags/')).toContain('repeats configuration after A two-month flag bundle pushed to every region at once saturated checkout');
  });

  it('offer the open action items as CSV and JSON with the same rows, soonest due first', () => {
    const csv = readFileSync(join(dist, 'trends/action-items.csv'), 'utf8');
    const json = JSON.parse(readFileSync(join(dist, 'trends/action-items.json'), 'utf8'));
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('due,overdue,priority,status,title,kind,owner,team,ticket,incident,incident_title,incident_url');
    expect(json.today).toBe(TODAY);
    expect(lines.length - 1).toBe(json.count);
    expect(json.items.length).toBe(json.count);
    const dues = json.items.map((i: { due: string }) => i.due);
    expect(dues).toEqual([...dues].sort());
    expect(json.items.every((i: { status: string }) => i.status === 'open' || i.status === 'in-progress')).toBe(true);
    expect(lines[1]!.startsWith(`${json.items[0].due},${json.items[0].overdue},${json.items[0].priority},`)).toBe(true);
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
      page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
      await page.goto(`${server.url}/trends/`);
      fills[scheme] = await page.locator('#categories svg [style*="--chart-1"]').first().evaluate((e) => getComputedStyle(e).fill);
      const textFill = await page.locator('#categories svg text').first().evaluate((e) => getComputedStyle(e).fill);
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
      for (const path of [...PAGES, '/trends/services/feature-flags/', '/trends/teams/payments/', '/trends/years/2025/']) {
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
