import { describe, expect, it } from 'vitest';
import {
  computeBudgetConsumed,
  computeBudgetMinutes,
  computeTimeToDetect,
  computeTimeToMitigate,
  computeTimeToResolve,
} from '../../../src/lib/metrics.ts';
import { dateInZone, daysBetweenDates, formatDuration, minutesBetween } from '../../../src/lib/time.ts';

describe('time to detect, mitigate and resolve', () => {
  it('counts minutes between UTC timestamps', () => {
    const m = {
      started: '2025-06-21T13:55:00Z',
      detected: '2025-06-21T14:02:00Z',
      mitigated: '2025-06-21T14:40:00Z',
      resolved: '2025-06-21T16:05:00Z',
    };
    expect(computeTimeToDetect(m)).toBe(7);
    expect(computeTimeToMitigate(m)).toBe(45);
    expect(computeTimeToResolve(m)).toBe(130);
  });

  it('honours offsets: 14:55 BST is 13:55 UTC', () => {
    // 14:55+01:00 = 13:55Z; 14:10Z - 13:55Z = 15 minutes, not 75 as a naive local subtraction would say.
    expect(computeTimeToDetect({ started: '2025-06-21T14:55:00+01:00', detected: '2025-06-21T14:10:00Z' })).toBe(15);
  });

  it('spans the October clock change, when 01:30 happens twice in London', () => {
    // 01:30+01:00 is 00:30Z; 01:20+00:00 is 01:20Z: 50 minutes, though the wall clock went backwards.
    const m = { started: '2025-10-26T01:30:00+01:00', detected: '2025-10-26T01:20:00+00:00', mitigated: '2025-10-26T02:05:00Z' };
    expect(computeTimeToDetect(m)).toBe(50);
    expect(computeTimeToMitigate(m)).toBe(95);
  });

  it('spans the March clock change, when the hour from 01:00 to 02:00 GMT does not exist', () => {
    // 00:45Z to 02:15+01:00 (01:15Z) is 30 minutes.
    expect(minutesBetween('2025-03-30T00:45:00Z', '2025-03-30T02:15:00+01:00')).toBe(30);
  });

  it('crosses midnight and a date line offset', () => {
    expect(minutesBetween('2025-12-31T23:50:00-05:00', '2026-01-01T05:10:00Z')).toBe(20);
  });

  it('leaves time to mitigate and resolve undefined until they are known', () => {
    const m = { started: '2025-06-21T13:55:00Z', detected: '2025-06-21T14:02:00Z' };
    expect(computeTimeToMitigate(m)).toBeUndefined();
    expect(computeTimeToResolve(m)).toBeUndefined();
  });
});

describe('error budget', () => {
  it('gives 43.2 minutes for 99.9% over 30 days', () => {
    // (1 - 0.999) * 30 * 1440 = 0.001 * 43200 = 43.2
    expect(computeBudgetMinutes({ objective: 99.9, window_days: 30 })).toBe(43.2);
  });

  it('gives 21.6 minutes for 99.95% over 30 days and 100.8 for 99% over 7 days', () => {
    expect(computeBudgetMinutes({ objective: 99.95, window_days: 30 })).toBe(21.6);
    expect(computeBudgetMinutes({ objective: 99, window_days: 7 })).toBe(100.8);
  });

  it('gives 0.432 minutes for 99.999% over 30 days and 525.6 for 99.9% over 365 days', () => {
    // (1 - 0.99999) × 30 × 1,440 = 0.432; (1 - 0.999) × 365 × 1,440 = 525.6.
    expect(computeBudgetMinutes({ objective: 99.999, window_days: 30 })).toBe(0.432);
    expect(computeBudgetMinutes({ objective: 99.9, window_days: 365 })).toBe(525.6);
  });

  it('gives 4.32 minutes for 99.99% over 30 days', () => {
    expect(computeBudgetMinutes({ objective: 99.99, window_days: 30 })).toBe(4.32);
  });

  it('reports consumption as a share, above 1 when the budget is overspent', () => {
    // 38 / 43.2 = 0.87962962...
    expect(computeBudgetConsumed(38, { objective: 99.9, window_days: 30 })).toBeCloseTo(0.8796296, 6);
    // 52 / 21.6 = 2.407407...
    expect(computeBudgetConsumed(52, { objective: 99.95, window_days: 30 })).toBeCloseTo(2.4074074, 6);
    expect(computeBudgetConsumed(0, { objective: 99.5, window_days: 30 })).toBe(0);
  });
});

describe('dates and durations for people', () => {
  it('formats durations rounded to the minute', () => {
    expect(formatDuration(7)).toBe('7 min');
    expect(formatDuration(59.6)).toBe('1 h');
    expect(formatDuration(65)).toBe('1 h 05 min');
    expect(formatDuration(130)).toBe('2 h 10 min');
    expect(formatDuration(2 * 1440 + 185)).toBe('2 d 3 h');
    expect(formatDuration(1440)).toBe('1 d');
  });

  it('finds the calendar date of an instant in a zone', () => {
    expect(dateInZone('2025-06-21T23:30:00Z', 'Europe/London')).toBe('2025-06-22');
    expect(dateInZone('2025-12-21T23:30:00Z', 'Europe/London')).toBe('2025-12-21');
  });

  it('counts days between dates across a leap day', () => {
    expect(daysBetweenDates('2028-02-27', '2028-03-01')).toBe(3);
  });
});
