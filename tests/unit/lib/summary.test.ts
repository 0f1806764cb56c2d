import { describe, expect, it } from 'vitest';
import { summariseArchive } from '../../../src/lib/summary.ts';
import { incident, preventDone } from '../trends/fixtures.ts';

const item = (status: 'open' | 'in-progress' | 'done', due: string) =>
  status === 'done' ? preventDone(due) : { title: 'Add an alert', kind: 'detect' as const, owner: 'payments', priority: 'P2' as const, due, status };

describe('the home page headline numbers', () => {
  // The fixture's reference day for overdue is 2026-11-26; incidents are judged against the same day here.
  const incidents = [
    incident('2026-11-20-recent', { severity: 'SEV1', mitigated: '2026-11-20T10:30:00Z', action_items: [item('open', '2026-12-20')] }),
    incident('2026-03-01-spring', { type: 'near-miss', mitigated: '2026-03-01T11:40:00Z', action_items: [item('in-progress', '2026-06-01'), item('done', '2026-04-01')] }),
    incident('2025-11-27-just-inside', { severity: 'SEV2', mitigated: '2025-11-27T10:50:00Z' }),
    incident('2025-11-26-a-year-ago', { severity: 'SEV2', action_items: [item('open', '2025-12-10')] }),
  ];

  it('counts the 12 months after the same day a year earlier, and the median time to mitigate in them', () => {
    // In the window: recent (30 min), spring (100 min), just-inside (50 min); a-year-ago starts on the boundary day, outside.
    expect(summariseArchive(incidents, '2026-11-26')).toEqual({
      lastYear: { count: 3, nearMisses: 1, medianTimeToMitigate: 50 },
      // Open or in progress: recent (due 20 Dec 2026), spring (due 1 Jun 2026, overdue), a-year-ago (due 10 Dec 2025, overdue).
      openActionItems: 3,
      overdueActionItems: 2,
      // SEV1 and SEV2 over the whole archive: recent, just-inside, a-year-ago.
      severe: 3,
    });
  });

  it('has no median for an empty year', () => {
    expect(summariseArchive([], '2026-11-26')).toEqual({
      lastYear: { count: 0, nearMisses: 0, medianTimeToMitigate: undefined },
      openActionItems: 0,
      overdueActionItems: 0,
      severe: 0,
    });
  });
});
