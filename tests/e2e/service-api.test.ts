import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { ServiceRecord } from '../../src/lib/service-api.ts';

// The fixture site (Kestrel Energy, built for 15 October 2026 in Berlin time): tests/fixtures/site/README.md.
const dist = inject('siteDist');
const record = (id: string) => JSON.parse(readFileSync(join(dist, 'api/services', `${id}.json`), 'utf8')) as ServiceRecord;

describe('/api/services/<id>.json', () => {
  it('publishes one document per service in the catalog', () => {
    const ids = ['meter-ingest', 'billing-engine', 'payments-api', 'customer-portal', 'notifications', 'account-login', 'tariff-catalogue'];
    expect(ids.filter((id) => !existsSync(join(dist, 'api/services', `${id}.json`)))).toEqual([]);
  });

  it('gives the Payments API its team, links, budget, stance and post-mortems, the draft of 13 October left out', () => {
    // payment-success: 99.95% over 30 days is (1 - 0.9995) * 30 * 1440 = 21.6 minutes per window. The archive
    // counts the failover of April 2025 (47 minutes) and the double debits of January 2026 (9); neither lies
    // in the window ending at the end of 15 October 2026 in Berlin (22:00 UTC), so all of it is left and the
    // guide says a hot-fix or investigation is acceptable: 50% of 21.6 is 10.8 minutes of full impact to
    // "prefer a roll-back", 75% is 16.2 to "roll back first".
    expect(record('payments-api')).toEqual({
      generated_for: '2026-10-15',
      id: 'payments-api',
      name: 'Payments API',
      description: 'Collects direct debits and takes card top-ups for prepayment meters.',
      url: '/services/payments-api/',
      on_call_url: '/services/payments-api/on-call/',
      team: { id: 'billing', name: 'Billing', contact: '#billing-oncall' },
      links: [
        { label: 'Runbook', url: 'https://wiki.kestrel.example/runbooks/payments-api' },
        { label: 'Dashboard', url: 'https://grafana.kestrel.example/d/payments' },
        { label: 'Card processor status', url: 'https://status.cardprocessor.example' },
      ],
      decision_guide: {
        stance: 'investigate',
        label: 'Hot-fix or investigate',
        advice: 'Plenty of budget is left: a hot-fix, or a little more investigation while impact continues, is acceptable.',
        deciding_slo: 'payment-success',
        thresholds: { roll_back_below: 25, investigate_from: 50 },
        full_impact_minutes: { prefer_roll_back: 10.8, roll_back: 16.2 },
        url: '/trends/decision-guide/',
      },
      slos: [
        {
          id: 'payment-success',
          name: 'Payments and top-ups processed without error',
          objective: 99.95,
          window_days: 30,
          budget_minutes: 21.6,
          counted: [
            { incident: '2025-04-15-prepayment-top-ups-failed-during-a-database-failover', bad_minutes: 47 },
            { incident: '2026-01-13-direct-debits-collected-twice-after-a-retry-change', bad_minutes: 9 },
          ],
          counted_bad_minutes: 56,
          now: {
            from: '2026-09-15T22:00:00.000Z',
            to: '2026-10-15T22:00:00.000Z',
            bad_minutes: 0,
            budget_minutes_left: 21.6,
            budget_left: 1,
          },
        },
      ],
      incidents: [
        {
          id: '2026-01-13-direct-debits-collected-twice-after-a-retry-change',
          title: '3,118 direct debits were collected twice after a retry change',
          url: '/incidents/2026-01-13-direct-debits-collected-twice-after-a-retry-change/',
          status: 'published',
          type: 'incident',
          severity: 'SEV2',
          started: '2026-01-13T05:30:00+01:00',
          detected: '2026-01-13T08:40:00+01:00',
          mitigated: '2026-01-13T10:05:00+01:00',
          resolved: '2026-01-15T17:00:00+01:00',
          time_to_mitigate_minutes: 275,
          decision: 'forward-fix',
        },
        {
          id: '2025-04-15-prepayment-top-ups-failed-during-a-database-failover',
          title: 'Prepayment top-ups failed for 71 minutes during a database failover',
          url: '/incidents/2025-04-15-prepayment-top-ups-failed-during-a-database-failover/',
          status: 'published',
          type: 'incident',
          severity: 'SEV1',
          started: '2025-04-15T07:42:00+02:00',
          detected: '2025-04-15T07:45:00+02:00',
          mitigated: '2025-04-15T08:53:00+02:00',
          resolved: '2025-04-15T15:20:00+02:00',
          time_to_mitigate_minutes: 71,
          decision: 'failover',
        },
      ],
    });
  });

  it('says a service without an SLO has no budget to weigh', () => {
    const catalogue = record('tariff-catalogue');
    expect([
      catalogue.slos,
      catalogue.decision_guide.stance,
      catalogue.decision_guide.deciding_slo,
      catalogue.decision_guide.full_impact_minutes,
    ]).toEqual([[], 'no-slo', null, { prefer_roll_back: null, roll_back: null }]);
  });

  it('names the SLO the decision guide decides by when a service has several: the one with the least budget left', () => {
    // The sign-in incident of 6 October left portal-availability 1 - 33/43.2 = 23.6% (below 25%: roll back first).
    const portal = record('customer-portal');
    expect([portal.decision_guide.stance, portal.decision_guide.deciding_slo, portal.decision_guide.full_impact_minutes]).toEqual([
      'roll-back',
      'portal-availability',
      { prefer_roll_back: 0, roll_back: 0 },
    ]);
    expect(portal.slos.find((s) => s.id === 'portal-availability')!.now).toMatchObject({ bad_minutes: 33, budget_minutes_left: 10.2 });
  });
});
