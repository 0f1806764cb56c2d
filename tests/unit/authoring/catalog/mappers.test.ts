import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { importCatalog } from '../../../../src/authoring/catalog/import-catalog.ts';
import { humanise, parseEntityRef, toId } from '../../../../src/authoring/catalog/ids.ts';
import { MAPPERS } from '../../../../src/authoring/catalog/mappers/index.ts';
import { windowDays } from '../../../../src/authoring/catalog/mappers/openslo-slo.ts';
import { formatFinding } from '../../../../src/authoring/catalog/report.ts';

const ARCHIVE = join(import.meta.dirname, '../../../fixtures/catalog-import/archive');

/** Imports these files (path to YAML text) into a copy of Fernhill Transit's hand-written catalog, as a dry run. */
function importOf(files: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), 'hindsight-mappers-'));
  cpSync(ARCHIVE, join(cwd, 'archive'), { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(cwd, file)), { recursive: true });
    writeFileSync(join(cwd, file), text);
  }
  const result = importCatalog({ root: join(cwd, 'archive'), inputs: Object.keys(files), cwd, dryRun: true });
  return {
    findings: result.findings.map(formatFinding),
    teams: result.plan.teams.map((t) => t.team),
    services: result.plan.services.map((s) => ({ ...s.service, team: s.team })),
    slos: result.plan.slos.map((s) => ({ service: s.service, ...s.slo })),
  };
}

const component = (name: string, owner: string, extra = '') => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}${extra}
spec:
  type: service
  owner: ${owner}
`;

const openSlo = (spec: string) => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: fare-quotes
spec:
  service: ticket-sales-api
${spec}`;

describe('ids', () => {
  it('makes catalog ids of Backstage and OpenSLO names, and names of ids', () => {
    expect(['Rail_Ops', 'ticket.sales', 'Ticket Sales API', 'Zürich-Trams', '--x--'].map(toId)).toEqual([
      'rail-ops',
      'ticket-sales',
      'ticket-sales-api',
      'zurich-trams',
      'x',
    ]);
    expect(humanise('search-relevance')).toBe('Search relevance');
  });

  it('reads entity references with and without kind and namespace', () => {
    expect(
      ['group:default/payments', 'payments', 'group:payments', 'user:default/mhale', 'Group:ops/Rail_Ops', 'a/b/c'].map((r) =>
        parseEntityRef(r, 'group'),
      ),
    ).toEqual([
      { kind: 'group', namespace: 'default', name: 'payments' },
      { kind: 'group', namespace: 'default', name: 'payments' },
      { kind: 'group', namespace: 'default', name: 'payments' },
      { kind: 'user', namespace: 'default', name: 'mhale' },
      { kind: 'group', namespace: 'ops', name: 'Rail_Ops' },
      undefined,
    ]);
  });
});

describe('OpenSLO windows', () => {
  it('turns rolling durations into whole days and says why the others cannot be', () => {
    expect(['28d', '4w', '720h', '2880m', '36h', '1M', '1Q', '28 days', '0d', undefined].map(windowDays)).toEqual([
      { days: 28 },
      { days: 28 },
      { days: 30 },
      { days: 2 },
      { problem: 'expected a window of whole days, found "36h" (1.5 days)' },
      { problem: 'expected a window in days or weeks, found "1M": a month, quarter or year is not a fixed number of days' },
      { problem: 'expected a window in days or weeks, found "1Q": a month, quarter or year is not a fixed number of days' },
      { problem: 'expected a duration such as 28d or 4w, found "28 days"' },
      { problem: 'expected a window of whole days, found "0d" (0 days)' },
      { problem: 'expected a duration such as 28d or 4w, found nothing' },
    ]);
  });

  it('reads a window without isRolling or calendar as rolling, and reports a missing or monthly one', () => {
    expect(importOf({ 'a.yaml': openSlo('  timeWindow:\n    - duration: 2w\n  objectives:\n    - target: 0.99\n') }).slos).toEqual([
      { service: 'ticket-sales-api', id: 'fare-quotes', name: 'Fare quotes', objective: 99, window_days: 14 },
    ]);
    expect(importOf({ 'a.yaml': openSlo('  objectives:\n    - target: 0.99\n') }).findings).toEqual([
      'a.yaml:5:1 spec.timeWindow: expected exactly one time window, found none. The window is not guessed: add the SLO to catalog/services.yaml by hand with the window_days it means.',
    ]);
    expect(
      importOf({ 'a.yaml': openSlo('  timeWindow:\n    - duration: 1M\n      isRolling: true\n  objectives:\n    - target: 0.99\n') })
        .findings,
    ).toEqual([
      'a.yaml:8:7 spec.timeWindow[0].duration: expected a window in days or weeks, found "1M": a month, quarter or year is not a fixed number of days. Add the SLO to catalog/services.yaml by hand with the window_days it means.',
    ]);
  });
});

