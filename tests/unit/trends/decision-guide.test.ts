import { describe, expect, it } from 'vitest';
import { budgetsByService } from '../../../src/lib/trends/budgets.ts';
import {
  DEFAULT_DECISION_GUIDE,
  guideServices,
  minutesUntilBelow,
  pastDecisions,
  resolveThresholds,
  stanceFor,
  summarisePastDecisions,
} from '../../../src/lib/trends/decision-guide.ts';
import { CHECKOUT, problemsAfter } from '../validation/helpers.ts';
import { incident, LONDON, SERVICES } from './fixtures.ts';

const hit = (id: string, impacts: Record<string, number>, decision: 'rollback' | 'hotfix' | 'config-revert' = 'rollback') =>
  incident(id, {
    slo_impact: Object.entries(impacts).map(([slo, bad_minutes]) => ({ slo, bad_minutes })),
    response: { decision, helped_by: [] },
  });
const DEFAULTS = resolveThresholds(undefined);

describe('thresholds', () => {
  it('defaults to rolling back below 25% left and allowing a hot-fix from 50%', () => {
    expect(DEFAULT_DECISION_GUIDE).toEqual({ roll_back_below: 25, investigate_from: 50 });
    expect(DEFAULTS).toEqual({ rollBackBelow: 0.25, investigateFrom: 0.5 });
  });

  it('takes percentages from catalog/organisation.yaml, filling in whichever is missing', () => {
    expect(resolveThresholds({ roll_back_below: 10, investigate_from: 40 })).toEqual({ rollBackBelow: 0.1, investigateFrom: 0.4 });
    expect(resolveThresholds({ investigate_from: 80 })).toEqual({ rollBackBelow: 0.25, investigateFrom: 0.8 });
  });

  it('accepts a decision_guide block in catalog/organisation.yaml', () => {
    const organisation =
      'name: Examplecorp\ntitle: Examplecorp post-mortems\ntime_zone: Europe/London\ndecision_guide:\n  roll_back_below: 30\n  investigate_from: 60\n';
    expect(problemsAfter(CHECKOUT, (text) => text, { 'catalog/organisation.yaml': organisation })).toEqual([]);
  });

  it('reports thresholds in the wrong order, out of range or misspelt, each at its line', () => {
    const base = 'name: Examplecorp\ntitle: Examplecorp post-mortems\ntime_zone: Europe/London\n';
    expect(
      problemsAfter(CHECKOUT, (text) => text, {
        'catalog/organisation.yaml': `${base}decision_guide:\n  roll_back_below: 60\n  investigate_from: 40\n`,
      }),
    ).toEqual([
      'catalog/organisation.yaml:6:3 decision_guide.investigate_from: expected investigate_from (default 50) to be at least roll_back_below, here 60, found 40',
    ]);
    expect(
      problemsAfter(CHECKOUT, (text) => text, { 'catalog/organisation.yaml': `${base}decision_guide:\n  roll_back_below: 60\n` }),
    ).toEqual([
      'catalog/organisation.yaml:4:1 decision_guide.investigate_from: expected investigate_from (default 50) to be at least roll_back_below, here 60, found nothing',
    ]);
    expect(
      problemsAfter(CHECKOUT, (text) => text, {
        'catalog/organisation.yaml': `${base}decision_guide:\n  roll_back_below: 120\n  rollback: 3\n`,
      }),
    ).toEqual([
      'catalog/organisation.yaml:5:3 decision_guide.roll_back_below: expected a percentage of the error budget from 0 to 100, e.g. 25, found 120',
      'catalog/organisation.yaml:6:3 decision_guide.rollback: unknown key. Remove it; the keys allowed here are roll_back_below, investigate_from.',
    ]);
    expect(
      problemsAfter(CHECKOUT, (text) => text, { 'catalog/organisation.yaml': `${base}decision_guide:\n  investigate_from: half\n` }),
    ).toEqual([
      'catalog/organisation.yaml:5:3 decision_guide.investigate_from: expected a percentage of the error budget from 0 to 100, e.g. 25, found "half"',
    ]);
  });
});

