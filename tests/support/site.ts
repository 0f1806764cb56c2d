import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PROJECT } from './build-site.ts';
import { launchTestChromium } from './browser.ts';
import { serveStatic } from '../../src/tooling/static-server.ts';

/** The fixture site built once by the global setup, served on loopback, and a Chromium to visit it. */
export interface FixtureSite {
  dist: string;
  server: Awaited<ReturnType<typeof serveStatic>>;
  browser: Browser;
}

/** Serves the shared fixture build and starts Chromium; call from beforeAll. */
export async function openSite(): Promise<FixtureSite> {
  const dist = inject('siteDist');
  return { dist, server: await serveStatic(dist), browser: await launchTestChromium() };
}

/** Stops what openSite started; call from afterAll. */
export async function closeSite(site: FixtureSite | undefined): Promise<void> {
  await site?.browser.close();
  await site?.server.close();
}

const AXE = readFileSync(join(PROJECT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe on the page as it is and returns its violations as `rule: selectors` lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
