import * as Plot from '@observablehq/plot';
import { canCompare, MIN_SAMPLE, severeSeverities } from '../figures.ts';
import { formatCount, formatDay, formatMedian, formatP90, formatPercent } from '../format.ts';
import { formatDuration } from '../time.ts';
import type { MonthCount, PeriodTally, ReleaseBand, ReleasePoint, DecisionFigures } from '../trends/counts.ts';
import {
  DURATION_MEASURES,
  summariseDurations,
  type DurationPoint,
  type DurationSummary,
  type QuarterDurations,
} from '../trends/durations.ts';
import { labelOf, listInProse, plural } from '../trends/labels.ts';
import { formatHalf, formatMonth, formatQuarter, monthOf, type HalfKey, type QuarterKey } from '../trends/periods.ts';
import { NARROW_WIDTH, renderPlot, renderResponsive, type Chart } from './render.ts';
import {
  CHART_WIDTH,
  countLogAxis,
  DOTS_UP_TO,
  durationAxis,
  everyOther,
  integerTicks,
  logMinutes,
  monthTickFormat,
  seriesColor,
  severityColor,
  shortQuarter,
} from './scales.ts';

/** A severity or category id with its display name. */
export interface Named {
  id: string;
  name: string;
}

const dash = '–';
const minutesOrDash = (m: number | undefined) => (m === undefined ? dash : formatDuration(m));

/** Incidents per month stacked by severity, with near-misses in a panel of their own. */
export function monthlyIncidentsChart(id: string, months: readonly MonthCount[], severities: readonly Named[]): Chart {
  const keys = months.map((m) => m.month);
  const incidents = months.reduce((sum, m) => sum + m.incidents, 0);
  const nearMisses = months.reduce((sum, m) => sum + m.nearMisses, 0);
  const first = keys[0];
  const last = keys.at(-1);
  const span =
    first === undefined || last === undefined
      ? ''
      : first === last
        ? ` in ${formatMonth(first)}`
        : ` from ${formatMonth(first)} to ${formatMonth(last)}`;
  let description: string;
  if (incidents + nearMisses === 0) {
    description = `No incidents or near-misses${span}.`;
  } else {
    const bySeverity = severities
      .map((s) => ({ s, n: months.reduce((sum, m) => sum + (m.bySeverity[s.id] ?? 0), 0) }))
      .filter((x) => x.n > 0)
      .map((x) => `${x.n} ${x.s.id}`);
    const busiest = Math.max(...months.map((m) => m.incidents));
    const busiestMonths = months.filter((m) => m.incidents === busiest && busiest > 0).map((m) => formatMonth(m.month));
    description =
      `${plural(incidents, 'incident')} and ${plural(nearMisses, 'near-miss', 'near-misses')}${span}` +
      (bySeverity.length > 0 ? ` (${listInProse(bySeverity)})` : '') +
      '.' +
      (busiest > 0 ? ` The most in one month was ${busiest}, in ${listInProse(busiestMonths)}.` : '');
  }
  const partial = months.find((m) => m.partial);
  if (partial) description += ` ${formatMonth(partial.month)} is in progress: counted up to the reference day only.`;
  const bars = months
    .flatMap((m) =>
      severities.map((s, i) => ({
        month: m.month,
        facet: 'Incidents',
        severity: s.id,
        color: severityColor(i),
        count: m.bySeverity[s.id] ?? 0,
      })),
    )
    .filter((b) => b.count > 0);
  const misses = months.filter((m) => m.nearMisses > 0).map((m) => ({ month: m.month, facet: 'Near-misses', count: m.nearMisses }));
  const max = Math.max(1, ...months.map((m) => Math.max(m.incidents, m.nearMisses)));
  const { svg, svgNarrow } = renderResponsive(
    id,
    {
      width: CHART_WIDTH,
      height: 320,
      marginLeft: 40,
      marginRight: 90,
      marginBottom: 40,
      x: { domain: keys, type: 'band', padding: 0.2, tickFormat: monthTickFormat(keys), label: null },
      y: { ticks: integerTicks(max), tickFormat: 'd', label: 'Count', grid: true, domain: [0, integerTicks(max).at(-1)!] },
      fy: { domain: ['Incidents', 'Near-misses'], label: null },
      color: { type: 'identity' },
      marks: [
        Plot.barY(bars, { x: 'month', y: 'count', fy: 'facet', fill: 'color', z: 'severity', order: severities.map((s) => s.id) }),
        Plot.barY(misses, { x: 'month', y: 'count', fy: 'facet', fill: 'var(--chart-muted)' }),
        // A baseline in both panels, so a panel without bars is still drawn with its axis.
        Plot.ruleY([{ facet: 'Incidents' }, { facet: 'Near-misses' }], { y: 0, fy: 'facet' }),
      ],
    },
    {
      marginRight: 84,
      x: { domain: keys, type: 'band', padding: 0.15, tickFormat: monthTickFormat(keys, keys.length > 12 ? 6 : 3), label: null },
    },
  );
  return {
    id,
    title: 'Incidents per month, by severity',
    description,
    svg,
    svgNarrow,
    legend: [
      ...severities.map((s, i) => ({ label: `${s.id} ${s.name}`, color: severityColor(i) })),
      { label: 'Near-miss', color: 'var(--chart-muted)' },
    ],
    tables: [
      {
        caption: 'Incidents per month by severity, and near-misses',
        head: ['Month', ...severities.map((s) => s.id), 'Incidents', 'Near-misses'],
        numeric: [false, ...severities.map(() => true), true, true],
        rows: months.map((m) => [
          `${formatMonth(m.month)}${m.partial ? ' (partial)' : ''}`,
          ...severities.map((s) => String(m.bySeverity[s.id] ?? 0)),
          String(m.incidents),
          String(m.nearMisses),
        ]),
      },
    ],
  };
}

