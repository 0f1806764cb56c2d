import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, sortProblems } from '../../../src/validation/problems.ts';
import { checkArchive } from '../../../src/validation/archive.ts';
import { CHECKOUT, copyFixture, FIXTURE, problemsAfter, replaceOnce } from './helpers.ts';

const SITE = join(import.meta.dirname, '../../fixtures/site');

describe('the fixture site', () => {
  it('passes every schema, consistency and reference rule', () => {
    const { problems, incidents, readingLists } = checkArchive(SITE);
    expect(problems).toEqual([]);
    expect([incidents.length, readingLists.length]).toEqual([13, 2]);
  });
});

describe('the fixture archive', () => {
  it('is valid as written', () => {
    expect(checkArchive(FIXTURE).problems).toEqual([]);
  });
});

describe('schema errors name the file, line, field and what was expected', () => {
  it('rejects an unknown severity and suggests the nearest', () => {
    expect(problemsAfter(CHECKOUT, replaceOnce('severity: SEV2', 'severity: SEV22'))).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:7:1 severity: expected one of SEV1, SEV2, SEV3, SEV4, found "SEV22". Did you mean "SEV2"?',
    ]);
  });

  it('rejects an unknown key and suggests the field that was meant', () => {
    expect(problemsAfter(CHECKOUT, replaceOnce('detection: alert', 'detection: alert\ndetcted: 2025-06-21T14:02:00Z'))).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:17:1 detcted: unknown key. Did you mean "detected"?',
    ]);
  });

  it('rejects an unknown key inside an action item', () => {
    expect(problemsAfter(CHECKOUT, replaceOnce('    priority: P2', '    priority: P2\n    assignee: tnowak'))).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:39:5 action_items[1].assignee: unknown key. Remove it; the keys allowed here are title, kind, owner, priority, due, status, ticket, closed.',
    ]);
  });

  it('reports a missing required field', () => {
    expect(
      problemsAfter(
        CHECKOUT,
        replaceOnce('summary: A feature-flag bundle was pushed to every region at once and checkout failed for 45 minutes.\n', ''),
      ),
    ).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:3:1 summary: required field is missing: expected text. Add summary: here, after title.',
    ]);
  });

  it('rejects a timestamp without an offset', () => {
    expect(problemsAfter(CHECKOUT, replaceOnce('mitigated: 2025-06-21T14:40:00Z', 'mitigated: 2025-06-21T14:40:00'))).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:14:1 mitigated: expected an ISO 8601 timestamp with an offset, e.g. 2025-06-21T13:55:00Z or 2025-06-21T14:55:00+01:00, found "2025-06-21T14:40:00"',
    ]);
  });

  it('rejects a bad enum deep in the file', () => {
    expect(problemsAfter(CHECKOUT, replaceOnce('    kind: detect', '    kind: monitor'))).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:36:5 action_items[1].kind: expected one of prevent, mitigate, detect, process, learn, found "monitor"',
    ]);
  });

  it('reports every problem in every file in one run', () => {
    const problems = problemsAfter(CHECKOUT, (t) =>
      replaceOnce('status: published', 'status: live')(replaceOnce('type: incident', 'type: outage')(t)),
    );
    expect(problems).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:4:1 status: expected one of draft, in-review, published, found "live"',
      'incidents/2025/2025-06-21-checkout-500s.mdx:6:1 type: expected one of incident, near-miss, found "outage"',
    ]);
  });

  it('reports a YAML syntax error with its position, not a stack trace', () => {
    expect(problemsAfter(CHECKOUT, replaceOnce('tags: [config]', 'tags: [config'))).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:12:1 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]. Check indentation and quote values that contain ": " or start with a special character.',
    ]);
  });
});

