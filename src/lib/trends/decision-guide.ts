import type { DecisionGuide, Service } from '../../schema/catalog.ts';
import type { IncidentView } from '../incidents.ts';
import type { SloBudget } from './budgets.ts';

/** The thresholds used when `catalog/organisation.yaml` has no `decision_guide`, in percent of budget left. */
export const DEFAULT_DECISION_GUIDE: DecisionGuide = { roll_back_below: 25, investigate_from: 50 };

/** What the guide tells the person on call. */
export type StanceKey = 'roll-back' | 'prefer-roll-back' | 'investigate' | 'no-slo';

/** A stance with the words the site shows for it. */
export interface Stance {
  key: StanceKey;
  label: string;
  advice: string;
}

/** The stances, from the most to the least cautious. */
export const STANCES: Record<StanceKey, Stance> = {
  'roll-back': {
    key: 'roll-back',
    label: 'Roll back first',
    advice:
      'Little budget is left: restore the last good version or configuration first, then investigate. A hot-fix spends budget the service does not have.',
  },
  'prefer-roll-back': {
    key: 'prefer-roll-back',
    label: 'Prefer a roll-back',
    advice: 'Some budget is left: roll back unless a small, reviewed fix is ready sooner than the roll-back would be.',
  },
  investigate: {
    key: 'investigate',
    label: 'Hot-fix or investigate',
    advice: 'Plenty of budget is left: a hot-fix, or a little more investigation while impact continues, is acceptable.',
  },
  'no-slo': {
    key: 'no-slo',
    label: 'No SLO to weigh',
    advice: 'The service has no SLO, so there is no budget to weigh: judge by the customer impact.',
  },
};

/** The guide's thresholds (percent in `catalog/organisation.yaml`) as shares of the budget. */
export interface Thresholds {
  rollBackBelow: number;
  investigateFrom: number;
}

/** Fills in defaults and turns percentages into shares: `{ roll_back_below: 25 }` gives 0.25 and 0.5. */
export function resolveThresholds(guide: Partial<DecisionGuide> | undefined): Thresholds {
  return {
    rollBackBelow: (guide?.roll_back_below ?? DEFAULT_DECISION_GUIDE.roll_back_below) / 100,
    investigateFrom: (guide?.investigate_from ?? DEFAULT_DECISION_GUIDE.investigate_from) / 100,
  };
}

/** The stance for a share of budget left (1 is all of it; negative when overspent). */
export function stanceFor(left: number, thresholds: Thresholds): Stance {
  if (left < thresholds.rollBackBelow) return STANCES['roll-back'];
  if (left < thresholds.investigateFrom) return STANCES['prefer-roll-back'];
  return STANCES.investigate;
}

/** Minutes of full impact before a threshold is crossed, and the SLO they belong to. */
export interface FullImpact {
  sloId: string;
  minutes: number;
}

/** One service on the decision guide. */
export interface ServiceGuide {
  service: Service;
  /** Its SLOs in the order that decides: least budget left first (see `compareForStance`). */
  slos: SloBudget[];
  /** The SLO that decides the stance: the first of `slos`; undefined without SLOs. */
  governing: SloBudget | undefined;
  stance: Stance;
  /**
   * Minutes of full impact (every minute bad) before the deciding SLO's budget left falls below
   * `investigateFrom` and below `rollBackBelow`; 0 when it already has, undefined without SLOs.
   */
  fullImpactMinutes: { preferRollBack: number | undefined; rollBack: number | undefined };
  /**
   * Another SLO of the service that would cross a threshold sooner than the deciding one under full
   * impact (a smaller budget with a little more left), when there is one: the stance hardens then.
   */
  sooner: { preferRollBack: FullImpact | undefined; rollBack: FullImpact | undefined };
}

/** Minutes of full impact before an SLO's budget left falls below `threshold` (a share); 0 when it already has. */
export function minutesUntilBelow(budget: Pick<SloBudget, 'budgetMinutes'> & { now: { left: number } }, threshold: number): number {
  // Rounded to 1e-9: (0.5 - 0.25) * 43.2 should read 10.8, not 10.800000000000001.
  return Math.max(0, Math.round((budget.now.left - threshold) * budget.budgetMinutes * 1e9) / 1e9);
}

/** Minutes of budget an SLO has left in its current window (negative when overspent). */
function minutesLeft(budget: Pick<SloBudget, 'budgetMinutes' | 'now'>): number {
  return budget.now.left * budget.budgetMinutes;
}

