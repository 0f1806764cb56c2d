import * as Plot from '@observablehq/plot';
import { formatMedian, formatPercent } from '../format.ts';
import type { FollowThroughTally } from '../trends/follow-through.ts';
import { listInProse, plural } from '../trends/labels.ts';
import { renderResponsive, type Chart } from './render.ts';
import { CHART_WIDTH, everyOther, integerTicks } from './scales.ts';

const SEGMENTS = [
  { key: 'done', label: 'Done', color: 'var(--chart-good)' },
  { key: 'onTime', label: 'Open, not yet due', color: 'var(--chart-1)' },
  { key: 'overdue', label: 'Open and overdue', color: 'var(--chart-bad)' },
  { key: 'wontDo', label: 'Won’t do', color: 'var(--chart-muted)' },
] as const;

const share = (t: FollowThroughTally, key: 'done' | 'wontDo' | 'open') => (t.shares === undefined ? '–' : formatPercent(t.shares[key]));

/** Action items per group (team or priority): done, open on time, overdue and dropped, as stacked bars. */
export function followThroughChart(
  id: string,
  title: string,
  groupLabel: string,
  tallies: readonly FollowThroughTally[],
  nameOf: (key: string) => string,
): Chart {
  const total = tallies.reduce((sum, t) => sum + t.total, 0);
  const open = tallies.reduce((sum, t) => sum + t.open, 0);
  const overdue = tallies.reduce((sum, t) => sum + t.overdue, 0);
  const done = tallies.reduce((sum, t) => sum + t.done, 0);
  const wontDo = tallies.reduce((sum, t) => sum + t.wontDo, 0);
  const mostOverdue = [...tallies].filter((t) => t.overdue > 0).sort((a, b) => b.overdue - a.overdue || a.key.localeCompare(b.key));
  const description =
    total === 0
      ? 'No action items.'
      : `${plural(total, 'action item')}: ${done} done (${formatPercent(done / total)}), ${wontDo} won’t do (${formatPercent(wontDo / total)}), ${open} open (${formatPercent(open / total)}), ${overdue} of them overdue.` +
        (mostOverdue.length > 0
          ? ` Overdue items sit with ${listInProse(mostOverdue.map((t) => `${nameOf(t.key)} (${t.overdue})`))}.`
          : ' None is overdue.');
  const bars = tallies.flatMap((t) => {
    const counts = { done: t.done, onTime: t.open - t.overdue, overdue: t.overdue, wontDo: t.wontDo };
    return SEGMENTS.map((s) => ({ group: nameOf(t.key), segment: s.key, color: s.color, count: counts[s.key] })).filter((b) => b.count > 0);
  });
  const max = Math.max(1, ...tallies.map((t) => t.total));
  const { svg, svgNarrow } =
    tallies.length === 0
      ? { svg: '', svgNarrow: '' }
      : renderResponsive(
          id,
          {
            width: CHART_WIDTH,
            height: 40 + tallies.length * 30,
            marginLeft: 110,
            marginRight: 30,
            x: { ticks: integerTicks(max), tickFormat: 'd', domain: [0, integerTicks(max).at(-1)!], label: 'Action items →', grid: true },
            y: { domain: tallies.map((t) => nameOf(t.key)), label: null, padding: 0.2 },
            color: { type: 'identity' },
            marks: [
              Plot.barX(bars, { y: 'group', x: 'count', fill: 'color', z: 'segment', order: SEGMENTS.map((s) => s.key) }),
              Plot.ruleX([0]),
            ],
          },
          {
            marginLeft: 100,
            marginRight: 16,
            x: {
              ticks: everyOther(integerTicks(max)),
              tickFormat: 'd',
              domain: [0, integerTicks(max).at(-1)!],
              label: 'Action items →',
              grid: true,
            },
          },
        );
  return {
    id,
    title,
    description,
    svg,
    svgNarrow,
    legend: SEGMENTS.map((s) => ({ label: s.label, color: s.color })),
    tables: [
      {
        caption: `Action items by ${groupLabel}`,
        head: [
          groupLabel.replace(/^./, (c) => c.toUpperCase()),
          'Items',
          'Done',
          'Won’t do',
          'Open',
          'Overdue',
          'Done share',
          'Won’t-do share',
          'Open share',
          'Days to close: median',
        ],
        numeric: [false, true, true, true, true, true, true, true, true, true],
        rows: tallies.map((t) => [
          nameOf(t.key),
          String(t.total),
          String(t.done),
          String(t.wontDo),
          String(t.open),
          String(t.overdue),
          share(t, 'done'),
          share(t, 'wontDo'),
          share(t, 'open'),
          formatMedian(t.daysToClose, (d) => plural(d, 'day')),
        ]),
      },
    ],
  };
}
