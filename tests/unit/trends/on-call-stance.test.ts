import { describe, expect, it } from 'vitest';
import { budgetsByService, type SloBudget } from '../../../src/lib/trends/budgets.ts';
import {
  budgetMinutesLeft,
  guideServices,
  resolveThresholds,
  stanceAfterImpact,
  type Thresholds,
} from '../../../src/lib/trends/decision-guide.ts';
import { formatBudgetLeft, formatMinutes, formatPercent } from '../../../src/lib/format.ts';
import * as page from '../../../public/on-call.js';
import { incident, LONDON, SERVICES } from './fixtures.ts';

const DEFAULTS = resolveThresholds(undefined);

/** What the on-call page renders for its script: each SLO's share left now, budget minutes and catalog place. */
const rendered = (slos: readonly SloBudget[]) =>
  slos.map((b, place) => ({ id: b.slo.id, left: b.now.left, budgetMinutes: b.budgetMinutes, place }));

/** One service whose SLOs have the given shares left now (set by hand), in catalog order. */
function service(slos: { objective: number; window_days: number; left: number }[]): SloBudget[] {
  const catalog = {
    id: 'svc',
    name: 'Svc',
    team: 'platform',
    visibility: 'public' as const,
    slos: slos.map((s, i) => ({ id: `slo-${i}`, name: `SLO ${i}`, objective: s.objective, window_days: s.window_days })),
  };
  return budgetsByService([catalog], [], ['2026-11'], '2026-11-26', LONDON)[0]!.slos.map((b, i) => ({
    ...b,
    now: { ...b.now, left: slos[i]!.left },
  }));
}

/** The library's answer and the page script's answer, side by side. */
function both(slos: SloBudget[], minutes: number, thresholds: Thresholds = DEFAULTS) {
  const lib = stanceAfterImpact(slos, minutes, thresholds);
  const script = page.stanceAfter(rendered(slos), minutes, thresholds);
  return { lib: [lib.stance.key, lib.deciding?.budget.slo.id], script: [script.key, script.sloId] };
}

