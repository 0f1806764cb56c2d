import { describe, expect, it } from 'vitest';
import { budgetEvents, budgetInWindow, budgetsByService, countOverspends, endOfDay, monthlyBudget, rollingBudget } from '../../../src/lib/trends/budgets.ts';
import { incident, LONDON, SERVICES } from './fixtures.ts';

const AVAILABILITY = SERVICES[0]!.slos[0]!; // 99.9% over 30 days: 43.2 minutes per window
const hit = (id: string, started: string, badMinutes: number, slo = 'checkout-availability') =>
  incident(id, { started, detected: started, mitigated: new Date(Date.parse(started) + 120 * 60_000).toISOString(), resolved: undefined, slo_impact: [{ slo, bad_minutes: badMinutes }] });

describe('budget events', () => {
  it('lists the incidents that hit an SLO, oldest first, and nothing for near-misses without SLO impact', () => {
    const incidents = [
      hit('2025-03-02-b', '2025-03-02T10:00:00Z', 5),
      incident('2025-02-01-near', { type: 'near-miss' }),
      hit('2025-01-05-a', '2025-01-05T10:00:00Z', 12),
      hit('2025-02-07-other', '2025-02-07T10:00:00Z', 9, 'search-freshness'),
    ];
    expect(budgetEvents(incidents, 'checkout-availability')).toEqual([
      { incidentId: '2025-01-05-a', title: 'Incident 2025-01-05-a', started: '2025-01-05T10:00:00Z', badMinutes: 12 },
      { incidentId: '2025-03-02-b', title: 'Incident 2025-03-02-b', started: '2025-03-02T10:00:00Z', badMinutes: 5 },
    ]);
    expect(budgetEvents([incident('2025-02-01-near', { type: 'near-miss' })], 'checkout-availability')).toEqual([]);
  });
});

describe('budget per calendar month', () => {
  it('sizes each month’s budget by its own length on the zone’s clocks, and goes above 100%', () => {
    const events = budgetEvents([
      // February 2026 has 40,320 minutes: 0.1% is 40.32; 60.48 bad minutes is 150%.
      hit('2026-02-10-a', '2026-02-10T10:00:00Z', 60.48),
      // March 2025 in London has 44,580 minutes (the clocks skipped an hour): 0.1% is 44.58; 22.29 is 50%.
      hit('2025-03-31-b', '2025-03-31T09:00:00+01:00', 22.29),
    ], AVAILABILITY.id);
    const rows = monthlyBudget(AVAILABILITY, events, ['2025-03', '2026-01', '2026-02'], LONDON);
    expect(rows.map((r) => [r.month, r.badMinutes, r.budgetMinutes, r.incidentIds])).toEqual([
      ['2025-03', 22.29, 44.58, ['2025-03-31-b']],
      ['2026-01', 0, 44.64, []],
      ['2026-02', 60.48, 40.32, ['2026-02-10-a']],
    ]);
    expect(rows[0]!.consumed).toBeCloseTo(0.5, 12);
    expect(rows[1]!.consumed).toBe(0);
    expect(rows[2]!.consumed).toBeCloseTo(1.5, 12);
  });

  it('counts bad minutes in the month the incident started in the time zone', () => {
    // 23:30Z on 31 March 2025 is 00:30 BST on 1 April.
    const events = budgetEvents([hit('2025-03-31-late', '2025-03-31T23:30:00Z', 10)], AVAILABILITY.id);
    const rows = monthlyBudget(AVAILABILITY, events, ['2025-03', '2025-04'], LONDON);
    expect(rows.map((r) => r.badMinutes)).toEqual([0, 10]);
    // April has 30 × 1,440 = 43,200 minutes: 0.1% is 43.2.
    expect(rows[1]!.budgetMinutes).toBe(43.2);
  });
});

describe('rolling window ending at each incident', () => {
  it('spans months, drops an incident exactly one window earlier, and goes above 100%', () => {
    const events = budgetEvents([
      hit('2025-01-20-a', '2025-01-20T10:00:00Z', 21.6),
      hit('2025-02-10-b', '2025-02-10T10:00:00Z', 10.8),
      // 30 × 24 hours before 19 February 10:00 is 20 January 10:00: incident a falls out of the window.
      hit('2025-02-19-c', '2025-02-19T10:00:00Z', 43.2),
    ], AVAILABILITY.id);
    const points = rollingBudget(AVAILABILITY, events);
    expect(points.map((p) => [p.incidentId, p.windowStart, p.windowBadMinutes])).toEqual([
      ['2025-01-20-a', '2024-12-21T10:00:00.000Z', 21.6],
      ['2025-02-10-b', '2025-01-11T10:00:00.000Z', 32.4],
      ['2025-02-19-c', '2025-01-20T10:00:00.000Z', 54],
    ]);
    // a: 0 before, 21.6 / 43.2 = 0.5 after. b: 0.5 before, (21.6 + 10.8) / 43.2 = 0.75 after.
    // c: 10.8 / 43.2 = 0.25 before, (10.8 + 43.2) / 43.2 = 1.25 after.
    expect(points.map((p) => p.before)).toEqual([0, 0.5, 0.25]);
    expect(points[0]!.consumed).toBe(0.5);
    expect(points[1]!.consumed).toBeCloseTo(0.75, 12);
    expect(points[2]!.consumed).toBeCloseTo(1.25, 12);
  });

  it('measures the window in elapsed hours across the October clock change, not in calendar days', () => {
    const events = budgetEvents([
      // 12:30 BST on 11 October is 11:30 UTC: 30 × 24 h before 12:00 UTC on 10 November is 12:00 UTC on 11 October, after it.
      hit('2025-10-11-a', '2025-10-11T12:30:00+01:00', 20),
      hit('2025-11-10-b', '2025-11-10T12:00:00Z', 5),
    ], AVAILABILITY.id);
    const [, b] = rollingBudget(AVAILABILITY, events);
    expect(b!.windowStart).toBe('2025-10-11T12:00:00.000Z');
    expect(b!.windowBadMinutes).toBe(5);
    expect(b!.before).toBe(0);
  });

  it('uses the SLO’s own window: 7 days for search freshness (100.8 minutes)', () => {
    const freshness = SERVICES[1]!.slos[0]!;
    const events = budgetEvents([
      hit('2025-05-01-a', '2025-05-01T10:00:00Z', 50.4, freshness.id),
      hit('2025-05-07-b', '2025-05-07T10:00:00Z', 25.2, freshness.id),
      hit('2025-05-09-c', '2025-05-09T10:00:00Z', 25.2, freshness.id),
    ], freshness.id);
    // b: a is 6 days earlier, inside: 50.4 / 100.8 = 0.5 before. c: a is 8 days earlier, outside: 25.2 / 100.8 = 0.25 before.
    expect(rollingBudget(freshness, events).map((p) => p.before)).toEqual([0, 0.5, 0.25]);
  });
});

