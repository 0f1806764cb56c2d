import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkLinks, formatBrokenLink } from '../../src/tooling/link-check.ts';
import { serveStatic } from '../../src/tooling/static-server.ts';
import { launchTestChromium } from '../support/browser.ts';
import { buildSite } from '../support/build-site.ts';
import { SITE_ARCHIVE, SITE_TODAY } from '../support/site-archive.ts';

const BASE = '/hindsight/';
const builds: Record<string, { dist: string; base: string }> = {};
let browser: Browser;

beforeAll(() => {
  builds['internal site'] = { dist: inject('siteDist'), base: '/' };
  builds['public site'] = { dist: buildSite({ archive: SITE_ARCHIVE, today: SITE_TODAY, audience: 'public' }), base: '/' };
  builds['internal site under /hindsight/'] = { dist: buildSite({ archive: SITE_ARCHIVE, today: SITE_TODAY, base: BASE }), base: BASE };
  builds['public site under /hindsight/'] = {
    dist: buildSite({ archive: SITE_ARCHIVE, today: SITE_TODAY, audience: 'public', base: BASE }),
    base: BASE,
  };
});

afterAll(async () => {
  await browser?.close();
});

describe('every link resolves', () => {
  it.each(['internal site', 'public site', 'internal site under /hindsight/', 'public site under /hindsight/'])('in the %s', (name) => {
    const { dist, base } = builds[name]!;
    expect(checkLinks(dist, base).map(formatBrokenLink)).toEqual([]);
  });
});

describe('a site served under a base path', () => {
  it('keeps its headers, feed, sitemap and downloads under the base', () => {
    const { dist } = builds['public site under /hindsight/']!;
    expect(readFileSync(join(dist, '_headers'), 'utf8').split('\n')[0]).toBe('/hindsight/*');
    const rss = readFileSync(join(dist, 'rss.xml'), 'utf8');
    expect(
      [...rss.matchAll(/<link>([^<]*)<\/link>/g)].map((m) => m[1]!).filter((link) => !link.startsWith('http://localhost:4321/hindsight/')),
    ).toEqual([]);
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(
      [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!).filter((loc) => !loc.startsWith('http://localhost:4321/hindsight/')),
    ).toEqual([]);
    const csv = readFileSync(join(builds['internal site under /hindsight/']!.dist, 'trends/action-items.csv'), 'utf8');
    expect(
      csv
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .filter((row) => !row.includes('http://localhost:4321/hindsight/incidents/')),
    ).toEqual([]);
  });

  it('finds a post-mortem from the search page and opens it under the base', async () => {
    const server = await serveStatic(builds['internal site under /hindsight/']!.dist, { base: BASE });
    browser = await launchTestChromium();
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}${BASE}search/?q=top-up`);
      const first = page.locator('#search a[href*="/incidents/"]').first();
      await first.waitFor({ timeout: 15_000 });
      expect(await first.getAttribute('href')).toMatch(/^\/hindsight\/incidents\/[a-z0-9-]+\/$/);
      await first.click();
      await page.waitForURL(/\/hindsight\/incidents\//);
      expect(await page.locator('h1').first().isVisible()).toBe(true);
    } finally {
      await page.close();
      await server.close();
    }
  });
});
