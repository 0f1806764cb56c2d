/**
 * `npm run screenshots`: photographs the built site (dist/, or --dir) in headless Chromium, on a desktop
 * and a phone, in light and dark mode, and printed, for visual review. PNGs go to screenshots/ (or --out).
 * `--readme` instead writes the few small views the README shows into docs/screenshots/.
 *   npm run build && npm run screenshots
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, resolveEnvConfig } from '../src/config/config.ts';
import { launchChromium } from '../src/tooling/browser.ts';
import { serveStatic } from '../src/tooling/static-server.ts';

/**
 * One page of each kind, taken from the build itself so that any archive can be photographed: the
 * incident that hit the most SLOs, a search for the longest word of its title, the first reading list
 * and the first service.
 */
function pagesOf(dir: string): string[] {
  const firstFolder = (folder: string) =>
    existsSync(join(dir, folder))
      ? readdirSync(join(dir, folder), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name)
          .sort()[0]
      : undefined;
  const api = join(dir, 'api/incidents.json');
  const incidents = existsSync(api)
    ? (JSON.parse(readFileSync(api, 'utf8')) as { incidents: { id: string; title: string; sloImpacts: unknown[] }[] }).incidents
    : [];
  const incident = [...incidents].sort((a, b) => b.sloImpacts.length - a.sloImpacts.length)[0];
  const word = incident?.title.split(/[^\p{L}\p{N}-]+/u).sort((a, b) => b.length - a.length)[0];
  const list = firstFolder('reading-lists');
  const service = firstFolder('services');
  return [
    '/',
    '/incidents/',
    ...(incident ? [`/incidents/${incident.id}/`] : []),
    ...(word ? [`/search/?q=${encodeURIComponent(word)}`] : []),
    ...(list ? [`/reading-lists/${list}/`] : []),
    '/trends/',
    '/trends/error-budgets/',
    ...(service ? [`/services/${service}/`] : []),
  ];
}

const VIEWS = [
  { name: 'light', viewport: { width: 1280, height: 900 }, colorScheme: 'light', media: 'screen' },
  { name: 'dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark', media: 'screen' },
  { name: 'print', viewport: { width: 900, height: 1200 }, colorScheme: 'dark', media: 'print' },
  { name: 'phone', viewport: { width: 390, height: 844 }, colorScheme: 'light', media: 'screen' },
  { name: 'phone-dark', viewport: { width: 390, height: 844 }, colorScheme: 'dark', media: 'screen' },
] as const;

/** The README's views: the first screen of a page, small enough to commit. */
function readmeShots(pages: string[]): { path: string; view: (typeof VIEWS)[number]; file: string }[] {
  const view = (name: string) => VIEWS.find((v) => v.name === name)!;
  const incident = pages.find((p) => p.startsWith('/incidents/') && p !== '/incidents/');
  return [
    ...(incident
      ? [
          { path: incident, view: view('light'), file: 'incident-desktop-light.png' },
          { path: incident, view: view('phone-dark'), file: 'incident-phone-dark.png' },
        ]
      : []),
    { path: '/incidents/', view: view('phone'), file: 'incidents-phone-light.png' },
    { path: '/trends/', view: view('dark'), file: 'trends-desktop-dark.png' },
  ];
}

const { values } = parseArgs({
  options: { dir: { type: 'string', default: 'dist' }, out: { type: 'string' }, readme: { type: 'boolean', default: false } },
});
const out = values.out ?? (values.readme ? 'docs/screenshots' : 'screenshots');
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
  const PAGES = pagesOf(values.dir);
  mkdirSync(out, { recursive: true });
  const server = await serveStatic(values.dir);
  const browser = await launchChromium(chromiumPath);
  try {
    if (values.readme) {
      for (const shot of readmeShots(PAGES)) {
        const page = await browser.newPage({ viewport: shot.view.viewport, colorScheme: shot.view.colorScheme });
        await page.goto(`${server.url}${shot.path}`);
        await page.screenshot({ path: join(out, shot.file) });
        await page.close();
      }
      console.log(`Wrote the README's screenshots to ${out}/.`);
    }
    for (const view of values.readme ? [] : VIEWS) {
      const page = await browser.newPage({ viewport: view.viewport, colorScheme: view.colorScheme });
      await page.emulateMedia({ media: view.media });
      for (const path of PAGES) {
        await page.goto(`${server.url}${path}`);
        if (path.startsWith('/search/'))
          await page
            .locator('.search-result-title > a')
            .first()
            .waitFor({ timeout: 15_000 })
            .catch(() => undefined);
        const file = join(out, `${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}.${view.name}.png`);
        await page.screenshot({ path: file, fullPage: true });
      }
      await page.close();
    }
    if (!values.readme) console.log(`Wrote ${PAGES.length * VIEWS.length} screenshots to ${out}/.`);
  } finally {
    await browser.close();
    await server.close();
  }
}
