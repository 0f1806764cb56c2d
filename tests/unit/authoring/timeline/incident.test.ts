import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findIncident, readIncident } from '../../../../src/authoring/timeline/incident.ts';
import { TimelineError, TimelineUsageError } from '../../../../src/authoring/timeline/errors.ts';

const ARCHIVE = join(import.meta.dirname, '../../../fixtures/timeline/archive');

describe('the post-mortem the events go into', () => {
  it('is found by its id, and reads its key moments and timeline', () => {
    const path = findIncident(ARCHIVE, '2026-10-25-slot-search-slow-at-clock-change');
    expect(path).toBe(join(ARCHIVE, 'incidents/2026/2026-10-25-slot-search-slow-at-clock-change.mdx'));
    const incident = readIncident(path, 'slot-search.mdx');
    expect([incident.started, incident.mitigated, incident.resolved].map((ms) => new Date(ms!).toISOString())).toEqual([
      '2026-10-25T00:35:00.000Z',
      '2026-10-25T01:50:00.000Z',
      '2026-10-25T02:20:00.000Z',
    ]);
    expect(incident.timeline).toEqual([]);
    expect(readIncident(findIncident(ARCHIVE, '2026-10-13-checkout-card-payments-declined'), 'x.mdx').timeline[1]).toEqual({
      at: Date.parse('2026-10-13T12:59:00Z'),
      kind: 'detect',
      text: 'PagerDuty pages the payments on-call engineer for card authorisation failures above 5%.',
    });
  });

  it('suggests the id meant when there is no such post-mortem', () => {
    expect(() => findIncident(ARCHIVE, '2026-10-13-checkout-card-payment-declined')).toThrow(
      new TimelineUsageError(
        `--incident: no post-mortem "2026-10-13-checkout-card-payment-declined" in ${join(ARCHIVE, 'incidents')}. Did you mean 2026-10-13-checkout-card-payments-declined? Give the id (the file name without .mdx), or --root for another archive; npm run new starts a draft.`,
      ),
    );
  });

  it('refuses key moments and events it cannot read, each with its line and field', () => {
    const root = mkdtempSync(join(tmpdir(), 'hindsight-incident-'));
    mkdirSync(join(root, 'incidents/2026'), { recursive: true });
    const file = join(root, 'incidents/2026/2026-10-13-x.mdx');
    writeFileSync(
      file,
      '---\ntitle: X\nstarted: 2026-10-13 13:52\ntimeline:\n  - at: 2026-10-13T13:59:00+01:00\n    kind: detect\n  - at: 13:59\n    text: paged\n---\n',
    );
    expect(() => readIncident(file, 'incidents/2026/2026-10-13-x.mdx')).toThrow(
      new TimelineError(
        [
          'incidents/2026/2026-10-13-x.mdx:3:1 started: expected an ISO 8601 timestamp with an offset, e.g. 2025-06-21T13:55:00Z or 2025-06-21T14:55:00+01:00, found "2026-10-13 13:52"',
          'incidents/2026/2026-10-13-x.mdx:7:5 timeline[0].text: required field is missing: expected text. Add text: here, after kind.',
          'incidents/2026/2026-10-13-x.mdx:7:5 timeline[1].at: expected an ISO 8601 timestamp with an offset, e.g. 2025-06-21T13:55:00Z or 2025-06-21T14:55:00+01:00, found "13:59"',
          'Correct the frontmatter (npm run check says more), then run npm run timeline again.',
        ].join('\n'),
      ),
    );
  });
});