describe('OpenSLO objectives', () => {
  const window = '  timeWindow:\n    - duration: 28d\n      isRolling: true\n';

  it('makes one SLO per objective when there are several, named after each', () => {
    expect(
      importOf({
        'a.yaml': openSlo(
          `${window}  objectives:\n    - displayName: Under 1 s\n      target: 0.95\n    - displayName: Under 3 s\n      targetPercent: 99.5\n`,
        ),
      }).slos,
    ).toEqual([
      { service: 'ticket-sales-api', id: 'fare-quotes-under-1-s', name: 'Fare quotes: Under 1 s', objective: 95, window_days: 28 },
      { service: 'ticket-sales-api', id: 'fare-quotes-under-3-s', name: 'Fare quotes: Under 3 s', objective: 99.5, window_days: 28 },
    ]);
  });

  it('reports an objective with both targets, neither, or a share outside 0 to 1', () => {
    expect(
      importOf({
        'a.yaml': openSlo(
          `${window}  objectives:\n    - target: 0.9\n      targetPercent: 90\n    - displayName: none\n    - target: 99.9\n    - targetPercent: 100\n`,
        ),
      }).findings,
    ).toEqual([
      'a.yaml:11:7 spec.objectives[0]: expected target or targetPercent, found both. The SLO was left out.',
      'a.yaml:13:7 spec.objectives[1]: expected target (0 to 1) or targetPercent, found neither. The SLO was left out.',
      'a.yaml:14:7 spec.objectives[2].target: expected a share between 0 and 1 such as 0.999, found 99.9. The SLO was left out.',
      'a.yaml:15:7 spec.objectives[3]: objective: expected a percentage below 100, e.g. 99.9 (100% leaves no error budget), found 100. The SLO was left out.',
    ]);
  });

  it('reports an SLO without a service or objectives, and an OpenSLO version it does not read', () => {
    expect(
      importOf({
        'a.yaml': `apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: orphan\nspec:\n${window}`,
        'b.yaml': 'apiVersion: openslo/v1alpha\nkind: SLO\nmetadata:\n  name: old\n',
      }).findings,
    ).toEqual([
      "a.yaml:5:1 spec.service: expected the name of the service the SLO belongs to, found nothing. Set spec.service to the service's id in catalog/services.yaml.",
      'b.yaml:1:1 apiVersion: expected OpenSLO v1 (apiVersion: openslo/v1), found "openslo/v1alpha". Convert it to v1 with the OpenSLO tools (oslo convert), then import it.',
    ]);
  });
});

describe('Backstage Components and Groups', () => {
  it('keeps a Group that is not a team when it owns a Component, and takes a Slack channel id as written', () => {
    const result = importOf({
      'org.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: stations\n  annotations:\n    slack.com/bot-notify: C04STATIONS\nspec:\n  type: department\n  profile:\n    displayName: Stations\n',
      'c.yaml': component('station-wifi', 'group:default/stations'),
    });
    expect([result.findings, result.teams, result.services]).toEqual([
      [],
      [{ id: 'stations', name: 'Stations', contact: 'C04STATIONS' }],
      [{ id: 'station-wifi', name: 'station-wifi', team: 'stations' }],
    ]);
  });

  it('uses the name when a title is markup, and says so', () => {
    const result = importOf({ 'c.yaml': component('fare-engine', 'ticketing', '\n  title: <b>Fare Engine</b>') });
    expect(result.services).toEqual([{ id: 'fare-engine', name: 'fare-engine', team: 'ticketing' }]);
    expect(result.findings).toEqual([
      'c.yaml:5:3 metadata.title: expected a name in plain text, without < or >: write words or brackets instead of markup, e.g. Payments or Search (beta), found "<b>Fare Engine</b>". The name "fare-engine" is used instead.',
    ]);
  });

  it('leaves out a Component without an owner and the second of two with one name', () => {
    const result = importOf({
      'a.yaml': `${component('fare-engine', 'ticketing')}---\n${component('fare-engine', 'journeys')}---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: kiosk\nspec:\n  type: website\n`,
    });
    expect(result.services.map((s) => `${s.id}:${s.team}`)).toEqual(['fare-engine:ticketing']);
    expect(result.findings).toEqual([
      'a.yaml:9:1 a second Component fare-engine, so it was left out. The first, at a.yaml:1:1, is used.',
      "a.yaml:21:1 spec.owner: expected the group that owns kiosk, found nothing. A service needs an owning team, so it was left out: set spec.owner to its team's group (group:default/<team>), or add it to catalog/services.yaml by hand.",
    ]);
  });
});

describe('Sloth and other documents', () => {
  it('reports a Sloth SLO without a name or objective, and a file without a service', () => {
    expect(
      importOf({
        'a.yaml': 'version: prometheus/v1\nservice: fare-engine\nslos:\n  - name: quotes\n  - objective: 99\n',
        'b.yaml': 'version: prometheus/v1\nslos: []\n',
      }).findings,
    ).toEqual([
      'a.yaml:4:5 slos[0].objective: expected a percentage such as 99.9, found nothing. The SLO was left out.',
      "a.yaml:5:5 slos[1].name: expected the SLO's name, found nothing. The SLO was left out.",
      "b.yaml:1:1 service: expected the service the SLOs belong to, found nothing. Set service to the service's id in catalog/services.yaml.",
    ]);
  });

  it('says what it does not read', () => {
    expect(importOf({ 'a.yaml': 'kind: Deployment\napiVersion: apps/v1\n---\n- just\n- a list\n' }).findings).toEqual([
      'a.yaml:1:1 not a Backstage Component or Group, an OpenSLO v1 SLO or a Sloth prometheus/v1 file, so it was left out',
      'a.yaml:4:1 expected a mapping (key: value lines), found a list or a single value',
    ]);
  });

  it('has one mapper per kind it reads, each listed in docs/adopting.md with its own summary', () => {
    expect(MAPPERS.map((m) => m.id)).toEqual(['backstage-component', 'backstage-group', 'openslo-slo', 'sloth-prometheus']);
    const docs = readFileSync(join(import.meta.dirname, '../../../../docs/adopting.md'), 'utf8');
    expect(MAPPERS.filter((m) => !docs.includes(`| \`${m.id}\` | ${m.summary} |`)).map((m) => m.id)).toEqual([]);
  });
});
