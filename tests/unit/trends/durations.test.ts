import { describe, expect, it } from 'vitest';
import { durationsByQuarter, summariseDurations } from '../../../src/lib/trends/durations.ts';
import { incident, LONDON } from './fixtures.ts';

describe('summarising durations', () => {
  it('gives the median by linear interpolation with n and the values, and no 90th percentile below five values', () => {
    // Sorted 10, 20, 30, 40. Median rank 0.5 × 3 = 1.5: 20 + 0.5 × 10 = 25. Four values: the values, not a p90.
    expect(summariseDurations([40, 10, 30, 20])).toEqual({ n: 4, values: [10, 20, 30, 40], median: 25, p90: undefined, min: 10, max: 40 });
  });

  it('gives the 90th percentile from exactly five values, and shows how a long tail moves it but not the median', () => {
    // Sorted 30, 35, 40, 45, 1440. Median is the middle value, 40.
    // p90 rank 0.9 × 4 = 3.6: 45 + 0.6 × (1440 - 45) = 45 + 837 = 882.
    const summary = summariseDurations([35, 1440, 40, 30, 45]);
    expect([summary.n, summary.median]).toEqual([5, 40]);
    expect(summary.p90).toBeCloseTo(882, 9);
  });

  it('leaves every figure undefined when there are no durations', () => {
    expect(summariseDurations([])).toEqual({ n: 0, values: [], median: undefined, p90: undefined, min: undefined, max: undefined });
  });
});

describe('durations per quarter', () => {
  const quarters = ['2025-Q1', '2025-Q2', '2025-Q3'];

  it('groups by the quarter of started in the time zone and keeps empty quarters', () => {
    const incidents = [
      // 23:30Z on 31 March 2025 is 00:30 BST on 1 April: Q2 in London.
      incident('2025-03-31-late', { started: '2025-03-31T23:30:00Z', detected: '2025-03-31T23:50:00Z', mitigated: '2025-04-01T01:30:00Z' }),
      incident('2025-02-10-a'),
      incident('2025-03-05-b', {
        started: '2025-03-05T10:00:00Z',
        detected: '2025-03-05T10:30:00Z',
        mitigated: '2025-03-05T11:30:00Z',
        resolved: '2025-03-06T10:00:00Z',
      }),
    ];
    const { quarters: rows, points } = durationsByQuarter(incidents, quarters, LONDON, '2025-Q3');
    expect(rows.map((r) => [r.quarter, r.incidents, r.partial])).toEqual([
      ['2025-Q1', 2, false],
      ['2025-Q2', 1, false],
      ['2025-Q3', 0, true],
    ]);
    // Q1: detect 10 and 30 → median 20; mitigate 40 and 90 → 65; resolve 120 and 1,440 → 780.
    expect(rows[0]!.timeToDetect.median).toBe(20);
    expect(rows[0]!.timeToMitigate.median).toBe(65);
    expect(rows[0]!.timeToResolve.median).toBe(780);
    // Q2: the late incident, 20 minutes to detect and 120 to mitigate.
    expect(rows[1]!.timeToDetect.median).toBe(20);
    expect(rows[1]!.timeToMitigate.median).toBe(120);
    expect(rows[2]!.timeToMitigate).toEqual({ n: 0, values: [], median: undefined, p90: undefined, min: undefined, max: undefined });
    expect(points.filter((p) => p.measure === 'timeToMitigate').map((p) => [p.id, p.quarter])).toEqual([
      ['2025-02-10-a', '2025-Q1'],
      ['2025-03-05-b', '2025-Q1'],
      ['2025-03-31-late', '2025-Q2'],
    ]);
  });

  it('leaves an incident without resolved out of time to resolve only, and counts it as unresolved', () => {
    const open = incident('2025-05-01-open', { resolved: undefined });
    const { quarters: rows } = durationsByQuarter([open, incident('2025-05-02-done')], quarters, LONDON);
    expect(rows[1]).toMatchObject({ incidents: 2, unresolved: 1 });
    expect(rows[1]!.timeToMitigate.n).toBe(2);
    expect(rows[1]!.timeToResolve).toMatchObject({ n: 1, median: 120 });
  });

  it('leaves near-misses out: they had no impact to mitigate', () => {
    const nearMiss = incident('2025-07-01-near', {
      type: 'near-miss',
      detected: '2025-07-24T10:00:00Z',
      mitigated: '2025-07-24T12:00:00Z',
      resolved: '2025-07-25T10:00:00Z',
    });
    const { quarters: rows, points } = durationsByQuarter([nearMiss], quarters, LONDON);
    expect(rows[2]).toMatchObject({ incidents: 0, unresolved: 0 });
    expect(points).toEqual([]);
  });

  it('ignores incidents outside the quarters asked for', () => {
    const { quarters: rows, points } = durationsByQuarter([incident('2024-12-01-old')], quarters, LONDON);
    expect(rows.every((r) => r.incidents === 0)).toBe(true);
    expect(points).toEqual([]);
  });
});
