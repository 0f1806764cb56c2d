import { describe, expect, it } from 'vitest';
import { countByMonth, countPerPeriod, decisionFigures, releaseFigures, tallyByPeriod } from '../../../src/lib/trends/counts.ts';
import { quarterOf } from '../../../src/lib/trends/periods.ts';
import { DECISIONS } from '../../../src/schema/incident.ts';
import { incident, LONDON } from './fixtures.ts';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

describe('incidents per month', () => {
  it('splits incidents by severity, counts near-misses apart and keeps empty months', () => {
    const incidents = [
      incident('2025-01-14-a', { severity: 'SEV2' }),
      incident('2025-01-20-b', { severity: 'SEV2' }),
      incident('2025-01-28-c', { severity: 'SEV1' }),
      incident('2025-01-30-near', { type: 'near-miss', severity: 'SEV3' }),
      incident('2025-03-02-d', { severity: 'SEV4' }),
    ];
    // March holds the reference day here and ends after it: partial.
    expect(countByMonth(incidents, ['2025-01', '2025-02', '2025-03'], SEVERITIES, LONDON, '2025-03')).toEqual([
      { month: '2025-01', bySeverity: { SEV1: 1, SEV2: 2, SEV3: 0, SEV4: 0 }, incidents: 3, nearMisses: 1, partial: false },
      { month: '2025-02', bySeverity: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 }, incidents: 0, nearMisses: 0, partial: false },
      { month: '2025-03', bySeverity: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 1 }, incidents: 1, nearMisses: 0, partial: true },
    ]);
  });

  it('counts an incident in the month of its start in the time zone, not in UTC', () => {
    const late = incident('2025-04-30-late', {
      started: '2025-04-30T23:15:00Z',
      detected: '2025-04-30T23:20:00Z',
      mitigated: '2025-05-01T00:10:00Z',
    });
    // 23:15Z on 30 April is 00:15 BST on 1 May.
    const rows = countByMonth([late], ['2025-04', '2025-05'], SEVERITIES, LONDON);
    expect(rows.map((r) => r.incidents)).toEqual([0, 1]);
  });

  it('gives zeros for an empty slice', () => {
    expect(countByMonth([], ['2025-06'], SEVERITIES, LONDON)).toEqual([
      { month: '2025-06', bySeverity: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 }, incidents: 0, nearMisses: 0, partial: false },
    ]);
  });
});

describe('tallies per period', () => {
  const quarters = ['2025-Q1', '2025-Q2', '2025-Q3'];
  const byQuarter = (i: ReturnType<typeof incident>) => quarterOf(i.started, LONDON);
  const categories = (i: ReturnType<typeof incident>) => i.contributing_factors.map((f) => f.category);

  it('counts a category once per incident however often it is listed, most frequent first', () => {
    const incidents = [
      incident('2025-01-10-a', {
        contributing_factors: [
          { category: 'release-size', description: 'Big.' },
          { category: 'release-size', description: 'Very big.' },
          { category: 'testing', description: 'No test.' },
        ],
      }),
      incident('2025-02-10-b', { contributing_factors: [{ category: 'release-size', description: 'Big again.' }] }),
      incident('2025-08-10-c', {
        contributing_factors: [
          { category: 'configuration', description: 'A flag.' },
          { category: 'testing', description: 'No test.' },
        ],
      }),
    ];
    expect(tallyByPeriod(incidents, categories, byQuarter, quarters, ['release-size', 'testing', 'configuration'])).toEqual([
      { key: 'release-size', counts: [2, 0, 0], total: 2, first: '2025-Q1', last: '2025-Q1' },
      { key: 'testing', counts: [1, 0, 1], total: 2, first: '2025-Q1', last: '2025-Q3' },
      { key: 'configuration', counts: [0, 0, 1], total: 1, first: '2025-Q3', last: '2025-Q3' },
    ]);
  });

  it('breaks ties by the order given, then by name, and ignores incidents outside the periods', () => {
    const incidents = [
      incident('2025-01-10-a', { trigger: 'traffic' }),
      incident('2025-02-10-b', { trigger: 'deploy' }),
      incident('2025-03-10-c', { trigger: 'data' }),
      incident('2026-01-10-d', { trigger: 'deploy' }),
    ];
    const rows = tallyByPeriod(incidents, (i) => [i.trigger], byQuarter, quarters, ['deploy', 'traffic']);
    expect(rows.map((r) => [r.key, r.total])).toEqual([
      ['deploy', 1],
      ['traffic', 1],
      ['data', 1],
    ]);
  });

  it('counts every incident per period for shares', () => {
    const incidents = [incident('2025-01-10-a'), incident('2025-02-10-b'), incident('2025-07-10-c'), incident('2024-12-10-old')];
    expect(countPerPeriod(incidents, byQuarter, quarters)).toEqual([2, 0, 1]);
  });
});

