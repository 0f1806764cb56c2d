import { describe, expect, it } from 'vitest';
import {
  budgetEvents,
  budgetInWindow,
  budgetsByService,
  countOverspends,
  endOfDay,
  minutesWithin,
  monthlyBudget,
  rollingBudget,
} from '../../../src/lib/trends/budgets.ts';
import { incident, LONDON, SERVICES } from './fixtures.ts';

const AVAILABILITY = SERVICES[0]!.slos[0]!; // 99.9% over 30 days: 43.2 minutes per window
const plus = (at: string, minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();
/** An incident against one SLO whose impact lasted `impact` minutes (two hours unless given). */
const hit = (id: string, started: string, badMinutes: number, slo = 'checkout-availability', impact = 120) =>
  incident(id, {
    started,
    detected: started,
    mitigated: plus(started, impact),
    resolved: undefined,
    slo_impact: [{ slo, bad_minutes: badMinutes }],
  });

describe('budget events', () => {
  it('lists the incidents that hit an SLO, oldest first, with their impact windows', () => {
    const incidents = [
      hit('2025-03-02-b', '2025-03-02T10:00:00Z', 5),
      hit('2025-01-05-a', '2025-01-05T10:00:00Z', 12),
      hit('2025-02-07-other', '2025-02-07T10:00:00Z', 9, 'search-freshness'),
    ];
    expect(budgetEvents(incidents, 'checkout-availability')).toEqual([
      {
        incidentId: '2025-01-05-a',
        title: 'Incident 2025-01-05-a',
        started: '2025-01-05T10:00:00Z',
        mitigated: '2025-01-05T12:00:00.000Z',
        badMinutes: 12,
      },
      {
        incidentId: '2025-03-02-b',
        title: 'Incident 2025-03-02-b',
        started: '2025-03-02T10:00:00Z',
        mitigated: '2025-03-02T12:00:00.000Z',
        badMinutes: 5,
      },
    ]);
  });

  it('never counts a near-miss, even one that lists bad minutes (the check rejects it: it hurt users)', () => {
    const near = incident('2025-02-01-near', { type: 'near-miss', slo_impact: [{ slo: 'checkout-availability', bad_minutes: 20 }] });
    expect(budgetEvents([near], 'checkout-availability')).toEqual([]);
  });
});

describe('spreading bad minutes over the impact window', () => {
  const event = budgetEvents([hit('2025-06-01-a', '2025-06-01T10:00:00Z', 60)], AVAILABILITY.id)[0]!;
  const at = (t: string) => Date.parse(t);

  it('counts the share of the window that falls inside, in proportion to time', () => {
    // 60 bad minutes over 10:00-12:00: 10:30-11:00 is a quarter of the window, 15 minutes.
    expect(minutesWithin(event, at('2025-06-01T10:30:00Z'), at('2025-06-01T11:00:00Z'))).toEqual({ minutes: 15, inside: true });
    expect(minutesWithin(event, at('2025-06-01T00:00:00Z'), at('2025-06-02T00:00:00Z'))).toEqual({ minutes: 60, inside: true });
    expect(minutesWithin(event, at('2025-06-01T12:00:00Z'), at('2025-06-01T13:00:00Z'))).toEqual({ minutes: 0, inside: false });
  });

  it('counts an event without an impact window where it started', () => {
    const point = { ...event, mitigated: undefined };
    expect(minutesWithin(point, at('2025-06-01T10:00:00Z'), at('2025-06-01T11:00:00Z')).minutes).toBe(60);
    // A rolling window includes its end and not its start.
    expect(minutesWithin(point, at('2025-06-01T09:00:00Z'), at('2025-06-01T10:00:00Z'), true).minutes).toBe(60);
    expect(minutesWithin(point, at('2025-06-01T10:00:00Z'), at('2025-06-01T11:00:00Z'), true).minutes).toBe(0);
  });
});

describe('budget per calendar month', () => {
  it('sizes each month’s budget by its own length on the zone’s clocks, and goes above 100%', () => {
    const events = budgetEvents(
      [
        // February 2026 has 40,320 minutes: 0.1% is 40.32; 60.48 bad minutes is 150%.
        hit('2026-02-10-a', '2026-02-10T10:00:00Z', 60.48),
        // March 2025 in London has 44,580 minutes (the clocks skipped an hour): 0.1% is 44.58; 22.29 is 50%.
        hit('2025-03-31-b', '2025-03-31T09:00:00+01:00', 22.29),
      ],
      AVAILABILITY.id,
    );
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

  it('splits a 36-hour incident that began on 31 August between August and September, by time', () => {
    // 12:00 BST on 31 August to 00:00 BST on 2 September: 12 hours in August, 24 in September.
    // 1,800 bad minutes: 1,800 × 12/36 = 600 in August and 1,200 in September.
    const events = budgetEvents(
      [hit('2025-08-31-long', '2025-08-31T12:00:00+01:00', 1800, 'checkout-availability', 36 * 60)],
      AVAILABILITY.id,
    );
    const rows = monthlyBudget(AVAILABILITY, events, ['2025-08', '2025-09'], LONDON);
    expect(rows.map((r) => [r.month, r.badMinutes, r.incidentIds])).toEqual([
      ['2025-08', 600, ['2025-08-31-long']],
      ['2025-09', 1200, ['2025-08-31-long']],
    ]);
    // August has 44,640 minutes (44.64 allowed), September 43,200 (43.2).
    expect(rows.map((r) => Math.round(r.consumed * 10_000) / 10_000)).toEqual([13.4409, 27.7778]);
  });

  it('splits at midnight in the organisation’s time zone, not in UTC', () => {
    // 22:30-23:30 UTC on 30 April 2025 is 23:30 BST on 30 April to 00:30 BST on 1 May: half in each month
    // in London, all in April in UTC.
    const events = budgetEvents([hit('2025-04-30-late', '2025-04-30T22:30:00Z', 60, 'checkout-availability', 60)], AVAILABILITY.id);
    expect(monthlyBudget(AVAILABILITY, events, ['2025-04', '2025-05'], LONDON).map((r) => r.badMinutes)).toEqual([30, 30]);
    expect(monthlyBudget(AVAILABILITY, events, ['2025-04', '2025-05'], 'UTC').map((r) => r.badMinutes)).toEqual([60, 0]);
  });

  it('puts an incident that began at 23:30 UTC on 31 March 2025 in April in London', () => {
    const events = budgetEvents([hit('2025-03-31-late', '2025-03-31T23:30:00Z', 10)], AVAILABILITY.id);
    const rows = monthlyBudget(AVAILABILITY, events, ['2025-03', '2025-04'], LONDON);
    expect(rows.map((r) => r.badMinutes)).toEqual([0, 10]);
    // April has 30 × 1,440 = 43,200 minutes: 0.1% is 43.2.
    expect(rows[1]!.budgetMinutes).toBe(43.2);
  });
});

describe('the rolling windows around each incident', () => {
  it('counts what was gone when it began and what was gone when its impact stopped', () => {
    const events = budgetEvents(
      [
        hit('2025-01-20-a', '2025-01-20T10:00:00Z', 21.6),
        hit('2025-02-10-b', '2025-02-10T10:00:00Z', 10.8),
        hit('2025-02-19-c', '2025-02-19T11:00:00Z', 43.2),
      ],
      AVAILABILITY.id,
    );
    const points = rollingBudget(AVAILABILITY, events);
    // a: nothing before it; by 12:00 on 20 January its 21.6 minutes: 50%.
    // b: a's 21.6 before (50%); a + b = 32.4 after (75%).
    // c: the window ending at 11:00 on 19 February began at 11:00 on 20 January, half-way through a's impact:
    //    10.8 of a + 10.8 of b = 21.6 before (50%). The window ending at 13:00 began after a ended: 10.8 + 43.2 = 54 (125%).
    expect(points.map((p) => [p.incidentId, p.before, p.windowStart, p.windowEnd, p.windowBadMinutes])).toEqual([
      ['2025-01-20-a', 0, '2024-12-21T12:00:00.000Z', '2025-01-20T12:00:00.000Z', 21.6],
      ['2025-02-10-b', 0.5, '2025-01-11T12:00:00.000Z', '2025-02-10T12:00:00.000Z', 32.4],
      ['2025-02-19-c', 0.5, '2025-01-20T13:00:00.000Z', '2025-02-19T13:00:00.000Z', 54],
    ]);
    expect(points.map((p) => Math.round(p.consumed * 1e12) / 1e12)).toEqual([0.5, 0.75, 1.25]);
  });

  it('counts an earlier incident still going on when the next one began', () => {
    const events = budgetEvents(
      [
        // 09:00-13:00 with 40 bad minutes; the second begins at 11:00, half-way through.
        hit('2025-05-01-first', '2025-05-01T09:00:00Z', 40, 'checkout-availability', 240),
        hit('2025-05-01-second', '2025-05-01T11:00:00Z', 3.2, 'checkout-availability', 30),
      ],
      AVAILABILITY.id,
    );
    const [, second] = rollingBudget(AVAILABILITY, events);
    // Before: 20 of the first's 40 minutes (09:00-11:00). After, at 11:30: 25 of the first and all 3.2 of the second.
    expect(second!.before * 43.2).toBeCloseTo(20, 9);
    expect(second!.windowBadMinutes).toBe(28.2);
  });

  it('measures the window in elapsed hours across the October clock change, not in calendar days', () => {
    const events = budgetEvents(
      [
        // 12:30 BST on 11 October is 11:30 UTC; its impact runs to 13:30 UTC.
        hit('2025-10-11-a', '2025-10-11T12:30:00+01:00', 20),
        hit('2025-11-10-b', '2025-11-10T12:00:00Z', 5),
      ],
      AVAILABILITY.id,
    );
    const [, b] = rollingBudget(AVAILABILITY, events);
    // 30 × 24 hours before 12:00 UTC on 10 November is 12:00 UTC on 11 October (13:00 BST, one wall-clock hour
    // later than 30 calendar days): 1.5 of a's 2 hours are inside, 15 of its 20 minutes.
    expect(b!.before * 43.2).toBeCloseTo(15, 9);
    expect(b!.windowStart).toBe('2025-10-11T14:00:00.000Z');
    expect(b!.windowBadMinutes).toBe(5);
  });

  it('uses the SLO’s own window: 7 days for search freshness (100.8 minutes)', () => {
    const freshness = SERVICES[1]!.slos[0]!;
    const events = budgetEvents(
      [
        hit('2025-05-01-a', '2025-05-01T10:00:00Z', 50.4, freshness.id),
        hit('2025-05-07-b', '2025-05-07T10:00:00Z', 25.2, freshness.id),
        hit('2025-05-09-c', '2025-05-09T10:00:00Z', 25.2, freshness.id),
      ],
      freshness.id,
    );
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
    const events = budgetEvents(
      [
        hit('2026-10-27-out', '2026-10-27T21:00:00Z', 30),
        hit('2026-10-28-in', '2026-10-28T00:30:00Z', 32.4),
        hit('2026-11-26-today', '2026-11-26T21:00:00Z', 21.6),
      ],
      AVAILABILITY.id,
    );
    const now = budgetInWindow(AVAILABILITY, events, endOfDay('2026-11-26', LONDON));
    // 32.4 + 21.6 = 54 of 43.2: 125% consumed, -25% left. The first ended at 23:00 UTC on 27 October, before the window.
    expect(now.from).toBe('2026-10-28T00:00:00.000Z');
    expect(now.to).toBe('2026-11-27T00:00:00.000Z');
    expect(now.incidentIds).toEqual(['2026-10-28-in', '2026-11-26-today']);
    expect(now.badMinutes).toBe(54);
    expect(now.consumed).toBeCloseTo(1.25, 12);
    expect(now.left).toBeCloseTo(-0.25, 12);
  });

  it('keeps the share of an incident that began just before the window', () => {
    // 23:00 UTC on 27 October to 01:00 UTC on 28 October: the hour after the window opens is inside, 15 of 30 minutes.
    const events = budgetEvents([hit('2026-10-27-edge', '2026-10-27T23:00:00Z', 30)], AVAILABILITY.id);
    const now = budgetInWindow(AVAILABILITY, events, endOfDay('2026-11-26', LONDON));
    expect([now.badMinutes, now.incidentIds]).toEqual([15, ['2026-10-27-edge']]);
  });

  it('measures the window in elapsed time across the October clock change', () => {
    // The London day of 26 October 2025 ends at 00:00 GMT on 27 October; 30 × 24 hours earlier is
    // 00:00 UTC on 27 September, 01:00 BST. Of an impact from 00:00 to 02:00 BST (23:00 to 01:00 UTC) one hour is inside.
    const events = budgetEvents([hit('2025-09-27-night', '2025-09-27T00:00:00+01:00', 120)], AVAILABILITY.id);
    const now = budgetInWindow(AVAILABILITY, events, endOfDay('2025-10-26', LONDON));
    expect([now.from, now.badMinutes]).toEqual(['2025-09-27T00:00:00.000Z', 60]);
  });

  it('uses a 365-day window and a 99.999% objective as written', () => {
    // 99.9% over 365 days allows 0.001 × 365 × 1,440 = 525.6 minutes.
    const yearly = { objective: 99.9, window_days: 365 };
    const end = endOfDay('2026-11-26', LONDON);
    // 365 × 24 hours before 00:00 UTC on 27 November 2026 is 00:00 UTC on 27 November 2025; an impact from
    // 23:00 UTC on 26 November to 01:00 UTC on 27 November 2025 is half inside.
    const events = budgetEvents(
      [hit('2025-11-26-old', '2025-11-26T23:00:00Z', 100), hit('2026-06-01-mid', '2026-06-01T10:00:00Z', 213.6)],
      AVAILABILITY.id,
    );
    const now = budgetInWindow(yearly, events, end);
    // 50 + 213.6 = 263.6 of 525.6: 50.15% consumed.
    expect([now.from, now.badMinutes]).toEqual(['2025-11-27T00:00:00.000Z', 263.6]);
    expect(now.consumed).toBeCloseTo(263.6 / 525.6, 12);
    // 99.999% over 30 days allows 0.00001 × 43,200 = 0.432 minutes; 0.216 of them is half.
    const strict = { objective: 99.999, window_days: 30 };
    const tiny = budgetEvents([hit('2026-11-20-blip', '2026-11-20T10:00:00Z', 0.216)], AVAILABILITY.id);
    expect(budgetInWindow(strict, tiny, end)).toMatchObject({ badMinutes: 0.216, consumed: 0.5, left: 0.5 });
  });

  it('leaves the whole budget when no incident is in the window', () => {
    const now = budgetInWindow(AVAILABILITY, [], endOfDay('2026-11-26', LONDON));
    expect(now).toMatchObject({ badMinutes: 0, consumed: 0, left: 1, incidentIds: [] });
  });
});

describe('budgets for every service', () => {
  it('gives every SLO its months, windows and current budget, and services without SLOs none', () => {
    const incidents = [
      hit('2026-11-20-a', '2026-11-20T10:00:00Z', 21.6),
      hit('2026-11-21-b', '2026-11-21T10:00:00Z', 10.08, 'checkout-latency'),
    ];
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
    // January: 60 of 44.64 = 134%; the window at b's mitigation: 60 of 43.2 = 139%. March: 10 of 44.58 = 22%.
    expect(countOverspends(budgets)).toEqual({ months: 1, windows: 1, slos: ['checkout-availability'] });
  });
});