function overall(points: readonly DurationPoint[], measure: DurationPoint['measure']): DurationSummary {
  return summariseDurations(points.filter((p) => p.measure === measure).map((p) => p.minutes));
}

/** Time to detect, mitigate and resolve per quarter: every incident as a dot, the median and 90th percentile as lines. */
export function durationsChart(id: string, data: { quarters: readonly QuarterDurations[]; points: readonly DurationPoint[] }): Chart {
  const quarters = data.quarters.map((q) => q.quarter);
  const label = (measure: DurationPoint['measure']) => DURATION_MEASURES.find((m) => m.key === measure)!.label;
  const incidents = data.quarters.reduce((sum, q) => sum + q.incidents, 0);
  const unresolved = data.quarters.reduce((sum, q) => sum + q.unresolved, 0);
  let description: string;
  if (incidents === 0) {
    description = 'No incidents to measure; near-misses are not included.';
  } else {
    const parts = DURATION_MEASURES.map(({ key }, n) => {
      const s = overall(data.points, key);
      const verb = ['detect', 'mitigate', 'resolve'][n]!;
      const spread = s.p90 === undefined ? '' : `, 90th percentile ${minutesOrDash(s.p90)}`;
      return `${n === 0 ? 'time to detect was' : 'to'}${n === 0 ? '' : ` ${verb}`} ${minutesOrDash(s.median)} (n = ${s.n}${spread})`;
    });
    // Quarters are compared only when both rest on enough incidents.
    const enough = data.quarters.filter((q) => q.timeToMitigate.n >= MIN_SAMPLE);
    const firstQ = enough[0];
    const lastQ = enough.at(-1);
    const compared =
      firstQ && lastQ && firstQ !== lastQ && canCompare(firstQ.timeToMitigate, lastQ.timeToMitigate)
        ? ` The quarterly median time to mitigate went from ${formatMedian(firstQ.timeToMitigate, formatDuration)} in ${formatQuarter(firstQ.quarter)} to ${formatMedian(lastQ.timeToMitigate, formatDuration)} in ${formatQuarter(lastQ.quarter)}.`
        : ` Quarters are compared only when each has at least ${MIN_SAMPLE} incidents; ${enough.length === 0 ? 'none has' : 'only one has'}.`;
    const partial = data.quarters.find((q) => q.partial && q.incidents > 0);
    description =
      `Across ${plural(incidents, 'incident')} (near-misses left out), the median ${listInProse(parts)}.` +
      (data.quarters.length > 1 ? compared : '') +
      (partial ? ` ${formatQuarter(partial.quarter)} is in progress.` : '') +
      (unresolved > 0
        ? ` ${plural(unresolved, 'incident')} without a resolved time ${unresolved === 1 ? 'is' : 'are'} left out of time to resolve.`
        : '') +
      (data.points.some((p) => p.minutes < 1) ? ' Durations under a minute are drawn at one minute.' : '');
  }
  const max = data.points.reduce((m, p) => Math.max(m, p.minutes), 1);
  const points = data.points.map((p) => ({ ...p, label: label(p.measure), y: logMinutes(p.minutes) }));
  const grouped = incidents > DOTS_UP_TO;
  if (grouped)
    description += ` With more than ${formatCount(DOTS_UP_TO)} incidents a dot stands for every incident in a band of duration, larger for more; the table gives each quarter's figures.`;
  // The median of every quarter with values; the 90th percentile only where it rests on enough of them.
  const lines = data.quarters.flatMap((q) =>
    DURATION_MEASURES.flatMap(({ key, label: name }) => {
      const s = q[key];
      return s.median === undefined ? [] : [{ quarter: q.quarter, label: name, median: logMinutes(s.median) }];
    }),
  );
  const p90Lines = data.quarters.flatMap((q) =>
    DURATION_MEASURES.flatMap(({ key, label: name }) => {
      const s = q[key];
      return s.p90 === undefined ? [] : [{ quarter: q.quarter, label: name, p90: logMinutes(s.p90) }];
    }),
  );
  const { svg, svgNarrow } = renderResponsive(
    id,
    {
      width: CHART_WIDTH,
      height: 460,
      marginLeft: 56,
      marginRight: 110,
      marginBottom: 30,
      fx: { domain: quarters, tickFormat: formatQuarter, label: null, padding: 0.1 },
      fy: { domain: DURATION_MEASURES.map((m) => m.label), label: null },
      x: { axis: null, domain: [0, 1] },
      y: { ...durationAxis(max), grid: true, label: null },
      ...(grouped ? { r: { range: [0, 9] } } : {}),
      marks: [
        // Every quarter and measure gets a panel, including quarters without incidents.
        Plot.ruleY(
          quarters.flatMap((quarter) => DURATION_MEASURES.map((m) => ({ quarter, label: m.label }))),
          { fx: 'quarter', fy: 'label', y: 0, stroke: 'var(--chart-grid)' },
        ),
        Plot.frame({ stroke: 'var(--chart-grid)' }),
        Plot.ruleY(p90Lines, { fx: 'quarter', fy: 'label', y: 'p90', stroke: 'var(--chart-2)', strokeWidth: 1.5, strokeDasharray: '4 3' }),
        Plot.ruleY(lines, { fx: 'quarter', fy: 'label', y: 'median', stroke: 'var(--chart-1)', strokeWidth: 3 }),
        grouped
          ? // One dot per band of duration, its area the number of incidents in it.
            Plot.dot(
              points,
              Plot.binY<Plot.DotOptions>(
                { r: 'count' },
                { fx: 'quarter', fy: 'label', y: 'y', x: 0.5, thresholds: 24, fill: 'currentColor', fillOpacity: 0.6 },
              ),
            )
          : Plot.dot(
              points,
              Plot.dodgeX('middle', {
                fx: 'quarter',
                fy: 'label',
                y: 'y',
                r: 3.5,
                fill: 'currentColor',
                fillOpacity: 0.6,
                padding: 1,
                href: (p: { id: string }) => `/incidents/${p.id}/`,
                title: (p: { title: string; minutes: number }) => `${p.title}: ${formatDuration(p.minutes)}`,
              }),
            ),
      ],
    },
    {
      height: 520,
      marginLeft: 48,
      marginRight: 96,
      fx: { domain: quarters, tickFormat: shortQuarter, label: null, padding: 0.1 },
      y: { ...durationAxis(max, true), grid: true, label: null },
    },
  );
  const row = (q: QuarterDurations) => [
    `${formatQuarter(q.quarter)}${q.partial ? ' (partial)' : ''}`,
    String(q.incidents),
    formatMedian(q.timeToDetect, formatDuration),
    formatP90(q.timeToDetect, formatDuration),
    formatMedian(q.timeToMitigate, formatDuration),
    formatP90(q.timeToMitigate, formatDuration),
    formatMedian(q.timeToResolve, formatDuration),
    formatP90(q.timeToResolve, formatDuration),
    String(q.unresolved),
  ];
  return {
    id,
    title: 'Time to detect, mitigate and resolve, per quarter',
    description,
    svg,
    svgNarrow,
    legend: [
      { label: 'One incident', color: 'currentColor', shape: 'dot' },
      { label: 'Median', color: 'var(--chart-1)', shape: 'line' },
      { label: `90th percentile (from ${MIN_SAMPLE} incidents)`, color: 'var(--chart-2)', shape: 'line' },
    ],
    tables: [
      {
        caption: `Median and 90th percentile durations per quarter (incidents only); below ${MIN_SAMPLE} incidents the values themselves`,
        head: [
          'Quarter',
          'Incidents',
          'Detect: median',
          'Detect: p90',
          'Mitigate: median',
          'Mitigate: p90',
          'Resolve: median',
          'Resolve: p90',
          'Unresolved',
        ],
        numeric: [false, true, true, true, true, true, true, true, true],
        rows: data.quarters.map(row),
      },
    ],
  };
}