/**
 * The order in which a service's SLOs decide its stance: the least share of budget left first; on a
 * tie, the fewest minutes left (the smaller budget, which full impact uses up sooner); then the order
 * of catalog/services.yaml. `catalogIndex` gives each SLO's place in the catalog.
 */
export function compareForStance(a: SloBudget, b: SloBudget, catalogIndex: (b: SloBudget) => number): number {
  return a.now.left - b.now.left || minutesLeft(a) - minutesLeft(b) || catalogIndex(a) - catalogIndex(b);
}

function soonerThan(governing: SloBudget, others: readonly SloBudget[], threshold: number): FullImpact | undefined {
  const own = minutesUntilBelow(governing, threshold);
  const best = others
    .map((b) => ({ sloId: b.slo.id, minutes: minutesUntilBelow(b, threshold) }))
    .filter((x) => x.minutes < own)
    .sort((a, b) => a.minutes - b.minutes)[0];
  return best;
}

/**
 * The stance for each service now, decided by one SLO: the one with the least share of budget left in
 * its current window (ties: fewest minutes left, then catalog order). Services come least budget
 * left first, then soonest to need a roll-back under full impact, then by name; those without SLOs last.
 */
export function guideServices(budgets: readonly { service: Service; slos: SloBudget[] }[], thresholds: Thresholds): ServiceGuide[] {
  return budgets
    .map(({ service, slos }) => {
      const place = new Map(slos.map((b, i) => [b.slo.id, i]));
      const sorted = [...slos].sort((a, b) => compareForStance(a, b, (x) => place.get(x.slo.id) ?? 0));
      const governing = sorted[0];
      const others = sorted.slice(1);
      return {
        service,
        slos: sorted,
        governing,
        stance: governing ? stanceFor(governing.now.left, thresholds) : STANCES['no-slo'],
        fullImpactMinutes: governing
          ? {
              preferRollBack: minutesUntilBelow(governing, thresholds.investigateFrom),
              rollBack: minutesUntilBelow(governing, thresholds.rollBackBelow),
            }
          : { preferRollBack: undefined, rollBack: undefined },
        sooner: governing
          ? {
              preferRollBack: soonerThan(governing, others, thresholds.investigateFrom),
              rollBack: soonerThan(governing, others, thresholds.rollBackBelow),
            }
          : { preferRollBack: undefined, rollBack: undefined },
      };
    })
    .sort(
      (a, b) =>
        (a.governing?.now.left ?? Infinity) - (b.governing?.now.left ?? Infinity) ||
        (a.fullImpactMinutes.rollBack ?? Infinity) - (b.fullImpactMinutes.rollBack ?? Infinity) ||
        a.service.name.localeCompare(b.service.name),
    );
}

/** One past incident: how much budget was left when it began, what the guide would say, what was done. */
export interface PastDecision {
  incident: IncidentView;
  /** The SLO hit by the incident with the least budget left when it began. */
  sloId: string;
  sloName: string;
  /** Budget left in that SLO's window when the incident began, before its own bad minutes. */
  leftAtStart: number;
  /** Budget left in the window ending when its impact stopped (`mitigated`), its own bad minutes counted. */
  leftAfter: number;
  /** The stance for the budget left when the incident began. */
  stance: Stance;
  /** The stance for the budget left when its impact stopped: what the guide said by the end. */
  stanceAfter: Stance;
  decision: string;
}

/**
 * For every incident (not near-miss) with SLO impact, oldest first: the budget left in its tightest SLO
 * when it began and when its impact stopped, the stances the guide gives for those, beside the decision
 * responders took. The tightest SLO has the least left at the start, then the least left after, then
 * comes first in the order of `budgets` (the catalog's).
 */
export function pastDecisions(incidents: readonly IncidentView[], budgets: readonly SloBudget[], thresholds: Thresholds): PastDecision[] {
  const pointsBySlo = new Map(
    budgets.map((b, place) => [b.slo.id, { name: b.slo.name, place, points: new Map(b.rolling.map((r) => [r.incidentId, r])) }]),
  );
  return [...incidents]
    .filter((i) => i.type === 'incident' && i.sloImpacts.length > 0)
    .sort((a, b) => Date.parse(a.started) - Date.parse(b.started) || a.id.localeCompare(b.id))
    .flatMap((incident) => {
      const options = incident.sloImpacts.flatMap((impact) => {
        const slo = pointsBySlo.get(impact.slo.id);
        const point = slo?.points.get(incident.id);
        return slo && point
          ? [{ sloId: impact.slo.id, sloName: slo.name, place: slo.place, leftAtStart: 1 - point.before, leftAfter: 1 - point.consumed }]
          : [];
      });
      const tightest = options.sort((a, b) => a.leftAtStart - b.leftAtStart || a.leftAfter - b.leftAfter || a.place - b.place)[0];
      if (!tightest) return [];
      const { sloId, sloName, leftAtStart, leftAfter } = tightest;
      return [
        {
          incident,
          sloId,
          sloName,
          leftAtStart,
          leftAfter,
          stance: stanceFor(tightest.leftAtStart, thresholds),
          stanceAfter: stanceFor(tightest.leftAfter, thresholds),
          decision: incident.response.decision,
        },
      ];
    });
}

