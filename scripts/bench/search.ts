/**
 * The first search on a built site, in headless Chromium with an empty cache, over loopback: how long
 * until the first results show and how many bytes went over the wire, Pagefind's files counted apart.
 */
import { launchChromium } from '../../src/tooling/browser.ts';
import { serveStatic } from '../../src/tooling/static-server.ts';

export interface SearchResult {
  term: string;
  /** Milliseconds from navigation start to the first result on the page. */
  pageToResultsMs: number;
  /** Milliseconds from the request for pagefind.js to the first result: Pagefind's start-up (WASM, filters) and the search. */
  pagefindToResultsMs: number;
  /** Bytes transferred for Pagefind's files (bundle, WASM, index chunks, filters, fragments). */
  pagefindBytes: number;
  /** Bytes transferred for the whole page, Pagefind included. */
  totalBytes: number;
  requests: number;
  results: number;
}

interface Timing {
  name: string;
  startTime: number;
}

/**
 * `how`: `page` opens the site's own search page at /search/?q=<term> (filters loaded, as a reader
 * sees it); `api` loads Pagefind on a plain page of the site and asks for the first ten results' data,
 * which any site with Pagefind does, so two sites compare like for like.
 */
export async function measureSearch(
  dir: string,
  terms: readonly string[],
  how: 'page' | 'api',
  chromiumPath: string | undefined,
  plainPage = '/',
): Promise<SearchResult[]> {
  const server = await serveStatic(dir);
  const browser = await launchChromium(chromiumPath);
  const out: SearchResult[] = [];
  try {
    for (const term of terms) {
      const context = await browser.newContext();
      // Bytes from the network layer: Pagefind fetches its WASM and index from a worker, whose
      // requests the page's Resource Timing entries do not list.
      const sizes: Promise<{ path: string; bytes: number }>[] = [];
      context.on('requestfinished', (request) =>
        sizes.push(
          request
            .sizes()
            .then((size) => ({ path: new URL(request.url()).pathname, bytes: size.responseBodySize + size.responseHeadersSize })),
        ),
      );
      const page = await context.newPage();
      let firstResult: number;
      let count: number;
      if (how === 'page') {
        // Clock times from inside the page: when the status line and the first result appear.
        await page.addInitScript(() => {
          const marks: Record<string, number> = {};
          (window as unknown as { benchMarks: Record<string, number> }).benchMarks = marks;
          const observer = new MutationObserver(() => {
            if (marks.message === undefined && document.querySelector('.search-message')?.textContent) marks.message = performance.now();
            if (marks.result === undefined && document.querySelector('.search-result-title')) marks.result = performance.now();
          });
          observer.observe(document, { childList: true, subtree: true, characterData: true });
        });
        await page.goto(`${server.url}/search/?q=${encodeURIComponent(term)}`);
        await page.waitForFunction(
          () =>
            document.querySelector('.search-result-title') !== null ||
            /^No results/.test(document.querySelector('.search-message')?.textContent ?? ''),
          undefined,
          { timeout: 60_000 },
        );
        count = Number(/^(\d+) result/.exec((await page.locator('.search-message').textContent()) ?? '')?.[1] ?? 0);
        const marks = await page.evaluate(() => (window as unknown as { benchMarks: Record<string, number> }).benchMarks);
        firstResult = marks.result ?? marks.message!;
      } else {
        await page.goto(`${server.url}${plainPage}`);
        const found = await page.evaluate(async (query) => {
          const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
          const search = await pagefind.search(query);
          await Promise.all(search.results.slice(0, 10).map((r: { data: () => Promise<unknown> }) => r.data()));
          return { at: performance.now(), count: search.results.length as number };
        }, term);
        firstResult = found.at;
        count = found.count;
      }
      const timings = await page.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((t) => ({ name: t.name, startTime: t.startTime })),
      );
      const bundleStart = timings.find((t: Timing) => new URL(t.name).pathname === '/pagefind/pagefind.js')?.startTime ?? 0;
      const transferred = await Promise.all(sizes);
      out.push({
        term,
        pageToResultsMs: Math.round(firstResult),
        pagefindToResultsMs: Math.round(firstResult - bundleStart),
        pagefindBytes: transferred.filter((t) => t.path.startsWith('/pagefind/')).reduce((sum, t) => sum + t.bytes, 0),
        totalBytes: transferred.reduce((sum, t) => sum + t.bytes, 0),
        requests: transferred.length,
        results: count,
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}