/** Contributing-factor categories per quarter as a grid of counts. */
export function categoriesChart(
  id: string,
  quarters: readonly QuarterKey[],
  tallies: readonly PeriodTally[],
  dormant: readonly PeriodTally[],
  categories: readonly Named[],
): Chart {
  const name = (key: string) => categories.find((c) => c.id === key)?.name ?? key;
  let description: string;
  if (tallies.length === 0) {
    description = 'No contributing factors recorded.';
  } else {
    const top = tallies.slice(0, 3).map((t) => `${name(t.key)} (${t.total})`);
    description =
      `The most common categories: ${listInProse(top)}. An incident counts once per category.` +
      (dormant.length > 0
        ? ` Not seen in the last four quarters: ${listInProse(dormant.map((t) => `${name(t.key)} (last in ${formatQuarter(t.last)})`))}.`
        : '');
  }
  const max = Math.max(1, ...tallies.flatMap((t) => t.counts));
  const cells = tallies
    .flatMap((t) => t.counts.map((count, i) => ({ category: name(t.key), quarter: quarters[i]!, count })))
    .filter((c) => c.count > 0);
  const { svg, svgNarrow } =
    tallies.length === 0
      ? { svg: '', svgNarrow: '' }
      : renderResponsive(
          id,
          {
            width: CHART_WIDTH,
            height: 40 + tallies.length * 26,
            marginLeft: 150,
            marginTop: 30,
            x: { domain: [...quarters], tickFormat: formatQuarter, label: null, axis: 'top', padding: 0.06 },
            y: { domain: tallies.map((t) => name(t.key)), label: null, padding: 0.06 },
            marks: [
              Plot.cell(cells, {
                x: 'quarter',
                y: 'category',
                fill: 'var(--chart-1)',
                fillOpacity: (d: { count: number }) => 0.15 + 0.55 * (d.count / max),
              }),
              Plot.text(cells, { x: 'quarter', y: 'category', text: 'count', fill: 'currentColor', fontWeight: 600 }),
            ],
          },
          {
            height: 50 + tallies.length * 26,
            marginLeft: 128,
            marginTop: 40,
            x: { domain: [...quarters], tickFormat: shortQuarter, label: null, axis: 'top', padding: 0.06 },
          },
        );
  return {
    id,
    title: 'Contributing factors over time',
    description,
    svg,
    svgNarrow,
    legend: [],
    tables: [
      {
        caption: 'Incidents per contributing-factor category and quarter',
        head: ['Category', ...quarters.map(formatQuarter), 'Total'],
        numeric: [false, ...quarters.map(() => true), true],
        rows: tallies.map((t) => [name(t.key), ...t.counts.map(String), String(t.total)]),
      },
    ],
  };
}

