import { describe, expect, it } from 'vitest';
import { reviewPostmortem } from '../../../src/check/review.ts';
import type { Service } from '../../../src/schema/catalog.ts';

const SERVICES: Service[] = [
  {
    id: 'meter-ingest',
    name: 'Meter ingest',
    team: 'metering',
    visibility: 'public',
    slos: [{ id: 'reading-freshness', name: 'Reading freshness', objective: 99.5, window_days: 28 }],
  },
];

describe('what the reviewer reads about a post-mortem', () => {
  it('derives the durations and the budget consumed, and lists the action items as written', () => {
    const review = reviewPostmortem(
      'incidents/2026/2026-03-29-readings-late.mdx',
      {
        title: 'Meter readings arrived an hour late',
        status: 'in-review',
        severity: 'SEV3',
        type: 'incident',
        // Across the clock change in Berlin: 01:50 +01:00 to 03:20 +02:00 is 30 minutes.
        started: '2026-03-29T01:50:00+01:00',
        detected: '2026-03-29T03:20:00+02:00',
        mitigated: '2026-03-29T04:05:00+02:00',
        resolved: '2026-03-30T01:50:00+02:00',
        slo_impact: [{ slo: 'reading-freshness', bad_minutes: 50.4 }],
        action_items: [
          { title: 'Page on freshness above 20 minutes', status: 'in-progress', owner: 'metering', due: '2026-04-15', kind: 'detect' },
        ],
      },
      SERVICES,
    );
    expect(review).toEqual({
      file: 'incidents/2026/2026-03-29-readings-late.mdx',
      title: 'Meter readings arrived an hour late',
      status: 'in-review',
      severity: 'SEV3',
      type: 'incident',
      // 23 hours after 01:50 +01:00 is 01:50 +02:00 the next day.
      timeToDetect: 30,
      timeToMitigate: 75,
      timeToResolve: 23 * 60,
      // (1 - 0.995) * 28 * 1440 = 201.6 budget minutes; 50.4 of them is a quarter.
      budgets: [
        { slo: 'reading-freshness', badMinutes: 50.4, target: { objective: 99.5, window_days: 28 }, budgetMinutes: 201.6, consumed: 0.25 },
      ],
      actionItems: [{ title: 'Page on freshness above 20 minutes', status: 'in-progress', owner: 'metering', due: '2026-04-15' }],
    });
  });

  it('leaves out what is missing, not a time, runs backwards or is of the wrong type, since those are reported as problems', () => {
    expect(
      reviewPostmortem(
        'x.mdx',
        {
          title: 42,
          started: '2026-03-29T01:50:00Z',
          detected: 'soon',
          mitigated: '2026-03-29T01:00:00Z',
          slo_impact: [{ slo: 'reading-freshness', bad_minutes: 'lots' }, { slo: 'nowhere', bad_minutes: 3 }, 'junk'],
          action_items: [{ title: ['x'], status: 7 }],
        },
        SERVICES,
      ),
    ).toEqual({
      file: 'x.mdx',
      title: undefined,
      status: undefined,
      severity: undefined,
      type: undefined,
      timeToDetect: undefined,
      timeToMitigate: undefined,
      timeToResolve: undefined,
      budgets: [
        {
          slo: 'reading-freshness',
          badMinutes: undefined,
          target: { objective: 99.5, window_days: 28 },
          budgetMinutes: 201.6,
          consumed: undefined,
        },
        { slo: 'nowhere', badMinutes: 3, target: undefined, budgetMinutes: undefined, consumed: undefined },
        { slo: '', badMinutes: undefined, target: undefined, budgetMinutes: undefined, consumed: undefined },
      ],
      actionItems: [{ title: undefined, status: undefined, owner: undefined, due: undefined }],
    });
  });

  it('still names the file when the frontmatter did not parse at all', () => {
    expect(reviewPostmortem('x.mdx', undefined, SERVICES)).toMatchObject({ file: 'x.mdx', title: undefined, budgets: [], actionItems: [] });
  });
});
