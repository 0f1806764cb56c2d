import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumExecutable } from './browser.ts';
import { serveStatic } from './static-server.ts';

/** The four Lighthouse categories the report gives, in its column order. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** How a page is audited: Lighthouse's mobile defaults (a mid-range phone on a slow network) or its desktop preset. */
export type FormFactor = 'mobile' | 'desktop';

/** One page of the report. */
export interface AuditedPage {
  name: string;
  path: string;
}

/** One page's scores in one form factor, 0 to 100, and the audits that cost it points. */
export interface PageScores {
  page: AuditedPage;
  formFactor: FormFactor;
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Failed audits that count towards a category below 100, as `category: audit title`. */
  findings: string[];
}

/**
 * The pages of a built site the report covers, taken from the build itself so any archive works: home,
 * the incident list, the newest incident, the trends, the first service and its on-call view, and a
 * search for the longest word of that incident's title.
 */
export function pagesOf(dir: string): AuditedPage[] {
  const api = join(dir, 'api/incidents.json');
  const incidents = existsSync(api)
    ? (JSON.parse(readFileSync(api, 'utf8')) as { incidents: { id: string; title: string; started: string }[] }).incidents
    : [];
  const incident = [...incidents].sort((a, b) => Date.parse(b.started) - Date.parse(a.started))[0];
  const service = existsSync(join(dir, 'services'))
    ? readdirSync(join(dir, 'services'), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()[0]
    : undefined;
  const word = incident?.title.split(/[^\p{L}\p{N}-]+/u).sort((a, b) => b.length - a.length)[0];
  return [
    { name: 'Home', path: '/' },
    { name: 'Incidents', path: '/incidents/' },
    ...(incident ? [{ name: 'An incident', path: `/incidents/${incident.id}/` }] : []),
    { name: 'Trends', path: '/trends/' },
    ...(service
      ? [
          { name: 'A service', path: `/services/${service}/` },
          { name: 'Its on-call view', path: `/services/${service}/on-call/` },
        ]
      : []),
    { name: 'Search', path: word ? `/search/?q=${encodeURIComponent(word)}` : '/search/' },
  ];
}

/** Lighthouse's flags for the project's Chromium: the bundled one unless HINDSIGHT_CHROMIUM_PATH names another. */
async function startChrome(chromiumPath: string | undefined) {
  const { executablePath, args } = await chromiumExecutable(chromiumPath);
  return launch({ chromePath: executablePath, chromeFlags: args, logLevel: 'silent' });
}

/**
 * Audits every page of the built site in `dir`, served on loopback with its `_headers`, in each form
 * factor, one run at a time (scores move when runs compete for the processor).
 */
export async function auditSite(
  dir: string,
  options: {
    chromiumPath?: string;
    pages?: AuditedPage[];
    formFactors?: readonly FormFactor[];
    onResult?: (result: PageScores) => void;
  } = {},
): Promise<PageScores[]> {
  const pages = options.pages ?? pagesOf(dir);
  const server = await serveStatic(dir);
  const chrome = await startChrome(options.chromiumPath);
  const results: PageScores[] = [];
  try {
    for (const formFactor of options.formFactors ?? ['mobile', 'desktop']) {
      for (const page of pages) {
        const runner = await lighthouse(
          `${server.url}${page.path}`,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
          formFactor === 'desktop' ? desktopConfig : undefined,
        );
        if (!runner) throw new Error(`Lighthouse returned nothing for ${page.path}`);
        const { lhr } = runner;
        if (lhr.runtimeError)
          throw new Error(`Lighthouse could not audit ${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        const scores = Object.fromEntries(
          CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
        ) as PageScores['scores'];
        const findings = CATEGORIES.flatMap((c) =>
          (lhr.categories[c]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
            .map(
              (ref) =>
                `${c}: ${lhr.audits[ref.id]!.title}${lhr.audits[ref.id]!.displayValue ? ` (${lhr.audits[ref.id]!.displayValue})` : ''}`,
            ),
        );
        const result = { page, formFactor, scores, findings };
        results.push(result);
        options.onResult?.(result);
      }
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return results;
}

/** The scores as a Markdown table: one row per page and form factor, a column per category. */
export function formatTable(results: readonly PageScores[]): string {
  const header = ['page', 'address', 'form factor', 'performance', 'accessibility', 'best practices', 'SEO'];
  const rows = results.map((r) => [r.page.name, `\`${r.page.path}\``, r.formFactor, ...CATEGORIES.map((c) => String(r.scores[c]))]);
  return [header, header.map((h, i) => (i >= 3 ? '---:' : '---')), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Every score under `threshold`, with the audits that cost the points. */
export function formatBelow(results: readonly PageScores[], threshold = 95): string[] {
  return results.flatMap((r) =>
    CATEGORIES.filter((c) => r.scores[c] < threshold).map((c) => {
      const why = r.findings.filter((f) => f.startsWith(`${c}: `)).map((f) => f.slice(c.length + 2));
      return `${r.page.name} (${r.formFactor}) ${c} ${r.scores[c]}: ${why.length > 0 ? why.join('; ') : 'no single audit below 0.9'}`;
    }),
  );
}
