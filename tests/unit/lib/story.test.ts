import { describe, expect, it } from 'vitest';
import { renderBody } from '../../../src/lib/render-body.ts';
import { arrangeStory } from '../../../src/lib/story.ts';
import { parseMdxBody } from '../../../src/validation/mdx-syntax.ts';

const BODY = `The night of the winter release.

## Impact

4,870 customers could not top up.

## Timeline

The runbook said to wait, so the on-call waited.

## Contributing factors

Two conditions met.

### Dependency

The runtime cached DNS answers **for the life of the process**.

### Runbook gap

The runbook promised recovery within five minutes.

### Hindsight

Unmatched parts stay in the section's narrative.

## Response and the decision taken

Restarting was safe.

## What went well

- The synthetic check paged.

## Lessons

### Failovers

A failover is as fast as its slowest client.

## Supporting information

Logs.

## Glossary

DNS: names to addresses.
`;

const rendered = renderBody(parseMdxBody('x.mdx', BODY, 1).tree!, 'internal');
const story = arrangeStory(rendered.sections, [
  { id: 'dependency', name: 'Dependency' },
  { id: 'runbook-gap', name: 'Runbook gap' },
]);

describe('a body cut into sections', () => {
  it('keeps each ## section with its ### parts, the text before the first heading apart', () => {
    expect(rendered.sections.map((s) => [s.heading?.text, s.parts.map((p) => p.heading?.text ?? '(intro)')])).toEqual([
      [undefined, ['(intro)']],
      ['Impact', ['(intro)']],
      ['Timeline', ['(intro)']],
      ['Contributing factors', ['(intro)', 'Dependency', 'Runbook gap', 'Hindsight']],
      ['Response and the decision taken', ['(intro)']],
      ['What went well', ['(intro)']],
      ['Lessons', ['Failovers']],
      ['Supporting information', ['(intro)']],
      ['Glossary', ['(intro)']],
    ]);
    expect(rendered.sections[3]!.parts[1]).toEqual({
      heading: { depth: 3, slug: 'dependency', text: 'Dependency', html: 'Dependency' },
      html: '<p>The runtime cached DNS answers <strong>for the life of the process</strong>.</p>',
    });
  });
});

describe('the story told once', () => {
  it('puts the body sections named after the structured parts inside them', () => {
    expect(story.lead.map((p) => p.html)).toEqual(['<p>The night of the winter release.</p>']);
    expect(story.narrative.impact.map((p) => p.html)).toEqual(['<p>4,870 customers could not top up.</p>']);
    expect(story.narrative.timeline.map((p) => p.html)).toEqual(['<p>The runbook said to wait, so the on-call waited.</p>']);
    expect(story.narrative.response.map((p) => p.html)).toEqual(['<p>Restarting was safe.</p>']);
  });

  it('puts each factor’s part under that factor, by category name or id, and keeps the rest as the section’s narrative', () => {
    expect([...story.factorParts.entries()].map(([id, parts]) => [id, parts.map((p) => p.html)])).toEqual([
      ['dependency', ['<p>The runtime cached DNS answers <strong>for the life of the process</strong>.</p>']],
      ['runbook-gap', ['<p>The runbook promised recovery within five minutes.</p>']],
    ]);
    expect(story.narrative.factors.map((p) => p.heading?.text ?? p.html)).toEqual(['<p>Two conditions met.</p>', 'Hindsight']);
  });

  it('keeps the other sections in order, with Supporting information and what follows it after the action items', () => {
    expect(story.sections.map((s) => s.heading!.text)).toEqual(['What went well', 'Lessons']);
    expect(story.appendix.map((s) => s.heading!.text)).toEqual(['Supporting information', 'Glossary']);
  });
});
