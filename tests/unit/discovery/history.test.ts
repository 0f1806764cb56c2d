import { describe, expect, it } from 'vitest';
import { isoWeekOf, thisWeekInHistory, weeksInIsoYear } from '../../../src/lib/history.ts';

const incidents = [
  { id: 'new-year-2024', day: '2024-01-01' }, // Monday, 2024-W01
  { id: 'dec-2024', day: '2024-12-30' }, // Monday, but already 2025-W01
  { id: 'week-52-2025', day: '2025-12-24' }, // 2025-W52
  { id: 'week-53-2020', day: '2020-12-31' }, // 2020 has 53 weeks: 2020-W53
  { id: 'week-48-2025', day: '2025-11-28' }, // 2025-W48
  { id: 'week-48-2026', day: '2026-11-24' }, // this year: never history
];
const started = (i: { day: string }) => i.day;
const ids = (today: string) => thisWeekInHistory(incidents, today, started).map((i) => i.id);

describe('ISO weeks', () => {
  it('puts the last days of December in week 1 of the next year when Thursday says so', () => {
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2026-11-26')).toEqual({ year: 2026, week: 48 });
  });

  it('knows which years have 53 weeks', () => {
    expect(weeksInIsoYear(2020)).toBe(53);
    expect(weeksInIsoYear(2025)).toBe(52);
    expect(weeksInIsoYear(2026)).toBe(53);
  });
});

describe('this week in history', () => {
  it('finds earlier years in the same ISO week', () => {
    expect(ids('2026-11-26')).toEqual(['week-48-2025']);
  });

  it('matches by ISO week at the turn of the year, not by calendar year', () => {
    // 2026-01-01 is a Thursday in 2026-W01; 2024-12-30 sits in 2025-W01 and 2024-01-01 in 2024-W01.
    expect(ids('2026-01-01')).toEqual(['dec-2024', 'new-year-2024']);
  });

  it('lets week 52 stand in for week 53 in years that have no week 53', () => {
    // 2026-12-31 is 2026-W53: 2025 has only 52 weeks, so its week 52 counts; 2020 has a real week 53.
    expect(ids('2026-12-31')).toEqual(['week-52-2025', 'week-53-2020']);
  });

  it('is empty when nothing happened that week', () => {
    expect(ids('2026-06-10')).toEqual([]);
  });
});