describe('consistency rules', () => {
  it('rejects key moments out of order', () => {
    expect(problemsAfter(CHECKOUT, replaceOnce('mitigated: 2025-06-21T14:40:00Z', 'mitigated: 2025-06-21T13:59:00Z'))).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:14:1 mitigated: expected mitigated to be at or after detected (2025-06-21T14:02:00Z), found "2025-06-21T13:59:00Z". Key moments run started, detected, mitigated, resolved; check the offsets too.',
      'incidents/2025/2025-06-21-checkout-500s.mdx:23:5 slo_impact[0].bad_minutes: expected at most 4 bad minutes, the time from started to mitigated, found 38. Bad minutes cannot exceed the impact window; check the number and the key moments.',
    ]);
  });

  it('requires closed exactly when an action item is done or dropped', () => {
    expect(problemsAfter(CHECKOUT, replaceOnce('    status: open', '    status: open\n    closed: 2025-07-30'))).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:41:5 action_items[1].closed: expected no closed date while status is open, found "2025-07-30". Remove closed, or set status to done or wont-do.',
    ]);
    expect(problemsAfter(CHECKOUT, replaceOnce('    closed: 2025-07-10\n', ''))).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:33:5 action_items[0].status: required field is missing: closed, the date the item became done. Add closed: YYYY-MM-DD under this item.',
    ]);
  });

  it('keeps timeline events inside the incident', () => {
    expect(problemsAfter(CHECKOUT, replaceOnce('  - at: 2025-06-21T14:40:00Z', '  - at: 2025-06-21T16:40:00Z'))).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:45:5 timeline[1].at: expected the event to lie between started (2025-06-21T14:55:00+01:00) and resolved (2025-06-21T16:05:00Z), found "2025-06-21T16:40:00Z". Move the event into the incident, or widen the key moments if they are wrong.',
    ]);
  });

  it('requires contributing factors and action items before publishing', () => {
    const stripped = (t: string) => t.replace(/contributing_factors:[\s\S]*?timeline:/, 'timeline:');
    expect(problemsAfter(CHECKOUT, stripped)).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:2:1 contributing_factors: expected at least one contributing factor in a published post-mortem. Name the system conditions that made the incident possible, or set status: draft.',
      'incidents/2025/2025-06-21-checkout-500s.mdx:2:1 action_items: expected at least one action item in a published incident. Add the follow-ups with owners and due dates, or set status: draft.',
    ]);
  });
});

describe('references resolve at build time', () => {
  it('rejects an unknown service with a suggestion', () => {
    expect(
      problemsAfter(CHECKOUT, replaceOnce('services: [checkout-api, feature-flags]', 'services: [checkout-api, feature-flag]')),
    ).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:8:26 services[1]: expected a service id from catalog/services.yaml, found "feature-flag". Did you mean "feature-flags"?',
    ]);
  });

  it('rejects an unknown team, SLO and related incident', () => {
    const edit = (t: string) =>
      replaceOnce(
        'teams: [payments]',
        'teams: [billing]',
      )(
        replaceOnce(
          '  - slo: checkout-availability',
          '  - slo: checkout-uptime',
        )(replaceOnce('related: [2025-03-02-flag-cache-stale]', 'related: [2025-03-01-flag-cache-stale, 2025-06-21-checkout-500s]')(t)),
      );
    expect(problemsAfter(CHECKOUT, edit)).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:9:9 teams[0]: expected a team id from catalog/teams.yaml, found "billing". Add it to catalog/teams.yaml first, or use one of the ids listed there.',
      'incidents/2025/2025-06-21-checkout-500s.mdx:22:5 slo_impact[0].slo: expected an SLO id from catalog/services.yaml, found "checkout-uptime". Add it to catalog/services.yaml first, or use one of the ids listed there.',
      'incidents/2025/2025-06-21-checkout-500s.mdx:48:11 related[0]: expected the id of an incident from incidents/, found "2025-03-01-flag-cache-stale". Did you mean "2025-03-02-flag-cache-stale"?',
      'incidents/2025/2025-06-21-checkout-500s.mdx:48:40 related[1]: expected another incident, not this one, found "2025-06-21-checkout-500s". Remove it.',
    ]);
  });

  it('rejects a reading-list item that is not an incident', () => {
    expect(
      problemsAfter('reading-lists/flags.mdx', replaceOnce('incident: 2025-06-21-checkout-500s', 'incident: 2025-06-21-checkout-502s')),
    ).toEqual([
      'reading-lists/flags.mdx:7:5 items[1].incident: expected the id of an incident from incidents/, found "2025-06-21-checkout-502s". Did you mean "2025-06-21-checkout-500s"?',
    ]);
  });

  it('rejects a service whose owning team is not in the catalog', () => {
    expect(problemsAfter('catalog/services.yaml', replaceOnce('  team: platform', '  team: platfrom'))).toEqual([
      'catalog/services.yaml:11:3 [1].team: expected a team id from catalog/teams.yaml, found "platfrom". Did you mean "platform"?',
    ]);
  });

  it('rejects the same id in two year folders', () => {
    const root = copyFixture();
    mkdirSync(join(root, 'incidents/2024'));
    cpSync(join(root, CHECKOUT), join(root, 'incidents/2024/2025-06-21-checkout-500s.mdx'));
    expect(sortProblems(checkArchive(root).problems).map(formatProblem)).toEqual([
      'incidents/2024/2025-06-21-checkout-500s.mdx:1:1 expected a unique incident id, but incidents/2025/2025-06-21-checkout-500s.mdx has the same file name, found "2025-06-21-checkout-500s". Ids are file names and must be unique across all years; rename one of them.',
      'incidents/2024/2025-06-21-checkout-500s.mdx:12:1 started: expected the file to be in the folder of its year, incidents/2025/, found "incidents/2024/". Move it to incidents/2025/.',
      'incidents/2025/2025-06-21-checkout-500s.mdx:1:1 expected a unique incident id, but incidents/2024/2025-06-21-checkout-500s.mdx has the same file name, found "2025-06-21-checkout-500s". Ids are file names and must be unique across all years; rename one of them.',
    ]);
  });

  it('rejects a file whose name does not match started', () => {
    expect(problemsAfter(CHECKOUT, replaceOnce('started: 2025-06-21T14:55:00+01:00', 'started: 2025-06-20T14:55:00+01:00'))).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:12:1 started: expected the date in the file name (2025-06-21) to be the date of started, found "2025-06-20T14:55:00+01:00". Rename the file to start with 2025-06-20, or correct started.',
    ]);
  });
});

