import { describe, expect, it } from 'vitest';
import { parseActionLine } from '../../../src/authoring/import/action-items.ts';
import { declaredZone, findDates, findTimes, inZone, zonedTimestamp } from '../../../src/authoring/import/dates.ts';
import { escapeForMdx } from '../../../src/authoring/import/mdx.ts';
import { parseTimeline } from '../../../src/authoring/import/timeline.ts';
import { guessActionKind, mapActionStatus, mapSeverity, sectionKind } from '../../../src/authoring/import/vocabulary.ts';
import { parseMdxBody } from '../../../src/validation/mdx-syntax.ts';
import { DEFAULT_TAXONOMY } from '../../../src/schema/taxonomy.ts';

describe('dates and times in imported text', () => {
  it('finds dates written the common ways, reading all-numeric ones by the zone', () => {
    expect(findDates('On 14 March 2024, then March 15, 2024, 2024-03-16 and 2nd of Apr 2024.', 'dmy').map((d) => [d.date, d.text])).toEqual(
      [
        ['2024-03-14', '14 March 2024'],
        ['2024-03-15', 'March 15, 2024'],
        ['2024-03-16', '2024-03-16'],
        ['2024-04-02', '2nd of Apr 2024'],
      ],
    );
    // 03/04/2024 is 3 April day-first and 4 March month-first; 13/04/2024 can only be day-first.
    expect(findDates('03/04/2024', 'dmy')).toEqual([{ date: '2024-04-03', index: 0, text: '03/04/2024', otherReading: '2024-03-04' }]);
    expect(findDates('03/04/2024', 'mdy')).toEqual([{ date: '2024-03-04', index: 0, text: '03/04/2024', otherReading: '2024-04-03' }]);
    expect(findDates('13/04/2024 and 2024-02-30', 'mdy')).toEqual([{ date: '2024-04-13', index: 0, text: '13/04/2024' }]);
  });

  it('finds clock times with the zone written after them', () => {
    expect(findTimes('14:05 UTC, 2:05 pm, 9am, 08:12Z, 23:59:30 CEST, 3 services, 10:00+0530').map((t) => [t.time, t.offset])).toEqual([
      ['14:05', 'Z'],
      ['14:05', undefined],
      ['09:00', undefined],
      ['08:12', 'Z'],
      ['23:59:30', '+02:00'],
      ['10:00', '+05:30'],
    ]);
    expect([declaredZone('All times are UTC.'), declaredZone('Timeline (CET)'), declaredZone('Times are Amsterdam local time')]).toEqual([
      'Z',
      '+01:00',
      undefined,
    ]);
  });

  it('writes a wall-clock time with the offset in force at that moment, not at noon', () => {
    // Amsterdam went from 02:00 CET to 03:00 CEST on 30 March 2025: noon that day is +02:00, 01:50 is still +01:00.
    expect(zonedTimestamp('2025-03-30', '01:50', 'Europe/Amsterdam')).toBe('2025-03-30T01:50:00+01:00');
    expect(zonedTimestamp('2025-03-30', '03:10', 'Europe/Amsterdam')).toBe('2025-03-30T03:10:00+02:00');
    // London went back from 02:00 BST to 01:00 GMT on 26 October 2025: noon is GMT, and 01:30 is read as GMT.
    expect(zonedTimestamp('2025-10-26', '01:30', 'Europe/London')).toBe('2025-10-26T01:30:00Z');
    // 22:05 UTC on 2 June 2024 is 00:05 on 3 June in Amsterdam (CEST, +2 h).
    expect(inZone('2024-06-02', '22:05', 'Z', 'Europe/Amsterdam')).toEqual({ date: '2024-06-03', timestamp: '2024-06-03T00:05:00+02:00' });
  });

  it('reads timeline lines and table rows, moving to the next day after midnight', () => {
    const text = [
      '- 23:50 — Deploy 812 started.',
      '- **23:58** Alert fired for checkout errors.',
      '- 00:20 - Rolled back; errors back to normal.',
      '',
      '| Time (UTC) | Who | Event |',
      '|---|---|---|',
      '| 2024-06-03 06:00 | Ana | Root cause fixed. |',
    ].join('\n');
    expect(parseTimeline(text, 'Timeline', '2024-06-02', 'dmy')).toEqual([
      { date: '2024-06-02', time: '23:50', text: 'Deploy 812 started.', line: '- 23:50 — Deploy 812 started.' },
      { date: '2024-06-02', time: '23:58', text: 'Alert fired for checkout errors.', line: '- **23:58** Alert fired for checkout errors.' },
      {
        date: '2024-06-03',
        time: '00:20',
        text: 'Rolled back; errors back to normal.',
        line: '- 00:20 - Rolled back; errors back to normal.',
      },
      {
        date: '2024-06-03',
        time: '06:00',
        offset: 'Z',
        text: 'Ana — Root cause fixed.',
        line: '| 2024-06-03 06:00 | Ana | Root cause fixed. |',
      },
    ]);
  });
});

