import { describe, expect, it } from 'vitest';
import { lintText } from '../../../../src/check/engine.ts';
import { formatProblem } from '../../../../src/validation/problems.ts';
import { FILE, PROJECT, lint, postmortem, rows } from '../helpers.ts';

const body = async (text: string) => rows(await lint(postmortem(text)), 'mdx-safety');

describe('mdx-safety', () => {
  it('reports an import from outside the components folder', async () => {
    expect((await lint(postmortem("import fs from 'node:fs'"))).map(formatProblem)).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:28:1 expected an import of the project\'s own components from src/components/, found "node:fs". A post-mortem is compiled and run at build time; import a component by its relative path, e.g. ../../src/components/IncidentTable.astro, or remove the import.',
    ]);
  });

  it.each([
    ['export const budget = 43.2', '28:1 mdx-safety "export const budget = 43.2"'],
    ['<script>alert(1)</script>', '28:1 mdx-safety "<script>"'],
    ['See the <iframe src="https://grafana.pantrybox.com/d/x" /> panel.', '28:9 mdx-safety "<iframe>"'],
    // "See the <a href=\"https://status.pantrybox.com\" " is 47 characters.
    ['See the <a href="https://status.pantrybox.com" onClick="track()">status page</a>.', '28:48 mdx-safety "onClick"'],
    ['Open [the dashboard](javascript:alert(document.domain)).', '28:6 mdx-safety "javascript:alert(document.domain)"'],
    ['<a href=" JaVaScRiPt:alert(1)">x</a>', '28:4 mdx-safety " JaVaScRiPt:alert(1)"'],
    ['The key was {process.env.ACQUIRER_KEY}.', '28:14 mdx-safety "process.env.ACQUIRER_KEY"'],
    ["{await import('node:child_process')}", '28:2 mdx-safety "await import(\'node:child_process\')"'],
    ['<IncidentTable />', '28:1 mdx-safety no import'],
    ["import Chart from '../../src/components/Chart.astro'", '28:1 mdx-safety "../../src/components/Chart.astro"'],
  ])('flags %j', async (text, row) => {
    expect(await body(text)).toEqual([row]);
  });

  it.each([
    '{/* A note for reviewers: the numbers come from the billing export. */}',
    "Budgets are written {'{'}in braces{'}'} in the config.",
    'See [the dashboard](https://grafana.pantrybox.com/d/checkout) and <abbr title="Time to mitigate">TTM</abbr>.',
    '<details><summary>Raw log</summary>Nothing sensitive.</details>',
    '```js\nexport const x = process.env.KEY;\n```',
    // Every post-mortem is given <Internal> by the incident page, without an import.
    '<Internal>\nThe acquirer contact was the on-call account manager.\n</Internal>',
  ])('passes %j', async (text) => {
    expect(await body(text)).toEqual([]);
  });

  it('allows an import of an existing project component that the body uses', async () => {
    const text = postmortem("import SeverityBadge from '../../src/components/SeverityBadge.astro'\n\n<SeverityBadge severity=\"SEV2\" />");
    // Resolved from incidents/2025/ in the project itself, where src/components/SeverityBadge.astro exists.
    expect(rows(await lintText({ root: PROJECT, file: FILE, text }), 'mdx-safety')).toEqual([]);
  });
});
