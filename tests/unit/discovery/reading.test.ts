import { describe, expect, it } from 'vitest';
import { countWords, indexListPositions, readingMinutes } from '../../../src/lib/reading.ts';
import { countSectionWords, startHereKey } from '../../../src/lib/start-here.ts';

describe('reading time', () => {
  it('counts words of prose, lists and code, not markup', () => {
    const body = [
      '## Impact',
      '',
      'Card payments failed for **2,650** customers (see [the dashboard](https://grafana.example/d/1)).',
      '',
      '- Orders were lost.',
      '',
      '```text',
      'gateway: 503 upstream_timeout',
      '```',
    ].join('\n');
    // Impact(1) Card payments failed for 2,650 customers see the dashboard(10) Orders were lost(3) text gateway: 503 upstream_timeout(4) = 18
    expect(countWords(body)).toBe(18);
  });

  it('rounds up to whole minutes at 200 words a minute, never below one', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(200)).toBe(1);
    expect(readingMinutes(201)).toBe(2);
    expect(readingMinutes(1099)).toBe(6);
  });

  it('counts the words of one section only', () => {
    const body =
      '## What went well\n\nA lot.\n\n## Lessons\n\nSchedule in UTC.\n\n### Detail\n\nTwo more.\n\n## Supporting information\n\nLogs.';
    // "Schedule in UTC." (3) + "Detail" (1) + "Two more." (2) = 6: a subsection belongs to its section.
    expect(countSectionWords(body, 'Lessons', countWords)).toBe(6);
    expect(countSectionWords(body, 'Where we got lucky', countWords)).toBe(0);
  });
});

describe('positions in reading lists', () => {
  const lists = [
    { id: 'payments', title: 'Payments', items: [{ incident: { id: 'a' } }, { incident: { id: 'b' } }, { incident: { id: 'c' } }] },
    { id: 'on-call', title: 'On call', items: [{ incident: { id: 'c' } }, { incident: { id: 'd' } }] },
    {
      id: startHereKey('teams', 'payments'),
      title: 'Start here: Payments',
      href: '/start-here/teams/payments/',
      kind: 'start-here' as const,
      items: [{ incident: { id: 'd' } }, { incident: { id: 'a' } }],
    },
  ];
  const positions = indexListPositions(lists);

  it('gives position, total and neighbours in every list an incident is in', () => {
    expect(positions.get('b')).toEqual([
      {
        listId: 'payments',
        listTitle: 'Payments',
        listHref: '/reading-lists/payments/',
        kind: 'curated',
        position: 2,
        total: 3,
        previous: 'a',
        next: 'c',
      },
    ]);
    expect(positions.get('c')).toEqual([
      {
        listId: 'payments',
        listTitle: 'Payments',
        listHref: '/reading-lists/payments/',
        kind: 'curated',
        position: 3,
        total: 3,
        previous: 'b',
        next: undefined,
      },
      {
        listId: 'on-call',
        listTitle: 'On call',
        listHref: '/reading-lists/on-call/',
        kind: 'curated',
        position: 1,
        total: 2,
        previous: undefined,
        next: 'd',
      },
    ]);
  });

  it('places incidents in a generated start-here list too, which has its own page and key', () => {
    expect(positions.get('a')!.map((p) => [p.listId, p.listHref, p.kind, p.position, p.previous, p.next])).toEqual([
      ['payments', '/reading-lists/payments/', 'curated', 1, undefined, 'b'],
      ['start-here/teams/payments', '/start-here/teams/payments/', 'start-here', 2, 'd', undefined],
    ]);
  });

  it('has nothing for an incident in no list', () => {
    expect(positions.get('z')).toBeUndefined();
  });
});
