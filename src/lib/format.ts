import type { Sample } from './figures.ts';
import { toEpochMs } from './time.ts';

// Building an Intl formatter costs far more than using one, and a build formats thousands of times.
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', options);
    formatters.set(key, formatter);
  }
  return formatter;
}
const counts = new Intl.NumberFormat('en-GB');
const minuteFigures = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

/** "Tue 21 Jun 2025, 14:55 BST": an instant in the site's time zone, with the zone's abbreviation. */
export function formatTimestamp(timestamp: string, timeZone: string): string {
  return dateTimeFormat({
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  })
    .format(new Date(toEpochMs(timestamp)))
    .replace(/ at /, ', ');
}

/** "14:55 BST": the time of day in the site's time zone, with the zone so a clock change is never ambiguous. */
export function formatTimeOfDay(timestamp: string, timeZone: string): string {
  return dateTimeFormat({ timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).format(
    new Date(toEpochMs(timestamp)),
  );
}

/** "21 Jun 2025" for a YYYY-MM-DD date or the day of a timestamp in the site's time zone. */
export function formatDay(value: string, timeZone = 'UTC'): string {
  const instant = value.length === 10 ? `${value}T12:00:00Z` : value;
  return dateTimeFormat({ timeZone: value.length === 10 ? 'UTC' : timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(toEpochMs(instant)),
  );
}

/** "240%" or "8.8%": a share as a percentage, one decimal below 10%. */
export function formatPercent(share: number): string {
  const pct = share * 100;
  return `${pct < 10 ? (Math.round(pct * 10) / 10).toString() : Math.round(pct).toString()}%`;
}

/** "12,000" */
export function formatCount(n: number): string {
  return counts.format(n);
}

/** "40 min (n = 6)": a median with the number of values it rests on; "–" when there are none. */
export function formatMedian(sample: Pick<Sample, 'n' | 'median'>, format: (value: number) => string): string {
  return sample.median === undefined ? '–' : `${format(sample.median)} (n = ${sample.n})`;
}

/**
 * The 90th percentile, from `MIN_SAMPLE` values on; with fewer, the values themselves ("values: 12 min,
 * 40 min"), since a percentile of two or three values says nothing they do not; "–" when there are none.
 */
export function formatP90(sample: Pick<Sample, 'n' | 'p90' | 'values'>, format: (value: number) => string): string {
  if (sample.p90 !== undefined) return format(sample.p90);
  return sample.n === 0 ? '–' : `values: ${sample.values.map(format).join(', ')}`;
}

/**
 * "12.5 min", "43.2 min", "0.432 min": bad and budget minutes to the hundredth of a minute, or to the
 * thousandth below one minute, so a 99.999% budget over 30 days (0.432 minutes) keeps its digits.
 */
export function formatMinutes(minutes: number): string {
  const places = Math.abs(minutes) < 1 ? 1000 : 100;
  return `${minuteFigures.format(Math.round(minutes * places) / places)} min`;
}

/** "62%", or "none (8% overspent)" when the window's budget is gone and more. */
export function formatBudgetLeft(left: number): string {
  if (left > 0) return formatPercent(left);
  return left === 0 ? 'none' : `none (${formatPercent(-left)} overspent)`;
}
