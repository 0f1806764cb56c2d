import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseBase, rebaseHeaders, rebaseHtml, withBase } from '../../../src/lib/base-path.ts';
import { checkLinks, formatBrokenLink } from '../../../src/tooling/link-check.ts';

describe('a site served under a base path', () => {
  it('writes the base with one slash on each side', () => {
    expect([
      normaliseBase(''),
      normaliseBase('/'),
      normaliseBase('hindsight'),
      normaliseBase('/hindsight'),
      normaliseBase('/a/b/'),
    ]).toEqual(['/', '/', '/hindsight/', '/hindsight/', '/a/b/']);
  });

  it('moves root-relative addresses under the base and leaves the rest alone', () => {
    expect(withBase('/incidents/x/', '/hindsight/')).toBe('/hindsight/incidents/x/');
    expect(withBase('/hindsight/_astro/a.css', '/hindsight/')).toBe('/hindsight/_astro/a.css');
    expect(withBase('//cdn.example.com/x.js', '/hindsight/')).toBe('//cdn.example.com/x.js');
    expect(withBase('https://status.example.com/', '/hindsight/')).toBe('https://status.example.com/');
    expect(withBase('#impact', '/hindsight/')).toBe('#impact');
  });

  it('rewrites the addresses of a page, in every attribute that holds one', () => {
    const html =
      '<a href="/">Home</a><link href="/hindsight/_astro/a.css"><img src="/favicon.svg" alt=""><form action="/search/"></form><div id="search" data-bundle="/pagefind/"></div><a href="https://x.example/">x</a><p>/incidents/ in text</p>';
    expect(rebaseHtml(html, '/hindsight/')).toBe(
      '<a href="/hindsight/">Home</a><link href="/hindsight/_astro/a.css"><img src="/hindsight/favicon.svg" alt=""><form action="/hindsight/search/"></form><div id="search" data-bundle="/hindsight/pagefind/"></div><a href="https://x.example/">x</a><p>/incidents/ in text</p>',
    );
    expect(rebaseHtml(html, '/')).toBe(html);
  });

  it('moves the _headers paths under the base', () => {
    expect(rebaseHeaders('/*\n  X-Frame-Options: DENY\n', '/hindsight/')).toBe('/hindsight/*\n  X-Frame-Options: DENY\n');
  });
});

describe('the link checker', () => {
  const site = mkdtempSync(join(tmpdir(), 'hindsight-links-'));
  mkdirSync(join(site, 'incidents/x'), { recursive: true });
  mkdirSync(join(site, 'pagefind'));
  writeFileSync(join(site, 'pagefind/pagefind.js'), '');
  writeFileSync(
    join(site, 'index.html'),
    '<a href="/hindsight/incidents/x/#impact">x</a><a href="incidents/x/">x</a><a href="/hindsight/guide/">guide</a><a href="/incidents/x/">outside</a><a href="https://x.example/nowhere">far</a><a href="mailto:a@x.example">mail</a><div data-bundle="/hindsight/pagefind/"></div>',
  );
  writeFileSync(
    join(site, 'incidents/x/index.html'),
    '<h2 id="impact">Impact</h2><a href="../../#top">top</a><a href="#lessons">lessons</a>',
  );

  it('finds every address that does not resolve, and why', () => {
    expect(checkLinks(site, '/hindsight/').map(formatBrokenLink)).toEqual([
      'incidents/x/index.html: href "../../#top": no element with id "top" on that page',
      'incidents/x/index.html: href "#lessons": no element with id "lessons" on that page',
      'index.html: href "/hindsight/guide/": no such file in the site',
      'index.html: href "/incidents/x/": outside the site\'s base path /hindsight/',
    ]);
  });
});
