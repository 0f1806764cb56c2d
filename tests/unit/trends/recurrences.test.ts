import { describe, expect, it } from 'vitest';
import { findRecurrences, preventionWasDone, recurrencesByIncident } from '../../../src/lib/trends/recurrences.ts';
import { incident, LONDON, preventDone } from './fixtures.ts';

const factors = (...categories: string[]) => categories.map((category) => ({ category, description: `About ${category}.` }));

describe('whether an incident’s prevention was done by a given day', () => {
  it('needs every prevent item done or dropped by that day, and at least one done', () => {
    const open = {
      title: 'Later',
      kind: 'prevent' as const,
      owner: 'payments',
      priority: 'P2' as const,
      due: '2025-05-01',
      status: 'open' as const,
    };
    const dropped = { ...open, status: 'wont-do' as const, closed: '2025-04-01' };
    const detect = { ...open, kind: 'detect' as const };
    expect(
      preventionWasDone(incident('2025-03-01-a', { action_items: [preventDone('2025-04-09'), preventDone('2025-04-22')] }), '2025-04-22'),
    ).toBe(true);
    expect(
      preventionWasDone(incident('2025-03-01-a', { action_items: [preventDone('2025-04-09'), preventDone('2025-04-22')] }), '2025-04-21'),
    ).toBe(false);
    expect(preventionWasDone(incident('2025-03-01-a', { action_items: [preventDone('2025-04-09'), open] }), '2026-01-01')).toBe(false);
    expect(preventionWasDone(incident('2025-03-01-a', { action_items: [preventDone('2025-04-09'), dropped, detect] }), '2026-01-01')).toBe(
      true,
    );
    expect(preventionWasDone(incident('2025-03-01-a', { action_items: [dropped] }), '2026-01-01')).toBe(false);
    expect(preventionWasDone(incident('2025-03-01-a', { action_items: [detect] }), '2026-01-01')).toBe(false);
  });
});

describe('recurrences', () => {
  const flags2025 = incident('2025-03-18-flags', {
    services: ['feature-flags', 'checkout-api'],
    contributing_factors: factors('configuration', 'release-size'),
    action_items: [preventDone('2025-04-09', 'Reject huge bundles'), preventDone('2025-04-22', 'Canary every bundle')],
  });
  const flags2026 = incident('2026-02-10-flags', {
    services: ['feature-flags', 'storefront-web'],
    contributing_factors: factors('configuration', 'code-review'),
  });
  const search2026 = incident('2026-09-29-search', {
    services: ['product-search', 'feature-flags'],
    contributing_factors: factors('testing', 'configuration'),
  });

  it('flags a later incident with the same primary service and category once the earlier one’s prevention was done', () => {
    const found = findRecurrences([flags2026, search2026, flags2025], LONDON);
    expect(found.map((r) => [r.incident.id, r.earlier.id, r.services, r.categories])).toEqual([
      ['2026-02-10-flags', '2025-03-18-flags', ['feature-flags'], ['configuration']],
    ]);
    expect(found[0]!.preventItems.map((a) => a.title)).toEqual(['Reject huge bundles', 'Canary every bundle']);
  });

  it('with any overlap, also lists a service and category shared in second place', () => {
    const found = findRecurrences([flags2026, search2026, flags2025], LONDON, 'any');
    expect(found.map((r) => [r.incident.id, r.earlier.id, r.services, r.categories])).toEqual([
      // search2026 against flags2026 is no recurrence: flags2026 has no prevent items.
      ['2026-09-29-search', '2025-03-18-flags', ['feature-flags'], ['configuration']],
      ['2026-02-10-flags', '2025-03-18-flags', ['feature-flags'], ['configuration']],
    ]);
  });

  it('does not flag a repeat that began before the prevention was finished', () => {
    const tooSoon = incident('2025-04-15-flags', { services: ['feature-flags'], contributing_factors: factors('configuration') });
    expect(findRecurrences([flags2025, tooSoon], LONDON)).toEqual([]);
  });

  it('judges “done before it began” by the day in the time zone', () => {
    const earlier = incident('2025-05-01-a', { action_items: [preventDone('2025-06-10')] });
    // 23:30Z on 9 June is 00:30 BST on 10 June: the item closed on 10 June counts as done.
    const summer = incident('2025-06-09-b', {
      started: '2025-06-09T23:30:00Z',
      detected: '2025-06-09T23:40:00Z',
      mitigated: '2025-06-10T00:10:00Z',
    });
    expect(findRecurrences([earlier, summer], LONDON).map((r) => r.incident.id)).toEqual(['2025-06-09-b']);
    expect(findRecurrences([earlier, summer], 'UTC')).toEqual([]);
  });

  it('lists newest first, each incident with the most recent earlier one it repeats', () => {
    const a = incident('2025-01-01-a', { action_items: [preventDone('2025-01-15')] });
    const b = incident('2025-03-01-b', { action_items: [preventDone('2025-03-15')] });
    const c = incident('2025-06-01-c');
    const found = findRecurrences([a, c, b], LONDON);
    // c repeats both a and b; b, the most recent, is the one whose fix should have held.
    expect(found.map((r) => `${r.incident.id} < ${r.earlier.id}`)).toEqual(['2025-06-01-c < 2025-03-01-b', '2025-03-01-b < 2025-01-01-a']);
    expect([...recurrencesByIncident(found).keys()]).toEqual(['2025-06-01-c', '2025-03-01-b']);
  });

  it('skips a more recent match whose prevention was not done for an older one whose was', () => {
    const a = incident('2025-01-01-a', { action_items: [preventDone('2025-01-15')] });
    const b = incident('2025-03-01-b');
    const c = incident('2025-06-01-c');
    expect(findRecurrences([a, b, c], LONDON).map((r) => `${r.incident.id} < ${r.earlier.id}`)).toEqual([
      '2025-06-01-c < 2025-01-01-a',
      '2025-03-01-b < 2025-01-01-a',
    ]);
  });

  it('finds nothing in an empty archive or a single incident', () => {
    expect(findRecurrences([], LONDON)).toEqual([]);
    expect(findRecurrences([flags2025], LONDON, 'any')).toEqual([]);
  });
});

