import { minutesBetween } from './time.ts';

/** The key moments of an incident, as written in its frontmatter. */
export interface KeyMoments {
  started: string;
  detected: string;
  mitigated?: string;
  resolved?: string;
}

/** Minutes from impact starting to someone or something noticing. */
export function computeTimeToDetect(m: KeyMoments): number {
  return minutesBetween(m.started, m.detected);
}

/** Minutes from impact starting to impact stopping; undefined until mitigated. */
export function computeTimeToMitigate(m: KeyMoments): number | undefined {
  return m.mitigated === undefined ? undefined : minutesBetween(m.started, m.mitigated);
}

/** Minutes from impact starting to the underlying problem being fixed; undefined until resolved. */
export function computeTimeToResolve(m: KeyMoments): number | undefined {
  return m.resolved === undefined ? undefined : minutesBetween(m.started, m.resolved);
}

/** An SLO's objective and window. */
export interface SloTarget {
  objective: number;
  window_days: number;
}

/** Bad minutes the SLO tolerates per window: `(1 - objective/100) * window_days * 1440`. */
export function computeBudgetMinutes(slo: SloTarget): number {
  // Rounded to 1e-9 so 99.9% of 30 days is 43.2, not 43.20000000000002.
  return Math.round((1 - slo.objective / 100) * slo.window_days * 1440 * 1e9) / 1e9;
}

/** Share of the SLO's error budget that `badMinutes` consumed: 1 is the whole budget, above 1 is over. */
export function computeBudgetConsumed(badMinutes: number, slo: SloTarget): number {
  return badMinutes / computeBudgetMinutes(slo);
}
