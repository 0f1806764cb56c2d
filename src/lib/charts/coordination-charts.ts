import * as Plot from '@observablehq/plot';
import { MIN_SAMPLE } from '../figures.ts';
import { formatCount, formatMedian, formatP90 } from '../format.ts';
import type { CoordinationGroup, CoordinationPoint } from '../trends/coordination.ts';
import { listInProse, plural } from '../trends/labels.ts';
import { renderResponsive, type Chart } from './render.ts';
import { CHART_WIDTH, DOTS_UP_TO, integerTicks } from './scales.ts';

const people = (n: number) => plural(n, 'person', 'people');

/**
 * How many people each incident pulled in, per group (quarter or severity): every incident that gives
 * `response.responders` as a dot, the group's median as a tick, each median with its n. A distribution
 * of incidents, never a ranking of teams.
 */
export function respondersChart(
  id: string,
  title: string,
  groupLabel: string,
  groups: readonly CoordinationGroup[],
  points: readonly CoordinationPoint[],
  groupOf: (p: CoordinationPoint) => string,
  nameOf: (key: string) => string,
): Chart {
  const withResponders = points.filter((p) => p.responders !== undefined);
  const without = points.length - withResponders.length;
  let description: string;
  if (points.length === 0) {
    description = 'No incidents.';
  } else if (withResponders.length === 0) {
    description = `No incident gives response.responders (${plural(points.length, 'incident')} in all), so there is nothing to draw.`;
  } else {
    const filled = groups.filter((g) => g.responders.n > 0);
    const medians = filled.map((g) => `${formatMedian(g.responders, people)} in ${nameOf(g.key)}`);
    const most = Math.max(...withResponders.map((p) => p.responders!));
    description =
      `${plural(withResponders.length, 'incident')} give how many people worked on the response; the median was ${listInProse(medians)}.` +
      ` The most on one incident was ${people(most)}.` +
      (without > 0 ? ` ${plural(without, 'incident')} without response.responders ${without === 1 ? 'is' : 'are'} left out.` : '');
  }
  const keys = groups.map((g) => nameOf(g.key));
  const dots = withResponders.map((p) => ({
    group: nameOf(groupOf(p)),
    responders: p.responders!,
    href: `/incidents/${p.id}/`,
    title: `${p.title}: ${people(p.responders!)}`,
  }));
  const medians = groups
    .filter((g) => g.responders.median !== undefined)
    .map((g) => ({ group: nameOf(g.key), median: g.responders.median! }));
  const max = dots.reduce((m, d) => Math.max(m, d.responders), 1);
  const grouped = dots.length > DOTS_UP_TO;
  if (grouped)
    description += ` With more than ${formatCount(DOTS_UP_TO)} incidents a dot stands for every incident with the same number of people, larger for more.`;
  const { svg, svgNarrow } =
    dots.length === 0
      ? { svg: '', svgNarrow: '' }
      : renderResponsive(
          id,
          {
            width: CHART_WIDTH,
            height: 300,
            marginLeft: 50,
            marginBottom: 40,
            fx: { domain: keys, label: null, padding: 0.1 },
            x: { axis: null, domain: [0, 1] },
            ...(grouped ? { r: { range: [0, 10] } } : {}),
            y: {
              ticks: integerTicks(max),
              tickFormat: 'd',
              domain: [0, integerTicks(max).at(-1)!],
              label: '↑ People on the response',
              grid: true,
            },
            marks: [
              // Every group gets a panel, including those without incidents.
              Plot.ruleY(
                keys.map((group) => ({ group })),
                { fx: 'group', y: 0, stroke: 'var(--chart-grid)' },
              ),
              Plot.ruleY(medians, { fx: 'group', y: 'median', stroke: 'var(--chart-1)', strokeWidth: 3 }),
              grouped
                ? // One dot per group and head count, its area the number of incidents.
                  Plot.dot(
                    dots,
                    Plot.groupY<Plot.DotOptions>(
                      { r: 'count' },
                      { fx: 'group', y: 'responders', x: 0.5, fill: 'currentColor', fillOpacity: 0.6 },
                    ),
                  )
                : Plot.dot(
                    dots,
                    Plot.dodgeX('middle', {
                      fx: 'group',
                      y: 'responders',
                      r: 4,
                      fill: 'currentColor',
                      fillOpacity: 0.6,
                      padding: 1,
                      href: 'href',
                      title: 'title',
                    }),
                  ),
            ],
          },
          {
            marginLeft: 40,
            marginBottom: 44,
            fx: { domain: keys, label: null, padding: 0.1, tickFormat: (k: string) => k.replace(' ', '\n') },
          },
        );
  return {
    id,
    title,
    description,
    svg,
    svgNarrow,
    legend:
      dots.length === 0
        ? []
        : [
            { label: grouped ? 'Larger dot: more incidents' : 'One incident', color: 'currentColor', shape: 'dot' },
            { label: 'Median', color: 'var(--chart-1)', shape: 'line' },
          ],
    tables: [
      {
        caption: `People, escalations and helpers per ${groupLabel} (incidents only); below ${MIN_SAMPLE} incidents the values themselves`,
        head: [
          groupLabel.replace(/^./, (c) => c.toUpperCase()),
          'Incidents',
          'Responders: median',
          `Responders: 90th percentile (from ${MIN_SAMPLE})`,
          'Without responders',
          'Escalations: median',
          'Helped by: median',
        ],
        numeric: [false, true, true, true, true, true, true],
        rows: groups.map((g) => [
          `${nameOf(g.key)}${g.partial ? ' (partial)' : ''}`,
          String(g.incidents),
          formatMedian(g.responders, String),
          formatP90(g.responders, String),
          String(g.withoutResponders),
          formatMedian(g.escalations, String),
          formatMedian(g.helpedBy, String),
        ]),
      },
    ],
  };
}
