import { describe, expect, it } from 'vitest';
import { dateIn, formatInstant, formatOffset, instantsOf, nextDay, offsetAt } from '../../../../src/authoring/timeline/zone.ts';

const LONDON = 'Europe/London';

describe('times in the archive zone', () => {
  it('writes an instant in London with the offset in force then, to the minute', () => {
    expect(formatInstant(Date.parse('2026-10-13T13:00:15.772Z'), LONDON)).toBe('2026-10-13T14:00:00+01:00');
    expect(formatInstant(Date.parse('2026-12-01T09:30:59Z'), LONDON)).toBe('2026-12-01T09:30:00Z');
    expect(formatInstant(Date.parse('2026-10-13T13:00:00Z'), 'America/New_York')).toBe('2026-10-13T09:00:00-04:00');
    expect(formatInstant(Date.parse('2026-10-13T13:00:00Z'), 'Asia/Kolkata')).toBe('2026-10-13T18:30:00+05:30');
  });

  it('gives both offsets on the night the clocks go back, 25 October 2026', () => {
    expect(formatInstant(Date.parse('2026-10-25T00:58:00Z'), LONDON)).toBe('2026-10-25T01:58:00+01:00');
    expect(formatInstant(Date.parse('2026-10-25T01:31:00Z'), LONDON)).toBe('2026-10-25T01:31:00Z');
    expect(offsetAt(Date.parse('2026-10-25T00:59:59Z'), LONDON)).toBe(60);
    expect(offsetAt(Date.parse('2026-10-25T01:00:00Z'), LONDON)).toBe(0);
  });

  it('finds two instants for a repeated wall-clock time, one for an ordinary one and none for a skipped one', () => {
    expect(instantsOf('2026-10-25', '01:30', LONDON).map((ms) => new Date(ms).toISOString())).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
    ]);
    expect(instantsOf('2026-10-25', '02:30', LONDON).map((ms) => new Date(ms).toISOString())).toEqual(['2026-10-25T02:30:00.000Z']);
    expect(instantsOf('2026-03-29', '01:30', LONDON)).toEqual([]);
    expect(instantsOf('2026-03-29', '05:07:30', LONDON).map((ms) => new Date(ms).toISOString())).toEqual(['2026-03-29T04:07:30.000Z']);
  });

  it('writes offsets and days the way the format does', () => {
    expect([formatOffset(0), formatOffset(60), formatOffset(-300), formatOffset(345)]).toEqual(['Z', '+01:00', '-05:00', '+05:45']);
    expect(dateIn(Date.parse('2026-10-24T23:48:00Z'), LONDON)).toBe('2026-10-25');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});
