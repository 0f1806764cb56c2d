import { formatDuration } from '../time.ts';
import { formatMonth, type MonthKey } from '../trends/periods.ts';

/** Width of every chart's SVG viewBox in pixels; CSS scales it down on narrow screens. */
export const CHART_WIDTH = 880;

/** Whole-number ticks from 0 to at least `max`, at most about eight of them: counts never show 0.5. */
export function integerTicks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].find((s) => top / s <= 8) ?? Math.ceil(top / 8);
  const ticks: number[] = [];
  for (let t = 0; t <= top + step - 1 && ticks.length < 12; t += step) ticks.push(t);
  return ticks;
}

const DURATION_TICKS = [1, 5, 15, 60, 240, 1440, 10_080, 43_200];

/** Log-scale ticks for durations in minutes (1 min, 5 min, 15 min, 1 h, 4 h, 1 d, 7 d, 30 d) covering `max`. */
export function durationTicks(max: number): number[] {
  const upTo = DURATION_TICKS.findIndex((t) => t >= max);
  return DURATION_TICKS.slice(0, upTo < 0 ? DURATION_TICKS.length : upTo + 1);
}

/** Every other value, the last always kept: fewer ticks for a narrow chart, its range unchanged. */
export function everyOther<T>(values: readonly T[]): T[] {
  return values.filter((_, i) => i % 2 === (values.length - 1) % 2);
}

/** "Q3\n’25": a quarter's label on two short lines, for a narrow chart. */
export function shortQuarter(quarter: string): string {
  const [year, q] = quarter.split('-');
  return `${q}\n’${year!.slice(2)}`;
}

/**
 * A logarithmic duration axis drawn as a linear one over log10(minutes), so every tick keeps its
 * label (Plot's log scales drop some): values at or under 1 minute sit at the bottom. `narrow` keeps
 * every other tick.
 */
export function durationAxis(
  max: number,
  narrow = false,
): { domain: [number, number]; ticks: number[]; tickFormat: (v: number) => string } {
  const ticks = durationTicks(max);
  return {
    domain: [0, Math.log10(ticks.at(-1) ?? 1)],
    // A narrow chart labels every other tick, keeping the top one so the range reads the same.
    ticks: (narrow ? everyOther(ticks) : ticks).map((t) => Math.log10(t)),
    tickFormat: (v) => formatDuration(Math.round(10 ** v)),
  };
}

/** Minutes on a `durationAxis`: log10 of the minutes, 0 for a minute or less. */
export function logMinutes(minutes: number): number {
  return Math.log10(Math.max(1, minutes));
}

/** A log axis over counts (lines changed) drawn as a linear one over log10: ticks at 1, 10, 100 ... covering `max`. */
export function countLogAxis(max: number): { domain: [number, number]; ticks: number[]; tickFormat: (v: number) => string } {
  const top = Math.max(1, Math.ceil(Math.log10(Math.max(1, max))));
  return {
    domain: [0, top],
    ticks: Array.from({ length: top + 1 }, (_, i) => i),
    tickFormat: (v) => Math.round(10 ** v).toLocaleString('en-GB'),
  };
}

/**
 * Month tick labels that stay short: the month's name, with the year under it for January and the
 * first month; with more than 18 months only every third month is labelled (or every `every`-th).
 */
export function monthTickFormat(months: readonly MonthKey[], every = months.length > 18 ? 3 : 1): (month: MonthKey) => string {
  const first = months[0];
  return (month) => {
    const index = months.indexOf(month);
    const [name, year] = formatMonth(month).split(' ') as [string, string];
    const withYear = month === first || month.endsWith('-01');
    if (!withYear && index % every !== 0) return '';
    return withYear ? `${name}\n${year}` : name;
  };
}

/** The colour of the n-th severity (0 is the most severe), as a CSS custom property. */
export function severityColor(index: number): string {
  return index < 4 ? `var(--chart-sev-${index + 1})` : seriesColor(index);
}

/** The colour of the n-th series of a categorical chart, from an eight-colour palette safe for colour blindness. */
export function seriesColor(index: number): string {
  return `var(--chart-${(index % 8) + 1})`;
}

/** Up to this many incidents, a chart draws each one as a dot linking to it; beyond, it groups them into counted dots. */
export const DOTS_UP_TO = 200;
