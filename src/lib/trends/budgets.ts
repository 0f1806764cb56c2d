import type { Service, Slo } from '../../schema/catalog.ts';
import type { IncidentView } from '../incidents.ts';
import { computeBudgetMinutes } from '../metrics.ts';
import { toEpochMs } from '../time.ts';
import { addDays, minutesInMonth, monthOf, startOfDay, type MonthKey } from './periods.ts';

const DAY_MS = 86_400_000;

/** Sums bad minutes, rounded to 1e-9 so 21.6 + 10.8 reads 32.4 rather than 32.400000000000006. */
export function sumMinutes(events: readonly { badMinutes: number }[]): number {
  return Math.round(events.reduce((sum, e) => sum + e.badMinutes, 0) * 1e9) / 1e9;
}

/** Bad minutes one incident counted against one SLO, attributed to the moment the incident started. */
export interface BudgetEvent {
  incidentId: string;
  title: string;
  started: string;
  badMinutes: number;
}

/** Budget consumed by incidents in one calendar month. */
export interface MonthlyBudget {
  month: MonthKey;
  badMinutes: number;
  /** `(1 - objective/100)` of the minutes in the month on the zone's clocks. */
  budgetMinutes: number;
  /** `badMinutes / budgetMinutes`; above 1 is over budget. */
  consumed: number;
  incidentIds: string[];
}

/** Budget consumed in the rolling window that ends when one incident started, that incident included. */
export interface RollingPoint extends BudgetEvent {
  /** The window is the `window_days` × 24 hours up to `started`; this is where it begins (UTC). */
  windowStart: string;
  /** Share consumed by earlier incidents in the window: what was gone when this one began. */
  before: number;
  /** Share consumed with this incident included; above 1 is over budget. */
  consumed: number;
  /** Bad minutes in the window, this incident included. */
  windowBadMinutes: number;
}

/** Budget consumed in a window ending at a given moment. */
export interface WindowBudget {
  /** Where the window begins and ends (UTC instants). */
  from: string;
  to: string;
  badMinutes: number;
  consumed: number;
  /** `1 - consumed`: negative when the budget is overspent. */
  left: number;
  incidentIds: string[];
}

/** Everything the site shows about one SLO's error budget. */
export interface SloBudget {
  slo: Slo;
  service: Service;
  /** Bad minutes the SLO tolerates per window. */
  budgetMinutes: number;
  /** Oldest first. */
  events: BudgetEvent[];
  monthly: MonthlyBudget[];
  rolling: RollingPoint[];
  /** The window ending at the end of the reference day. */
  now: WindowBudget;
}

/** The SLO impacts of the incidents against one SLO, oldest first. */
export function budgetEvents(incidents: readonly IncidentView[], sloId: string): BudgetEvent[] {
  return incidents
    .flatMap((incident) => incident.sloImpacts
      .filter((impact) => impact.slo.id === sloId)
      .map((impact) => ({ incidentId: incident.id, title: incident.title, started: incident.started, badMinutes: impact.badMinutes })))
    .sort((a, b) => toEpochMs(a.started) - toEpochMs(b.started) || a.incidentId.localeCompare(b.incidentId));
}

/**
 * Budget consumed per calendar month of the zone, for every month in `months`. A month's budget is the
 * SLO's allowed share of that month's own length, so February allows less than March.
 */
export function monthlyBudget(slo: Pick<Slo, 'objective'>, events: readonly BudgetEvent[], months: readonly MonthKey[], timeZone: string): MonthlyBudget[] {
  const byMonth = new Map<MonthKey, BudgetEvent[]>();
  for (const event of events) {
    const month = monthOf(event.started, timeZone);
    const list = byMonth.get(month);
    if (list) list.push(event);
    else byMonth.set(month, [event]);
  }
  return months.map((month) => {
    const inMonth = byMonth.get(month) ?? [];
    const badMinutes = sumMinutes(inMonth);
    // Rounded to 1e-9 like computeBudgetMinutes, so 0.1% of 44,640 minutes is 44.64.
    const budgetMinutes = Math.round((1 - slo.objective / 100) * minutesInMonth(month, timeZone) * 1e9) / 1e9;
    return { month, badMinutes, budgetMinutes, consumed: badMinutes / budgetMinutes, incidentIds: inMonth.map((e) => e.incidentId) };
  });
}

