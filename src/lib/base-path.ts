/** Attributes whose root-relative value is an address on this site. */
const ADDRESS_ATTRIBUTES = ['href', 'src', 'action', 'data-bundle', 'data-base', 'poster'];

const ATTRIBUTE = new RegExp(`(\\s(?:${ADDRESS_ATTRIBUTES.join('|')})=)(["'])(/(?!/)[^"']*)\\2`, 'g');

/** A base path in the form Astro uses, with one leading and one trailing slash: `/`, `/hindsight/`. */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** One root-relative address under the base: `/incidents/x/` becomes `/hindsight/incidents/x/`. */
export function withBase(address: string, base: string): string {
  if (base === '/' || !address.startsWith('/') || address.startsWith('//')) return address;
  if (address === base.slice(0, -1) || address.startsWith(base)) return address;
  return `${base}${address.slice(1)}`;
}

/**
 * A built page with every root-relative address in its attributes moved under the base path, so a
 * site served from `/<repository>/` (a GitHub Pages project site) links to itself. Addresses already
 * under the base (Astro's own assets) and other sites' addresses are left alone.
 */
export function rebaseHtml(html: string, base: string): string {
  if (base === '/') return html;
  return html.replace(ATTRIBUTE, (_, name: string, quote: string, address: string) => `${name}${quote}${withBase(address, base)}${quote}`);
}

/** The `_headers` file with its path patterns under the base. */
export function rebaseHeaders(text: string, base: string): string {
  if (base === '/') return text;
  return text
    .split('\n')
    .map((line) => (/^\//.test(line) ? withBase(line, base) : line))
    .join('\n');
}
