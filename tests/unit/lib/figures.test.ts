import { describe, expect, it } from 'vitest';
import {
  canCompare,
  COUNTED_STATUSES,
  countedPostMortems,
  endOfReferenceDay,
  headlineFigures,
  lastTwelveMonths,
  MIN_SAMPLE,
  severeSeverities,
  shiftYears,
  startedWithin,
  summariseSample,
  twelveMonthsBefore,
} from '../../../src/lib/figures.ts';
import { formatMedian, formatMinutes, formatP90 } from '../../../src/lib/format.ts';
import { formatDuration } from '../../../src/lib/time.ts';
import { DEFAULT_TAXONOMY } from '../../../src/schema/taxonomy.ts';
import { incident, LONDON, preventDone } from '../trends/fixtures.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const days = (span: { from: number; to: number }) => (span.to - span.from) / 86_400_000;

describe('which post-mortems count', () => {
  it('counts in-review and published post-mortems, never drafts', () => {
    expect(COUNTED_STATUSES).toEqual(['in-review', 'published']);
    const all = [
      incident('2026-11-01-published'),
      incident('2026-11-02-review', { status: 'in-review' }),
      incident('2026-11-03-draft', { status: 'draft' }),
    ];
    expect(countedPostMortems(all, { today: '2026-11-26', timeZone: LONDON }).map((i) => i.id)).toEqual([
      '2026-11-01-published',
      '2026-11-02-review',
    ]);
  });

  it('leaves out an incident that started after the end of the reference day in the organisation’s time zone', () => {
    // 15 July 2026 ends at 23:00 UTC in London (BST): 22:59 UTC counts, 23:30 UTC (00:30 BST on the 16th) does not.
    const today = { today: '2026-07-15', timeZone: LONDON };
    expect(iso(endOfReferenceDay(today))).toBe('2026-07-15T23:00:00.000Z');
    const late = [
      incident('2026-07-15-in', { started: '2026-07-15T22:59:00Z', detected: '2026-07-15T22:59:00Z', mitigated: '2026-07-15T23:10:00Z' }),
      incident('2026-07-15-out', { started: '2026-07-15T23:30:00Z', detected: '2026-07-15T23:30:00Z', mitigated: '2026-07-15T23:50:00Z' }),
    ];
    expect(countedPostMortems(late, today).map((i) => i.id)).toEqual(['2026-07-15-in']);
    // In UTC the same day runs to midnight UTC, so both count.
    expect(countedPostMortems(late, { today: '2026-07-15', timeZone: 'UTC' })).toHaveLength(2);
  });
});

describe('the last 12 months and the 12 before', () => {
  it('runs from the day after the reference day’s date a year earlier through the reference day, in the zone', () => {
    const span = lastTwelveMonths({ today: '2026-11-26', timeZone: LONDON });
    // November is GMT in London: midnight is midnight UTC.
    expect([iso(span.from), iso(span.to), span.firstDay, span.lastDay, days(span)]).toEqual([
      '2025-11-27T00:00:00.000Z',
      '2026-11-27T00:00:00.000Z',
      '2025-11-27',
      '2026-11-26',
      365,
    ]);
    const before = twelveMonthsBefore(span, LONDON);
    expect([before.firstDay, before.lastDay, iso(before.to)]).toEqual(['2024-11-27', '2025-11-26', '2025-11-27T00:00:00.000Z']);
  });

  it('starts and ends at midnight on the zone’s clocks, not at midnight UTC', () => {
    // 16 July 2025 and 16 July 2026 begin at 00:00 BST, 23:00 UTC the evening before.
    const span = lastTwelveMonths({ today: '2026-07-15', timeZone: LONDON });
    expect([iso(span.from), iso(span.to), days(span)]).toEqual(['2025-07-15T23:00:00.000Z', '2026-07-15T23:00:00.000Z', 365]);
  });

  it('is 366 days when it holds 29 February, and a reference day of 29 February looks back to 28 February', () => {
    const leap = lastTwelveMonths({ today: '2028-03-01', timeZone: 'UTC' });
    expect([leap.firstDay, days(leap)]).toEqual(['2027-03-02', 366]);
    expect(shiftYears('2028-02-29', -1)).toBe('2027-02-28');
    const onLeapDay = lastTwelveMonths({ today: '2028-02-29', timeZone: 'UTC' });
    expect([onLeapDay.firstDay, days(onLeapDay)]).toEqual(['2027-03-01', 366]);
  });

  it('holds an incident by its instant: the first moment is in, the end is out, whatever the date written', () => {
    const span = lastTwelveMonths({ today: '2026-11-26', timeZone: LONDON });
    expect(startedWithin({ started: '2025-11-27T00:00:00Z' }, span)).toBe(true);
    expect(startedWithin({ started: '2026-11-27T00:00:00Z' }, span)).toBe(false);
    // Written as 26 November in New York, it is 04:30 on 27 November in London: inside.
    expect(startedWithin({ started: '2025-11-26T23:30:00-05:00' }, span)).toBe(true);
    // Written as 27 November at UTC+1, it is 23:30 on 26 November in London: outside.
    expect(startedWithin({ started: '2025-11-27T00:30:00+01:00' }, span)).toBe(false);
  });
});

