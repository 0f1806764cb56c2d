import type { Service, Team } from '../../../src/schema/catalog.ts';
import { DECISIONS, DETECTIONS, TRIGGERS } from '../../../src/schema/incident.ts';
import { DEFAULT_TAXONOMY } from '../../../src/schema/taxonomy.ts';
import type { OverviewOrders } from '../../../src/lib/trends/overview.ts';
import { deriveIncident, indexCatalog, type IncidentInput, type IncidentView } from '../../../src/lib/incidents.ts';

/** The reference day of these tests. */
export const TODAY = '2026-11-26';
/** The organisation's time zone in these tests: GMT in winter, BST (UTC+1) from the last Sunday of March to the last Sunday of October. */
export const LONDON = 'Europe/London';

/** A small catalog: budgets are 43.2 min (99.9%/30 d), 21.6 min (99.95%/30 d) and 100.8 min (99%/7 d). */
export const SERVICES: Service[] = [
  {
    id: 'checkout-api',
    name: 'Checkout API',
    team: 'payments',
    visibility: 'public',
    slos: [
      { id: 'checkout-availability', name: 'Checkout availability', objective: 99.9, window_days: 30 },
      { id: 'checkout-latency', name: 'Checkout latency', objective: 99.95, window_days: 30 },
    ],
  },
  {
    id: 'product-search',
    name: 'Product Search',
    team: 'storefront',
    visibility: 'public',
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

/** The default taxonomy's severities and categories with the format's enums: the orders the overview sorts by. */
export const ORDERS: OverviewOrders = {
  severities: DEFAULT_TAXONOMY.severities.map((s) => s.id),
  categories: DEFAULT_TAXONOMY.categories.map((c) => c.id),
  triggers: TRIGGERS,
  detections: DETECTIONS,
  decisions: DECISIONS,
};

/** Contributing factors of the given categories. */
export const factors = (...categories: string[]) => categories.map((category) => ({ category, description: `About ${category}.` }));

/** Four incidents and a near-miss across 2025 and 2026, the archive the overview tests read. */
export const OVERVIEW_INCIDENTS: IncidentView[] = [
  incident('2025-01-14-a', {
    severity: 'SEV2',
    contributing_factors: factors('release-size', 'testing'),
    trigger: 'deploy',
    detection: 'alert',
    release: { lines_changed: 6200, pull_requests: 14 },
  }),
  incident('2025-02-25-b', {
    severity: 'SEV2',
    contributing_factors: factors('release-size'),
    trigger: 'deploy',
    detection: 'customer-report',
  }),
  incident('2025-04-13-near', {
    type: 'near-miss',
    contributing_factors: factors('monitoring-gap'),
    trigger: 'infrastructure',
    detection: 'employee-report',
  }),
  incident('2026-02-10-c', {
    severity: 'SEV3',
    contributing_factors: factors('configuration'),
    trigger: 'config-change',
    detection: 'customer-report',
  }),
  incident('2026-09-29-d', {
    severity: 'SEV3',
    contributing_factors: factors('configuration', 'testing'),
    trigger: 'config-change',
    detection: 'alert',
    release: { lines_changed: 14, pull_requests: 1 },
  }),
];
