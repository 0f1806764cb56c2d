import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AstroIntegrationLogger } from 'astro';
import {
  buildHeadersFile,
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  findInlineCode,
  parseHeadersFile,
} from '../../../src/lib/csp.ts';
import securityHeaders from '../../../src/integrations/security-headers.ts';

const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; worker-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Runs the integration's build hook over a folder holding `pages` and returns `_headers`, or the error it threw. */
function buildDone(pages: Record<string, string>, audience: 'internal' | 'public' = 'public'): string {
  const site = mkdtempSync(join(tmpdir(), 'hindsight-csp-'));
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(join(site, file, '..'), { recursive: true });
    writeFileSync(join(site, file), html);
  }
  const logger = { info: () => undefined } as unknown as AstroIntegrationLogger;
  const hook = securityHeaders({ audience }).hooks['astro:build:done'] as (options: { dir: URL; logger: AstroIntegrationLogger }) => void;
  try {
    hook({ dir: pathToFileURL(`${site}/`), logger });
  } catch (error) {
    return (error as Error).message;
  }
  return readFileSync(join(site, '_headers'), 'utf8');
}

describe('the Content-Security-Policy', () => {
  it('is one fixed policy: the site’s own files, WebAssembly for Pagefind, nothing inline and nothing from elsewhere', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(POLICY);
  });

  it('allows no inline code in any form: no unsafe-inline, no unsafe-hashes, no hash, no nonce', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-hashes|'unsafe-eval'|sha256-|sha384-|sha512-|nonce-/);
  });

  it('is written to _headers with the hardening headers, and read back as a host would', () => {
    const text = buildHeadersFile(CONTENT_SECURITY_POLICY, { noindex: true });
    expect(text).toBe(
      [
        '/*',
        `  Content-Security-Policy: ${POLICY}`,
        '  X-Content-Type-Options: nosniff',
        '  Referrer-Policy: strict-origin-when-cross-origin',
        '  X-Frame-Options: DENY',
        '  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
        '  X-Robots-Tag: noindex, nofollow',
        '',
      ].join('\n'),
    );
    expect(parseHeadersFile(text)).toEqual([
      {
        pattern: '/*',
        headers: {
          'Content-Security-Policy': POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'strict-origin-when-cross-origin',
          'X-Frame-Options': 'DENY',
          'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
          'X-Robots-Tag': 'noindex, nofollow',
        },
      },
    ]);
    expect(buildHeadersFile(CONTENT_SECURITY_POLICY, { noindex: false })).not.toContain('X-Robots-Tag');
  });
});

describe('inline code in a built page', () => {
  it('finds inline scripts, style elements, style attributes and event handlers', () => {
    const html =
      '<script src="/a.js"></script><script>go()</script><script type="application/ld+json">{}</script><style>p{}</style>' +
      '<span style="color:#fff">x</span><IMG SRC="x" ONERROR="go()"><body onload=go()>';
    expect(findInlineCode('x/index.html', html)).toEqual([
      { file: 'x/index.html', kind: '<script> without src' },
      { file: 'x/index.html', kind: '<style> element' },
      { file: 'x/index.html', kind: 'style attribute on <span>' },
      { file: 'x/index.html', kind: 'onerror attribute on <img>' },
      { file: 'x/index.html', kind: 'onload attribute on <body>' },
    ]);
  });

  it('leaves escaped markup in text alone: text about a script is not a script', () => {
    const html =
      '<p>The payload was &lt;img src=x onerror=alert(1)&gt; and &lt;script&gt;go()&lt;/script&gt;, in style="x".</p><code>onclick=go()</code>';
    expect(findInlineCode('a.html', html)).toEqual([]);
  });

  it('reads markup inside a quoted attribute value as part of the value', () => {
    const html =
      '<meta name="description" content="Takes <b>orders</b> <img src=x onerror=go()> & <script>go()</script>">' +
      "<section aria-label='<svg onload=go()>' data-x=plain><p>ok</p></section>";
    expect(findInlineCode('a.html', html)).toEqual([]);
  });

  it('fails the build, listing each page and what it holds, instead of writing a policy that allows it', () => {
    expect(buildDone({ 'index.html': '<p>fine</p>', 'trends/index.html': '<svg><style>x{}</style><g style="fill:red"></g></svg>' })).toBe(
      [
        'The Content-Security-Policy allows no inline code, found 2 in the built site:',
        '  trends/index.html: <style> element',
        '  trends/index.html: style attribute on <g>',
        'Move scripts to files under public/ (loaded with <script is:inline src="/name.js">) and styles to src/styles; see docs/security.md.',
      ].join('\n'),
    );
  });

  it('lists twenty and counts the rest', () => {
    const message = buildDone({ 'a.html': '<b onclick="x()"></b>'.repeat(23) });
    expect(message.split('\n').slice(-3)).toEqual([
      '  a.html: onclick attribute on <b>',
      '  ... and 3 more',
      'Move scripts to files under public/ (loaded with <script is:inline src="/name.js">) and styles to src/styles; see docs/security.md.',
    ]);
    expect(message.split('\n')[0]).toBe('The Content-Security-Policy allows no inline code, found 23 in the built site:');
  });

  it('writes _headers for a site without inline code, asking search engines to stay away from the internal one', () => {
    expect(buildDone({ 'index.html': '<script src="/search.js"></script><p>ok</p>' }, 'internal')).toBe(
      buildHeadersFile(POLICY, { noindex: true }),
    );
    expect(buildDone({ 'index.html': '<p>ok</p>' }, 'public')).toBe(buildHeadersFile(POLICY, { noindex: false }));
  });
});

describe('image hosts', () => {
  it('widen img-src to exactly the origins the organisation allows, and nothing else', () => {
    expect(contentSecurityPolicy(['https://images.pantrybox.example'])).toBe(
      CONTENT_SECURITY_POLICY.replace("img-src 'self'", "img-src 'self' https://images.pantrybox.example"),
    );
    expect(contentSecurityPolicy([])).toBe(CONTENT_SECURITY_POLICY);
  });
});
