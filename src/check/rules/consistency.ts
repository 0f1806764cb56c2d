import type { FixedRule } from '../types.ts';

/** Rules within one post-mortem that no schema can express. */
export const consistencyRule: FixedRule = {
  id: 'consistency',
  type: 'fixed',
  enforcedBy: 'build',
  summary:
    'Key moments out of order, events outside the incident, bad_minutes over the window or in a near-miss, closed dates, publishing rules, file names.',
  docs: `What must hold within a post-mortem:
  - started <= detected <= mitigated <= resolved (offsets count);
  - timeline events lie between started and resolved (or mitigated);
  - slo_impact[].bad_minutes is no more than the minutes from started to mitigated;
  - an action item has closed exactly when its status is done or wont-do, and closed is not before
    the day the incident started (the date of started as written);
  - a near-miss has no bad_minutes above zero: minutes against an SLO mean users were hurt, so it is
    an incident;
  - in-review and published post-mortems have mitigated and at least one contributing factor, and
    incidents (not near-misses) at least one action item;
  - the file is incidents/<yyyy>/<yyyy-mm-dd>-<slug>.mdx with the date of started as written, and its
    id (the file name) is unique across all years;
  - related never names the incident itself.

Enforced by the build: always an error, and no comment can ignore it.`,
  examples: [
    {
      in: 'frontmatter',
      bad: 'detected: 2025-06-21T13:50:00Z',
      good: 'detected: 2025-06-21T14:02:00Z',
      finding: {
        line: 1,
        column: 1,
        field: 'detected',
        message: 'expected detected to be at or after started (2025-06-21T13:55:00Z)',
        found: '"2025-06-21T13:50:00Z"',
      },
    },
    {
      in: 'frontmatter',
      bad: 'started: 2025-06-20T23:55:00-01:00',
      good: 'started: 2025-06-21T13:55:00+01:00',
      finding: {
        line: 1,
        column: 1,
        field: 'started',
        message: 'expected the date in the file name (2025-06-21) to be the date of started',
        found: '"2025-06-20T23:55:00-01:00"',
      },
    },
    {
      in: 'frontmatter',
      bad: 'type: near-miss\nslo_impact:\n  - slo: checkout-availability\n    bad_minutes: 12',
      good: 'type: incident\nslo_impact:\n  - slo: checkout-availability\n    bad_minutes: 12',
      finding: {
        line: 4,
        column: 5,
        field: 'slo_impact[0].bad_minutes',
        message: 'expected no bad minutes in a near-miss: minutes against an SLO mean users were hurt',
        found: '12',
      },
    },
    {
      in: 'frontmatter',
      bad: 'action_items:\n  - title: Stage flag pushes through one canary region first\n    kind: prevent\n    owner: payments\n    priority: P1\n    due: 2025-07-15\n    status: done\n    closed: 2025-06-20',
      good: 'action_items:\n  - title: Stage flag pushes through one canary region first\n    kind: prevent\n    owner: payments\n    priority: P1\n    due: 2025-07-15\n    status: done\n    closed: 2025-07-10',
      finding: {
        line: 8,
        column: 5,
        field: 'action_items[0].closed',
        message: 'expected closed to be on or after the day the incident started (2025-06-21)',
        found: '"2025-06-20"',
      },
    },
  ],
};