describe('response decisions', () => {
  it('gives the count and time to mitigate per decision in the format’s order, near-misses left out', () => {
    const at = (id: string, decision: (typeof DECISIONS)[number], mitigatedAfter: number) =>
      incident(id, {
        response: { decision, helped_by: [] },
        mitigated: new Date(Date.parse(`${id.slice(0, 10)}T10:00:00Z`) + mitigatedAfter * 60_000).toISOString(),
        resolved: `${id.slice(0, 10)}T23:00:00Z`,
      });
    const incidents = [
      at('2025-01-01-a', 'rollback', 30),
      at('2025-02-01-b', 'hotfix', 200),
      at('2025-03-01-c', 'rollback', 50),
      at('2025-04-01-d', 'rollback', 400),
      incident('2025-05-01-near', { type: 'near-miss', response: { decision: 'forward-fix', helped_by: [] } }),
    ];
    const figures = decisionFigures(incidents, DECISIONS);
    // Roll-backs: 30, 50, 400 → median 50 (n = 3); three values are too few for a 90th percentile.
    expect(figures).toEqual([
      {
        decision: 'rollback',
        count: 3,
        minutes: [30, 50, 400],
        timeToMitigate: { n: 3, values: [30, 50, 400], median: 50, p90: undefined, min: 30, max: 400 },
      },
      {
        decision: 'hotfix',
        count: 1,
        minutes: [200],
        timeToMitigate: { n: 1, values: [200], median: 200, p90: undefined, min: 200, max: 200 },
      },
    ]);
  });
});

describe('release size', () => {
  const withRelease = (id: string, lines: number | undefined, prs: number | undefined, severity = 'SEV3') =>
    incident(id, { severity, release: { lines_changed: lines, pull_requests: prs } });

  it('puts 100 lines in the small band, 101 and 1,000 in the middle one and 1,001 in the large one', () => {
    const incidents = [
      withRelease('2025-01-01-a', 100, 1),
      withRelease('2025-02-01-b', 101, 2),
      withRelease('2025-03-01-c', 1000, 4, 'SEV2'),
      withRelease('2025-04-01-d', 1001, 12, 'SEV1'),
      withRelease('2025-05-01-e', 6200, 14, 'SEV2'),
    ];
    const { bands, points } = releaseFigures(incidents, SEVERITIES);
    expect(points.map((p) => p.linesChanged)).toEqual([100, 101, 1000, 1001, 6200]);
    expect(bands.map((b) => [b.key, b.count])).toEqual([
      ['small', 1],
      ['medium', 2],
      ['large', 2],
    ]);
    expect(bands[2]).toMatchObject({
      bySeverity: { SEV1: 1, SEV2: 1, SEV3: 0, SEV4: 0 },
      pullRequests: { n: 2, median: 13 },
      timeToMitigate: { n: 2, median: 40 },
      latest: '2025-05-01T10:00:00Z',
    });
    expect(bands[1]).toMatchObject({ pullRequests: { n: 2, median: 3 }, latest: '2025-03-01T10:00:00Z' });
  });

  it('shows an incident with only pull requests as a point but in no band, and leaves out incidents without a release', () => {
    const { bands, points } = releaseFigures([withRelease('2025-01-01-a', undefined, 3), incident('2025-02-01-none')], SEVERITIES);
    expect(points.map((p) => p.id)).toEqual(['2025-01-01-a']);
    expect(bands.every((b) => b.count === 0 && b.latest === undefined && b.timeToMitigate.n === 0)).toBe(true);
  });

  it('leaves a near-miss out of the time to mitigate of its band, but counts it in the band', () => {
    const near = incident('2025-06-01-near', { type: 'near-miss', release: { lines_changed: 50, pull_requests: 1 } });
    const { bands, points } = releaseFigures([near, withRelease('2025-06-02-a', 60, 1)], SEVERITIES);
    expect(points.map((p) => [p.id, p.timeToMitigate])).toEqual([
      ['2025-06-01-near', undefined],
      ['2025-06-02-a', 40],
    ]);
    expect(bands[0]).toMatchObject({ count: 2, timeToMitigate: { n: 1, values: [40] }, pullRequests: { n: 2 } });
  });
});
