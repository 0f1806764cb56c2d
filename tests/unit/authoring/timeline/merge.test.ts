import { describe, expect, it } from 'vitest';
import { addToTimeline, planMerge, type NewEvent } from '../../../../src/authoring/timeline/merge.ts';
import { TimelineError } from '../../../../src/authoring/timeline/errors.ts';

function event(atText: string, text: string, kind: NewEvent['kind'] = 'note'): NewEvent {
  return { at: Date.parse(atText), atText, kind, text };
}
const existing = (atText: string, text: string) => ({ at: Date.parse(atText), text });

const FILE = `---
title: Card payments declined at checkout
status: draft
# Key events
timeline:
  - at: 2026-10-13T11:30:00+01:00
    kind: trigger
    text: deploy-5127 lowers the acquirer timeout.
  # from PagerDuty's log
  - at: 2026-10-13T13:59:00+01:00   # paged
    kind: detect
    text: >-
      PagerDuty pages the payments
      on-call engineer.

related: []
---

Body text, untouched.
`;

describe('planning a merge', () => {
  it('puts each event before the first later one, after existing events of the same minute, and skips ones already there', () => {
    const plan = planMerge(
      [
        existing('2026-10-13T11:30:00+01:00', 'deploy'),
        existing('2026-10-13T13:41:00Z', 'The on-call engineer: Calling it mitigated.'),
        existing('2026-10-13T15:20:00+01:00', 'resolved'),
      ],
      [
        event('2026-10-13T14:41:00+01:00', 'the on-call engineer:  Calling it   mitigated.'),
        event('2026-10-13T15:20:00+01:00', 'Resolved from our side'),
        event('2026-10-13T14:00:00+01:00', 'Seeing failures'),
        event('2026-10-13T10:00:00+01:00', 'Earlier than everything'),
        event('2026-10-13T14:00:00+01:00', 'Seeing failures'),
      ],
    );
    expect(plan.inserts.map((i) => [i.index, i.event.text])).toEqual([
      [0, 'Earlier than everything'],
      [1, 'Seeing failures'],
      [3, 'Resolved from our side'],
    ]);
    expect(plan.duplicates.map((d) => [d.event.text, d.existing.text])).toEqual([
      ['Seeing failures', 'Seeing failures'],
      ['the on-call engineer:  Calling it   mitigated.', 'The on-call engineer: Calling it mitigated.'],
    ]);
  });
});

describe('writing events into the frontmatter', () => {
  it('splices them between and after the existing events, keeping comments, folded text and the body as they were', () => {
    const text = addToTimeline(FILE, 'x.mdx', [
      { index: 1, event: event('2026-10-13T13:52:00+01:00', 'The on-call engineer: card failures at 7%', 'detect') },
      { index: 2, event: event('2026-10-13T14:41:00+01:00', 'The on-call engineer: Calling it mitigated.', 'mitigate') },
      { index: 2, event: event('2026-10-13T15:20:00+01:00', 'Resolved #48213', 'resolve') },
    ]);
    expect(text).toBe(`---
title: Card payments declined at checkout
status: draft
# Key events
timeline:
  - at: 2026-10-13T11:30:00+01:00
    kind: trigger
    text: deploy-5127 lowers the acquirer timeout.
  - at: 2026-10-13T13:52:00+01:00
    kind: detect
    text: "The on-call engineer: card failures at 7%"
  # from PagerDuty's log
  - at: 2026-10-13T13:59:00+01:00   # paged
    kind: detect
    text: >-
      PagerDuty pages the payments
      on-call engineer.
  - at: 2026-10-13T14:41:00+01:00
    kind: mitigate
    text: "The on-call engineer: Calling it mitigated."
  - at: 2026-10-13T15:20:00+01:00
    kind: resolve
    text: "Resolved #48213"

related: []
---

Body text, untouched.
`);
  });

  it('adds a timeline before related when there is none, or fills an empty one keeping its comment', () => {
    const add = [{ index: 0, event: event('2026-03-29T05:07:00+01:00', 'A responder: no picking lists', 'detect') }];
    expect(
      addToTimeline('---\ntitle: Leeds had no picking lists\nstatus: draft\n\nrelated: []\nfeatured: false\n---\nBody\n', 'x.mdx', add),
    ).toBe(
      '---\ntitle: Leeds had no picking lists\nstatus: draft\n\ntimeline:\n  - at: 2026-03-29T05:07:00+01:00\n    kind: detect\n    text: "A responder: no picking lists"\n\nrelated: []\nfeatured: false\n---\nBody\n',
    );
    expect(addToTimeline('---\ntitle: Leeds\ntimeline: []   # from the bridge\nrelated: []\n---\n', 'x.mdx', add)).toBe(
      '---\ntitle: Leeds\ntimeline:   # from the bridge\n  - at: 2026-03-29T05:07:00+01:00\n    kind: detect\n    text: "A responder: no picking lists"\nrelated: []\n---\n',
    );
    expect(addToTimeline('---\ntitle: Leeds\ntimeline:\n---\n', 'x.mdx', add)).toBe(
      '---\ntitle: Leeds\ntimeline:\n  - at: 2026-03-29T05:07:00+01:00\n    kind: detect\n    text: "A responder: no picking lists"\n---\n',
    );
    expect(addToTimeline('---\ntitle: Leeds\n---\n', 'x.mdx', add)).toBe(
      '---\ntitle: Leeds\ntimeline:\n  - at: 2026-03-29T05:07:00+01:00\n    kind: detect\n    text: "A responder: no picking lists"\n---\n',
    );
  });

  it("follows the file: list items at the key's indentation, Windows line ends", () => {
    const add = [{ index: 1, event: event('2026-10-13T14:00:00+01:00', 'Flag applied in eu-west-1', 'action') }];
    expect(
      addToTimeline(
        '---\r\ntimeline:\r\n- at: 2026-10-13T13:59:00+01:00\r\n  kind: detect\r\n  text: paged\r\n---\r\nBody\r\n',
        'x.mdx',
        add,
      ),
    ).toBe(
      '---\r\ntimeline:\r\n- at: 2026-10-13T13:59:00+01:00\r\n  kind: detect\r\n  text: paged\r\n- at: 2026-10-13T14:00:00+01:00\r\n  kind: action\r\n  text: Flag applied in eu-west-1\r\n---\r\nBody\r\n',
    );
  });

  it('leaves the file alone when there is nothing to add, and refuses a timeline written on one line', () => {
    expect(addToTimeline(FILE, 'x.mdx', [])).toBe(FILE);
    expect(() =>
      addToTimeline('---\ntimeline: [{at: 2026-10-13T13:59:00Z, kind: detect, text: paged}]\n---\n', 'incidents/2026/x.mdx', [
        { index: 1, event: event('2026-10-13T14:00:00Z', 'x') },
      ]),
    ).toThrow(
      new TimelineError(
        'incidents/2026/x.mdx: timeline is written on one line ([...]); write it as a list with one "- at:" per event, as templates/postmortem.mdx does, then run again.',
      ),
    );
  });
});