/**
 * Budget consumed in the rolling window (`window_days` × 24 hours) ending at each incident's start.
 * Events must be oldest first, as `budgetEvents` returns them; an event exactly one window earlier is
 * outside the window.
 */
export function rollingBudget(slo: Pick<Slo, 'objective' | 'window_days'>, events: readonly BudgetEvent[]): RollingPoint[] {
  const budget = computeBudgetMinutes(slo);
  const times = events.map((e) => toEpochMs(e.started));
  // Prefix sums and a window start that only moves forward: linear in the number of events.
  const prefix = [0];
  for (const e of events) prefix.push(prefix.at(-1)! + e.badMinutes);
  const round = (minutes: number) => Math.round(minutes * 1e9) / 1e9;
  let first = 0;
  return events.map((event, n) => {
    const start = times[n]! - slo.window_days * DAY_MS;
    while (times[first]! <= start) first += 1;
    const beforeMinutes = round(prefix[n]! - prefix[first]!);
    const windowBadMinutes = round(prefix[n + 1]! - prefix[first]!);
    return {
      ...event,
      windowStart: new Date(start).toISOString(),
      before: beforeMinutes / budget,
      consumed: windowBadMinutes / budget,
      windowBadMinutes,
    };
  });
}

/** Budget consumed by the events in the window of `window_days` × 24 hours ending at `endMs`. */
export function budgetInWindow(slo: Pick<Slo, 'objective' | 'window_days'>, events: readonly BudgetEvent[], endMs: number): WindowBudget {
  const startMs = endMs - slo.window_days * DAY_MS;
  const inWindow = events.filter((e) => toEpochMs(e.started) > startMs && toEpochMs(e.started) <= endMs);
  const badMinutes = sumMinutes(inWindow);
  const consumed = badMinutes / computeBudgetMinutes(slo);
  return {
    from: new Date(startMs).toISOString(),
    to: new Date(endMs).toISOString(),
    badMinutes,
    consumed,
    left: 1 - consumed,
    incidentIds: inWindow.map((e) => e.incidentId),
  };
}

/** The end of the reference day `today` (YYYY-MM-DD) in the zone: the moment the next day begins. */
export function endOfDay(today: string, timeZone: string): number {
  return startOfDay(addDays(today, 1), timeZone);
}

/** Monthly, rolling and current budget figures for every SLO of every service, services in the order given. */
export function budgetsByService(
  services: readonly Service[],
  incidents: readonly IncidentView[],
  months: readonly MonthKey[],
  today: string,
  timeZone: string,
): { service: Service; slos: SloBudget[] }[] {
  const end = endOfDay(today, timeZone);
  return services.map((service) => ({
    service,
    slos: service.slos.map((slo) => {
      const events = budgetEvents(incidents, slo.id);
      return {
        slo,
        service,
        budgetMinutes: computeBudgetMinutes(slo),
        events,
        monthly: monthlyBudget(slo, events, months, timeZone),
        rolling: rollingBudget(slo, events),
        now: budgetInWindow(slo, events, end),
      };
    }),
  }));
}

/** How often budgets went over: calendar months and rolling windows above 100%. */
export interface OverspendCount {
  /** SLO-months consumed above 100%. */
  months: number;
  /** Incidents after which their rolling window was above 100%. */
  windows: number;
  /** SLOs with at least one month or window above 100%. */
  slos: string[];
}

/** Counts the months and rolling windows above 100% across SLO budgets. */
export function countOverspends(budgets: readonly SloBudget[]): OverspendCount {
  const slos = new Set<string>();
  let months = 0;
  let windows = 0;
  for (const b of budgets) {
    const overMonths = b.monthly.filter((m) => m.consumed > 1).length;
    const overWindows = b.rolling.filter((r) => r.consumed > 1).length;
    months += overMonths;
    windows += overWindows;
    if (overMonths + overWindows > 0) slos.add(b.slo.id);
  }
  return { months, windows, slos: [...slos] };
}