/** Decisions that put back the last good version or configuration. */
export const ROLL_BACK_DECISIONS: readonly string[] = ['rollback', 'config-revert'];

/** How many past incidents ended below the roll-back threshold, and how many of those were rolled back or reverted. */
export function summarisePastDecisions(past: readonly PastDecision[]): { incidents: number; endedInRollBack: number; rolledBack: number } {
  const ended = past.filter((p) => p.stanceAfter.key === 'roll-back');
  return {
    incidents: past.length,
    endedInRollBack: ended.length,
    rolledBack: ended.filter((p) => ROLL_BACK_DECISIONS.includes(p.decision)).length,
  };
}

/** One SLO's share of budget left after some more minutes of full impact. */
export interface SloAfterImpact {
  budget: SloBudget;
  /** Share of the budget left once the minutes are spent: `now.left - minutes / budgetMinutes`. */
  left: number;
  stance: Stance;
}

/**
 * Whether an SLO's budget left falls below `threshold` (a share) after `minutes` of full impact: it is
 * below already, or the minutes exceed `minutesUntilBelow`, the figure the decision guide shows.
 */
export function belowAfterImpact(
  budget: Pick<SloBudget, 'budgetMinutes'> & { now: { left: number } },
  minutes: number,
  threshold: number,
): boolean {
  return budget.now.left < threshold || minutes > minutesUntilBelow(budget, threshold);
}

/**
 * The stance of a service once an incident in progress has had `minutes` of full impact (every minute
 * bad against every SLO of the service): each SLO's stance from `belowAfterImpact`, and the service takes
 * the hardest, decided by the SLO with the least share left among those that have it (ties as
 * `compareForStance`). With 0 minutes this is the guide's stance and deciding SLO. The on-call page's
 * script (public/on-call.js, `stanceAfter`) applies the same rule to the numbers the page renders.
 */
export function stanceAfterImpact(
  slos: readonly SloBudget[],
  minutes: number,
  thresholds: Thresholds,
): { stance: Stance; deciding: SloAfterImpact | undefined; slos: SloAfterImpact[] } {
  const after = slos.map((budget) => ({
    budget,
    left: budget.now.left - minutes / budget.budgetMinutes,
    stance: belowAfterImpact(budget, minutes, thresholds.rollBackBelow)
      ? STANCES['roll-back']
      : belowAfterImpact(budget, minutes, thresholds.investigateFrom)
        ? STANCES['prefer-roll-back']
        : STANCES.investigate,
  }));
  const hardness = (s: Stance) => ['investigate', 'prefer-roll-back', 'roll-back'].indexOf(s.key);
  const hardest = Math.max(-1, ...after.map((s) => hardness(s.stance)));
  const place = new Map(slos.map((b, i) => [b.slo.id, i]));
  const deciding = after
    .filter((s) => hardness(s.stance) === hardest)
    .sort((a, b) =>
      compareForStance(
        { ...a.budget, now: { ...a.budget.now, left: a.left } },
        { ...b.budget, now: { ...b.budget.now, left: b.left } },
        (x) => place.get(x.slo.id) ?? 0,
      ),
    )[0];
  return { stance: deciding?.stance ?? STANCES['no-slo'], deciding, slos: after };
}

/** Minutes of an SLO's budget left in its current window, never below 0: the budget per window less its bad minutes. */
export function budgetMinutesLeft(budget: Pick<SloBudget, 'budgetMinutes'> & { now: { badMinutes: number } }): number {
  // Rounded to 1e-9 like minutesUntilBelow: 43.2 - 10.8 should read 32.4.
  return Math.max(0, Math.round((budget.budgetMinutes - budget.now.badMinutes) * 1e9) / 1e9);
}
