import { describe, expect, it } from 'vitest';
import { CHECKOUT, problemsAfter, replaceOnce } from './helpers.ts';

describe('the rules that keep figures honest', () => {
  it('rejects bad minutes in a near-miss: they hurt users, so it is an incident', () => {
    expect(problemsAfter(CHECKOUT, replaceOnce('type: incident', 'type: near-miss'))).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:23:5 slo_impact[0].bad_minutes: expected no bad minutes in a near-miss: minutes against an SLO mean users were hurt, found 38. It hurt users, so make it an incident: set type: incident (and add its action items). If no user was affected, set bad_minutes: 0.',
    ]);
  });

  it('accepts a near-miss that lists an SLO with no bad minutes', () => {
    const edit = (t: string) => replaceOnce('type: incident', 'type: near-miss')(replaceOnce('bad_minutes: 38', 'bad_minutes: 0')(t));
    expect(problemsAfter(CHECKOUT, edit)).toEqual([]);
  });

  it('rejects an action item closed before the day the incident started, as written', () => {
    // started is 2025-06-21T14:55:00+01:00: the day is 21 June, whatever the organisation's time zone.
    expect(problemsAfter(CHECKOUT, replaceOnce('closed: 2025-07-10', 'closed: 2025-06-20'))).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:34:5 action_items[0].closed: expected closed to be on or after the day the incident started (2025-06-21), found "2025-06-20". Correct the date: an item is closed on 2025-06-21 at the earliest.',
    ]);
  });

  it('accepts an action item closed on the day the incident started: zero days to close', () => {
    expect(problemsAfter(CHECKOUT, replaceOnce('closed: 2025-07-10', 'closed: 2025-06-21'))).toEqual([]);
  });
});
