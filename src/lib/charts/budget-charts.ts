import * as Plot from '@observablehq/plot';
import { formatBudgetLeft, formatDay, formatMinutes, formatPercent } from '../format.ts';
import type { MonthlyBudget, SloBudget } from '../trends/budgets.ts';
import type { ServiceGuide, Thresholds } from '../trends/decision-guide.ts';
import { listInProse, plural } from '../trends/labels.ts';
import { formatMonth, nextMonth, type MonthKey } from '../trends/periods.ts';
import { renderResponsive, type Chart } from './render.ts';
import { CHART_WIDTH, DOTS_UP_TO, monthTickFormat } from './scales.ts';

export { formatBudgetLeft, formatMinutes } from '../format.ts';

/** "Oct 2026", or "Oct 2026 (partial)" for the month in progress on the reference day. */
function monthLabel(m: Pick<MonthlyBudget, 'month' | 'partial'>): string {
  return `${formatMonth(m.month)}${m.partial ? ' (partial)' : ''}`;
}

function monthStart(month: MonthKey): Date {
  return new Date(`${month}-01T00:00:00Z`);
}

/** Every SLO hit by an incident, month by month: a grid of budget consumed, months over 100% marked. */
export function budgetHeatmapChart(id: string, budgets: readonly SloBudget[], months: readonly MonthKey[]): Chart {
  const hit = budgets.filter((b) => b.events.length > 0);
  const untouched = budgets.filter((b) => b.events.length === 0);
  const cells = hit.flatMap((b) =>
    b.monthly
      .filter((m) => m.badMinutes > 0)
      .map((m) => ({
        slo: b.slo.id,
        month: m.month,
        consumed: m.consumed,
        over: m.consumed > 1,
        label: formatPercent(m.consumed),
      })),
  );
  const over = cells.filter((c) => c.over);
  let description: string;
  if (hit.length === 0) {
    description = 'No incident consumed error budget.';
  } else {
    const worst = [...cells].sort((a, b) => b.consumed - a.consumed)[0]!;
    description =
      `${plural(hit.length, 'SLO')} lost budget to incidents; in ${plural(over.length, 'SLO-month')} incidents alone consumed more than the month's budget.` +
      ` The worst was ${worst.slo} in ${formatMonth(worst.month)} at ${worst.label}.` +
      (untouched.length > 0 ? ` No incident touched ${listInProse(untouched.map((b) => b.slo.id))}.` : '');
  }
  const { svg, svgNarrow } =
    hit.length === 0
      ? { svg: '', svgNarrow: '' }
      : renderResponsive(
          id,
          {
            width: 1100,
            height: 50 + hit.length * 28,
            marginLeft: 230,
            marginTop: 40,
            x: { domain: [...months], tickFormat: monthTickFormat(months), axis: 'top', label: null, padding: 0.08 },
            y: { domain: hit.map((b) => b.slo.id), label: null, padding: 0.08 },
            marks: [
              Plot.cell(
                hit.flatMap((b) => months.map((month) => ({ slo: b.slo.id, month }))),
                { x: 'month', y: 'slo', fill: 'var(--chart-grid)', fillOpacity: 0.35 },
              ),
              Plot.cell(cells, {
                x: 'month',
                y: 'slo',
                fill: (d: { over: boolean }) => (d.over ? 'var(--chart-bad)' : 'var(--chart-1)'),
                fillOpacity: (d: { consumed: number; over: boolean }) => (d.over ? 0.85 : 0.2 + 0.5 * d.consumed),
              }),
              Plot.text(cells, {
                x: 'month',
                y: 'slo',
                text: 'label',
                fill: (d: { over: boolean }) => (d.over ? 'var(--chart-on-bad)' : 'currentColor'),
                fontSize: 11,
                fontWeight: 600,
              }),
            ],
          },
          {
            // A phone turns the grid: months down, one column per SLO, its id written upwards.
            height: 130 + months.length * 22,
            marginLeft: 62,
            // Room above for the longest SLO id written upwards, at about 6.6 pixels a character.
            marginTop: 16 + Math.ceil(Math.max(0, ...hit.map((b) => b.slo.id.length)) * 6.6),
            marginRight: 8,
            x: { domain: hit.map((b) => b.slo.id), axis: 'top', tickRotate: -90, label: null, padding: 0.08 },
            y: { domain: [...months], tickFormat: (m: MonthKey) => formatMonth(m), label: null, padding: 0.08 },
            marks: [
              Plot.cell(
                hit.flatMap((b) => months.map((month) => ({ slo: b.slo.id, month }))),
                { x: 'slo', y: 'month', fill: 'var(--chart-grid)', fillOpacity: 0.35 },
              ),
              Plot.cell(cells, {
                x: 'slo',
                y: 'month',
                fill: (d: { over: boolean }) => (d.over ? 'var(--chart-bad)' : 'var(--chart-1)'),
                fillOpacity: (d: { consumed: number; over: boolean }) => (d.over ? 0.85 : 0.2 + 0.5 * d.consumed),
              }),
              Plot.text(cells, {
                x: 'slo',
                y: 'month',
                text: (d: { consumed: number }) => `${Math.round(d.consumed * 100)}`,
                fill: (d: { over: boolean }) => (d.over ? 'var(--chart-on-bad)' : 'currentColor'),
                fontSize: 11,
                fontWeight: 600,
              }),
            ],
          },
        );
  return {
    id,
    title: 'Error budget consumed by incidents, per calendar month',
    description,
    svg,
    svgNarrow,
    legend: [
      { label: 'Under 100% of the month’s budget (darker is more)', color: 'var(--chart-1)' },
      { label: 'Over budget', color: 'var(--chart-bad)' },
    ],
    tables: [
      {
        caption: 'Months in which incidents consumed error budget',
        head: ['SLO', 'Month', 'Bad minutes', 'Month’s budget', 'Consumed'],
        numeric: [false, false, true, true, true],
        rows: hit.flatMap((b) =>
          b.monthly
            .filter((m) => m.badMinutes > 0)
            .map((m) => [b.slo.id, monthLabel(m), formatMinutes(m.badMinutes), formatMinutes(m.budgetMinutes), formatPercent(m.consumed)]),
        ),
      },
    ],
  };
}

