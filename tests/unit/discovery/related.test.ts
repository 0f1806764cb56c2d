import { describe, expect, it } from 'vitest';
import { describeRelatedReason, suggestRelated, type RelatedFeatures } from '../../../src/lib/related.ts';
import { distinctiveTerms, tokenize } from '../../../src/lib/text-terms.ts';

const base = { tags: [], terms: [], related: [] } satisfies Partial<RelatedFeatures>;
const incidents: RelatedFeatures[] = [
  {
    ...base,
    id: 'flags-2025',
    started: '2025-03-18',
    services: ['feature-flags', 'checkout-api'],
    factors: ['configuration', 'release-size'],
    tags: ['feature-flags'],
  },
  {
    ...base,
    id: 'flags-2026',
    started: '2026-02-10',
    services: ['feature-flags', 'storefront-web'],
    factors: ['configuration', 'code-review'],
    tags: ['feature-flags'],
    related: ['flags-2025'],
  },
  { ...base, id: 'cdn-2025', started: '2025-06-17', services: ['storefront-web'], factors: ['configuration', 'code-review'] },
  { ...base, id: 'checkout-2025', started: '2025-01-14', services: ['checkout-api'], factors: ['release-size', 'testing'] },
  { ...base, id: 'search-2026', started: '2026-03-05', services: ['product-search'], factors: ['environment-drift'] },
];
const suggestions = suggestRelated(incidents);

describe('related-incident suggestions', () => {
  it('scores shared services, factors, their pairing and tags', () => {
    // flags-2025 vs flags-2026 is explicitly related, so never suggested to flags-2026; but flags-2025 does not list it back:
    // service feature-flags 3 + factor configuration 2 + pair feature-flags|configuration 2 + tag feature-flags 1 = 8.
    // flags-2025 vs checkout-2025: service checkout-api 3 + factor release-size 2 + pair 2 = 7.
    // flags-2025 vs cdn-2025: factor configuration 2 only, below the minimum of 4.
    expect(suggestions.get('flags-2025')).toEqual([
      {
        id: 'flags-2026',
        score: 8,
        shared: { services: ['feature-flags'], factors: ['configuration'], tags: ['feature-flags'], terms: [] },
      },
      { id: 'checkout-2025', score: 7, shared: { services: ['checkout-api'], factors: ['release-size'], tags: [], terms: [] } },
    ]);
  });

  it('never suggests what is already linked, nor the incident itself', () => {
    // flags-2026 vs cdn-2025: service storefront-web 3 + factors configuration 2 and code-review 2
    // + pairs storefront-web|configuration 2 and storefront-web|code-review 2 = 11.
    expect(suggestions.get('flags-2026')).toEqual([
      {
        id: 'cdn-2025',
        score: 11,
        shared: { services: ['storefront-web'], factors: ['configuration', 'code-review'], tags: [], terms: [] },
      },
    ]);
  });

  it('suggests nothing when nothing is shared', () => {
    expect(suggestions.get('search-2026')).toEqual([]);
  });

  it('explains a suggestion in words', () => {
    expect(describeRelatedReason({ services: ['a'], factors: ['b'], tags: ['c'], terms: [] })).toBe(
      'Same service and factor; shared tag c',
    );
    expect(describeRelatedReason({ services: ['a', 'b'], factors: [], tags: [], terms: ['x', 'y'] })).toBe(
      'Same services; similar wording',
    );
    expect(describeRelatedReason({ services: [], factors: ['b'], tags: [], terms: ['x'] })).toBe('Same factor');
  });

  it('adds half a point per distinctive term in common', () => {
    const result = suggestRelated([
      { ...base, id: 'a', started: '2025-01-01', services: ['s'], factors: [], terms: ['acquirer', 'failover', 'jitter'] },
      { ...base, id: 'b', started: '2025-02-01', services: ['s'], factors: [], terms: ['acquirer', 'failover', 'refund'] },
    ]);
    // service 3 + two terms 0.5 each = 4.
    expect(result.get('a')).toEqual([
      { id: 'b', score: 4, shared: { services: ['s'], factors: [], tags: [], terms: ['acquirer', 'failover'] } },
    ]);
  });
});

describe('large archives', () => {
  it('reads only the incidents nearest in time from a long posting list', () => {
    // Six incidents of one service, one month apart; with room for 2 neighbours, march sees only feb and apr.
    const months = ['01', '02', '03', '04', '05', '06'];
    const many = months.map((m) => ({ ...base, id: `m${m}`, started: `2025-${m}-01`, services: ['s'], factors: ['f'] }));
    const result = suggestRelated(many, { maxPosting: 2 });
    // Each neighbour: service 3 + factor 2 + pair 2 = 7; ties go to the newer incident.
    expect(result.get('m03')).toEqual([
      { id: 'm04', score: 7, shared: { services: ['s'], factors: ['f'], tags: [], terms: [] } },
      { id: 'm02', score: 7, shared: { services: ['s'], factors: ['f'], tags: [], terms: [] } },
    ]);
    // At the edge of the list the window shifts inwards: January still sees two neighbours.
    expect(result.get('m01')!.map((r) => r.id)).toEqual(['m03', 'm02']);
    // Without the cap every one of the five others is a candidate, and the three newest win.
    expect(
      suggestRelated(many)
        .get('m03')!
        .map((r) => r.id),
    ).toEqual(['m06', 'm05', 'm04']);
  });
});

describe('distinctive terms', () => {
  it('drops short words and stopwords', () => {
    expect(tokenize('The acquirer timed out; the failover to the secondary took minutes.')).toEqual([
      'acquirer',
      'timed',
      'failover',
      'secondary',
      'took',
    ]);
  });

  it('ranks by term frequency times inverse document frequency', () => {
    const docs = ['acquirer acquirer failover', 'acquirer cache', 'cache cache eviction'];
    // N = 3. df: acquirer 2, failover 1, cache 2, eviction 1. idf: log(3/2) = 0.405, log(3) = 1.099.
    // doc 0: acquirer 2 * 0.405 = 0.811, failover 1.099 -> [failover, acquirer].
    // doc 2: cache 2 * 0.405 = 0.811, eviction 1.099 -> [eviction, cache].
    expect(distinctiveTerms(docs, 2)).toEqual([
      ['failover', 'acquirer'],
      ['acquirer', 'cache'],
      ['eviction', 'cache'],
    ]);
  });
});