describe('MDX bodies', () => {
  it('reports an MDX syntax error at its line in the file, once, without a stack trace', () => {
    expect(problemsAfter(CHECKOUT, replaceOnce('Card payments failed for customers', 'Card payments {failed for customers'))).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:53:68 MDX syntax error: Unexpected end of file in expression, expected a corresponding closing brace for `{`. In prose, write { } < > as \\{ \\} &lt; &gt; or put them in `inline code` or a fenced code block.',
    ]);
  });

  it('accepts a body with no components at all', () => {
    expect(problemsAfter('incidents/2025/2025-03-02-flag-cache-stale.mdx', (t) => t)).toEqual([]);
  });
});

describe('problems behind a schema error', () => {
  it('still reports key moments out of order next to an unknown key', () => {
    const edit = (t: string) =>
      replaceOnce(
        'detected: 2025-06-21T14:02:00Z',
        'detected: 2025-06-21T12:02:00Z',
      )(replaceOnce('    priority: P2', '    priority: P2\n    assignee: tnowak')(t));
    expect(problemsAfter(CHECKOUT, edit)).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:13:1 detected: expected detected to be at or after started (2025-06-21T14:55:00+01:00), found "2025-06-21T12:02:00Z". Key moments run started, detected, mitigated, resolved; check the offsets too.',
      'incidents/2025/2025-06-21-checkout-500s.mdx:39:5 action_items[1].assignee: unknown key. Remove it; the keys allowed here are title, kind, owner, priority, due, status, ticket, closed.',
    ]);
  });

  it('still reports an unknown team next to a bad severity, but nothing more about the severity', () => {
    const edit = (t: string) => replaceOnce('teams: [payments]', 'teams: [billing]')(replaceOnce('severity: SEV2', 'severity: SEV22')(t));
    expect(problemsAfter(CHECKOUT, edit)).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:7:1 severity: expected one of SEV1, SEV2, SEV3, SEV4, found "SEV22". Did you mean "SEV2"?',
      'incidents/2025/2025-06-21-checkout-500s.mdx:9:9 teams[0]: expected a team id from catalog/teams.yaml, found "billing". Add it to catalog/teams.yaml first, or use one of the ids listed there.',
    ]);
  });

  it('does not repeat a problem the schema already reported: an unreadable mitigated is not also missing', () => {
    expect(problemsAfter(CHECKOUT, replaceOnce('mitigated: 2025-06-21T14:40:00Z', 'mitigated: soon'))).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:14:1 mitigated: expected an ISO 8601 timestamp with an offset, e.g. 2025-06-21T13:55:00Z or 2025-06-21T14:55:00+01:00, found "soon"',
    ]);
  });
});