/** What set incidents off, per year. */
export function triggersChart(
  id: string,
  years: readonly string[],
  tallies: readonly PeriodTally[],
  labels: Readonly<Record<string, string>>,
): Chart {
  const total = tallies.reduce((sum, t) => sum + t.total, 0);
  const description =
    total === 0
      ? 'No incidents.'
      : `${listInProse(tallies.slice(0, 3).map((t) => `${labelOf(labels, t.key).toLowerCase()} ${t.total} of ${total} (${formatPercent(t.total / total)})`))} set off the most incidents and near-misses.`.replace(
          /^./,
          (c) => c.toUpperCase(),
        );
  const bars = tallies
    .flatMap((t) => t.counts.map((count, i) => ({ trigger: labelOf(labels, t.key), year: years[i]!, color: seriesColor(i), count })))
    .filter((b) => b.count > 0);
  const max = Math.max(1, ...tallies.map((t) => t.total));
  const { svg, svgNarrow } =
    tallies.length === 0
      ? { svg: '', svgNarrow: '' }
      : renderResponsive(
          id,
          {
            width: CHART_WIDTH,
            height: 40 + tallies.length * 30,
            marginLeft: 120,
            marginRight: 30,
            x: {
              ticks: integerTicks(max),
              tickFormat: 'd',
              domain: [0, integerTicks(max).at(-1)!],
              label: 'Incidents and near-misses',
              grid: true,
            },
            y: { domain: tallies.map((t) => labelOf(labels, t.key)), label: null, padding: 0.2 },
            color: { type: 'identity' },
            marks: [Plot.barX(bars, { y: 'trigger', x: 'count', fill: 'color', z: 'year', order: [...years] }), Plot.ruleX([0])],
          },
          {
            marginLeft: 104,
            marginRight: 16,
            x: {
              ticks: everyOther(integerTicks(max)),
              tickFormat: 'd',
              domain: [0, integerTicks(max).at(-1)!],
              label: 'Incidents and near-misses',
              grid: true,
            },
          },
        );
  return {
    id,
    title: 'What set incidents off',
    description,
    svg,
    svgNarrow,
    legend: years.map((y, i) => ({ label: y, color: seriesColor(i) })),
    tables: [
      {
        caption: 'Incidents and near-misses per trigger and year',
        head: ['Trigger', ...years, 'Total'],
        numeric: [false, ...years.map(() => true), true],
        rows: tallies.map((t) => [labelOf(labels, t.key), ...t.counts.map(String), String(t.total)]),
      },
    ],
  };
}