/** One SLO: budget consumed per calendar month (bars) and in the rolling window at each incident (from before to after it). */
export function sloBudgetChart(id: string, budget: SloBudget, timeZone: string): Chart {
  const months = budget.monthly.map((m) => m.month);
  const overMonths = budget.monthly.filter((m) => m.consumed > 1);
  const overWindows = budget.rolling.filter((r) => r.consumed > 1);
  const windowName = `${budget.slo.window_days}-day window`;
  let description = `${budget.slo.objective}% over ${budget.slo.window_days} days allows ${formatMinutes(budget.budgetMinutes)} of bad time per window.`;
  if (budget.events.length === 0) {
    description += ' No incident consumed any of it.';
  } else {
    const worst = [...budget.rolling].sort((a, b) => b.consumed - a.consumed)[0]!;
    description +=
      ` ${plural(budget.events.length, 'incident')} consumed budget; the fullest ${windowName} reached ${formatPercent(worst.consumed)} when the incident of ${formatDay(worst.started, timeZone)} was mitigated.` +
      (overMonths.length + overWindows.length > 0
        ? ` Over budget in ${plural(overMonths.length, 'calendar month')}, and in the window when ${plural(overWindows.length, 'incident')} ${overWindows.length === 1 ? 'was' : 'were'} mitigated.`
        : ' Never over budget.') +
      ` Left now: ${formatBudgetLeft(budget.now.left)}.`;
  }
  const top = Math.max(1.1, ...budget.monthly.map((m) => m.consumed), ...budget.rolling.map((r) => r.consumed)) * 100;
  const bars = budget.monthly
    .filter((m) => m.badMinutes > 0)
    .map((m) => ({
      x1: monthStart(m.month),
      x2: monthStart(nextMonth(m.month)),
      y: m.consumed * 100,
      over: m.consumed > 1,
    }));
  const points = budget.rolling.map((r) => ({
    x: new Date(r.started),
    before: r.before * 100,
    after: r.consumed * 100,
    over: r.consumed > 1,
    href: `/incidents/${r.incidentId}/`,
    title: `${r.title}: ${formatPercent(r.before)} to ${formatPercent(r.consumed)} of the window's budget`,
  }));
  const first = months[0];
  const last = months.at(-1);
  const { svg, svgNarrow } =
    first === undefined || last === undefined
      ? { svg: '', svgNarrow: '' }
      : renderResponsive(
          id,
          {
            width: CHART_WIDTH,
            height: 230,
            marginLeft: 50,
            marginRight: 20,
            x: { type: 'utc', domain: [monthStart(first), monthStart(nextMonth(last))], label: null },
            y: { domain: [0, top], label: '↑ Budget consumed (%)', grid: true, tickFormat: (v: number) => `${v}%` },
            marks: [
              Plot.rectY(bars, {
                x1: 'x1',
                x2: 'x2',
                y: 'y',
                insetLeft: 1,
                insetRight: 1,
                fill: (d: { over: boolean }) => (d.over ? 'var(--chart-bad)' : 'var(--chart-1)'),
                fillOpacity: 0.45,
              }),
              Plot.ruleY([100], { stroke: 'var(--chart-bad)', strokeDasharray: '5 3', strokeWidth: 1.5 }),
              Plot.link(points, { x1: 'x', x2: 'x', y1: 'before', y2: 'after', stroke: 'currentColor', strokeWidth: 1.5 }),
              Plot.dot(points, {
                x: 'x',
                y: 'after',
                r: 4,
                fill: (d: { over: boolean }) => (d.over ? 'var(--chart-bad)' : 'currentColor'),
                stroke: 'var(--chart-bg)',
                // Beyond DOTS_UP_TO a link and a title apiece would be most of the page; the tables list them.
                ...(points.length > DOTS_UP_TO ? {} : { href: 'href', title: 'title' }),
              }),
              Plot.ruleY([0]),
            ],
          },
          {
            marginLeft: 44,
            marginRight: 12,
            x: { type: 'utc', domain: [monthStart(first ?? '2000-01'), monthStart(nextMonth(last ?? '2000-01'))], label: null, ticks: 4 },
          },
        );
  return {
    id,
    title: `${budget.slo.name} (${budget.slo.id})`,
    description,
    svg: budget.events.length === 0 ? '' : svg,
    svgNarrow: budget.events.length === 0 ? '' : svgNarrow,
    legend:
      budget.events.length === 0
        ? []
        : [
            { label: 'Calendar month', color: 'color-mix(in srgb, var(--chart-1) 45%, transparent)' },
            { label: 'Calendar month over budget', color: 'color-mix(in srgb, var(--chart-bad) 45%, transparent)' },
            { label: `${windowName} at each incident, from when it began to when it was mitigated`, color: 'currentColor', shape: 'dot' },
            { label: '100%: the whole budget', color: 'var(--chart-bad)', shape: 'line' },
          ],
    tables:
      budget.events.length === 0
        ? []
        : [
            {
              caption: `${budget.slo.id}: budget consumed per calendar month`,
              head: ['Month', 'Bad minutes', 'Month’s budget', 'Consumed'],
              numeric: [false, true, true, true],
              rows: budget.monthly
                .filter((m) => m.badMinutes > 0)
                .map((m) => [monthLabel(m), formatMinutes(m.badMinutes), formatMinutes(m.budgetMinutes), formatPercent(m.consumed)]),
            },
            {
              caption: `${budget.slo.id}: the ${windowName} when each incident began and when its impact stopped`,
              head: ['Incident', 'Started', 'Bad minutes', 'Consumed when it began', 'Consumed when mitigated'],
              numeric: [false, false, true, true, true],
              rows: budget.rolling.map((r) => [
                r.title,
                formatDay(r.started, timeZone),
                formatMinutes(r.badMinutes),
                formatPercent(r.before),
                formatPercent(r.consumed),
              ]),
            },
          ],
  };
}

