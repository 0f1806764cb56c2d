import { describe, expect, it } from 'vitest';
import { describeSearchFilters, incidentFilterValues } from '../../../src/lib/search-filters.ts';

const names = {
  services: new Map([
    ['checkout-api', { name: 'Checkout API' }],
    ['feature-flags', { name: 'Feature flags' }],
  ]),
  teams: new Map([['payments', { name: 'Payments' }]]),
  categories: new Map([
    ['release-size', { name: 'Release size' }],
    ['testing', { name: 'Testing' }],
  ]),
};

const incident = {
  title: 'Checkout returned 500s after a flag config push',
  type: 'incident',
  severity: 'SEV2',
  services: ['checkout-api', 'feature-flags'],
  teams: ['payments', 'platform'],
  started: '2025-06-21T23:55:00-01:00',
  trigger: 'config-change',
  response: { decision: 'rollback', helped_by: [] },
  contributing_factors: [
    { category: 'release-size', description: 'Two months of flag changes shipped in one push.' },
    { category: 'testing', description: 'No test covered the default bundle.' },
    { category: 'release-size', description: 'The bundle was not split per region.' },
  ],
};

describe('the search filters of an incident page', () => {
  it("are the schema's filters in its order, with catalog names for ids, the year of the start, and each category once", () => {
    expect(incidentFilterValues(incident, names).map((f) => `${f.name}:${f.value}`)).toEqual([
      'type:incident',
      'severity:SEV2',
      'service:Checkout API',
      'service:Feature flags',
      'team:Payments',
      'team:platform',
      'year:2025',
      'trigger:config-change',
      'decision:rollback',
      'contributing factor:Release size',
      'contributing factor:Testing',
    ]);
  });

  it('take a new filter from its metadata alone, for a list inside an optional object', () => {
    const regions = [{ path: 'customer_impact.regions', name: 'region', shows: 'value' as const }];
    expect(incidentFilterValues({ customer_impact: { regions: ['eu-west', 'us-east'] } }, names, regions)).toEqual([
      { name: 'region', value: 'eu-west' },
      { name: 'region', value: 'us-east' },
    ]);
    expect(incidentFilterValues({}, names, regions)).toEqual([]);
  });

  it('are named on the search page in a sentence', () => {
    expect(describeSearchFilters()).toBe('type, severity, service, team, year, trigger, decision or contributing factor');
    expect(describeSearchFilters([{ name: 'severity' }])).toBe('severity');
  });
});