/** Who or what noticed first: the share of each detection source per half-year. */
export function detectionChart(
  id: string,
  halves: readonly HalfKey[],
  data: { tallies: readonly PeriodTally[]; totals: readonly number[] },
  order: readonly string[],
  labels: Readonly<Record<string, string>>,
): Chart {
  const total = data.totals.reduce((a, b) => a + b, 0);
  const tally = (key: string) => data.tallies.find((t) => t.key === key);
  // Shares are compared across half-years only where each rests on enough incidents and near-misses.
  const enough = halves.map((h, i) => ({ h, i })).filter((x) => data.totals[x.i]! >= MIN_SAMPLE);
  const trend = (key: string) =>
    enough.map((x) => `${formatPercent((tally(key)?.counts[x.i] ?? 0) / data.totals[x.i]!)} of ${data.totals[x.i]} in ${formatHalf(x.h)}`);
  let description: string;
  if (total === 0) {
    description = 'No incidents.';
  } else {
    const alerts = tally('alert')?.total ?? 0;
    const customers = tally('customer-report')?.total ?? 0;
    description =
      `Alerts noticed ${alerts} of ${plural(total, 'incident')} and near-misses (${formatPercent(alerts / total)}); customers reported ${customers} (${formatPercent(customers / total)}).` +
      (enough.length > 1
        ? ` The alerts' share was ${listInProse(trend('alert'))}; the customers' share was ${listInProse(trend('customer-report'))}.`
        : data.totals.filter((t) => t > 0).length > 1
          ? ` Half-years are compared only when at least two have ${MIN_SAMPLE} or more.`
          : '');
  }
  const bars = data.tallies
    .flatMap((t) =>
      t.counts.map((count, i) => ({
        half: halves[i]!,
        detection: t.key,
        color: seriesColor(order.indexOf(t.key)),
        count,
      })),
    )
    .filter((b) => b.count > 0);
  const sorted = [...data.tallies].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  const { svg, svgNarrow } =
    total === 0
      ? { svg: '', svgNarrow: '' }
      : renderResponsive(
          id,
          {
            width: CHART_WIDTH,
            height: 280,
            marginLeft: 50,
            x: { domain: [...halves], tickFormat: formatHalf, label: null, padding: 0.3 },
            y: { tickFormat: '%', label: 'Share', grid: true },
            color: { type: 'identity' },
            marks: [
              Plot.barY(bars, { x: 'half', y: 'count', fill: 'color', z: 'detection', offset: 'normalize', order: [...order] }),
              Plot.ruleY([0]),
            ],
          },
          {
            marginLeft: 44,
            x: { domain: [...halves], tickFormat: (h: HalfKey) => formatHalf(h).replace(' ', '\n'), label: null, padding: 0.2 },
            marginBottom: 36,
          },
        );
  return {
    id,
    title: 'Who or what noticed first, per half-year',
    description,
    svg,
    svgNarrow,
    legend: sorted.map((t) => ({ label: labelOf(labels, t.key), color: seriesColor(order.indexOf(t.key)) })),
    tables: [
      {
        caption: 'Incidents and near-misses per detection source and half-year',
        head: ['Detected by', ...halves.map(formatHalf), 'Total'],
        numeric: [false, ...halves.map(() => true), true],
        rows: [
          ...sorted.map((t) => [
            labelOf(labels, t.key),
            ...t.counts.map((c, i) => (data.totals[i]! === 0 ? '0' : `${c} (${formatPercent(c / data.totals[i]!)})`)),
            String(t.total),
          ]),
          ['All', ...data.totals.map(String), String(total)],
        ],
      },
    ],
  };
}

