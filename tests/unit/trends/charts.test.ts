import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { renderPlot } from '../../../src/lib/charts/render.ts';
import { countLogAxis, durationAxis, integerTicks, logMinutes, monthTickFormat } from '../../../src/lib/charts/scales.ts';
import {
  categoriesChart,
  decisionsChart,
  detectionChart,
  durationsChart,
  monthlyIncidentsChart,
  releaseChart,
  triggersChart,
} from '../../../src/lib/charts/overview-charts.ts';
import {
  budgetHeatmapChart,
  budgetLeftChart,
  formatBudgetLeft,
  formatMinutes,
  sloBudgetChart,
} from '../../../src/lib/charts/budget-charts.ts';
import { followThroughChart } from '../../../src/lib/charts/follow-through-charts.ts';
import { DOTS_UP_TO } from '../../../src/lib/charts/scales.ts';
import { buildOverview } from '../../../src/lib/trends/overview.ts';
import { budgetsByService } from '../../../src/lib/trends/budgets.ts';
import { guideServices, resolveThresholds } from '../../../src/lib/trends/decision-guide.ts';
import { listActionItems, tallyActionItems } from '../../../src/lib/trends/follow-through.ts';
import { countByMonth } from '../../../src/lib/trends/counts.ts';
import { durationsByQuarter } from '../../../src/lib/trends/durations.ts';
import { monthRange } from '../../../src/lib/trends/periods.ts';
import { DECISION_LABELS, DETECTION_LABELS, TRIGGER_LABELS } from '../../../src/lib/trends/labels.ts';
import { DETECTIONS } from '../../../src/schema/incident.ts';
import { DEFAULT_TAXONOMY } from '../../../src/schema/taxonomy.ts';
import { incident, LONDON, ORDERS, OVERVIEW_INCIDENTS, SERVICES, TEAMS } from './fixtures.ts';

const SEVERITIES = DEFAULT_TAXONOMY.severities.map((s) => ({ id: s.id, name: s.name }));
const CATEGORIES = DEFAULT_TAXONOMY.categories.map((c) => ({ id: c.id, name: c.name }));

