import { describe, expect, it } from 'vitest';
import { coordinationFigures } from '../../../src/lib/trends/coordination.ts';
import { respondersChart } from '../../../src/lib/charts/coordination-charts.ts';
import { formatQuarter } from '../../../src/lib/trends/periods.ts';
import { DOTS_UP_TO } from '../../../src/lib/charts/scales.ts';
import { incident, LONDON } from './fixtures.ts';

const escalate = (at: string) => ({ at, kind: 'escalate' as const, text: 'Paged the database on-call.' });
const responded = (id: string, responders: number | undefined, severity = 'SEV3', helpers: string[] = [], escalations = 0) =>
  incident(id, {
    severity,
    response: { decision: 'rollback', helped_by: helpers, ...(responders === undefined ? {} : { responders }) },
    timeline: Array.from({ length: escalations }, () => escalate(`${id.slice(0, 10)}T10:05:00Z`)),
  });

describe('coordination per incident, quarter and severity', () => {
  const incidents = [
    responded('2025-01-10-a', 3, 'SEV2', ['db-oncall'], 1),
    responded('2025-02-10-b', 8, 'SEV1', ['db-oncall', 'payments', 'platform'], 2),
    responded('2025-03-10-c', undefined, 'SEV3'),
    // 23:30 UTC on 31 March is 00:30 BST on 1 April: the second quarter in London.
    incident('2025-03-31-d', {
      started: '2025-03-31T23:30:00Z',
      detected: '2025-03-31T23:35:00Z',
      mitigated: '2025-04-01T00:30:00Z',
      severity: 'SEV2',
      response: { decision: 'hotfix', helped_by: [], responders: 2 },
    }),
    incident('2025-05-01-near', { type: 'near-miss', response: { decision: 'other', helped_by: [], responders: 4 } }),
  ];
  const figures = coordinationFigures(incidents, ['2025-Q1', '2025-Q2'], ['SEV1', 'SEV2', 'SEV3', 'SEV4'], LONDON, '2025-Q2');

  it('gives every incident its responders, escalations and helpers, near-misses left out', () => {
    expect(figures.points.map((p) => [p.id, p.quarter, p.responders, p.escalations, p.helpedBy])).toEqual([
      ['2025-01-10-a', '2025-Q1', 3, 1, 1],
      ['2025-02-10-b', '2025-Q1', 8, 2, 3],
      ['2025-03-10-c', '2025-Q1', undefined, 0, 0],
      ['2025-03-31-d', '2025-Q2', 2, 0, 0],
    ]);
  });

  it('summarises each quarter and severity with n, leaving incidents without responders out of that figure only', () => {
    // Q1: responders 3 and 8 → median 5.5 of 2, one incident without; escalations 1, 2, 0 → median 1 of 3.
    expect(figures.byQuarter[0]).toMatchObject({
      key: '2025-Q1',
      incidents: 3,
      withoutResponders: 1,
      responders: { n: 2, values: [3, 8], median: 5.5, p90: undefined },
      escalations: { n: 3, median: 1 },
      helpedBy: { n: 3, median: 1 },
    });
    expect(figures.byQuarter[1]).toMatchObject({ key: '2025-Q2', incidents: 1, responders: { n: 1, median: 2 }, partial: true });
    // SEV2: a (3) and d (2) → median 2.5; SEV4 has no incident and is still listed.
    expect(figures.bySeverity.map((g) => [g.key, g.incidents, g.responders.median])).toEqual([
      ['SEV1', 1, 8],
      ['SEV2', 2, 2.5],
      ['SEV3', 1, undefined],
      ['SEV4', 0, undefined],
    ]);
  });

  it('draws every incident as a distribution, each median with its n, and says which incidents are left out', () => {
    const chart = respondersChart(
      'q',
      'People on the response, per quarter',
      'quarter',
      figures.byQuarter,
      figures.points,
      (p) => p.quarter,
      formatQuarter,
    );
    expect(chart.description).toBe(
      '3 incidents give how many people worked on the response; the median was 5.5 people (n = 2) in Q1 2025 and 2 people (n = 1) in Q2 2025. ' +
        'The most on one incident was 8 people. 1 incident without response.responders is left out.',
    );
    expect(chart.tables[0]!.rows).toEqual([
      ['Q1 2025', '3', '5.5 (n = 2)', 'values: 3, 8', '1', '1 (n = 3)', '1 (n = 3)'],
      ['Q2 2025 (partial)', '1', '2 (n = 1)', 'values: 2', '0', '0 (n = 1)', '0 (n = 1)'],
    ]);
    expect(chart.svg).toContain('aria-labelledby="q-title q-desc"');
  });

  it('groups the incidents into counted dots above DOTS_UP_TO, one per head count', () => {
    // 201 incidents in January: 3, 4 or 5 people in turn (67 of each).
    const many = Array.from({ length: DOTS_UP_TO + 1 }, (_, i) =>
      responded(`2025-01-${String(1 + (i % 28)).padStart(2, '0')}-r${i}`, 3 + (i % 3)),
    );
    const { byQuarter, points } = coordinationFigures(many, ['2025-Q1'], ['SEV3'], LONDON);
    const chart = respondersChart('g', 'People', 'quarter', byQuarter, points, (p) => p.quarter, formatQuarter);
    expect([(chart.svg.match(/<circle /g) ?? []).length, (chart.svg.match(/<a /g) ?? []).length]).toEqual([3, 0]);
    expect(chart.description).toContain(
      ' With more than 200 incidents a dot stands for every incident with the same number of people, larger for more.',
    );
    expect(chart.legend[0]).toEqual({ label: 'Larger dot: more incidents', color: 'currentColor', shape: 'dot' });
  });

  it('gives a 90th percentile from five incidents that give responders', () => {
    const five = [2, 4, 6, 8, 10].map((n, i) => responded(`2025-0${i + 1}-01-x`, n));
    // Sorted 2, 4, 6, 8, 10: median 6; p90 rank 0.9 × 4 = 3.6 → 8 + 0.6 × 2 = 9.2.
    expect(coordinationFigures(five, ['2025-Q1', '2025-Q2'], ['SEV3'], LONDON).bySeverity[0]!.responders).toMatchObject({
      n: 5,
      median: 6,
      p90: 9.2,
    });
  });

  it('says so when no incident gives responders', () => {
    const none = coordinationFigures([responded('2025-01-10-a', undefined)], ['2025-Q1'], ['SEV3'], LONDON);
    expect(respondersChart('n', 'People', 'quarter', none.byQuarter, none.points, (p) => p.quarter, formatQuarter)).toMatchObject({
      svg: '',
      description: 'No incident gives response.responders (1 incident in all), so there is nothing to draw.',
    });
  });
});