/** Time to mitigate for each response decision. */
export function decisionsChart(id: string, decisions: readonly DecisionFigures[], labels: Readonly<Record<string, string>>): Chart {
  const counted = decisions.filter((d) => d.count > 0);
  const description =
    counted.length === 0
      ? 'No incidents.'
      : `${listInProse(
          [...counted]
            .sort((a, b) => b.count - a.count)
            .slice(0, 4)
            .map(
              (d) =>
                `${labelOf(labels, d.decision).toLowerCase()} ${d.count} (median ${minutesOrDash(d.timeToMitigate.median)}, n = ${d.timeToMitigate.n})`,
            ),
        )}: incidents per decision with the median time to mitigate. Near-misses are left out.`.replace(/^./, (c) => c.toUpperCase());
  const dots = counted.flatMap((d) => d.minutes.map((m) => ({ decision: labelOf(labels, d.decision), x: logMinutes(m) })));
  const max = Math.max(1, ...counted.flatMap((d) => d.minutes));
  const medians = counted
    .filter((d) => d.timeToMitigate.median !== undefined)
    .map((d) => ({ decision: labelOf(labels, d.decision), x: logMinutes(d.timeToMitigate.median!) }));
  const { svg, svgNarrow } =
    counted.length === 0
      ? { svg: '', svgNarrow: '' }
      : renderResponsive(
          id,
          {
            width: CHART_WIDTH,
            height: 50 + counted.length * 34,
            marginLeft: 120,
            marginRight: 30,
            x: { ...durationAxis(max), grid: true, label: 'Time to mitigate →' },
            y: { domain: counted.map((d) => labelOf(labels, d.decision)), label: null },
            marks: [
              Plot.tickX(medians, { x: 'x', y: 'decision', stroke: 'var(--chart-1)', strokeWidth: 3 }),
              Plot.dot(dots, { x: 'x', y: 'decision', r: 4, fill: 'currentColor', fillOpacity: 0.55 }),
            ],
          },
          {
            marginLeft: 104,
            marginRight: 16,
            x: { ...durationAxis(max, true), grid: true, label: 'Time to mitigate →' },
          },
        );
  return {
    id,
    title: 'Response decisions and their time to mitigate',
    description,
    svg,
    svgNarrow,
    legend: [
      { label: 'One incident', color: 'currentColor', shape: 'dot' },
      { label: 'Median', color: 'var(--chart-1)', shape: 'line' },
    ],
    tables: [
      {
        caption: 'Time to mitigate per response decision (incidents only)',
        head: ['Decision', 'Incidents', 'Median', `90th percentile (from ${MIN_SAMPLE})`, 'Shortest', 'Longest'],
        numeric: [false, true, true, true, true, true],
        rows: counted.map((d) => [
          labelOf(labels, d.decision),
          String(d.count),
          formatMedian(d.timeToMitigate, formatDuration),
          formatP90(d.timeToMitigate, formatDuration),
          minutesOrDash(d.timeToMitigate.min),
          minutesOrDash(d.timeToMitigate.max),
        ]),
      },
    ],
  };
}