describe('the stance after minutes of impact in an incident in progress', () => {
  it('is the decision guide’s stance and deciding SLO with no minutes entered', () => {
    // Availability 10.8 of 43.2 (75% left), latency 5.4 of 21.6 (75% left): latency, with fewer minutes left, decides.
    const budgets = budgetsByService(
      SERVICES,
      [
        incident('2026-11-20-a', {
          slo_impact: [
            { slo: 'checkout-availability', bad_minutes: 10.8 },
            { slo: 'checkout-latency', bad_minutes: 5.4 },
          ],
        }),
      ],
      ['2026-11'],
      '2026-11-26',
      LONDON,
    );
    for (const guide of guideServices(budgets, DEFAULTS)) {
      const catalogOrder = budgets.find((b) => b.service.id === guide.service.id)!.slos;
      const after = stanceAfterImpact(catalogOrder, 0, DEFAULTS);
      expect([after.stance.key, after.deciding?.budget.slo.id], guide.service.id).toEqual([guide.stance.key, guide.governing?.slo.id]);
    }
  });

  it('hardens exactly when the minutes pass those the guide shows until each threshold', () => {
    // 99.9% over 30 days, 75% left: (0.75 - 0.5) × 43.2 = 10.8 minutes until below 50%, 0.5 × 43.2 = 21.6 until below 25%.
    const slos = service([{ objective: 99.9, window_days: 30, left: 0.75 }]);
    expect([0, 10.8, 10.81, 21.6, 21.61, 500].map((m) => stanceAfterImpact(slos, m, DEFAULTS).stance.key)).toEqual([
      'investigate',
      'investigate',
      'prefer-roll-back',
      'prefer-roll-back',
      'roll-back',
      'roll-back',
    ]);
    // 21.6 minutes later the share left is 0.75 - 21.6 / 43.2 = 0.25.
    expect(stanceAfterImpact(slos, 21.6, DEFAULTS).deciding!.left).toBe(0.25);
  });

  it('lets a small budget with more left take over when full impact uses it up sooner', () => {
    // Big: 99% over 30 days (432 min), 40% left; small: 99.99% (4.32 min), 41% left. Big decides now; after
    // 0.6912 minutes the small one has 0.41 - 0.6912 / 4.32 = 25% left, the least (big: 39.84%), and decides;
    // a moment later it is below 25%, while big needs 0.15 × 432 = 64.8 minutes to get there.
    const slos = service([
      { objective: 99, window_days: 30, left: 0.4 },
      { objective: 99.99, window_days: 30, left: 0.41 },
    ]);
    expect(both(slos, 0)).toEqual({ lib: ['prefer-roll-back', 'slo-0'], script: ['prefer-roll-back', 'slo-0'] });
    expect(both(slos, 0.6912)).toEqual({ lib: ['prefer-roll-back', 'slo-1'], script: ['prefer-roll-back', 'slo-1'] });
    expect(both(slos, 0.7)).toEqual({ lib: ['roll-back', 'slo-1'], script: ['roll-back', 'slo-1'] });
  });

  it('has no stance to weigh for a service without SLOs', () => {
    expect(both([], 30)).toEqual({ lib: ['no-slo', undefined], script: ['no-slo', undefined] });
  });

  it('gives the same stance, deciding SLO and shares in the page script as in the library, minute by minute', () => {
    const services = [
      service([
        { objective: 99.9, window_days: 30, left: 0.236 },
        { objective: 99.9, window_days: 30, left: 0.306 },
      ]),
      service([
        { objective: 99.9, window_days: 30, left: 1 },
        { objective: 99, window_days: 7, left: 1 },
      ]),
      service([
        { objective: 99.95, window_days: 30, left: 0.5 },
        { objective: 99.95, window_days: 30, left: 0.5 },
      ]),
      service([
        { objective: 99, window_days: 30, left: -0.2 },
        { objective: 99.5, window_days: 30, left: 0.9 },
      ]),
      service([
        { objective: 99.999, window_days: 30, left: 0.8 },
        { objective: 99, window_days: 365, left: 0.26 },
      ]),
    ];
    const thresholds = [
      DEFAULTS,
      resolveThresholds({ roll_back_below: 10, investigate_from: 40 }),
      resolveThresholds({ roll_back_below: 30, investigate_from: 30 }),
    ];
    let compared = 0;
    for (const slos of services) {
      const boundaries = slos.flatMap((b) =>
        thresholds.flatMap((t) => [t.rollBackBelow, t.investigateFrom].map((x) => (b.now.left - x) * b.budgetMinutes)),
      );
      const minutes = [...Array.from({ length: 801 }, (_, i) => i / 4), ...boundaries.filter((m) => m >= 0).flatMap((m) => [m, m + 1e-6])];
      for (const t of thresholds) {
        for (const m of minutes) {
          const lib = stanceAfterImpact(slos, m, t);
          const script = page.stanceAfter(rendered(slos), m, t);
          expect([script.key, script.sloId, slos.map((b) => script.left[b.slo.id])]).toEqual([
            lib.stance.key,
            lib.deciding?.budget.slo.id,
            lib.slos.map((s) => s.left),
          ]);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(12_000);
  });

  it('writes shares and minutes in the page script exactly as the site does', () => {
    for (const share of [1, 0.5, 0.236, 0.0999, 0.088, 0.0049, 0, -0.08, -1.37]) {
      expect([page.formatPercent(Math.abs(share)), page.formatBudgetLeft(share)]).toEqual([
        formatPercent(Math.abs(share)),
        formatBudgetLeft(share),
      ]);
    }
    for (const minutes of [0, 0.432, 0.6912, 10.8, 43.2, 525.6, 1234.567, 20000])
      expect(page.formatMinutes(minutes)).toBe(formatMinutes(minutes));
  });

  it('counts the minutes of budget left, never fewer than none', () => {
    // 43.2 - 10.8 = 32.4; 43.2 - 50 is overspent: 0 left.
    expect(budgetMinutesLeft({ budgetMinutes: 43.2, now: { badMinutes: 10.8 } })).toBe(32.4);
    expect(budgetMinutesLeft({ budgetMinutes: 43.2, now: { badMinutes: 50 } })).toBe(0);
  });
});
