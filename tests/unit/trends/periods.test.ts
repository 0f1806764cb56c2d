import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatHalf,
  formatMonth,
  formatQuarter,
  halfOfMonth,
  halfRange,
  lastDayOfMonth,
  minutesInMonth,
  monthOf,
  monthRange,
  nextMonth,
  periodsInProgress,
  quarterOf,
  quarterRange,
  startOfDay,
  yearOf,
  yearRange,
  zoneOffsetMinutes,
} from '../../../src/lib/trends/periods.ts';
import { LONDON } from './fixtures.ts';

describe('the month, quarter and year of an instant in the organisation’s time zone', () => {
  it('puts 23:30 UTC on 31 March 2025 in April in London, where it is 00:30 BST on 1 April', () => {
    // British Summer Time began on 30 March 2025, so 23:30Z + 1 h = 00:30 on 1 April.
    expect(monthOf('2025-03-31T23:30:00Z', LONDON)).toBe('2025-04');
    expect(quarterOf('2025-03-31T23:30:00Z', LONDON)).toBe('2025-Q2');
    expect(monthOf('2025-03-31T23:30:00Z', 'UTC')).toBe('2025-03');
  });

  it('keeps 23:30 UTC on 31 October 2025 in October, because summer time ended on 26 October', () => {
    expect(monthOf('2025-10-31T23:30:00Z', LONDON)).toBe('2025-10');
  });

  it('honours the offset written in the timestamp: 23:30-05:00 on New Year’s Eve is 04:30 on 1 January in London', () => {
    expect(monthOf('2025-12-31T23:30:00-05:00', LONDON)).toBe('2026-01');
    expect(quarterOf('2025-12-31T23:30:00-05:00', LONDON)).toBe('2026-Q1');
    expect(yearOf('2025-12-31T23:30:00-05:00', LONDON)).toBe('2026');
  });

  it('counts the hour that happens twice at the October clock change in October', () => {
    // 01:30+01:00 and 01:30+00:00 on 26 October 2025 are both 26 October in London.
    expect(monthOf('2025-10-26T01:30:00+01:00', LONDON)).toBe('2025-10');
    expect(monthOf('2025-10-26T01:30:00+00:00', LONDON)).toBe('2025-10');
  });

  it('works for zones far from UTC: 13:00 UTC on 30 June is 01:00 on 1 July in Auckland (UTC+12)', () => {
    expect(monthOf('2025-06-30T13:00:00Z', 'Pacific/Auckland')).toBe('2025-07');
    expect(quarterOf('2025-06-30T13:00:00Z', 'Pacific/Auckland')).toBe('2025-Q3');
  });
});

