import { createHash } from 'node:crypto';

/** The inline code of one HTML page that a Content-Security-Policy has to allow by hash. */
export interface InlineCode {
  scripts: string[];
  styles: string[];
  styleAttributes: string[];
}

/** Finds inline `<script>` bodies (not `src=` ones), `<style>` bodies and `style="..."` attributes. */
export function findInlineCode(html: string): InlineCode {
  const scripts = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/type=["']?application\/(ld\+)?json/i.test(m[0]))
    .map((m) => m[1]!);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!);
  const styleAttributes = [...html.matchAll(/\sstyle="([^"]*)"/gi)].map((m) => decodeEntities(m[1]!));
  return { scripts, styles, styleAttributes };
}

function decodeEntities(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** `'sha256-...'` for a CSP source list. */
export function cspHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/**
 * A Content-Security-Policy for a static site served from one origin: its own scripts and styles,
 * WebAssembly for Pagefind ('wasm-unsafe-eval'), and inline code only where its hash is listed.
 */
export function buildContentSecurityPolicy(inline: InlineCode): string {
  const unique = (list: string[]) => [...new Set(list.map(cspHash))].sort();
  const scriptHashes = unique(inline.scripts);
  const styleHashes = unique([...inline.styles, ...inline.styleAttributes]);
  const styleExtra = inline.styleAttributes.length > 0 ? ["'unsafe-hashes'"] : [];
  return [
    "default-src 'self'",
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...scriptHashes].join(' '),
    ['style-src', "'self'", ...styleExtra, ...styleHashes].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
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