describe('the stance for the budget left', () => {
  it('rolls back below the lower threshold, prefers a roll-back up to the upper one, and allows a hot-fix from it', () => {
    expect(stanceFor(0.2499, DEFAULTS).key).toBe('roll-back');
    expect(stanceFor(0.25, DEFAULTS).key).toBe('prefer-roll-back');
    expect(stanceFor(0.4999, DEFAULTS).key).toBe('prefer-roll-back');
    expect(stanceFor(0.5, DEFAULTS).key).toBe('investigate');
    expect(stanceFor(1, DEFAULTS).label).toBe('Hot-fix or investigate');
  });

  it('rolls back when the budget is overspent (less than nothing left)', () => {
    expect(stanceFor(-0.3, DEFAULTS)).toMatchObject({ key: 'roll-back', label: 'Roll back first' });
  });

  it('counts the minutes of full impact before a threshold is crossed', () => {
    // (0.75 - 0.5) × 43.2 = 10.8 minutes; already below: 0.
    expect(minutesUntilBelow({ budgetMinutes: 43.2, now: { left: 0.75 } }, 0.5)).toBe(10.8);
    expect(minutesUntilBelow({ budgetMinutes: 43.2, now: { left: 0.2 } }, 0.25)).toBe(0);
  });
});

describe('each service now', () => {
  const incidents = [
    // In the window ending 26 November: 10.8 of 43.2 (75% left) and 5.4 of 21.6 (75% left).
    hit('2026-11-20-a', { 'checkout-availability': 10.8, 'checkout-latency': 5.4 }),
  ];
  const budgets = budgetsByService(SERVICES, incidents, ['2026-11'], '2026-11-26', LONDON);
  const guides = guideServices(budgets, DEFAULTS);

  it('orders services by budget left, those without SLOs last, each with the stance of the SLO that decides it', () => {
    // checkout-api's SLOs both have 75% left: latency has 16.2 minutes left, availability 32.4, so latency decides.
    expect(guides.map((g) => [g.service.id, g.governing?.slo.id, g.stance.key])).toEqual([
      ['checkout-api', 'checkout-latency', 'investigate'],
      ['product-search', 'search-freshness', 'investigate'],
      ['feature-flags', undefined, 'no-slo'],
    ]);
  });

  it('breaks a tie in share and minutes left by the order of catalog/services.yaml', () => {
    const twin = (id: string) => ({ id, name: id, objective: 99.9, window_days: 30 });
    const service = {
      id: 'twins',
      name: 'Twins',
      team: 'platform',
      visibility: 'public' as const,
      slos: [twin('zeta-slo'), twin('alpha-slo')],
    };
    const [guide] = guideServices(budgetsByService([service], [], ['2026-11'], '2026-11-26', LONDON), DEFAULTS);
    expect(guide!.slos.map((b) => b.slo.id)).toEqual(['zeta-slo', 'alpha-slo']);
  });

  it('puts the service that would need a roll-back soonest first when budgets left are equal', () => {
    const roomy = {
      id: 'alpha-service',
      name: 'Alpha',
      team: 'platform',
      visibility: 'public' as const,
      slos: [{ id: 'alpha-slo', name: 'Alpha', objective: 99, window_days: 30 }],
    };
    const tight = {
      id: 'zulu-service',
      name: 'Zulu',
      team: 'platform',
      visibility: 'public' as const,
      slos: [{ id: 'zulu-slo', name: 'Zulu', objective: 99.99, window_days: 30 }],
    };
    // Both untouched (100% left). Until below 25%: Alpha 0.75 × 432 = 324 minutes, Zulu 0.75 × 4.32 = 3.24.
    const order = guideServices(budgetsByService([roomy, tight], [], ['2026-11'], '2026-11-26', LONDON), DEFAULTS);
    expect(order.map((g) => [g.service.id, g.fullImpactMinutes.rollBack])).toEqual([
      ['zulu-service', 3.24],
      ['alpha-service', 324],
    ]);
  });

  it('gives the minutes of full impact of the deciding SLO itself', () => {
    // checkout-latency: until below 50%, (0.75 - 0.5) × 21.6 = 5.4; until below 25%, 0.5 × 21.6 = 10.8.
    expect(guides[0]!.fullImpactMinutes).toEqual({ preferRollBack: 5.4, rollBack: 10.8 });
    expect(guides[0]!.sooner).toEqual({ preferRollBack: undefined, rollBack: undefined });
    // search-freshness, untouched: 0.5 × 100.8 = 50.4 and 0.75 × 100.8 = 75.6.
    expect(guides[1]!.fullImpactMinutes).toEqual({ preferRollBack: 50.4, rollBack: 75.6 });
    expect(guides[2]!.fullImpactMinutes).toEqual({ preferRollBack: undefined, rollBack: undefined });
  });

  it('names another SLO that would cross a threshold sooner than the deciding one', () => {
    // Availability: 30.24 of 43.2 used, 30% left (12.96 minutes). Latency: 6.48 of 21.6 used, 70% left (15.12 minutes).
    // Availability decides (30% < 70%): 0.05 × 43.2 = 2.16 minutes until below 25%, already below 50%.
    // Latency reaches 50% after 0.2 × 21.6 = 4.32 minutes: later than availability there (0), so nothing sooner;
    // it reaches 25% after 0.45 × 21.6 = 9.72 minutes, later than 2.16.
    const mixed = guideServices(
      budgetsByService(
        SERVICES.slice(0, 1),
        [hit('2026-11-20-b', { 'checkout-availability': 30.24, 'checkout-latency': 6.48 })],
        ['2026-11'],
        '2026-11-26',
        LONDON,
      ),
      DEFAULTS,
    )[0]!;
    expect([mixed.governing!.slo.id, mixed.stance.key, mixed.fullImpactMinutes, mixed.sooner]).toEqual([
      'checkout-availability',
      'prefer-roll-back',
      { preferRollBack: 0, rollBack: 2.16 },
      { preferRollBack: undefined, rollBack: undefined },
    ]);
    // A big budget decides when its share is lower, but a small budget just above it crosses 25% first:
    // big 99% (432 minutes) with 40% left: 0.15 × 432 = 64.8 minutes; small 99.99% (4.32 minutes) with 41% left:
    // 0.16 × 4.32 = 0.6912. (The shares left are set by hand here.)
    const big = { id: 'big-slo', name: 'Big', objective: 99, window_days: 30 };
    const small = { id: 'small-slo', name: 'Small', objective: 99.99, window_days: 30 };
    const service = { id: 'pair', name: 'Pair', team: 'platform', visibility: 'public' as const, slos: [big, small] };
    const [pair] = guideServices(
      budgetsByService([service], [], ['2026-11'], '2026-11-26', LONDON).map((b) => ({
        ...b,
        slos: b.slos.map((x) => ({ ...x, now: { ...x.now, left: x.slo.id === 'big-slo' ? 0.4 : 0.41 } })),
      })),
      DEFAULTS,
    );
    expect([pair!.governing!.slo.id, pair!.fullImpactMinutes.rollBack, pair!.sooner.rollBack]).toEqual([
      'big-slo',
      64.8,
      { sloId: 'small-slo', minutes: 0.6912 },
    ]);
  });
});

