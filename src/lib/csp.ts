/**
 * The site's Content-Security-Policy, directive by directive. It is the same for every page and every
 * build, because it follows from what the site ships (its scripts are files under public/ or bundled
 * by Astro, its styles are stylesheet files, Pagefind needs WebAssembly), never from what the built
 * pages happen to contain: nothing inline is allowed, by hash or otherwise. docs/security.md says
 * why each directive is there.
 */
export const CSP_DIRECTIVES: readonly (readonly [directive: string, ...sources: string[]])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'", "'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self'"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'none'"],
];

/** The policy as the `Content-Security-Policy` header value. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map((d) => d.join(' ')).join('; ');

/** The policy with `img-src` widened to the image hosts the organisation allows (`image_hosts`). */
export function contentSecurityPolicy(imageHosts: readonly string[] = []): string {
  return CSP_DIRECTIVES.map(([directive, ...sources]) =>
    [directive, ...sources, ...(directive === 'img-src' ? imageHosts : [])].join(' '),
  ).join('; ');
}

/** One piece of inline code in a built page, which the policy would block. */
export interface InlineCode {
  /** The page, relative to the site's folder, e.g. `trends/index.html`. */
  file: string;
  /** What it is, e.g. `<script> without src`, `style attribute on <span>`, `onclick attribute on <img>`. */
  kind: string;
}

// A start tag with its attributes, values quoted or not, so that markup inside a quoted value (an
// escaped attribute such as content="a <b> c") is part of the value and never read as a tag.
const START_TAG = /<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const MAY_CARRY_CODE = /style|on/i;
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

/**
 * Finds what the policy blocks in one built page: `<script>` elements without `src` (JSON data
 * blocks aside), `<style>` elements, `style` attributes and `on...` event-handler attributes.
 * The build uses it to refuse such a page, never to allow its code.
 */
export function findInlineCode(file: string, html: string): InlineCode[] {
  const found: InlineCode[] = [];
  for (const [, tag, attributeText = ''] of html.matchAll(START_TAG)) {
    const name = tag!.toLowerCase();
    // A tag whose attributes nowhere spell "style" or "on" can carry neither (a chart's thousands of
    // <circle>s, most links): its attributes are not read one by one.
    if (name !== 'script' && !MAY_CARRY_CODE.test(attributeText)) {
      if (name === 'style') found.push({ file, kind: '<style> element' });
      continue;
    }
    const attributes = [...attributeText.matchAll(ATTRIBUTE)].map(([, attribute, value = '']) => ({
      name: attribute!.toLowerCase(),
      value: value.replace(/^["']|["']$/g, ''),
    }));
    const has = (attribute: string) => attributes.find((a) => a.name === attribute);
    if (name === 'script' && !has('src') && !/^application\/(ld\+)?json$/i.test(has('type')?.value ?? ''))
      found.push({ file, kind: '<script> without src' });
    if (name === 'style') found.push({ file, kind: '<style> element' });
    for (const attribute of attributes) {
      if (attribute.name === 'style') found.push({ file, kind: `style attribute on <${name}>` });
      else if (attribute.name.startsWith('on')) found.push({ file, kind: `${attribute.name} attribute on <${name}>` });
    }
  }
  return found;
}

/** The `_headers` file (Netlify, Cloudflare Pages and compatible hosts) for every path of the site. */
export function buildHeadersFile(policy: string, options: { noindex: boolean }): string {
  const headers = [
    `Content-Security-Policy: ${policy}`,
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy: strict-origin-when-cross-origin',
    'X-Frame-Options: DENY',
    'Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
    ...(options.noindex ? ['X-Robots-Tag: noindex, nofollow'] : []),
  ];
  return `/*\n${headers.map((h) => `  ${h}`).join('\n')}\n`;
}

/** Parses a `_headers` file into path pattern and headers, for servers and tests. */
export function parseHeadersFile(text: string): { pattern: string; headers: Record<string, string> }[] {
  const rules: { pattern: string; headers: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else {
      const at = line.indexOf(':');
      rules.at(-1)!.headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}