describe('rendering a Plot chart to static SVG', () => {
  const svg = renderPlot('demo', {
    width: 300,
    height: 120,
    color: { type: 'identity' },
    marks: [Plot.barY([{ x: 'a', y: 2, c: 'var(--chart-1)' }], { x: 'x', y: 'y', fill: 'c' })],
  });

  it('labels the SVG by the chart’s title and description', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="demo-title demo-desc"');
  });

  it('leaves no ARIA attributes on the shapes inside: the SVG is one image', () => {
    expect(svg.match(/aria-[a-z]+="/g)).toEqual(['aria-labelledby="']);
  });

  it('paints var() colours with classes from the chart stylesheet, and carries no inline style', () => {
    expect(svg).toContain('<rect class="fill-chart-1" ');
    expect(svg).not.toContain('var(');
    expect(svg).not.toContain('style');
  });

  it('sets the text size and lets text take the page’s font', () => {
    expect(svg).toMatch(/^<svg [^>]*font-size="12"/);
    expect(svg).not.toContain('font-family');
    expect(svg).toMatch(/^<svg [^>]*overflow="visible"/);
    expect(svg).toMatch(/^<svg [^>]*class="chart-plot"/);
  });

  it('ships no script', () => {
    expect(svg).not.toMatch(/<script/i);
  });

  it('refuses Plot output that is not a bare SVG', () => {
    expect(() => renderPlot('titled', { title: 'Inside the plot', marks: [Plot.ruleY([0])] })).toThrow(
      'chart titled: expected Plot to return an SVG element, got <figure>; draw legends outside the plot',
    );
  });
});

describe('axes', () => {
  it('ticks counts in whole numbers', () => {
    expect(integerTicks(0)).toEqual([0, 1]);
    expect(integerTicks(2)).toEqual([0, 1, 2]);
    expect(integerTicks(13)).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
    expect(integerTicks(45)).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('draws durations on a log axis with every tick labelled', () => {
    const axis = durationAxis(100);
    expect(axis.ticks.map(axis.tickFormat)).toEqual(['1 min', '5 min', '15 min', '1 h', '4 h']);
    expect(axis.domain).toEqual([0, Math.log10(240)]);
    expect(durationAxis(50_000).ticks.map(durationAxis(50_000).tickFormat).at(-1)).toBe('30 d');
    expect(logMinutes(0)).toBe(0);
    expect(logMinutes(100)).toBe(2);
  });

  it('draws lines changed on a log axis of powers of ten', () => {
    const axis = countLogAxis(6200);
    expect(axis.ticks.map(axis.tickFormat)).toEqual(['1', '10', '100', '1,000', '10,000']);
  });

  it('labels every month of a short range and every third of a long one, with the year on January and the first month', () => {
    const short = monthRange('2025-11', '2026-02');
    expect(short.map(monthTickFormat(short))).toEqual(['Nov\n2025', 'Dec', 'Jan\n2026', 'Feb']);
    const long = monthRange('2025-01', '2026-11');
    expect(long.map(monthTickFormat(long)).slice(0, 7)).toEqual(['Jan\n2025', '', '', 'Apr', '', '', 'Jul']);
    expect(long.map(monthTickFormat(long))[12]).toBe('Jan\n2026');
  });
});

describe('overview charts describe their numbers in words and tables', () => {
  const incidents = OVERVIEW_INCIDENTS;
  const overview = buildOverview(incidents, { from: '2025-01', to: '2026-11' }, ORDERS, LONDON);

  it('incidents per month: totals by severity and the busiest month', () => {
    const months = countByMonth(
      [
        incident('2025-01-14-a', { severity: 'SEV2' }),
        incident('2025-01-20-b', { severity: 'SEV2' }),
        incident('2025-01-28-c', { severity: 'SEV1' }),
        incident('2025-01-30-near', { type: 'near-miss' }),
        incident('2025-03-02-d', { severity: 'SEV4' }),
      ],
      ['2025-01', '2025-02', '2025-03'],
      ORDERS.severities,
      LONDON,
    );
    const chart = monthlyIncidentsChart('per-month', months, SEVERITIES);
    expect(chart.description).toBe(
      '4 incidents and 1 near-miss from Jan 2025 to Mar 2025 (1 SEV1, 2 SEV2 and 1 SEV4). The most in one month was 3, in Jan 2025.',
    );
    expect(chart.tables[0]!.head).toEqual(['Month', 'SEV1', 'SEV2', 'SEV3', 'SEV4', 'Incidents', 'Near-misses']);
    expect(chart.tables[0]!.rows[0]).toEqual(['Jan 2025', '1', '2', '0', '0', '3', '1']);
    expect(chart.svg).toContain('aria-labelledby="per-month-title per-month-desc"');
  });

  it('incidents per month: says so when a slice is empty', () => {
    const chart = monthlyIncidentsChart(
      'empty',
      countByMonth([], ['2025-01', '2025-02', '2025-03'], ORDERS.severities, LONDON),
      SEVERITIES,
    );
    expect(chart.description).toBe('No incidents or near-misses from Jan 2025 to Mar 2025.');
  });

  it('durations: medians with their n, the values instead of a 90th percentile below five, and no quarterly comparison of small samples', () => {
    const data = durationsByQuarter(
      [
        incident('2025-02-10-a'),
        incident('2025-03-05-b', { detected: '2025-03-05T10:30:00Z', mitigated: '2025-03-05T11:30:00Z', resolved: '2025-03-06T10:00:00Z' }),
        incident('2025-05-01-c', { resolved: undefined }),
      ],
      ['2025-Q1', '2025-Q2'],
      LONDON,
    );
    // Detect 10, 30, 10: median 10 of 3. Mitigate 40, 90, 40: median 40 of 3. Resolve 120 and 1,440: median 780 (13 h) of 2.
    // Q1 has 2 incidents and Q2 1: neither reaches 5, so the quarters are not compared.
    expect(durationsChart('durations', data).description).toBe(
      'Across 3 incidents (near-misses left out), the median time to detect was 10 min (n = 3), to mitigate 40 min (n = 3) ' +
        'and to resolve 13 h (n = 2). Quarters are compared only when each has at least 5 incidents; none has. ' +
        '1 incident without a resolved time is left out of time to resolve.',
    );
    expect(durationsChart('durations', data).tables[0]!.rows).toEqual([
      [
        'Q1 2025',
        '2',
        '20 min (n = 2)',
        'values: 10 min, 30 min',
        '1 h 05 min (n = 2)',
        'values: 40 min, 1 h 30 min',
        '13 h (n = 2)',
        'values: 2 h, 1 d',
        '0',
      ],
      ['Q2 2025', '1', '10 min (n = 1)', 'values: 10 min', '40 min (n = 1)', 'values: 40 min', '–', '–', '1'],
    ]);
  });

  it('durations: compares the first and last quarters with five incidents each, and gives 90th percentiles from five', () => {
    const mitigatedAfter = (id: string, minutes: number) =>
      incident(id, {
        mitigated: new Date(Date.parse(`${id.slice(0, 10)}T10:00:00Z`) + minutes * 60_000).toISOString(),
        resolved: undefined,
      });
    const q1 = [10, 20, 30, 40, 50].map((m, i) => mitigatedAfter(`2025-02-0${i + 1}-q1`, m));
    const q2 = [60, 70, 80, 90, 100].map((m, i) => mitigatedAfter(`2025-05-0${i + 1}-q2`, m));
    const q3 = [15, 25, 35, 45].map((m, i) => mitigatedAfter(`2025-08-0${i + 1}-q3`, m));
    const chart = durationsChart(
      'durations',
      durationsByQuarter([...q1, ...q2, ...q3], ['2025-Q1', '2025-Q2', '2025-Q3'], LONDON, '2025-Q3'),
    );
    // Q1: 10..50, median 30 (n = 5); Q2: 60..100, median 80 = 1 h 20 min (n = 5); Q3 has only 4 and is not compared.
    // Mitigate over all 14: sorted 10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100; median (40 + 45) / 2 = 42.5 → 43 min;
    // p90 rank 0.9 × 13 = 11.7: 80 + 0.7 × 10 = 87 min (1 h 27 min).
    expect(chart.description).toContain('to mitigate 43 min (n = 14, 90th percentile 1 h 27 min)');
    expect(chart.description).toContain(
      'The quarterly median time to mitigate went from 30 min (n = 5) in Q1 2025 to 1 h 20 min (n = 5) in Q2 2025. Q3 2025 is in progress.',
    );
    // p90 of Q1: rank 3.6 → 40 + 0.6 × 10 = 46; Q3 shows its four values; the quarter in progress is marked.
    expect(chart.tables[0]!.rows.map((r) => [r[0], r[4], r[5]])).toEqual([
      ['Q1 2025', '30 min (n = 5)', '46 min'],
      ['Q2 2025', '1 h 20 min (n = 5)', '1 h 36 min'],
      ['Q3 2025 (partial)', '30 min (n = 4)', 'values: 15 min, 25 min, 35 min, 45 min'],
    ]);
  });

  it('durations: says so when only one quarter has enough incidents to compare', () => {
    const five = [10, 20, 30, 40, 50].map((m, i) =>
      incident(`2025-02-0${i + 1}-q1`, { mitigated: new Date(Date.parse(`2025-02-0${i + 1}T10:00:00Z`) + m * 60_000).toISOString() }),
    );
    const chart = durationsChart('durations', durationsByQuarter([...five, incident('2025-05-01-q2')], ['2025-Q1', '2025-Q2'], LONDON));
    expect(chart.description).toContain('Quarters are compared only when each has at least 5 incidents; only one has.');
  });

  it('categories: the most common and the ones not seen lately', () => {
    const chart = categoriesChart('categories', overview.quarters, overview.categories, overview.dormantCategories, CATEGORIES);
    expect(chart.description).toBe(
      'The most common categories: Release size (2), Testing (2) and Configuration (2). An incident counts once per category. ' +
        'Not seen in the last four quarters: Release size (last in Q1 2025) and Monitoring gap (last in Q2 2025).',
    );
    expect(chart.tables[0]!.rows[0]).toEqual(['Release size', '2', '0', '0', '0', '0', '0', '0', '0', '2']);
  });

  it('triggers: the three most frequent with their shares', () => {
    expect(triggersChart('triggers', overview.years, overview.triggers, TRIGGER_LABELS).description).toBe(
      'Deploy 2 of 5 (40%), config change 2 of 5 (40%) and infrastructure 1 of 5 (20%) set off the most incidents and near-misses.',
    );
  });

  it('detection: shares of alerts and customers overall, and no half-year comparison of small samples', () => {
    // H1 2025 has 3, H1 2026 and H2 2026 one each: none reaches 5.
    const chart = detectionChart('detection', overview.halves, overview.detection, DETECTIONS, DETECTION_LABELS);
    expect(chart.description).toBe(
      'Alerts noticed 2 of 5 incidents and near-misses (40%); customers reported 2 (40%). ' +
        'Half-years are compared only when at least two have 5 or more.',
    );
    expect(chart.tables[0]!.rows.at(-1)).toEqual(['All', '3', '0', '1', '1', '5']);
  });

  it('detection: compares the half-years that have five or more, each share with its total', () => {
    const noticed = (id: string, detection: 'alert' | 'customer-report') => incident(id, { detection });
    const incidents = [
      ...['01', '02', '03'].map((d) => noticed(`2025-02-${d}-a`, 'alert')),
      ...['04', '05'].map((d) => noticed(`2025-02-${d}-c`, 'customer-report')),
      noticed('2025-08-01-a', 'alert'),
      ...['02', '03', '04', '05'].map((d) => noticed(`2025-08-${d}-c`, 'customer-report')),
      noticed('2026-02-01-a', 'alert'),
    ];
    const data = buildOverview(incidents, { from: '2025-01', to: '2026-06' }, ORDERS, LONDON);
    // H1 2025: 3 alerts of 5 (60%), 2 customers (40%); H2 2025: 1 of 5 (20%), 4 (80%); H1 2026 has one and is left out.
    expect(detectionChart('detection', data.halves, data.detection, DETECTIONS, DETECTION_LABELS).description).toBe(
      'Alerts noticed 5 of 11 incidents and near-misses (45%); customers reported 6 (55%). ' +
        "The alerts' share was 60% of 5 in H1 2025 and 20% of 5 in H2 2025; the customers' share was 40% of 5 in H1 2025 and 80% of 5 in H2 2025.",
    );
  });

  it('decisions: count and median time to mitigate', () => {
    expect(decisionsChart('decisions', overview.decisions, DECISION_LABELS).description).toBe(
      'Roll-back 4 (median 40 min, n = 4): incidents per decision with the median time to mitigate. Near-misses are left out.',
    );
    // Four values: no 90th percentile, the values themselves.
    expect(decisionsChart('decisions', overview.decisions, DECISION_LABELS).tables[0]!.rows).toEqual([
      ['Roll-back', '4', '40 min (n = 4)', 'values: 40 min, 40 min, 40 min, 40 min', '40 min', '40 min'],
    ]);
  });

  it('release size: each band’s incidents, severity, time to mitigate and latest date, with the caveat', () => {
    const chart = releaseChart('releases', overview.releases, SEVERITIES, LONDON);
    expect(chart.description).toBe(
      'Up to 100 lines: 1 incident (0 SEV1 or SEV2), median time to mitigate 40 min (n = 1), the latest on 29 Sept 2026. ' +
        'Over 1,000 lines: 1 incident (1 SEV1 or SEV2), median time to mitigate 40 min (n = 1), the latest on 14 Jan 2025. ' +
        'The archive records only releases that went wrong, so this compares failures with each other, not failure rates.',
    );
    expect(chart.tables[1]!.rows).toEqual([
      ['14 Jan 2025', 'Incident 2025-01-14-a', 'SEV2', '6,200', '14', '40 min'],
      ['29 Sept 2026', 'Incident 2026-09-29-d', 'SEV3', '14', '1', '40 min'],
    ]);
  });

  it('draws every incident as a linked dot up to DOTS_UP_TO, and groups them into counted dots beyond', () => {
    // Each incident detected 10 minutes and mitigated 40 minutes after it started, resolved never: two points apiece.
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        incident(`2025-02-${String(1 + (i % 28)).padStart(2, '0')}-i${i}`, {
          mitigated: new Date(Date.parse(`2025-02-${String(1 + (i % 28)).padStart(2, '0')}T10:40:00Z`)).toISOString(),
          resolved: undefined,
        }),
      );
    const links = (svg = '') => (svg.match(/<a /g) ?? []).length;
    const dots = (svg = '') => (svg.match(/<circle /g) ?? []).length;
    const chartOf = (n: number) => durationsChart('durations', durationsByQuarter(many(n), ['2025-Q1'], LONDON, '2025-Q2'));
    const few = chartOf(DOTS_UP_TO);
    expect([links(few.svg), links(few.svgNarrow)]).toEqual([2 * DOTS_UP_TO, 2 * DOTS_UP_TO]);
    expect(few.description).not.toContain('a dot stands for');
    const grouped = chartOf(DOTS_UP_TO + 1);
    // One dot per measure with values: every detection took 10 minutes and every mitigation 40.
    expect([links(grouped.svg), dots(grouped.svg), dots(grouped.svgNarrow)]).toEqual([0, 2, 2]);
    expect(grouped.description).toContain(
      " With more than 200 incidents a dot stands for every incident in a band of duration, larger for more; the table gives each quarter's figures.",
    );
    expect(grouped.svg.length).toBeLessThan(few.svg.length / 10);

    const releases = (n: number) => ({
      points: Array.from({ length: n }, (_, i) => ({
        id: `2025-03-01-r${i}`,
        title: `Release ${i}`,
        started: '2025-03-01T10:00:00Z',
        severity: 'SEV3',
        linesChanged: i % 2 === 0 ? 50 : 5000,
        pullRequests: 1,
        timeToMitigate: 30,
      })),
      bands: [],
    });
    const linkedReleases = releaseChart('releases', releases(DOTS_UP_TO), SEVERITIES, LONDON);
    expect(links(linkedReleases.svg)).toBe(DOTS_UP_TO);
    const groupedReleases = releaseChart('releases', releases(DOTS_UP_TO + 1), SEVERITIES, LONDON);
    // Two cells: 50 lines and 5,000 lines, both mitigated in 30 minutes.
    expect([links(groupedReleases.svg), dots(groupedReleases.svg)]).toEqual([0, 2]);
    expect(groupedReleases.legend).toEqual([{ label: 'Larger dot: more incidents', color: 'currentColor', shape: 'dot' }]);
  });

  it('draws nothing, and says why, for a slice without data', () => {
    const empty = buildOverview([], { from: '2026-01', to: '2026-03' }, ORDERS, LONDON);
    expect(categoriesChart('c', empty.quarters, empty.categories, empty.dormantCategories, CATEGORIES)).toMatchObject({
      svg: '',
      description: 'No contributing factors recorded.',
    });
    expect(triggersChart('t', empty.years, empty.triggers, TRIGGER_LABELS)).toMatchObject({ svg: '', description: 'No incidents.' });
    expect(detectionChart('d', empty.halves, empty.detection, DETECTIONS, DETECTION_LABELS)).toMatchObject({
      svg: '',
      description: 'No incidents.',
    });
    expect(decisionsChart('r', empty.decisions, DECISION_LABELS)).toMatchObject({ svg: '', description: 'No incidents.' });
    expect(releaseChart('s', empty.releases, SEVERITIES, LONDON)).toMatchObject({
      svg: '',
      description: 'No incident records the size of the release that set it off.',
    });
    expect(durationsChart('u', empty.durations).description).toBe('No incidents to measure; near-misses are not included.');
  });
});

describe('budget charts', () => {
  const hit = (id: string, badMinutes: number) => incident(id, { slo_impact: [{ slo: 'checkout-availability', bad_minutes: badMinutes }] });
  const budgets = budgetsByService(
    SERVICES,
    [hit('2025-01-10-a', 30), hit('2025-01-20-b', 30), hit('2025-03-01-c', 10)],
    monthRange('2025-01', '2025-03'),
    '2025-03-31',
    LONDON,
  );
  const slos = budgets.flatMap((b) => b.slos);

  it('formats minutes and the budget left, overspent included', () => {
    expect(formatMinutes(43.2)).toBe('43.2 min');
    expect(formatMinutes(4.32)).toBe('4.32 min');
    expect(formatMinutes(1865)).toBe('1,865 min');
    expect(formatBudgetLeft(0.62)).toBe('62%');
    expect(formatBudgetLeft(0)).toBe('none');
    expect(formatBudgetLeft(-0.08)).toBe('none (8% overspent)');
  });

  it('one SLO: each incident a linked dot up to DOTS_UP_TO, unlinked beyond (the tables list them)', () => {
    const chartOf = (n: number) => {
      const hits = Array.from({ length: n }, (_, i) => hit(`2025-02-${String(1 + (i % 28)).padStart(2, '0')}-h${i}`, 1));
      const slo = budgetsByService(SERVICES, hits, monthRange('2025-02', '2025-02'), '2025-02-28', LONDON).flatMap((b) => b.slos)[0]!;
      return sloBudgetChart('availability', slo, LONDON).svg ?? '';
    };
    expect((chartOf(DOTS_UP_TO).match(/<a /g) ?? []).length).toBe(DOTS_UP_TO);
    const unlinked = chartOf(DOTS_UP_TO + 1);
    expect([(unlinked.match(/<a /g) ?? []).length, (unlinked.match(/<circle /g) ?? []).length]).toEqual([0, DOTS_UP_TO + 1]);
  });

  it('the monthly grid: months over budget, the worst one and the SLOs never touched', () => {
    // January: 60 of 44.64 = 134%; March: 10 of 44.58 = 22%.
    const chart = budgetHeatmapChart('months', slos, monthRange('2025-01', '2025-03'));
    expect(chart.description).toBe(
      "1 SLO lost budget to incidents; in 1 SLO-month incidents alone consumed more than the month's budget. " +
        'The worst was checkout-availability in Jan 2025 at 134%. No incident touched checkout-latency and search-freshness.',
    );
    expect(chart.tables[0]!.rows).toEqual([
      ['checkout-availability', 'Jan 2025', '60 min', '44.64 min', '134%'],
      ['checkout-availability', 'Mar 2025', '10 min', '44.58 min', '22%'],
    ]);
  });

  it('one SLO: the fullest window, months and windows over budget, and what is left now', () => {
    // Windows when mitigated: a 30 / 43.2 = 69%; b 60 / 43.2 = 139%; c: a and b are over 30 days earlier, 10 / 43.2 = 23%.
    // Now (to the end of 31 March): c on 1 March 10:00 UTC is before 2 March 23:00 UTC, so nothing is spent.
    const chart = sloBudgetChart('availability', slos[0]!, LONDON);
    expect(chart.description).toBe(
      '99.9% over 30 days allows 43.2 min of bad time per window. 3 incidents consumed budget; ' +
        'the fullest 30-day window reached 139% when the incident of 20 Jan 2025 was mitigated. Over budget in 1 calendar month, and in the window when 1 incident was mitigated. Left now: 100%.',
    );
    expect(chart.tables[1]!.rows.map((r) => r.slice(2))).toEqual([
      ['30 min', '0%', '69%'],
      ['30 min', '69%', '139%'],
      ['10 min', '0%', '23%'],
    ]);
    expect(sloBudgetChart('latency', slos[1]!, LONDON)).toMatchObject({
      svg: '',
      tables: [],
      description: '99.95% over 30 days allows 21.6 min of bad time per window. No incident consumed any of it.',
    });
  });

  it('budget left per service, with the thresholds', () => {
    const chart = budgetLeftChart('left', guideServices(budgets, resolveThresholds(undefined)), resolveThresholds(undefined), '2025-03-31');
    expect(chart.description).toBe(
      'On 31 Mar 2025: 2 services “Hot-fix or investigate”. Thresholds: roll back first below 25% left; hot-fix or investigate from 50%.',
    );
    expect(chart.tables[0]!.rows).toEqual([
      // Both checkout SLOs have 100% left: latency has fewer minutes left (21.6 against 43.2), so it decides.
      ['Checkout API', 'checkout-latency', '0 min', '100%', 'Hot-fix or investigate'],
      ['Product Search', 'search-freshness', '0 min', '100%', 'Hot-fix or investigate'],
    ]);
  });
});

describe('follow-through chart', () => {
  it('names who holds the overdue items, most first, ties by id', () => {
    const rows = listActionItems(
      [
        incident('2025-06-01-y', {
          teams: ['storefront'],
          action_items: [
            { title: 'A', kind: 'detect', owner: 'rsato', priority: 'P1', due: '2026-11-01', status: 'in-progress' },
            { title: 'B', kind: 'detect', owner: 'storefront', priority: 'P3', due: '2025-06-30', status: 'done', closed: '2025-06-12' },
          ],
        }),
        incident('2025-07-01-z', {
          teams: ['platform'],
          action_items: [
            { title: 'C', kind: 'detect', owner: 'platform', priority: 'P2', due: '2026-11-25', status: 'open' },
            { title: 'D', kind: 'detect', owner: 'platform', priority: 'P2', due: '2026-12-25', status: 'open' },
          ],
        }),
      ],
      new Set(TEAMS.map((t) => t.id)),
    );
    const chart = followThroughChart(
      'teams',
      'Action items by team',
      'team',
      tallyActionItems(
        rows,
        (r) => r.team ?? 'no team',
        TEAMS.map((t) => t.id),
      ),
      (id) => TEAMS.find((t) => t.id === id)?.name ?? id,
    );
    expect(chart.description).toBe(
      '4 action items: 1 done (25%), 0 won’t do (0%), 3 open (75%), 2 of them overdue. Overdue items sit with Platform (1) and Storefront (1).',
    );
    // Items, done, won't do, open, overdue, then done, won't-do and open as shares of all items; B took 1 Jun → 12 Jun = 11 days.
    expect(chart.tables[0]!.head).toEqual([
      'Team',
      'Items',
      'Done',
      'Won’t do',
      'Open',
      'Overdue',
      'Done share',
      'Won’t-do share',
      'Open share',
      'Days to close: median',
    ]);
    expect(chart.tables[0]!.rows).toEqual([
      ['Storefront', '2', '1', '0', '1', '1', '50%', '0%', '50%', '11 days (n = 1)'],
      ['Platform', '2', '0', '0', '2', '1', '0%', '0%', '100%', '–'],
    ]);
  });
});
