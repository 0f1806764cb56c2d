import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { normaliseBase } from '../lib/base-path.ts';

/** One address in a built page that does not resolve to a file of the site. */
export interface BrokenLink {
  /** The page, relative to the site folder, e.g. `incidents/x/index.html`. */
  page: string;
  attribute: string;
  address: string;
  reason: string;
}

const ADDRESS = /\s(href|src|action|data-bundle)=(["'])([^"']*)\2/g;
const ID = /\sid=(["'])([^"']+)\1/g;

function decode(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** The file a site path is served from, or undefined when there is none. */
function fileFor(site: string, path: string): string | undefined {
  const candidates = path.endsWith('/') ? [join(path, 'index.html')] : [path, join(path, 'index.html'), `${path}.html`];
  for (const candidate of candidates) {
    const file = join(site, ...candidate.split('/'));
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

/**
 * Checks every address in every page of a built site served under `base`: each one on this site must
 * resolve to a file of the site (pages, assets, feeds, the search bundle), and a `#fragment` to an id
 * on the page it points to. Other sites' addresses, `mailto:` and `tel:` are not followed.
 */
export function checkLinks(site: string, base = '/'): BrokenLink[] {
  const root = normaliseBase(base);
  const pages = (readdirSync(site, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(sep).join('/'))
    .sort();
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file)) ids.set(file, new Set([...readFileSync(file, 'utf8').matchAll(ID)].map((m) => decode(m[2]!))));
    return ids.get(file)!;
  };
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const html = readFileSync(join(site, page), 'utf8');
    const pagePath = `${root}${page.replace(/(^|\/)index\.html$/, '$1')}`;
    for (const match of html.matchAll(ADDRESS)) {
      const attribute = match[1]!;
      // The search page names the folder of Pagefind's bundle; its entry point must be there.
      const address = decode(match[3]!) + (attribute === 'data-bundle' ? 'pagefind.js' : '');
      if (address === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(address)) continue;
      const url = new URL(address, `https://site.invalid${pagePath}`);
      const report = (reason: string) => broken.push({ page, attribute, address, reason });
      if (!url.pathname.startsWith(root)) {
        report(`outside the site's base path ${root}`);
        continue;
      }
      const target = fileFor(site, decodeURIComponent(url.pathname.slice(root.length - 1)));
      if (!target) {
        report('no such file in the site');
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) report(`no element with id "${fragment}" on that page`);
    }
  }
  return broken;
}

/** A report line: `incidents/x/index.html: href "/guide/" — no such file in the site`. */
export function formatBrokenLink(link: BrokenLink): string {
  return `${link.page}: ${link.attribute} "${link.address}": ${link.reason}`;
}
