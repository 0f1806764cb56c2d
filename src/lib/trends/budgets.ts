import type { Service, Slo } from '../../schema/catalog.ts';
import type { IncidentView } from '../incidents.ts';
import { computeBudgetMinutes } from '../metrics.ts';
import { toEpochMs } from '../time.ts';
import { addDays, minutesInMonth, monthOf, nextMonth, periodsInProgress, startOfDay, type MonthKey } from './periods.ts';

const DAY_MS = 86_400_000;

/** Rounds minutes to 1e-9, so 21.6 + 10.8 reads 32.4 rather than 32.400000000000006. */
function roundMinutes(minutes: number): number {
  return Math.round(minutes * 1e9) / 1e9;
}

/** Sums bad minutes, rounded to 1e-9 so 21.6 + 10.8 reads 32.4 rather than 32.400000000000006. */
export function sumMinutes(events: readonly { badMinutes: number }[]): number {
  return roundMinutes(events.reduce((sum, e) => sum + e.badMinutes, 0));
}

/**
 * Bad minutes one incident counted against one SLO, spread evenly over its impact window: from
 * `started` to `mitigated`. An incident without `mitigated` (only a draft can lack it) counts at `started`.
 */
export interface BudgetEvent {
  incidentId: string;
  title: string;
  started: string;
  /** When impact stopped: where the spread ends. */
  mitigated: string | undefined;
  badMinutes: number;
}

/**
 * The bad minutes of an event that fall between `fromMs` and `toMs`, in proportion to the time of its
 * impact window inside. An event without an impact window counts whole where it started: inside when
 * `fromMs <= started < toMs`, or `fromMs < started <= toMs` with `endIncluded` (a rolling window).
 */
export function minutesWithin(event: BudgetEvent, fromMs: number, toMs: number, endIncluded = false): { minutes: number; inside: boolean } {
  const start = toEpochMs(event.started);
  const end = event.mitigated === undefined ? start : toEpochMs(event.mitigated);
  if (end <= start) {
    const inside = endIncluded ? start > fromMs && start <= toMs : start >= fromMs && start < toMs;
    return { minutes: inside ? event.badMinutes : 0, inside };
  }
  const overlap = Math.min(end, toMs) - Math.max(start, fromMs);
  return overlap <= 0 ? { minutes: 0, inside: false } : { minutes: (event.badMinutes * overlap) / (end - start), inside: true };
}

/** Budget consumed by incidents in one calendar month. */
export interface MonthlyBudget {
  month: MonthKey;
  /** The share of each incident's bad minutes whose impact fell in the month. */
  badMinutes: number;
  /** `(1 - objective/100)` of the minutes in the month on the zone's clocks. */
  budgetMinutes: number;
  /** `badMinutes / budgetMinutes`; above 1 is over budget. */
  consumed: number;
  /** Incidents with some impact in the month, oldest first. */
  incidentIds: string[];
  /** The month holds the reference day and ends after it: counted only up to the end of that day, against the whole month's budget. */
  partial: boolean;
}