/** Release size against severity and time to mitigate: the "smaller releases fail less" question. */
export function releaseChart(
  id: string,
  data: { points: readonly ReleasePoint[]; bands: readonly ReleaseBand[] },
  severities: readonly Named[],
  timeZone: string,
): Chart {
  const withLines = data.points.filter((p) => p.linesChanged !== undefined);
  const filled = data.bands.filter((b) => b.count > 0);
  const severe = severeSeverities(severities);
  let description: string;
  if (withLines.length === 0) {
    description = 'No incident records the size of the release that set it off.';
  } else {
    description =
      filled
        .map(
          (b) =>
            `${b.label}: ${plural(b.count, 'incident')} (${severe.reduce((n, s) => n + (b.bySeverity[s] ?? 0), 0)} ${severe.join(' or ')}), median time to mitigate ${formatMedian(b.timeToMitigate, formatDuration)}, the latest on ${formatDay(b.latest!, timeZone)}.`,
        )
        .join(' ') + ' The archive records only releases that went wrong, so this compares failures with each other, not failure rates.';
  }
  const rank = new Map(severities.map((s, i) => [s.id, i]));
  const maxLines = withLines.reduce((m, p) => Math.max(m, p.linesChanged!), 10);
  const maxMinutes = withLines.reduce((m, p) => Math.max(m, p.timeToMitigate ?? 1), 1);
  const dots = withLines
    .filter((p) => p.timeToMitigate !== undefined)
    .map((p) => ({
      x: Math.log10(Math.max(1, p.linesChanged!)),
      y: logMinutes(p.timeToMitigate!),
      color: severityColor(rank.get(p.severity) ?? severities.length),
      r: 3 + Math.min(6, p.pullRequests ?? 1),
      label: formatMonth(monthOf(p.started, timeZone)).replace(/ \d\d(\d\d)$/, ' ’$1'),
      href: `/incidents/${p.id}/`,
      title: `${p.title}: ${formatCount(p.linesChanged!)} lines, ${formatDuration(p.timeToMitigate!)} to mitigate`,
    }));
  const grouped = dots.length > DOTS_UP_TO;
  if (grouped)
    description += ` With more than ${formatCount(DOTS_UP_TO)} incidents a dot stands for every incident of about the same release size and time to mitigate, larger for more.`;
  const xAxis = countLogAxis(maxLines);
  const yAxis = durationAxis(maxMinutes);
  const frame = (width: number, marginLeft: number, marginRight: number) => ({
    width,
    height: 320,
    marginLeft,
    marginRight,
    marginTop: 20,
    marginBottom: 40,
  });
  const options = (f: ReturnType<typeof frame>, y: typeof yAxis): Plot.PlotOptions => ({
    ...f,
    x: { ...xAxis, label: 'Lines changed in the release →', grid: true },
    y: { ...y, label: '↑ Time to mitigate', grid: true },
    r: grouped ? { range: [0, 12] } : { type: 'identity' },
    color: { type: 'identity' },
    marks: grouped
      ? [
          Plot.ruleX([2, 3], { stroke: 'var(--chart-grid-strong)', strokeDasharray: '3 3' }),
          // One dot per cell of release size and time to mitigate, its area the number of incidents in it.
          Plot.dot(
            dots,
            Plot.bin<Plot.DotOptions>({ r: 'count' }, { x: 'x', y: 'y', thresholds: 16, fill: 'currentColor', fillOpacity: 0.6 }),
          ),
        ]
      : [
          Plot.ruleX([2, 3], { stroke: 'var(--chart-grid-strong)', strokeDasharray: '3 3' }),
          Plot.dot(dots, {
            x: 'x',
            y: 'y',
            r: 'r',
            fill: 'color',
            fillOpacity: 0.85,
            stroke: 'var(--chart-bg)',
            href: 'href',
            title: 'title',
          }),
          // Each label above or below its dot, wherever it overlaps no other; a label with no free place is left
          // to the dot's title and the table.
          ...[-13, 15, -26, 28].map((dy) =>
            Plot.text(
              placeLabels(dots, f, xAxis.domain[1], y.domain[1]).filter((p) => p.dy === dy),
              { x: 'x', y: 'y', text: 'label', dy, fontSize: 11, fill: 'currentColor' },
            ),
          ),
        ],
  });
  const wideFrame = frame(CHART_WIDTH, 56, 30);
  const narrowFrame = frame(NARROW_WIDTH, 48, 12);
  const svg = dots.length === 0 ? '' : renderPlot(id, options(wideFrame, yAxis));
  const svgNarrow = dots.length === 0 ? '' : renderPlot(id, options(narrowFrame, durationAxis(maxMinutes, true)));
  return {
    id,
    title: 'Release size, severity and time to mitigate',
    description,
    svg,
    svgNarrow,
    legend: grouped
      ? [{ label: 'Larger dot: more incidents', color: 'currentColor', shape: 'dot' }]
      : [
          ...severities.map((s, i) => ({ label: s.id, color: severityColor(i), shape: 'dot' as const })),
          { label: 'Larger dot: more pull requests', color: 'currentColor', shape: 'dot' },
        ],
    tables: [
      {
        caption: 'Incidents by size of the release that set them off',
        head: ['Lines changed', 'Incidents', ...severities.map((s) => s.id), 'Median pull requests', 'Median time to mitigate', 'Latest'],
        numeric: [false, true, ...severities.map(() => true), true, true, false],
        rows: data.bands.map((b) => [
          b.label,
          String(b.count),
          ...severities.map((s) => String(b.bySeverity[s.id] ?? 0)),
          formatMedian(b.pullRequests, String),
          formatMedian(b.timeToMitigate, formatDuration),
          b.latest ? formatDay(b.latest, timeZone) : dash,
        ]),
      },
      {
        caption: 'Every incident with a recorded release size',
        head: ['Date', 'Incident', 'Severity', 'Lines changed', 'Pull requests', 'Time to mitigate'],
        numeric: [false, false, false, true, true, true],
        rows: data.points.map((p) => [
          formatDay(p.started, timeZone),
          p.title,
          p.severity,
          p.linesChanged === undefined ? dash : p.linesChanged.toLocaleString('en-GB'),
          p.pullRequests === undefined ? dash : String(p.pullRequests),
          minutesOrDash(p.timeToMitigate),
        ]),
      },
    ],
  };
}