describe('zone offsets and the start of a day', () => {
  it('reads London as UTC+1 in July and UTC+0 in January, Kolkata as +5:30 and St John’s as -3:30 in winter', () => {
    expect(zoneOffsetMinutes(Date.parse('2025-07-01T12:00:00Z'), LONDON)).toBe(60);
    expect(zoneOffsetMinutes(Date.parse('2025-01-15T12:00:00Z'), LONDON)).toBe(0);
    expect(zoneOffsetMinutes(Date.parse('2025-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(zoneOffsetMinutes(Date.parse('2025-01-15T12:00:00Z'), 'America/St_Johns')).toBe(-210);
  });

  it('starts 26 October 2025 in London at 23:00 UTC the day before, and makes that day 25 hours long', () => {
    expect(new Date(startOfDay('2025-10-26', LONDON)).toISOString()).toBe('2025-10-25T23:00:00.000Z');
    expect(new Date(startOfDay('2025-10-27', LONDON)).toISOString()).toBe('2025-10-27T00:00:00.000Z');
    // 25 h = 1,500 min.
    expect((startOfDay('2025-10-27', LONDON) - startOfDay('2025-10-26', LONDON)) / 60_000).toBe(1500);
  });

  it('makes 30 March 2025 in London 23 hours long', () => {
    expect(new Date(startOfDay('2025-03-30', LONDON)).toISOString()).toBe('2025-03-30T00:00:00.000Z');
    expect(new Date(startOfDay('2025-03-31', LONDON)).toISOString()).toBe('2025-03-30T23:00:00.000Z');
  });

  it('starts a day in Kolkata at 18:30 UTC the day before', () => {
    expect(new Date(startOfDay('2025-01-15', 'Asia/Kolkata')).toISOString()).toBe('2025-01-14T18:30:00.000Z');
  });

  it('starts the day at 01:00 where the clock change skips midnight (Santiago, 7 September 2025)', () => {
    // Clocks went from 23:59:59 -04:00 on 6 September to 01:00 -03:00: the day began at 04:00 UTC.
    expect(new Date(startOfDay('2025-09-07', 'America/Santiago')).toISOString()).toBe('2025-09-07T04:00:00.000Z');
    // Going back on 6 April 2025, 23:00-24:00 on 5 April happened twice; 6 April began at 00:00 -04:00.
    expect(new Date(startOfDay('2025-04-06', 'America/Santiago')).toISOString()).toBe('2025-04-06T04:00:00.000Z');
  });

  it('adds days across month and year ends and leap days', () => {
    expect(addDays('2025-02-27', 2)).toBe('2025-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});

describe('minutes in a calendar month on the zone’s clocks', () => {
  it('gives March 2025 in London 44,580 minutes: 31 days less the skipped hour', () => {
    // 31 × 1,440 = 44,640; minus 60 = 44,580.
    expect(minutesInMonth('2025-03', LONDON)).toBe(44_580);
  });

  it('gives October 2025 in London 44,700 minutes: 31 days and the repeated hour', () => {
    expect(minutesInMonth('2025-10', LONDON)).toBe(44_700);
  });

  it('gives February 2026 28 days and February 2024 29 days', () => {
    expect(minutesInMonth('2026-02', LONDON)).toBe(40_320);
    expect(minutesInMonth('2024-02', 'UTC')).toBe(41_760);
  });

  it('gives December 2025 in London 44,640 minutes, ending at the turn of the year', () => {
    expect(minutesInMonth('2025-12', LONDON)).toBe(44_640);
  });
});

describe('ranges and labels of months, quarters, half-years and years', () => {
  it('lists every month across a year end, and none when the end is before the start', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2025-03', '2025-03')).toEqual(['2025-03']);
    expect(monthRange('2025-04', '2025-03')).toEqual([]);
    expect(nextMonth('2025-12')).toBe('2026-01');
  });

  it('lists the quarters, half-years and years holding a range of months', () => {
    expect(quarterRange('2025-02', '2025-07')).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    expect(halfRange('2025-06', '2026-01')).toEqual(['2025-H1', '2025-H2', '2026-H1']);
    expect(yearRange('2025-12', '2026-01')).toEqual(['2025', '2026']);
    expect(halfOfMonth('2025-07')).toBe('2025-H2');
  });

  it('labels periods for people', () => {
    expect(formatMonth('2025-09')).toBe('Sep 2025');
    expect(formatQuarter('2025-Q4')).toBe('Q4 2025');
    expect(formatHalf('2026-H1')).toBe('H1 2026');
  });
});

describe('periods in progress on the reference day', () => {
  it('knows the last day of a month, leap years included', () => {
    expect([lastDayOfMonth('2026-02'), lastDayOfMonth('2028-02'), lastDayOfMonth('2026-12'), lastDayOfMonth('2026-04')]).toEqual([
      '2026-02-28',
      '2028-02-29',
      '2026-12-31',
      '2026-04-30',
    ]);
  });

  it('counts the month, quarter, half-year and year holding the day as in progress while they have days left', () => {
    // On its first day the month is counted for one day only, so it is partial, not whole.
    expect(periodsInProgress('2026-10-01')).toEqual({ month: '2026-10', quarter: '2026-Q4', half: '2026-H2', year: '2026' });
    expect(periodsInProgress('2026-10-15')).toEqual({ month: '2026-10', quarter: '2026-Q4', half: '2026-H2', year: '2026' });
  });

  it('counts a period complete on its last day: the figures run to the end of that day', () => {
    expect(periodsInProgress('2026-10-31')).toEqual({ quarter: '2026-Q4', half: '2026-H2', year: '2026' });
    expect(periodsInProgress('2026-09-30')).toEqual({ half: '2026-H2', year: '2026' });
    expect(periodsInProgress('2026-06-30')).toEqual({ year: '2026' });
    expect(periodsInProgress('2026-12-31')).toEqual({});
  });
});