/** Budget consumed in the rolling windows around one incident: when it began and when its impact stopped. */
export interface RollingPoint extends BudgetEvent {
  /** Share consumed in the window ending when it started: what was gone when it began. */
  before: number;
  /** Share consumed in the window ending when it was mitigated, its own bad minutes included; above 1 is over budget. */
  consumed: number;
  /** Where that window begins and ends (UTC instants). */
  windowStart: string;
  windowEnd: string;
  /** Bad minutes in that window. */
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
  /** Incidents with some impact in the window, oldest first. */
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

/**
 * The SLO impacts against one SLO of the incidents among `incidents`, oldest first. Near-misses never
 * count (a near-miss with bad minutes is a consistency error: it hurt users, so it is an incident).
 */
export function budgetEvents(incidents: readonly IncidentView[], sloId: string): BudgetEvent[] {
  return incidents
    .filter((incident) => incident.type === 'incident')
    .flatMap((incident) =>
      incident.sloImpacts
        .filter((impact) => impact.slo.id === sloId)
        .map((impact) => ({
          incidentId: incident.id,
          title: incident.title,
          started: incident.started,
          mitigated: incident.mitigated,
          badMinutes: impact.badMinutes,
        })),
    )
    .sort((a, b) => toEpochMs(a.started) - toEpochMs(b.started) || a.incidentId.localeCompare(b.incidentId));
}

/**
 * Budget consumed per calendar month of the zone, for every month in `months`. Each incident's bad
 * minutes are spread over its impact window and each month counts the share inside it. A month's
 * budget is the SLO's allowed share of that month's own length, so February allows less than March.
 */
export function monthlyBudget(
  slo: Pick<Slo, 'objective'>,
  events: readonly BudgetEvent[],
  months: readonly MonthKey[],
  timeZone: string,
  inProgress?: MonthKey,
): MonthlyBudget[] {
  const wanted = new Set(months);
  const shares = new Map<MonthKey, { minutes: number; ids: string[] }>();
  for (const event of events) {
    const last = monthOf(event.mitigated ?? event.started, timeZone);
    for (let month = monthOf(event.started, timeZone); month <= last; month = nextMonth(month)) {
      if (!wanted.has(month)) continue;
      const within = minutesWithin(event, startOfDay(`${month}-01`, timeZone), startOfDay(`${nextMonth(month)}-01`, timeZone));
      if (!within.inside) continue;
      const share = shares.get(month) ?? { minutes: 0, ids: [] };
      share.minutes += within.minutes;
      share.ids.push(event.incidentId);
      shares.set(month, share);
    }
  }
  return months.map((month) => {
    const share = shares.get(month);
    const badMinutes = roundMinutes(share?.minutes ?? 0);
    // Rounded to 1e-9 like computeBudgetMinutes, so 0.1% of 44,640 minutes is 44.64.
    const budgetMinutes = roundMinutes((1 - slo.objective / 100) * minutesInMonth(month, timeZone));
    return {
      month,
      badMinutes,
      budgetMinutes,
      consumed: badMinutes / budgetMinutes,
      incidentIds: share?.ids ?? [],
      partial: month === inProgress,
    };
  });
}

/**
 * Bad minutes in the window of `windowMs` ending at `endMs` (the end included, the start not), with the
 * incidents that had some impact in it, leaving out the event at index `except`. Events oldest first,
 * `starts` their start instants and `longest` their longest impact window, so only events that can
 * reach into the window are looked at.
 */
function minutesInWindow(
  events: readonly BudgetEvent[],
  starts: readonly number[],
  longest: number,
  windowMs: number,
  endMs: number,
  except = -1,
): { minutes: number; ids: string[] } {
  const fromMs = endMs - windowMs;
  let minutes = 0;
  const ids: string[] = [];
  // The last event that started by the end (starts are ascending), then back until none can reach in.
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! <= endMs) low = mid + 1;
    else high = mid;
  }
  for (let k = low - 1; k >= 0 && starts[k]! > fromMs - longest; k--) {
    if (k === except) continue;
    const share = minutesWithin(events[k]!, fromMs, endMs, true);
    if (!share.inside) continue;
    minutes += share.minutes;
    ids.push(events[k]!.incidentId);
  }
  return { minutes: roundMinutes(minutes), ids: ids.reverse() };
}

/** The longest impact window of some events, in milliseconds: how far back a window must look for impact reaching into it. */
function longestImpact(events: readonly BudgetEvent[]): number {
  return Math.max(0, ...events.map((e) => (e.mitigated === undefined ? 0 : toEpochMs(e.mitigated) - toEpochMs(e.started))));
}

/**
 * Budget consumed in the rolling windows (`window_days` × 24 hours) around each incident: the window
 * ending when it started (`before`) and the window ending when it was mitigated (`consumed`). Bad
 * minutes are spread over each incident's impact window; events must be oldest first, as
 * `budgetEvents` returns them.
 */
export function rollingBudget(slo: Pick<Slo, 'objective' | 'window_days'>, events: readonly BudgetEvent[]): RollingPoint[] {
  const budget = computeBudgetMinutes(slo);
  const windowMs = slo.window_days * DAY_MS;
  const starts = events.map((e) => toEpochMs(e.started));
  const longest = longestImpact(events);
  return events.map((event, n) => {
    const startMs = starts[n]!;
    const endMs = event.mitigated === undefined ? startMs : toEpochMs(event.mitigated);
    // What was gone when it began: every other impact in the window up to its start.
    const before = minutesInWindow(events, starts, longest, windowMs, startMs, n);
    const after = minutesInWindow(events, starts, longest, windowMs, endMs);
    return {
      ...event,
      before: before.minutes / budget,
      consumed: after.minutes / budget,
      windowStart: new Date(endMs - windowMs).toISOString(),
      windowEnd: new Date(endMs).toISOString(),
      windowBadMinutes: after.minutes,
    };
  });
}

/** Budget consumed by the events in the window of `window_days` × 24 hours ending at `endMs`; events oldest first. */
export function budgetInWindow(slo: Pick<Slo, 'objective' | 'window_days'>, events: readonly BudgetEvent[], endMs: number): WindowBudget {
  const windowMs = slo.window_days * DAY_MS;
  const { minutes, ids } = minutesInWindow(
    events,
    events.map((e) => toEpochMs(e.started)),
    longestImpact(events),
    windowMs,
    endMs,
  );
  const consumed = minutes / computeBudgetMinutes(slo);
  return {
    from: new Date(endMs - windowMs).toISOString(),
    to: new Date(endMs).toISOString(),
    badMinutes: minutes,
    consumed,
    left: 1 - consumed,
    incidentIds: ids,
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
  const running = periodsInProgress(today).month;
  return services.map((service) => ({
    service,
    slos: service.slos.map((slo) => {
      const events = budgetEvents(incidents, slo.id);
      return {
        slo,
        service,
        budgetMinutes: computeBudgetMinutes(slo),
        events,
        monthly: monthlyBudget(slo, events, months, timeZone, running),
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
  /** Incidents at whose mitigation their rolling window was above 100%. */
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