/**
 * Chooses for each label an offset above or below its dot (in pixels, for Plot's `dy`) where its box
 * overlaps no label placed before it; labels with no free place are left out.
 */
function placeLabels<T extends { x: number; y: number; label: string }>(
  points: readonly T[],
  frame: { width: number; height: number; marginLeft: number; marginRight: number; marginTop: number; marginBottom: number },
  xMax: number,
  yMax: number,
): (T & { dy: number })[] {
  const px = (p: T) => ({
    x: frame.marginLeft + (p.x / xMax) * (frame.width - frame.marginLeft - frame.marginRight),
    y: frame.height - frame.marginBottom - (p.y / yMax) * (frame.height - frame.marginTop - frame.marginBottom),
  });
  const boxes: { left: number; right: number; top: number; bottom: number }[] = [];
  const placed: (T & { dy: number })[] = [];
  for (const point of [...points].sort((a, b) => a.x - b.x || b.y - a.y)) {
    const at = px(point);
    const half = (point.label.length * 6.4) / 2;
    for (const dy of [-13, 15, -26, 28]) {
      const box = { left: at.x - half - 2, right: at.x + half + 2, top: at.y + dy - 7, bottom: at.y + dy + 7 };
      if (box.left < 0 || box.right > frame.width || box.top < 0) continue;
      if (boxes.some((b) => b.left < box.right && box.left < b.right && b.top < box.bottom && box.top < b.bottom)) continue;
      boxes.push(box);
      placed.push({ ...point, dy });
      break;
    }
  }
  return placed;
}
