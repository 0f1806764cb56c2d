import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { renderBody, withoutInternal } from '../../../src/lib/render-body.ts';
import { parseMdxBody } from '../../../src/validation/mdx-syntax.ts';

const BODY = `## Impact

Card payments failed for **EU** customers; see [the dashboard](https://grafana.pantrybox.example/d/pay).

<Internal>
The acquirer's escalation line is on the vendor page.
</Internal>

## Impact

{/* reviewers: numbers from the billing export */}
| step | minutes |
| --- | --- |
| detect | 7 |
`;

const tree = (text: string): Root => {
  const parsed = parseMdxBody('x.mdx', text, 1);
  expect(parsed.problems).toEqual([]);
  return parsed.tree!;
};

describe('rendering a body', () => {
  it('renders Markdown, marks <Internal> for the internal site, and gives headings unique ids', () => {
    const rendered = renderBody(tree(BODY), 'internal');
    expect(rendered.html).toBe(
      [
        '<h2 id="impact">Impact</h2>',
        '<p>Card payments failed for <strong>EU</strong> customers; see <a href="https://grafana.pantrybox.example/d/pay">the dashboard</a>.</p>',
        '<aside class="internal-only" aria-label="Internal only"><p class="section-label">Internal only</p><p>The acquirer\'s escalation line is on the vendor page.</p></aside>',
        '<h2 id="impact-1">Impact</h2>',
        '<table>',
        '<thead>',
        '<tr>',
        '<th>step</th>',
        '<th>minutes</th>',
        '</tr>',
        '</thead>',
        '<tbody>',
        '<tr>',
        '<td>detect</td>',
        '<td>7</td>',
        '</tr>',
        '</tbody>',
        '</table>',
      ].join('\n'),
    );
    expect(rendered.headings).toEqual([
      { depth: 2, slug: 'impact', text: 'Impact' },
      { depth: 2, slug: 'impact-1', text: 'Impact' },
    ]);
  });

  it('makes a code block focusable, so a long log line can be scrolled from the keyboard', () => {
    expect(renderBody(tree('```text\n14:02:11 ERROR pool exhausted\n```\n'), 'internal').html).toBe(
      '<pre tabindex="0"><code class="language-text">14:02:11 ERROR pool exhausted\n</code></pre>',
    );
  });

  it('leaves <Internal> out of a public build entirely, from the HTML and from the text', () => {
    const rendered = renderBody(tree(BODY), 'public');
    expect(rendered.html).not.toContain('escalation');
    expect(rendered.html).not.toContain('Internal only');
    expect(rendered.text).toBe('Impact\nCard payments failed for EU customers; see the dashboard.\nImpact\nstep\nminutes\ndetect\n7');
  });

  it('gives a public build the source without its <Internal> blocks, for reading time and suggestions', () => {
    expect(withoutInternal(BODY, tree(BODY))).toBe(
      BODY.replace("<Internal>\nThe acquirer's escalation line is on the vendor page.\n</Internal>", ''),
    );
  });

  it('sanitises whatever reaches it, even a tree that skipped validation', () => {
    const hostile = {
      type: 'root',
      children: [
        { type: 'mdxJsxFlowElement', name: 'script', attributes: [], children: [{ type: 'text', value: 'alert(1)' }] },
        {
          type: 'mdxJsxFlowElement',
          name: 'img',
          attributes: [
            { type: 'mdxJsxAttribute', name: 'src', value: 'x' },
            { type: 'mdxJsxAttribute', name: 'onerror', value: 'alert(1)' },
          ],
          children: [],
        },
        { type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'run' }] }] },
        {
          type: 'mdxJsxFlowElement',
          name: 'div',
          attributes: [{ type: 'mdxJsxAttribute', name: 'style', value: 'position:fixed' }],
          children: [{ type: 'text', value: 'overlay' }],
        },
        { type: 'html', value: '<iframe src="https://evil.example"></iframe>' },
      ],
    } as unknown as Root;
    expect(renderBody(hostile, 'internal').html).toBe('\n<img src="x">\n<p><a>run</a></p>\n<div>overlay</div>');
  });
});

describe('a public build of footnotes and definitions written inside <Internal>', () => {
  it('shows neither their text nor a marker pointing at nothing, and leaves the reference as text', () => {
    const body =
      'The change had been reviewed[^review]; see [the dashboard][dash].\n\n<Internal>\n[^review]: The reviewer was on the ledger rota.\n\n[dash]: https://grafana.example.com/d/ledger "Ledger"\n</Internal>\n';
    expect(renderBody(tree(body), 'public').html).toBe('<p>The change had been reviewed; see [the dashboard][dash].</p>');
  });
});
