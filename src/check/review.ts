import {
  computeBudgetConsumed,
  computeBudgetMinutes,
  computeTimeToDetect,
  computeTimeToMitigate,
  computeTimeToResolve,
  type KeyMoments,
} from '../lib/metrics.ts';
import type { Service, Slo } from '../schema/catalog.ts';

/**
 * What a reviewer reads about one checked post-mortem: the figures the site would derive from it,
 * taken from the frontmatter as written, so a file with problems still gets a summary. A value that
 * is missing or of the wrong type is left undefined; its problem is reported anyway.
 */
export interface PostmortemReview {
  /** Path relative to the archive root (the command makes it relative to where it ran). */
  file: string;
  title: string | undefined;
  status: string | undefined;
  severity: string | undefined;
  type: string | undefined;
  /** Minutes from `started`; undefined while a moment is missing, not a time, or before `started`. */
  timeToDetect: number | undefined;
  timeToMitigate: number | undefined;
  timeToResolve: number | undefined;
  /** One per `slo_impact` entry, in order. */
  budgets: SloBudget[];
  /** In the order written. */
  actionItems: ActionItemLine[];
}

/** One `slo_impact` entry against its SLO's error budget. */
export interface SloBudget {
  slo: string;
  badMinutes: number | undefined;
  /** The SLO from the catalog; undefined when there is no such SLO. */
  target: Pick<Slo, 'objective' | 'window_days'> | undefined;
  /** `(1 - objective/100) * window_days * 1440`. */
  budgetMinutes: number | undefined;
  /** Bad minutes over budget minutes: 1 is one window's whole budget. */
  consumed: number | undefined;
}

/** One action item as a reviewer sees it. */
export interface ActionItemLine {
  title: string | undefined;
  status: string | undefined;
  owner: string | undefined;
  due: string | undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

// A duration only when both ends are times and it does not run backwards (the consistency rule reports that).
function duration(compute: () => number | undefined): number | undefined {
  const minutes = compute();
  return minutes === undefined || minutes < 0 ? undefined : minutes;
}

/** The review summary of one post-mortem's frontmatter (`data` as parsed, valid or not) against the catalog's SLOs. */
export function reviewPostmortem(file: string, data: unknown, services: readonly Service[]): PostmortemReview {
  const fm = record(data);
  const slos = new Map(services.flatMap((s) => s.slos.map((slo) => [slo.id, slo] as const)));
  const detected = isTime(fm.detected) ? fm.detected : undefined;
  const moments: KeyMoments | undefined = isTime(fm.started)
    ? {
        started: fm.started,
        detected: detected ?? fm.started,
        mitigated: isTime(fm.mitigated) ? fm.mitigated : undefined,
        resolved: isTime(fm.resolved) ? fm.resolved : undefined,
      }
    : undefined;
  const budgets = list(fm.slo_impact).map((entry): SloBudget => {
    const impact = record(entry);
    const slo = text(impact.slo) ?? '';
    const badMinutes = typeof impact.bad_minutes === 'number' && Number.isFinite(impact.bad_minutes) ? impact.bad_minutes : undefined;
    const target = slos.get(slo);
    const budgetMinutes = target ? computeBudgetMinutes(target) : undefined;
    return {
      slo,
      badMinutes,
      target: target && { objective: target.objective, window_days: target.window_days },
      budgetMinutes,
      consumed: target && badMinutes !== undefined ? computeBudgetConsumed(badMinutes, target) : undefined,
    };
  });
  return {
    file,
    title: text(fm.title),
    status: text(fm.status),
    severity: text(fm.severity),
    type: text(fm.type),
    timeToDetect: moments && detected !== undefined ? duration(() => computeTimeToDetect(moments)) : undefined,
    timeToMitigate: moments && duration(() => computeTimeToMitigate(moments)),
    timeToResolve: moments && duration(() => computeTimeToResolve(moments)),
    budgets,
    actionItems: list(fm.action_items).map((entry) => {
      const item = record(entry);
      return { title: text(item.title), status: text(item.status), owner: text(item.owner), due: text(item.due) };
    }),
  };
}