describe('budget left now', () => {
  it('ends the window at the end of the reference day in the time zone', () => {
    expect(new Date(endOfDay('2026-11-26', LONDON)).toISOString()).toBe('2026-11-27T00:00:00.000Z');
    // In summer the London day ends at 23:00 UTC.
    expect(new Date(endOfDay('2025-07-15', LONDON)).toISOString()).toBe('2025-07-15T23:00:00.000Z');
  });

  it('counts the last 30 × 24 hours up to the end of today, and goes negative when overspent', () => {
    const events = budgetEvents([
      hit('2026-10-27-out', '2026-10-27T23:59:00Z', 30),
      hit('2026-10-28-in', '2026-10-28T00:30:00Z', 32.4),
      hit('2026-11-26-today', '2026-11-26T21:00:00Z', 21.6),
    ], AVAILABILITY.id);
    const now = budgetInWindow(AVAILABILITY, events, endOfDay('2026-11-26', LONDON));
    // 32.4 + 21.6 = 54 of 43.2: 125% consumed, -25% left.
    expect(now.from).toBe('2026-10-28T00:00:00.000Z');
    expect(now.to).toBe('2026-11-27T00:00:00.000Z');
    expect(now.incidentIds).toEqual(['2026-10-28-in', '2026-11-26-today']);
    expect(now.badMinutes).toBe(54);
    expect(now.consumed).toBeCloseTo(1.25, 12);
    expect(now.left).toBeCloseTo(-0.25, 12);
  });

  it('leaves the whole budget when no incident is in the window', () => {
    const now = budgetInWindow(AVAILABILITY, [], endOfDay('2026-11-26', LONDON));
    expect(now).toMatchObject({ badMinutes: 0, consumed: 0, left: 1, incidentIds: [] });
  });
});

describe('budgets for every service', () => {
  it('gives every SLO its months, windows and current budget, and services without SLOs none', () => {
    const incidents = [hit('2026-11-20-a', '2026-11-20T10:00:00Z', 21.6), hit('2026-11-21-b', '2026-11-21T10:00:00Z', 10.08, 'checkout-latency')];
    const budgets = budgetsByService(SERVICES, incidents, ['2026-10', '2026-11'], '2026-11-26', LONDON);
    expect(budgets.map((b) => [b.service.id, b.slos.map((s) => s.slo.id)])).toEqual([
      ['checkout-api', ['checkout-availability', 'checkout-latency']],
      ['product-search', ['search-freshness']],
      ['feature-flags', []],
    ]);
    const [availability, latency] = budgets[0]!.slos;
    expect(availability!.now.left).toBe(0.5);
    // checkout-latency is 99.95% over 30 days: 21.6 minutes; 10.08 is 46.7%.
    expect(latency!.budgetMinutes).toBe(21.6);
    expect(latency!.now.consumed).toBeCloseTo(0.4666667, 6);
    expect(budgets[1]!.slos[0]!.monthly.map((m) => m.badMinutes)).toEqual([0, 0]);
  });

  it('counts months and windows over budget, and the SLOs concerned', () => {
    const incidents = [
      hit('2025-01-10-a', '2025-01-10T10:00:00Z', 30),
      hit('2025-01-20-b', '2025-01-20T10:00:00Z', 30),
      hit('2025-03-01-c', '2025-03-01T10:00:00Z', 10),
    ];
    const budgets = budgetsByService(SERVICES, incidents, ['2025-01', '2025-02', '2025-03'], '2025-03-31', LONDON).flatMap((b) => b.slos);
    // January: 60 of 44.64 = 134%; the window at b: 60 of 43.2 = 139%. March: 10 of 44.58 = 22%.
    expect(countOverspends(budgets)).toEqual({ months: 1, windows: 1, slos: ['checkout-availability'] });
  });
});
