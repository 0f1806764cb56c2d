import { describe, expect, it } from 'vitest';
import { redactIncident, withoutInternalNames } from '../../../src/lib/audience.ts';
import { DEFAULT_PUBLIC_STRIP } from '../../../src/schema/incident-fields.ts';

const incident = {
  authors: ['akrishnan'],
  tags: ['flags'],
  timeline: [{ at: '2026-01-01T00:00:00Z', kind: 'note', text: 'x' }],
  response: { decision: 'rollback', rationale: 'Budget nearly gone.', helped_by: ['db-oncall'] },
  action_items: [
    { title: 'Canary flags', owner: 'platform', ticket: 'https://tracker.example.com/P-1' },
    { title: 'Alert', owner: 'mbello' },
  ],
  customer_impact: { users_affected: 12000, description: 'Checkout failed.' },
  release: { ref: 'deploy-4812', pull_requests: 3 },
};

describe('redacting an incident for a public build', () => {
  it('strips authors, helpers, action-item owners and tickets by default', () => {
    expect(DEFAULT_PUBLIC_STRIP).toEqual(['authors', 'response.helped_by', 'action_items.owner', 'action_items.ticket']);
    expect(redactIncident(incident, DEFAULT_PUBLIC_STRIP)).toEqual({
      ...incident,
      authors: [],
      response: { decision: 'rollback', rationale: 'Budget nearly gone.', helped_by: [] },
      action_items: [{ title: 'Canary flags' }, { title: 'Alert' }],
    });
  });

  it('strips whatever else is configured, and nothing when nothing is', () => {
    expect(redactIncident(incident, ['response.rationale', 'customer_impact.users_affected', 'release.ref', 'timeline', 'tags'])).toEqual({
      ...incident,
      tags: [],
      timeline: [],
      response: { decision: 'rollback', helped_by: ['db-oncall'] },
      customer_impact: { description: 'Checkout failed.' },
      release: { pull_requests: 3 },
    });
    expect(redactIncident(incident, [])).toEqual(incident);
  });

  it('strips by path, whatever the field: a list is emptied, a value dropped, in every item of a list on the way', () => {
    const data = {
      customer_impact: { regions: ['eu-west'], description: 'x' },
      action_items: [{ title: 'a', labels: ['p'] }, { title: 'b' }],
      release: undefined,
    };
    expect(
      redactIncident(data, ['customer_impact.regions', 'action_items.labels', 'action_items.title', 'release.ref', 'missing.key']),
    ).toEqual({
      customer_impact: { regions: [], description: 'x' },
      action_items: [{ labels: [] }, {}],
      release: undefined,
    });
  });

  it('leaves the original untouched', () => {
    redactIncident(incident, DEFAULT_PUBLIC_STRIP);
    expect(incident.authors).toEqual(['akrishnan']);
    expect(incident.action_items[0]!.owner).toBe('platform');
  });
});

describe('internal names in a public incident', () => {
  it('drops an owner that is an internal team and internal teams among the helpers, and keeps the rest', () => {
    const data = {
      action_items: [{ title: 'Alert on ledger lag', owner: 'ledger' }, { title: 'Canary flags', owner: 'platform' }, { title: 'Runbook' }],
      response: { decision: 'rollback', helped_by: ['ledger', 'db-oncall'] },
    };
    expect(withoutInternalNames(data, new Set(['ledger', 'ledger-api']))).toEqual({
      action_items: [{ title: 'Alert on ledger lag' }, { title: 'Canary flags', owner: 'platform' }, { title: 'Runbook' }],
      response: { decision: 'rollback', helped_by: ['db-oncall'] },
    });
  });
});
