import type { Service, Team } from '../../../src/schema/catalog.ts';
import { deriveIncident, indexCatalog, type IncidentInput, type IncidentView } from '../../../src/lib/incidents.ts';

/** The reference day of these tests. */
export const TODAY = '2026-11-26';
/** The organisation's time zone in these tests: GMT in winter, BST (UTC+1) from the last Sunday of March to the last Sunday of October. */
export const LONDON = 'Europe/London';

/** A small catalog: budgets are 43.2 min (99.9%/30 d), 21.6 min (99.95%/30 d) and 100.8 min (99%/7 d). */
export const SERVICES: Service[] = [
  {
    id: 'checkout-api', name: 'Checkout API', team: 'payments', visibility: 'public',
    slos: [
      { id: 'checkout-availability', name: 'Checkout availability', objective: 99.9, window_days: 30 },
      { id: 'checkout-latency', name: 'Checkout latency', objective: 99.95, window_days: 30 },
    ],
  },
  {
    id: 'product-search', name: 'Product Search', team: 'storefront', visibility: 'public',
    slos: [{ id: 'search-freshness', name: 'Search freshness', objective: 99, window_days: 7 }],
  },
  { id: 'feature-flags', name: 'Feature Flags', team: 'platform', visibility: 'public', slos: [] },
];

/** The teams of the small catalog. */
export const TEAMS: Team[] = [
  { id: 'payments', name: 'Payments', visibility: 'public' },
  { id: 'storefront', name: 'Storefront', visibility: 'public' },
  { id: 'platform', name: 'Platform', visibility: 'public' },
];

const catalog = indexCatalog(SERVICES);

/** A published SEV3 incident on checkout-api, 10 minutes to detect, 40 to mitigate, 2 hours to resolve, with `overrides` applied. */
export function incident(id: string, overrides: Partial<IncidentInput> = {}): IncidentView {
  const started = overrides.started ?? `${id.slice(0, 10)}T10:00:00Z`;
  const plus = (minutes: number) => new Date(Date.parse(started) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
  const data: IncidentInput = {
    title: `Incident ${id}`,
    summary: 'Something broke.',
    status: 'published',
    visibility: 'public',
    type: 'incident',
    severity: 'SEV3',
    services: ['checkout-api'],
    teams: ['payments'],
    authors: ['akrishnan'],
    tags: [],
    started,
    detected: plus(10),
    mitigated: plus(40),
    resolved: plus(120),
    detection: 'alert',
    trigger: 'deploy',
    response: { decision: 'rollback', helped_by: [] },
    slo_impact: [],
    contributing_factors: [{ category: 'testing', description: 'No test covered it.' }],
    action_items: [],
    timeline: [],
    related: [],
    featured: false,
    ...overrides,
  };
  return deriveIncident(id, data, catalog, TODAY);
}

/** A `prevent` action item, done on `closed`. */
export function preventDone(closed: string, title = 'Stop it happening again'): IncidentInput['action_items'][number] {
  return { title, kind: 'prevent', owner: 'payments', priority: 'P1', due: closed, status: 'done', closed };
}