/** Budget left now per service (in the SLO that decides its stance), with the decision guide's thresholds. */
export function budgetLeftChart(id: string, guides: readonly ServiceGuide[], thresholds: Thresholds, today: string): Chart {
  const withSlo = guides.filter((g) => g.governing !== undefined);
  const rows = withSlo.map((g) => ({ service: g.service.name, left: g.governing!.now.left * 100, stance: g.stance.key }));
  const counts = new Map<string, number>();
  for (const g of withSlo) counts.set(g.stance.label, (counts.get(g.stance.label) ?? 0) + 1);
  const description =
    withSlo.length === 0
      ? 'No service has an SLO.'
      : `On ${formatDay(today)}: ${listInProse([...counts].map(([label, n]) => `${plural(n, 'service')} “${label}”`))}. Thresholds: roll back first below ${formatPercent(thresholds.rollBackBelow)} left; hot-fix or investigate from ${formatPercent(thresholds.investigateFrom)}.`;
  const color = (stance: string) =>
    stance === 'roll-back' ? 'var(--chart-bad)' : stance === 'prefer-roll-back' ? 'var(--chart-warn)' : 'var(--chart-good)';
  const low = Math.min(0, ...rows.map((r) => r.left));
  const { svg, svgNarrow } =
    rows.length === 0
      ? { svg: '', svgNarrow: '' }
      : renderResponsive(
          id,
          {
            width: CHART_WIDTH,
            height: 40 + rows.length * 28,
            marginLeft: 150,
            marginRight: 40,
            x: { domain: [low, 100], label: 'Budget left in the current window →', tickFormat: (v: number) => `${v}%`, grid: true },
            y: { domain: rows.map((r) => r.service), label: null, padding: 0.25 },
            marks: [
              Plot.barX(rows, { y: 'service', x: 'left', fill: (d: { stance: string }) => color(d.stance), fillOpacity: 0.8 }),
              Plot.ruleX([thresholds.rollBackBelow * 100, thresholds.investigateFrom * 100], {
                stroke: 'currentColor',
                strokeDasharray: '4 3',
              }),
              Plot.ruleX([0]),
            ],
          },
          {
            marginLeft: 116,
            marginRight: 16,
            x: { domain: [low, 100], label: 'Budget left now →', tickFormat: (v: number) => `${v}%`, grid: true, ticks: 3 },
          },
        );
  return {
    id,
    title: 'Error budget left now, per service',
    description,
    svg,
    svgNarrow,
    legend: [
      { label: 'Roll back first', color: 'var(--chart-bad)' },
      { label: 'Prefer a roll-back', color: 'var(--chart-warn)' },
      { label: 'Hot-fix or investigate', color: 'var(--chart-good)' },
    ],
    tables: [
      {
        caption: 'Budget left now per service, in the SLO that decides its stance',
        head: ['Service', 'Deciding SLO', 'Bad minutes in window', 'Budget left', 'Stance'],
        numeric: [false, false, true, true, false],
        rows: withSlo.map((g) => [
          g.service.name,
          g.governing!.slo.id,
          formatMinutes(g.governing!.now.badMinutes),
          formatBudgetLeft(g.governing!.now.left),
          g.stance.label,
        ]),
      },
    ],
  };
}
