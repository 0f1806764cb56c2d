import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT } from '../support/build-site.ts';

const ARCHIVE = join(PROJECT, 'tests/fixtures/attacks');
/** The file the crafted post-mortems try to write if any of their code ever ran. */
const CANARY = '/tmp/hindsight-attack-canary';

const run = (command: string, args: string[], cwd = PROJECT) =>
  spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      HINDSIGHT_ARCHIVE: ARCHIVE,
      HINDSIGHT_CACHE_DIR: mkdtempSync(join(tmpdir(), 'hindsight-cache-')),
      NO_COLOR: '1',
    },
  });

beforeAll(() => rmSync(CANARY, { force: true }));

describe('the attack corpus', () => {
  it('is refused by the build before any of it is compiled, with every problem and no stack trace', () => {
    const result = run('npm', ['run', 'build', '--', '--outDir', mkdtempSync(join(tmpdir(), 'hindsight-out-'))]);
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status).toBe(1);
    expect(output).toContain(
      [
        'The post-mortem archive has problems:',
        '  incidents/2026/2026-01-01-member-expression.mdx:23:1 expected a plain element name, found "<Internal.constructor.constructor>". Member and namespace names (a.b, a:b) are not allowed; components are used by plain name: <Internal>.',
        '  incidents/2026/2026-01-04-spread-attributes.mdx:21:11 expected attributes with literal values, found "{...{ \'set:html\': \'<img src=x onerror=alert(1)>\' }}". Spreads are not allowed: write each attribute as name="value", or remove it.',
        '  incidents/2026/2026-01-07-astro-directives.mdx:21:6 expected no attributes on <div>, found "set:html". Remove set:html.',
        '  incidents/2026/2026-01-07-astro-directives.mdx:23:7 expected no attributes on <span>, found "is:raw". Remove is:raw.',
        '  incidents/2026/2026-01-07-astro-directives.mdx:25:4 expected no attributes on <p>, found "client:load". Remove client:load.',
        '  incidents/2026/2026-01-10-expression-with-jsx.mdx:21:22 expected no {expression}: braces start code, and a body runs none, found "{<a href=\\"https://status.example.com\\">all good</a>}". A post-mortem body is Markdown: to show a brace, write \\{ and \\}, or put the text in `inline code`. Comments {/* like this */} are allowed.',
        '  incidents/2026/2026-01-13-expression-runs-code.mdx:21:14 expected no {expression}: braces start code, and a body runs none, found "{(() => { globalThis.process.getBuiltinModule(\'fs\').write...". A post-mortem body is Markdown: to show a brace, write \\{ and \\}, or put the text in `inline code`. Comments {/* like this */} are allowed.',
        '  incidents/2026/2026-01-16-imports-node-fs.mdx:21:1 expected no import or export: a post-mortem body is Markdown and runs no code, found "import { writeFileSync } from \'node:fs\'". Remove it. The components a body may use need no import: <Internal>.',
        '  incidents/2026/2026-01-19-exports-a-value.mdx:21:1 expected no import or export: a post-mortem body is Markdown and runs no code, found "export const budget = globalThis.process.env". Remove it. The components a body may use need no import: <Internal>.',
        '  incidents/2026/2026-01-22-internal-lower-case.mdx:23:1 expected <Internal>: component names are matched exactly, found "<internal>". Write <Internal> and </Internal>; a misspelt name would publish what it wraps.',
        '  incidents/2026/2026-01-25-meta-refresh.mdx:21:1 expected an element a post-mortem body may use, found "<meta>". Use Markdown for structure and links; see docs/security.md for the elements and attributes a body may use.',
        '  incidents/2026/2026-02-01-base-element.mdx:21:1 expected an element a post-mortem body may use, found "<base>". Use Markdown for structure and links; see docs/security.md for the elements and attributes a body may use.',
        '  incidents/2026/2026-02-04-form-action.mdx:21:1 expected an element a post-mortem body may use, found "<form>". Use Markdown for structure and links; see docs/security.md for the elements and attributes a body may use.',
        '  incidents/2026/2026-02-04-form-action.mdx:21:50 expected an element a post-mortem body may use, found "<input>". Use Markdown for structure and links; see docs/security.md for the elements and attributes a body may use.',
        '  incidents/2026/2026-02-07-style-overlay.mdx:21:6 expected no attributes on <div>, found "style". Remove style.',
        '  incidents/2026/2026-02-10-style-element.mdx:21:1 expected an element a post-mortem body may use, found "<style>". Use Markdown for structure and links; see docs/security.md for the elements and attributes a body may use.',
        '  incidents/2026/2026-02-13-javascript-concatenated.mdx:21:4 expected a literal attribute value in quotes, found "href={\'java\' + \'script:alert(1)\'}". Expressions are not allowed: write href="..." with the value itself.',
        '  incidents/2026/2026-02-16-javascript-template.mdx:21:4 expected a literal attribute value in quotes, found "href={`javascript:${\'alert(1)\'}`}". Expressions are not allowed: write href="..." with the value itself.',
        '  incidents/2026/2026-02-19-javascript-entities.mdx:21:4 expected an http(s), mailto, relative or #fragment URL, found "javascript:alert(1)". Link to an https address or a page of this site; quote a dangerous URL as `inline code` if it is evidence.',
        '  incidents/2026/2026-02-19-javascript-entities.mdx:23:1 expected an http(s), mailto, relative or #fragment URL, found "javascript:alert(1)". Link to an https address or a page of this site; quote a dangerous URL as `inline code` if it is evidence.',
        '  incidents/2026/2026-02-22-data-document.mdx:21:1 expected an http(s), mailto, relative or #fragment URL, found "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==". Link to an https address or a page of this site; quote a dangerous URL as `inline code` if it is evidence.',
        '  incidents/2026/2026-02-22-data-document.mdx:23:1 expected an http(s), mailto, relative or #fragment URL, found "data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E". Link to an https address or a page of this site; quote a dangerous URL as `inline code` if it is evidence.',
        '  incidents/2026/2026-02-25-ignore-comment.mdx:22:1 expected no import or export: a post-mortem body is Markdown and runs no code, found "import Chart from \'../../src/components/trends/Chart.astro\'". Remove it. The components a body may use need no import: <Internal>.',
        '  incidents/2026/2026-02-25-ignore-comment.mdx:24:1 expected one of the components a body may use: <Internal>, found "<Chart>". Write the content as Markdown instead; components other than these are not available to post-mortems.',
        'Found 24 errors in 18 files.',
      ].join('\n'),
    );
    expect(output).not.toContain('Browser APIs');
    expect(output).not.toMatch(/\bat .*\.(ts|js|mjs):\d+:\d+/);
    expect(existsSync(CANARY)).toBe(false);
  });

  it("is refused by npm run check the same way, and neither the pull request's check.yaml nor a comment can switch the rule off", () => {
    const result = run('npx', ['tsx', join(PROJECT, 'scripts/check.ts')], ARCHIVE);
    expect(result.status).toBe(1);
    const errors = result.stdout.split('\n').filter((line) => line.startsWith('  error '));
    expect(errors.filter((line) => line.endsWith('[mdx-safety]'))).toHaveLength(24);
    expect(errors.filter((line) => !line.endsWith('[mdx-safety]'))).toEqual([
      '  error   catalog/check.yaml:3:3 rules.mdx-safety: expected no setting for mdx-safety: it is enforced by the build and is always an error. Remove it. [config]',
      '  error   incidents/2026/2026-02-25-ignore-comment.mdx:21:1 expected a rule that can be ignored; mdx-safety is enforced by the build, found "mdx-safety". Fix the problem instead: the build fails on it whatever the comment says. [ignore-comment]',
    ]);
    expect(result.stdout).toContain('Found 26 errors in 19 files.');
    expect(existsSync(CANARY)).toBe(false);
  });
});