describe('the weaker overlaps (any service, any category)', () => {
  it('pairs each later incident with the most recent earlier one whose prevention was done, one row per later incident', () => {
    const a = incident('2025-01-01-a', { action_items: [preventDone('2025-01-15')] });
    const b = incident('2025-03-01-b', { action_items: [preventDone('2025-03-15')] });
    const c = incident('2025-06-01-c');
    // c overlaps b and a, and is paired with b, the more recent; b is paired with a.
    expect(findRecurrences([a, c, b], LONDON, 'any').map((r) => `${r.incident.id} < ${r.earlier.id}`)).toEqual([
      '2025-06-01-c < 2025-03-01-b',
      '2025-03-01-b < 2025-01-01-a',
    ]);
  });

  it('finds the most recent earlier incident across all the services the later one names', () => {
    const a = incident('2025-01-01-a', { services: ['checkout-api'], action_items: [preventDone('2025-01-15')] });
    const b = incident('2025-03-01-b', { services: ['feature-flags'], action_items: [preventDone('2025-03-15')] });
    const c = incident('2025-06-01-c', { services: ['checkout-api', 'feature-flags'] });
    expect(
      findRecurrences([a, b, c], LONDON, 'any')
        .filter((r) => r.incident.id === '2025-06-01-c')
        .map((r) => [r.earlier.id, r.services]),
    ).toEqual([['2025-03-01-b', ['feature-flags']]]);
  });

  it('lists a pair once however many services it shares, with every service and category in common', () => {
    const earlier = incident('2025-01-01-a', {
      services: ['checkout-api', 'feature-flags'],
      contributing_factors: factors('testing', 'configuration'),
      action_items: [preventDone('2025-01-15')],
    });
    const later = incident('2025-06-01-b', {
      services: ['feature-flags', 'checkout-api'],
      contributing_factors: factors('configuration', 'testing'),
    });
    expect(findRecurrences([earlier, later], LONDON, 'any').map((r) => [r.incident.id, r.earlier.id, r.services, r.categories])).toEqual([
      ['2025-06-01-b', '2025-01-01-a', ['feature-flags', 'checkout-api'], ['testing', 'configuration']],
    ]);
  });

  it('needs a shared service and a shared category, and the prevention done by the day', () => {
    const earlier = incident('2025-01-01-a', { action_items: [preventDone('2025-02-01')] });
    expect(findRecurrences([earlier, incident('2025-01-20-soon')], LONDON, 'any')).toEqual([]);
    expect(findRecurrences([earlier, incident('2025-03-01-other', { services: ['product-search'] })], LONDON, 'any')).toEqual([]);
    expect(findRecurrences([earlier, incident('2025-03-01-cause', { contributing_factors: factors('capacity') })], LONDON, 'any')).toEqual(
      [],
    );
  });
});
