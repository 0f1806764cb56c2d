import { describe, expect, it } from 'vitest';
import { filterOptions, INCIDENT_FILTERS, INCIDENT_SORTS } from '../../../src/lib/incident-filters.ts';
import { DEFAULT_TAXONOMY } from '../../../src/schema/taxonomy.ts';
import { incident, SERVICES, TEAMS } from '../trends/fixtures.ts';

const catalog = { severities: DEFAULT_TAXONOMY.severities, services: SERVICES, teams: TEAMS };

describe('the incident list’s filters', () => {
  it('are severity, service, team, type, year and status, each a query parameter', () => {
    expect(INCIDENT_FILTERS.map((f) => `${f.name}:${f.row}`)).toEqual([
      'severity:severity',
      'service:services',
      'team:teams',
      'type:type',
      'year:year',
      'status:status',
    ]);
    expect(INCIDENT_SORTS.map((s) => s.value)).toEqual(['newest', 'oldest', 'severity', 'ttm-longest', 'ttm-shortest']);
  });

  it('offer the values the list holds, each with how many post-mortems have it', () => {
    const incidents = [
      incident('2026-03-01-a', { severity: 'SEV1', services: ['checkout-api', 'product-search'], teams: ['payments', 'storefront'] }),
      incident('2025-07-01-b', { severity: 'SEV3', type: 'near-miss', status: 'in-review' }),
      incident('2025-02-01-c', { severity: 'SEV1', services: ['product-search'], teams: ['storefront'] }),
    ];
    expect(filterOptions(incidents, catalog).map((g) => [g.name, g.options.map((o) => `${o.value}=${o.label} (${o.count})`)])).toEqual([
      ['severity', ['SEV1=SEV1 (Critical) (2)', 'SEV3=SEV3 (Moderate) (1)']],
      ['service', ['checkout-api=Checkout API (2)', 'product-search=Product Search (2)']],
      ['team', ['payments=Payments (2)', 'storefront=Storefront (2)']],
      ['type', ['incident=Incident (2)', 'near-miss=Near-miss (1)']],
      ['year', ['2026=2026 (1)', '2025=2025 (2)']],
      ['status', ['in-review=In review (1)', 'published=Published (2)']],
    ]);
  });

  it('leave out a filter with nothing to offer', () => {
    expect(filterOptions([], catalog)).toEqual([]);
  });
});