describe('mapping what the source wrote', () => {
  it('maps severities to the taxonomy', () => {
    const map = (v: string) => mapSeverity(v, DEFAULT_TAXONOMY.severities);
    expect(['SEV2', 'sev2', 'SEV-1', 'Sev 3', '1', 'P1', 'P0', 'S4', 'high', 'Critical', 'minor', 'medium'].map((v) => map(v))).toEqual([
      { id: 'SEV2', exact: true },
      { id: 'SEV2', exact: false },
      { id: 'SEV1', exact: false },
      { id: 'SEV3', exact: false },
      { id: 'SEV1', exact: false },
      { id: 'SEV1', exact: false },
      { id: 'SEV1', exact: false },
      { id: 'SEV4', exact: false },
      { id: 'SEV2', exact: false },
      { id: 'SEV1', exact: false },
      { id: 'SEV4', exact: false },
      { id: 'SEV3', exact: false },
    ]);
    // A fifth level does not exist in a four-level taxonomy.
    expect([map('5'), map('SEV5'), map('whenever')]).toEqual([undefined, undefined, undefined]);
  });

  it('maps action-item statuses and kinds', () => {
    expect(['Done', '✅', 'in progress', "Won't fix", 'todo', 'Blocked'].map(mapActionStatus)).toEqual([
      'done',
      'done',
      'in-progress',
      'wont-do',
      'open',
      undefined,
    ]);
    expect(
      [
        'Alert on queue depth over 500',
        'Add the failover command to the runbook',
        'Validate coordinates on upload',
        'Run a brown-bag on DNS',
        'Agree an on-call rota with support',
      ].map((t) => guessActionKind(t).kind),
    ).toEqual(['detect', 'mitigate', 'prevent', 'learn', 'process']);
  });

  it('recognises the sections post-mortems usually have', () => {
    expect(
      [
        '1. Root Causes:',
        'Lessons Learned',
        'Sequence of events',
        'Appendix',
        'Timeline (all times UTC)',
        'What could have gone worse',
        'Follow-up actions',
        'Background',
      ].map(sectionKind),
    ).toEqual(['factors', 'lessons', 'timeline', 'supporting', 'timeline', 'lucky', 'actions', undefined]);
  });

  it('reads owner, due date, status and ticket out of an action-item line', () => {
    expect(parseActionLine('[x] Lower the keep-alive to 45 s (owner: @mdevries, due 2024-03-29, FLT-311)', [], 'dmy')).toEqual({
      title: 'Lower the keep-alive to 45 s (FLT-311)',
      ticketKeys: ['FLT-311'],
      status: 'done',
      owner: 'mdevries',
      due: '2024-03-29',
    });
    expect(
      parseActionLine(
        'Alert on timeouts — Owner: Platform — Due: 30/08/2024 — Done — [PLT-7](https://tracker.example.com/PLT-7)',
        [],
        'dmy',
      ),
    ).toEqual({
      title: 'Alert on timeouts',
      ticketKeys: [],
      owner: 'Platform',
      due: '2024-08-30',
      status: 'done',
      ticket: 'https://tracker.example.com/PLT-7',
    });
    expect(parseActionLine('Replay traffic against staging - @tvos - Q4', [], 'dmy')).toEqual({
      title: 'Replay traffic against staging',
      ticketKeys: [],
      owner: 'tvos',
      dueText: 'Q4',
    });
    // Segments that are no field go back into the title as they were written.
    expect(parseActionLine('Split the job - one per city - before the summer peak', [], 'dmy').title).toBe(
      'Split the job - one per city - before the summer peak',
    );
  });
});

describe('making Markdown safe for MDX', () => {
  it('escapes braces and < outside code, and rewrites what MDX does not have', () => {
    const markdown = [
      'Refunded {minutes} when p99 < 200ms; `{kept}` and \\{already\\} escaped.',
      '',
      '<!-- exported from the wiki */ on Monday -->',
      '',
      '    indented {code}',
      '',
      'See <https://status.example.com> and <details>.',
      '',
      'export jobs stalled overnight.',
      '',
      '| a<br>b | c |',
      '|---|---|',
    ].join('\n');
    const safe = escapeForMdx(markdown);
    expect(safe).toBe(
      [
        'Refunded \\{minutes\\} when p99 \\< 200ms; `{kept}` and \\{already\\} escaped.',
        '',
        '{/* exported from the wiki * / on Monday */}',
        '',
        '```',
        'indented {code}',
        '```',
        '',
        'See [https://status.example.com](https://status.example.com) and \\<details>.',
        '',
        '&#101;xport jobs stalled overnight.',
        '',
        '| a<br />b | c |',
        '|---|---|',
      ].join('\n'),
    );
    expect(parseMdxBody('x.mdx', markdown, 1).problems.length).toBe(1);
    expect(parseMdxBody('x.mdx', safe, 1).problems).toEqual([]);
  });
});
