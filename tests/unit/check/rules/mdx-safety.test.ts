import { describe, expect, it } from 'vitest';
import { validateIncidentSource } from '../../../../src/validation/sources.ts';
import { IncidentSchema } from '../../../../src/schema/incident.ts';
import { formatProblem } from '../../../../src/validation/problems.ts';
import { FILE, postmortem, rows } from '../helpers.ts';

/** The problems the build and the check both report for a post-mortem with this body. */
const lint = async (text: string) => validateIncidentSource(FILE, text, IncidentSchema).problems;
const body = async (text: string) => rows(await lint(postmortem(text)), 'mdx-safety');

describe('mdx-safety: the content model of a body', () => {
  it('reports an import with what to do instead', async () => {
    expect((await lint(postmortem("import fs from 'node:fs'"))).map(formatProblem)).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:28:1 expected no import or export: a post-mortem body is Markdown and runs no code, found "import fs from \'node:fs\'". Remove it. The components a body may use need no import: <Internal>.',
    ]);
  });

  it('reports a bare brace with how to escape it', async () => {
    expect((await lint(postmortem('The cache answered {fast} after the flush.'))).map(formatProblem)).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:28:20 expected no {expression}: braces start code, and a body runs none, found "{fast}". A post-mortem body is Markdown: to show a brace, write \\{ and \\}, or put the text in `inline code`. Comments {/* like this */} are allowed.',
    ]);
  });

  it.each([
    ['export const budget = 43.2', '28:1 mdx-safety "export const budget = 43.2"'],
    ["import Chart from '../../src/components/Chart.astro'", '28:1 mdx-safety "import Chart from \'../../src/components/Chart.astro\'"'],
    ['<script>alert(1)</script>', '28:1 mdx-safety "<script>"'],
    ['See the <iframe src="https://grafana.pantrybox.com/d/x" /> panel.', '28:9 mdx-safety "<iframe>"'],
    // "See the <a href=\"https://status.pantrybox.com\" " is 47 characters.
    ['See the <a href="https://status.pantrybox.com" onClick="track()">status page</a>.', '28:48 mdx-safety "onClick"'],
    ['Open [the dashboard](javascript:alert(document.domain)).', '28:6 mdx-safety "javascript:alert(document.domain)"'],
    ['<a href=" JaVaScRiPt:alert(1)">x</a>', '28:4 mdx-safety " JaVaScRiPt:alert(1)"'],
    ['<a href="java&#x09;script:alert(1)">x</a>', '28:4 mdx-safety "java\\tscript:alert(1)"'],
    ['<a href="&#106;avascript:alert(1)">x</a>', '28:4 mdx-safety "javascript:alert(1)"'],
    ["<a href={'java' + 'script:alert(1)'}>x</a>", "28:4 mdx-safety \"href={'java' + 'script:alert(1)'}\""],
    ['<a href={`javascript:${1}`}>x</a>', '28:4 mdx-safety "href={`javascript:${1}`}"'],
    ['![chart](data:image/svg+xml;base64,PHN2Zz4=)', '28:1 mdx-safety "data:image/svg+xml;base64,PHN2Zz4="'],
    ['[status]: vbscript:msgbox(1)', '28:1 mdx-safety "vbscript:msgbox(1)"'],
    ['The key was {process.env.ACQUIRER_KEY}.', '28:13 mdx-safety "{process.env.ACQUIRER_KEY}"'],
    ["{await import('node:child_process')}", '28:1 mdx-safety "{await import(\'node:child_process\')}"'],
    ['{<Internal>nested</Internal>}', '28:1 mdx-safety "{<Internal>nested</Internal>}"'],
    ['<IncidentTable />', '28:1 mdx-safety "<IncidentTable>"'],
    ['<Internal.constructor>x</Internal.constructor>', '28:1 mdx-safety "<Internal.constructor>"'],
    ['<internal>\nThe acquirer contact.\n</internal>', '28:1 mdx-safety "<internal>"'],
    ['<INTERNAL>\nThe acquirer contact.\n</INTERNAL>', '28:1 mdx-safety "<INTERNAL>"'],
    ['<Internal {...props}>\nx\n</Internal>', '28:11 mdx-safety "{...props}"'],
    ['<Internal server:defer>\nx\n</Internal>', '28:11 mdx-safety "server:defer"'],
    ['<p set:html="&lt;img src=x onerror=alert(1)&gt;" />', '28:4 mdx-safety "set:html"'],
    ['<div is:raw>{x}</div>', '28:6 mdx-safety "is:raw"', '28:13 mdx-safety "{x}"'],
    ['<span client:load>x</span>', '28:7 mdx-safety "client:load"'],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example" />', '28:1 mdx-safety "<meta>"'],
    ['<base href="https://evil.example/" />', '28:1 mdx-safety "<base>"'],
    [
      '<form action="https://evil.example/collect"><button>Sign in</button></form>',
      '28:1 mdx-safety "<form>"',
      '28:45 mdx-safety "<button>"',
    ],
    ['<style>body \\{ display: none \\}</style>', '28:1 mdx-safety "<style>"'],
    ['<div style="position:fixed;inset:0">Sign in again</div>', '28:6 mdx-safety "style"'],
    ['<svg><a href="https://x.example">x</a></svg>', '28:1 mdx-safety "<svg>"'],
    ['<>fragment</>', '28:1 mdx-safety "<>"'],
    [
      '![p99 latency](https://grafana.pantrybox.example/render/p99.png)',
      '28:1 mdx-safety "https://grafana.pantrybox.example/render/p99.png"',
    ],
    ['<img src="//cdn.example.net/pixel.gif" alt="" />', '28:6 mdx-safety "//cdn.example.net/pixel.gif"'],
    ['<img src="\\\\evil.example/p.png" alt="" />', '28:6 mdx-safety "\\\\\\\\evil.example/p.png"'],
    [
      '![Diagram <Internal>the vendor contract</Internal>](/diagram.png)',
      '28:1 mdx-safety "Diagram <Internal>the vendor contract</Internal>"',
    ],
    ['![budget {left}][chart]\n\n[chart]: /chart.png', '28:1 mdx-safety "budget {left}"'],
  ])('refuses %j', async (text, ...expected) => {
    expect(await body(text)).toEqual(expected);
  });

  it.each([
    '{/* A note for reviewers: the numbers come from the billing export. */}',
    'Budgets are written \\{in braces\\} in the config.',
    'See [the dashboard](https://grafana.pantrybox.com/d/checkout), [the guide](/guide/), [above](#impact) and <abbr title="Time to mitigate">TTM</abbr>.',
    'Mail [payments](mailto:payments-oncall@pantrybox.example).',
    '<details><summary>Raw log</summary>Nothing sensitive.</details>',
    '```js\nexport const x = process.env.KEY;\n<script>alert(1)</script>\n```',
    '`<script>` and `{braces}` in inline code are text.',
    '<Internal>\nThe acquirer contact was the on-call account manager.\n</Internal>',
    '| step | minutes |\n| --- | --- |\n| detect | 7 |',
    '![the pool graph](/incidents/2025-06-21-checkout-500s/pool.png) and <img src="pool-detail.png" alt="Detail" />',
  ])('allows %j', async (text) => {
    expect(await body(text)).toEqual([]);
  });
});

describe('images from other hosts', () => {
  it('says how to allow a host, and allows the hosts in image_hosts', async () => {
    const text = postmortem('![p99 latency](https://images.pantrybox.example/p99.png)');
    expect((await lint(text)).map(formatProblem)).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:28:1 expected an image from this site or from a host in image_hosts, found "https://images.pantrybox.example/p99.png". Copy the image next to the site (public/incidents/<id>/) and link it relatively, or add its https origin to image_hosts in catalog/organisation.yaml.',
    ]);
    expect(validateIncidentSource(FILE, text, IncidentSchema, { imageHosts: ['https://images.pantrybox.example'] }).problems).toEqual([]);
  });
});