describe('past decisions', () => {
  const incidents = [
    hit('2025-03-01-c', { 'checkout-availability': 43.2, 'checkout-latency': 32.4 }, 'config-revert'),
    // A near-miss never appears, even one that (against the check) lists bad minutes.
    incident('2025-02-01-near', { type: 'near-miss', slo_impact: [{ slo: 'checkout-availability', bad_minutes: 5 }] }),
    hit('2025-01-20-b', { 'checkout-availability': 10.8, 'checkout-latency': 10.8 }, 'hotfix'),
    hit('2025-01-10-a', { 'checkout-availability': 21.6 }),
  ];
  const budgets = budgetsByService(SERVICES, incidents, ['2025-01', '2025-02', '2025-03'], '2025-03-31', LONDON).flatMap((b) => b.slos);
  const past = pastDecisions(incidents, budgets, DEFAULTS);

  it('gives the budget left in the tightest SLO when each incident began and when its impact stopped, oldest first, near-misses left out', () => {
    // a: 21.6 of 43.2 → 100% at start, 50% after.
    // b: availability had a's 21.6 in its window → 50% at start, (21.6 + 10.8) / 43.2 = 75% used → 25% after;
    //    latency 100% at start: availability is tighter.
    // c: 40 days after b, both windows are empty at the start (100%); after, availability 0% and latency
    //    1 - 32.4 / 21.6 = -50%: latency is tighter.
    expect(past.map((p) => [p.incident.id, p.sloId, p.leftAtStart, p.stance.key, p.stanceAfter.key, p.decision])).toEqual([
      ['2025-01-10-a', 'checkout-availability', 1, 'investigate', 'investigate', 'rollback'],
      ['2025-01-20-b', 'checkout-availability', 0.5, 'investigate', 'prefer-roll-back', 'hotfix'],
      ['2025-03-01-c', 'checkout-latency', 1, 'investigate', 'roll-back', 'config-revert'],
    ]);
    expect(past[0]!.leftAfter).toBe(0.5);
    expect(past[1]!.leftAfter).toBeCloseTo(0.25, 12);
    expect(past[2]!.leftAfter).toBeCloseTo(-0.5, 12);
  });

  it('counts the incidents that ended below the roll-back threshold and were rolled back or reverted', () => {
    expect(summarisePastDecisions(past)).toEqual({ incidents: 3, endedInRollBack: 1, rolledBack: 1 });
  });
});
