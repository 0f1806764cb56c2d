import { describe, expect, it } from 'vitest';
import { buildOverview, coveredMonths } from '../../../src/lib/trends/overview.ts';
import { serviceSlices, teamSlices, yearSlices } from '../../../src/lib/trends/slices.ts';
import { incident, LONDON, ORDERS, OVERVIEW_INCIDENTS, SERVICES, TEAMS } from './fixtures.ts';

describe('the months an overview covers', () => {
  it('runs from the earliest incident to the month of the reference day', () => {
    expect(coveredMonths([incident('2026-06-01-b'), incident('2025-01-14-a')], '2026-11-26', LONDON)).toEqual({
      from: '2025-01',
      to: '2026-11',
    });
  });

  it('is the reference month alone for an empty archive, and ends at the reference day’s month whatever the newest incident', () => {
    expect(coveredMonths([], '2026-11-26', LONDON)).toEqual({ from: '2026-11', to: '2026-11' });
    // An incident after the reference day is never counted (countedPostMortems), so the range does not follow it.
    expect(coveredMonths([incident('2027-01-05-future')], '2026-11-26', LONDON)).toEqual({ from: '2026-11', to: '2026-11' });
  });
});

describe('the overview', () => {
  const incidents = OVERVIEW_INCIDENTS;
  const overview = buildOverview(incidents, { from: '2025-01', to: '2026-11' }, ORDERS, LONDON);

  it('counts incidents and near-misses apart over every month of the range', () => {
    expect(overview.incidents).toBe(4);
    expect(overview.nearMisses).toBe(1);
    // January 2025 to November 2026 is 12 + 11 = 23 months, in 8 quarters, 4 half-years and 2 years.
    expect(overview.months).toHaveLength(23);
    expect(overview.quarters).toHaveLength(8);
    expect(overview.halves).toEqual(['2025-H1', '2025-H2', '2026-H1', '2026-H2']);
    expect(overview.years).toEqual(['2025', '2026']);
  });

  it('finds categories not seen in the last four quarters', () => {
    expect(overview.categories.map((c) => [c.key, c.total])).toEqual([
      ['release-size', 2],
      ['testing', 2],
      ['configuration', 2],
      ['monitoring-gap', 1],
    ]);
    // The last four quarters are 2026-Q1 to 2026-Q4: release-size (last 2025-Q1) and monitoring-gap (2025-Q2) are dormant.
    expect(overview.dormantCategories.map((c) => [c.key, c.last])).toEqual([
      ['release-size', '2025-Q1'],
      ['monitoring-gap', '2025-Q2'],
    ]);
  });

  it('counts triggers per year and detection sources per half-year with their denominators', () => {
    expect(overview.triggers.map((t) => [t.key, t.counts])).toEqual([
      ['deploy', [2, 0]],
      ['config-change', [0, 2]],
      ['infrastructure', [1, 0]],
    ]);
    expect(overview.detection.totals).toEqual([3, 0, 1, 1]);
    expect(overview.detection.tallies.map((t) => [t.key, t.counts])).toEqual([
      ['alert', [1, 0, 0, 1]],
      ['customer-report', [1, 0, 1, 0]],
      ['employee-report', [1, 0, 0, 0]],
    ]);
  });

  it('gives decisions and release figures of the incidents only', () => {
    expect(overview.decisions.map((d) => [d.decision, d.count])).toEqual([['rollback', 4]]);
    expect(overview.releases.bands.map((b) => b.count)).toEqual([1, 0, 1]);
  });

  it('has no dormant categories when the range spans four quarters or fewer', () => {
    expect(buildOverview(incidents, { from: '2025-01', to: '2025-12' }, ORDERS, LONDON).dormantCategories).toEqual([]);
  });

  it('is all zeros and empty lists for an empty slice', () => {
    const empty = buildOverview([], { from: '2026-01', to: '2026-03' }, ORDERS, LONDON);
    expect(empty).toMatchObject({ incidents: 0, nearMisses: 0, categories: [], dormantCategories: [], triggers: [], decisions: [] });
    expect(empty.months.map((m) => m.incidents)).toEqual([0, 0, 0]);
    expect(empty.durations.points).toEqual([]);
    expect(empty.detection).toEqual({ tallies: [], totals: [0] });
    expect(empty.releases.points).toEqual([]);
  });
});

describe('periods in progress', () => {
  it('marks the month, quarter, half-year and year of the reference day partial when they end after it', () => {
    const overview = buildOverview(OVERVIEW_INCIDENTS, { from: '2025-01', to: '2026-11' }, ORDERS, LONDON, '2026-11-26');
    expect(overview.inProgress).toEqual({ month: '2026-11', quarter: '2026-Q4', half: '2026-H2', year: '2026' });
    expect(overview.months.filter((m) => m.partial).map((m) => m.month)).toEqual(['2026-11']);
    expect(overview.durations.quarters.filter((q) => q.partial).map((q) => q.quarter)).toEqual(['2026-Q4']);
  });

  it('marks nothing without a reference day, or when the range ends before it', () => {
    expect(buildOverview(OVERVIEW_INCIDENTS, { from: '2025-01', to: '2026-11' }, ORDERS, LONDON).inProgress).toEqual({});
    expect(buildOverview(OVERVIEW_INCIDENTS, { from: '2025-01', to: '2025-12' }, ORDERS, LONDON, '2026-11-26').inProgress).toEqual({});
  });
});

describe('slices', () => {
  const incidents = [
    incident('2026-02-10-a', { services: ['feature-flags', 'checkout-api'], teams: ['platform', 'payments'] }),
    // 23:30-05:00 on New Year's Eve is 04:30 on 1 January 2026 in London.
    incident('2025-12-31-b', {
      started: '2025-12-31T23:30:00-05:00',
      detected: '2026-01-01T04:40:00Z',
      mitigated: '2026-01-01T05:00:00Z',
      resolved: undefined,
      teams: ['payments'],
    }),
    incident('2025-11-05-c', { services: ['checkout-api'], teams: ['payments'] }),
  ];
  const range = { from: '2025-11', to: '2027-02' };

  it('makes one slice per service and team in the catalog, empty ones included', () => {
    expect(serviceSlices(SERVICES, incidents, range).map((s) => [s.id, s.name, s.incidents.map((i) => i.id)])).toEqual([
      ['checkout-api', 'Checkout API', ['2026-02-10-a', '2025-12-31-b', '2025-11-05-c']],
      ['product-search', 'Product Search', []],
      ['feature-flags', 'Feature Flags', ['2026-02-10-a']],
    ]);
    expect(teamSlices(TEAMS, incidents, range).map((s) => [s.id, s.incidents.length])).toEqual([
      ['payments', 3],
      ['storefront', 0],
      ['platform', 1],
    ]);
  });

  it('makes one slice per year of the range in the time zone, cut at the range’s ends', () => {
    expect(yearSlices(incidents, range, LONDON).map((s) => [s.id, s.range, s.incidents.map((i) => i.id)])).toEqual([
      ['2025', { from: '2025-11', to: '2025-12' }, ['2025-11-05-c']],
      ['2026', { from: '2026-01', to: '2026-12' }, ['2026-02-10-a', '2025-12-31-b']],
      ['2027', { from: '2027-01', to: '2027-02' }, []],
    ]);
  });
});
