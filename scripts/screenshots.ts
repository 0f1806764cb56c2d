/**
 * `npm run screenshots`: photographs the built site (dist/, or --dir) in headless Chromium, in light and
 * dark mode, printed, and on a phone, for visual review. PNGs go to screenshots/ (or --out).
 *   npm run build && npm run screenshots
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, resolveEnvConfig } from '../src/config/config.ts';
import { launchChromium } from '../src/tooling/browser.ts';
import { serveStatic } from '../src/tooling/static-server.ts';

const PAGES = ['/', '/incidents/', '/incidents/2025-05-22-card-acquirer-outage/', '/search/?q=rollback', '/reading-lists/first-week-on-payments/', '/trends/', '/trends/error-budgets/', '/services/checkout-api/'];
const VIEWS = [
  { name: 'light', viewport: { width: 1280, height: 900 }, colorScheme: 'light', media: 'screen' },
  { name: 'dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark', media: 'screen' },
  { name: 'print', viewport: { width: 900, height: 1200 }, colorScheme: 'dark', media: 'print' },
  { name: 'phone', viewport: { width: 390, height: 844 }, colorScheme: 'light', media: 'screen' },
] as const;

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, out: { type: 'string', default: 'screenshots' } } });
let chromiumPath: string | undefined;
try {
  chromiumPath = resolveEnvConfig({ env: process.env, projectRoot: process.cwd() }).chromiumPath;
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
if (!existsSync(join(values.dir, 'index.html'))) {
  console.error(`${values.dir}/index.html not found: run npm run build first (or pass --dir).`);
  process.exitCode = 1;
} else {
  mkdirSync(values.out, { recursive: true });
  const server = await serveStatic(values.dir);
  const browser = await launchChromium(chromiumPath);
  try {
    for (const view of VIEWS) {
      const page = await browser.newPage({ viewport: view.viewport, colorScheme: view.colorScheme });
      await page.emulateMedia({ media: view.media });
      for (const path of PAGES) {
        await page.goto(`${server.url}${path}`);
        if (path.startsWith('/search/')) await page.locator('.search-result-title > a').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
        const file = join(values.out, `${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}.${view.name}.png`);
        await page.screenshot({ path: file, fullPage: true });
      }
      await page.close();
    }
    console.log(`Wrote ${PAGES.length * VIEWS.length} screenshots to ${values.out}/.`);
  } finally {
    await browser.close();
    await server.close();
  }
}
