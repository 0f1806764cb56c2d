import { describe, expect, it } from 'vitest';
import { ServiceSchema, TeamSchema } from '../../../src/schema/catalog.ts';
import { deriveIncident, indexCatalog, type IncidentInput } from '../../../src/lib/incidents.ts';
import { toServiceRecord } from '../../../src/lib/service-api.ts';
import { budgetsByService } from '../../../src/lib/trends/budgets.ts';
import { guideServices, resolveThresholds } from '../../../src/lib/trends/decision-guide.ts';

// Fernhill Transit's fare engine: 99% over 7 days is (1 - 0.99) * 7 * 1440 = 100.8 minutes per window.
const service = ServiceSchema.parse({
  id: 'fare-engine',
  name: 'Fare Engine',
  team: 'ticketing',
  slos: [{ id: 'fare-quotes', name: 'Fare quotes answered', objective: 99, window_days: 7 }],
  links: [{ label: 'Runbook', url: 'https://wiki.fernhill.example/runbooks/fare-engine' }],
});
const team = TeamSchema.parse({ id: 'ticketing', name: 'Ticketing' });

// Zero fares for 40 minutes on 2 March, 30 of them bad; the reference day is 4 March, so they are in the window.
const incident = deriveIncident(
  '2026-03-02-fare-engine-priced-every-journey-at-zero',
  {
    title: 'The fare engine priced every journey at zero',
    summary: 'Every journey cost nothing for 40 minutes.',
    status: 'published',
    visibility: 'internal',
    type: 'incident',
    severity: 'SEV2',
    services: ['fare-engine'],
    teams: ['ticketing'],
    authors: ['fernhill-sre'],
    tags: [],
    started: '2026-03-02T08:10:00Z',
    detected: '2026-03-02T08:25:00Z',
    mitigated: '2026-03-02T08:50:00Z',
    detection: 'alert',
    trigger: 'data',
    response: { decision: 'rollback', rationale: 'The previous table was known to be good.' },
    slo_impact: [{ slo: 'fare-quotes', bad_minutes: 30 }],
    contributing_factors: [],
    action_items: [],
    timeline: [],
    related: [],
    featured: false,
  } as unknown as IncidentInput,
  indexCatalog([service]),
  '2026-03-04',
);

describe('the JSON record of a service', () => {
  const thresholds = resolveThresholds(undefined);
  const budgets = budgetsByService([service], [incident], [], '2026-03-04', 'Europe/London');
  const record = toServiceRecord({
    service,
    team,
    incidents: [incident],
    budgets: budgets[0]!.slos,
    guide: guideServices(budgets, thresholds)[0],
    thresholds,
    today: '2026-03-04',
    base: '/postmortems/',
  });

  it('puts every address under the base path the site is served from', () => {
    expect([record.url, record.on_call_url, record.decision_guide.url, record.incidents[0]!.url]).toEqual([
      '/postmortems/services/fare-engine/',
      '/postmortems/services/fare-engine/on-call/',
      '/postmortems/trends/decision-guide/',
      '/postmortems/incidents/2026-03-02-fare-engine-priced-every-journey-at-zero/',
    ]);
  });

  it('gives the budget the archive counted and the stance that follows: 30 of 100.8 minutes leaves 70.2%', () => {
    expect(record.slos[0]).toMatchObject({
      budget_minutes: 100.8,
      counted: [{ incident: incident.id, bad_minutes: 30 }],
      counted_bad_minutes: 30,
      now: { bad_minutes: 30, budget_minutes_left: 70.8 },
    });
    // Full impact until 50% is left: (0.702... - 0.5) * 100.8 = 20.4 minutes; until 25%: 45.6.
    expect(record.decision_guide).toMatchObject({
      stance: 'investigate',
      deciding_slo: 'fare-quotes',
      thresholds: { roll_back_below: 25, investigate_from: 50 },
      full_impact_minutes: { prefer_roll_back: 20.4, roll_back: 45.6 },
    });
    expect([
      record.team,
      record.links,
      record.description,
      record.incidents[0]!.time_to_mitigate_minutes,
      record.incidents[0]!.resolved,
    ]).toEqual([{ id: 'ticketing', name: 'Ticketing', contact: null }, service.links, null, 40, null]);
  });
});