describe('samples', () => {
  it('gives the 90th percentile from exactly five values, and below that only the values', () => {
    expect(MIN_SAMPLE).toBe(5);
    // Four values: median (20 + 30) / 2 = 25, no percentile beyond it.
    expect(summariseSample([40, 10, 30, 20])).toEqual({ n: 4, values: [10, 20, 30, 40], median: 25, p90: undefined, min: 10, max: 40 });
    // Five values: p90 rank 0.9 × 4 = 3.6, 40 + 0.6 × (50 - 40) = 46.
    expect(summariseSample([50, 10, 30, 20, 40])).toMatchObject({ n: 5, median: 30, p90: 46 });
  });

  it('compares two periods only when both have at least five values', () => {
    expect(canCompare({ n: 5 }, { n: 5 })).toBe(true);
    expect(canCompare({ n: 5 }, { n: 4 })).toBe(false);
    expect(canCompare({ n: 4 }, { n: 2 })).toBe(false);
  });

  it('shows every median with its n, and the values instead of a percentile below five', () => {
    expect(formatMedian(summariseSample([30, 40, 50, 60]), formatDuration)).toBe('45 min (n = 4)');
    expect(formatMedian(summariseSample([]), formatDuration)).toBe('–');
    expect(formatP90(summariseSample([12, 40]), formatDuration)).toBe('values: 12 min, 40 min');
    expect(formatP90(summariseSample([10, 20, 30, 40, 50]), formatDuration)).toBe('46 min');
    expect(formatP90(summariseSample([]), formatDuration)).toBe('–');
  });

  it('rounds bad and budget minutes to the hundredth, and to the thousandth below a minute', () => {
    expect([formatMinutes(43.2), formatMinutes(10.8049), formatMinutes(0.432), formatMinutes(525.6), formatMinutes(2160)]).toEqual([
      '43.2 min',
      '10.8 min',
      '0.432 min',
      '525.6 min',
      '2,160 min',
    ]);
  });
});

describe('severe incidents', () => {
  it('are the taxonomy’s two highest levels, whatever they are called', () => {
    expect(severeSeverities(DEFAULT_TAXONOMY.severities)).toEqual(['SEV1', 'SEV2']);
    expect(severeSeverities([{ id: 'P1' }, { id: 'P2' }, { id: 'P3' }])).toEqual(['P1', 'P2']);
    expect(severeSeverities([{ id: 'major' }])).toEqual(['major']);
  });
});

describe('the headline figures', () => {
  const item = (status: 'open' | 'in-progress', due: string) => ({
    title: 'Add an alert',
    kind: 'detect' as const,
    owner: 'payments',
    priority: 'P2' as const,
    due,
    status,
  });
  const counted = [
    incident('2026-11-20-recent', { severity: 'SEV1', mitigated: '2026-11-20T10:30:00Z', action_items: [item('open', '2026-12-20')] }),
    incident('2026-03-01-spring', {
      type: 'near-miss',
      severity: 'SEV2',
      mitigated: '2026-03-01T11:40:00Z',
      action_items: [item('in-progress', '2026-06-01'), preventDone('2026-04-01')],
    }),
    incident('2025-11-27-first-day', { severity: 'SEV2', mitigated: '2025-11-27T10:50:00Z' }),
    incident('2025-11-26-a-year-ago', { severity: 'SEV2', action_items: [item('open', '2025-12-10')] }),
    incident('2025-06-01-older', { severity: 'SEV3', mitigated: '2025-06-01T12:00:00Z' }),
  ];
  const figures = headlineFigures(counted, { today: '2026-11-26', timeZone: LONDON }, DEFAULT_TAXONOMY.severities);

  it('count incidents and near-misses apart over the last 12 months, with the median time to mitigate of the incidents only', () => {
    // 27 Nov 2025 to 26 Nov 2026: recent (30 min) and first-day (50 min); the near-miss (100 min) is counted apart
    // and left out of the median; a-year-ago started on 26 Nov 2025, the day before the window.
    expect(figures.lastYear).toMatchObject({
      incidents: 2,
      nearMisses: 1,
      timeToMitigate: { n: 2, values: [30, 50], median: 40, p90: undefined },
    });
    // 27 Nov 2024 to 26 Nov 2025: a-year-ago (40 min) and older (120 min).
    expect(figures.yearBefore).toMatchObject({ incidents: 2, nearMisses: 0, timeToMitigate: { n: 2, median: 80 } });
    // Two incidents on each side: too few to compare medians.
    expect(figures.comparable).toBe(false);
  });

  it('count open action items of every counted post-mortem, overdue ones against the reference day, and severe incidents of any date', () => {
    // Open or in progress: recent (due 20 Dec 2026), spring (1 Jun 2026, overdue), a-year-ago (10 Dec 2025, overdue).
    expect([figures.openActionItems, figures.overdueActionItems]).toEqual([3, 2]);
    // SEV1 and SEV2 incidents: recent, first-day and a-year-ago; the SEV2 near-miss is not an incident.
    expect(figures.severe).toEqual({ severities: ['SEV1', 'SEV2'], incidents: 3 });
  });
});
