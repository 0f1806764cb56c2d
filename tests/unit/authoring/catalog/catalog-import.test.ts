import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCatalogCli } from '../../../../src/authoring/catalog/cli.ts';
import { runInitCli } from '../../../../src/authoring/init/cli.ts';
import { loadCatalog } from '../../../../src/validation/sources.ts';

const PROJECT = join(import.meta.dirname, '../../../..');
const FIXTURES = join(PROJECT, 'tests/fixtures/catalog-import');

/** A folder holding a copy of the fixtures (archive/, backstage/, openslo/, sloth/) to run in. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-catalog-'));
  for (const entry of ['archive', 'backstage', 'openslo', 'sloth']) cpSync(join(FIXTURES, entry), join(dir, entry), { recursive: true });
  return dir;
}

/** Runs `npm run catalog` in-process in `cwd` with the archive at archive/. */
function run(cwd: string, args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = runCatalogCli([...args, '--root', 'archive'], {
    cwd,
    env: {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { status, stdout, stderr };
}

const read = (cwd: string, file: string) => readFileSync(join(cwd, file), 'utf8');
const expected = (file: string) => readFileSync(join(FIXTURES, 'expected', file), 'utf8');

const REPORT = `Read 9 files: 19 documents.

Teams: 3 added, 1 already in catalog/teams.yaml
  + journeys  Journey Planning  journeys@fernhill.example  backstage/org.yaml:27:1 (Group)
  + rail-ops  Rail Operations                              backstage/org.yaml:39:1 (Group "Rail_Ops")
  + realtime  Realtime                                     backstage/departures/catalog-info.yaml:2:1 (the owner of departures-feed; no Group realtime was read)
Services: 3 added, 1 already in catalog/services.yaml
  + departures-feed  Departures Feed  team realtime           backstage/departures/catalog-info.yaml:2:1
  + fare-engine      fare-engine      team ticketing, 1 link  backstage/fare-engine/catalog-info.yaml:1:1
  + journey-planner  Journey Planner  team journeys, 1 link   backstage/journey-planner/catalog-info.yaml:1:1
SLOs: 5 added (1 to services already in the catalog), 1 already in catalog/services.yaml
  + fare-table-freshness                   99% over 7 days     fare-engine       openslo/fares.yaml:27:1
  + ticket-sales-latency                   99% over 28 days    ticket-sales-api  openslo/ticket-sales.yaml:18:1
  + departures-feed-freshness              99.9% over 30 days  departures-feed   sloth/departures.yaml:4:5 (30 days: Sloth's default, the file sets no window)
  + journey-planner-requests-availability  99.5% over 30 days  journey-planner   sloth/journey-planner.yaml:6:5 (30 days: Sloth's default, the file sets no window)
  + journey-planner-requests-latency       99% over 30 days    journey-planner   sloth/journey-planner.yaml:15:5 (30 days: Sloth's default, the file sets no window)

Kept as written (3): the catalog's values win; change them by hand where the import is right
  catalog/teams.yaml:2:3 team ticketing: name "Ticketing & Retail", not "Ticketing"; contact "#ticketing", not "#ticketing-oncall" (backstage/org.yaml:13:1)
  catalog/services.yaml:2:3 service ticket-sales-api: name "Ticket Sales", not "Ticket Sales API"; description none, not "Sells single, return and season tickets to the app, the website and the station ticket machines."; links none, not the import's 2 (backstage/ticket-sales/catalog-info.yaml:1:1)
  catalog/services.yaml:7:7 SLO ticket-sales-availability: window_days 30, not 28 (openslo/ticket-sales.yaml:1:1)

Not mapped (8):
  backstage/departures/catalog-info.yaml:21:3 spec.owner: expected the group that owns station-displays, found "user:default/mhale", a user. A service needs an owning team, so it was left out: set spec.owner to its team's group (group:default/<team>), or add it to catalog/services.yaml by hand.
  backstage/departures/catalog-info.yaml:24:1 kind: a Backstage Location is not read. Pass the files its spec.targets name instead.
  backstage/fare-engine/catalog-info.yaml:9:7 metadata.links[1].url: expected an http(s) address, found "slack://channel?team=T024&id=C0FARES". The link was left out: the site and the portal open http(s) links only.
  backstage/org.yaml:8:3 spec.type: a Group of type organization is not a team, and owns no Component read, so it was left out. Add it to catalog/teams.yaml by hand if incidents name it.
  backstage/ticket-sales/catalog-info.yaml:23:1 kind: a Backstage API is neither a service nor a team, so it was left out
  openslo/fares.yaml:2:1 kind: an OpenSLO Service is not read: only SLOs are. Services come from Backstage Components or catalog/services.yaml.
  openslo/fares.yaml:18:7 spec.timeWindow[0]: a calendar window (1M from 2026-01-01 00:00:00 Europe/London) is not a rolling window of days. It is reported, not guessed: budgets here are rolling windows. Add the SLO to catalog/services.yaml by hand with the window_days it means, e.g. 30.
  openslo/fares.yaml:51:3 spec.service: SLO refunds-processed names service "refunds", which is neither in catalog/services.yaml nor a Component read, so it was left out. Import the Component that defines the service with it, or add the service to catalog/services.yaml first.
`;

describe('npm run catalog -- import', () => {
  it('adds the teams, services and SLOs of Backstage, OpenSLO and Sloth files, keeping what the catalog has, and reports each by file and line', () => {
    const cwd = workspace();
    const { status, stdout, stderr } = run(cwd, ['import', 'backstage', 'openslo', 'sloth']);
    expect([status, stderr]).toEqual([0, '']);
    expect(stdout).toBe(`${REPORT}
Wrote catalog/teams.yaml and catalog/services.yaml. Next: npm run check, then npm run build to see the budgets at /trends/decision-guide/.
`);
    expect(read(cwd, 'archive/catalog/teams.yaml')).toBe(expected('teams.yaml'));
    expect(read(cwd, 'archive/catalog/services.yaml')).toBe(expected('services.yaml'));
  });

  it('writes a catalog that loadCatalog accepts, with the hand-written entries and their comments kept', () => {
    const cwd = workspace();
    run(cwd, ['import', 'backstage', 'openslo', 'sloth']);
    const catalog = loadCatalog(join(cwd, 'archive'));
    expect(catalog.problems).toEqual([]);
    expect(catalog.teams.map((t) => [t.id, t.name, t.contact])).toEqual([
      ['ticketing', 'Ticketing & Retail', '#ticketing'],
      ['journeys', 'Journey Planning', 'journeys@fernhill.example'],
      ['rail-ops', 'Rail Operations', undefined],
      ['realtime', 'Realtime', undefined],
    ]);
    expect(
      catalog.services.map((s) => [
        s.id,
        s.team,
        s.slos.map((slo) => `${slo.id} ${slo.objective}/${slo.window_days}`),
        s.links?.map((l) => l.label),
      ]),
    ).toEqual([
      ['ticket-sales-api', 'ticketing', ['ticket-sales-availability 99.9/30', 'ticket-sales-latency 99/28'], undefined],
      ['departures-feed', 'realtime', ['departures-feed-freshness 99.9/30'], undefined],
      ['fare-engine', 'ticketing', ['fare-table-freshness 99/7'], ['Runbook']],
      [
        'journey-planner',
        'journeys',
        ['journey-planner-requests-availability 99.5/30', 'journey-planner-requests-latency 99/30'],
        ['status.fernhill.example'],
      ],
    ]);
    const services = read(cwd, 'archive/catalog/services.yaml');
    expect(services.startsWith(read(join(FIXTURES), 'archive/catalog/services.yaml'))).toBe(true);
    expect(services).toContain('  # Agreed with the product owners in March 2026: 30 days, as the finance reports count.\n');
    expect(read(cwd, 'archive/catalog/teams.yaml')).toContain('  name: Ticketing & Retail # renamed after the 2026 reorganisation\n');
  });

  it('prints the same report with --dry-run and writes nothing', () => {
    const cwd = workspace();
    const { status, stdout } = run(cwd, ['import', 'backstage', 'openslo', 'sloth', '--dry-run']);
    expect(status).toBe(0);
    expect(stdout).toBe(`${REPORT}
Dry run: nothing was written. Without --dry-run this writes catalog/teams.yaml and catalog/services.yaml.
`);
    expect(read(cwd, 'archive/catalog/teams.yaml')).toBe(read(FIXTURES, 'archive/catalog/teams.yaml'));
    expect(read(cwd, 'archive/catalog/services.yaml')).toBe(read(FIXTURES, 'archive/catalog/services.yaml'));
  });

  it('adds nothing the second time, and still says where the catalog and the files differ', () => {
    const cwd = workspace();
    run(cwd, ['import', 'backstage', 'openslo', 'sloth']);
    const { status, stdout } = run(cwd, ['import', 'backstage', 'openslo', 'sloth']);
    expect(status).toBe(0);
    expect(stdout.split('\n').slice(0, 6)).toEqual([
      'Read 9 files: 19 documents.',
      '',
      'Teams: 0 added, 3 already in catalog/teams.yaml',
      'Services: 0 added, 4 already in catalog/services.yaml',
      'SLOs: 0 added, 6 already in catalog/services.yaml',
      '',
    ]);
    expect(stdout).toContain(
      'catalog/services.yaml:7:7 SLO ticket-sales-availability: window_days 30, not 28 (openslo/ticket-sales.yaml:1:1)',
    );
    expect(stdout.endsWith('\nNothing to add: catalog/ already holds everything these files map to. Nothing was written.\n')).toBe(true);
    expect(read(cwd, 'archive/catalog/services.yaml')).toBe(expected('services.yaml'));
  });

  it('fills the empty lists npm run init writes, keeping its comments', async () => {
    const cwd = workspace();
    const archive = join(cwd, 'fresh');
    mkdirSync(archive);
    await runInitCli(['--name', 'Fernhill Transit', '--time-zone', 'Europe/London', '--root', archive], {
      cwd,
      env: {},
      stdout: () => {},
      stderr: () => {},
      manifest: { organisation: 'Pantrybox', files: {} },
    });
    let stdout = '';
    const status = runCatalogCli(['import', 'backstage/journey-planner', 'sloth/journey-planner.yaml', '--root', 'fresh'], {
      cwd,
      env: {},
      stdout: (t) => (stdout += t),
      stderr: () => {},
    });
    expect(status).toBe(0);
    expect(stdout).toBe(`Read 2 files: 2 documents.

Teams: 1 added
  + journeys  Journeys  backstage/journey-planner/catalog-info.yaml:1:1 (the owner of journey-planner; no Group journeys was read)
Services: 1 added
  + journey-planner  Journey Planner  team journeys, 1 link  backstage/journey-planner/catalog-info.yaml:1:1
SLOs: 2 added
  + journey-planner-requests-availability  99.5% over 30 days  journey-planner  sloth/journey-planner.yaml:6:5 (30 days: Sloth's default, the file sets no window)
  + journey-planner-requests-latency       99% over 30 days    journey-planner  sloth/journey-planner.yaml:15:5 (30 days: Sloth's default, the file sets no window)

Wrote catalog/teams.yaml and catalog/services.yaml. Next: npm run check, then npm run build to see the budgets at /trends/decision-guide/.
`);
    expect(read(cwd, 'fresh/catalog/teams.yaml')).toBe(`# The teams that own services and action items. Incidents name them in teams,
# action_items[].owner and response.helped_by. contact (optional) says where to reach one.
#
# No team yet. Add one per team, e.g.
#   - id: payments
#     name: Payments
#     contact: "#payments-oncall"
- id: journeys
  name: Journeys
`);
    expect(
      read(cwd, 'fresh/catalog/services.yaml').endsWith(`#     team: payments
- id: journey-planner
  name: Journey Planner
  team: journeys
  description: Plans door-to-door journeys across trains, trams and buses.
  slos:
    - id: journey-planner-requests-availability
      name: Requests availability
      objective: 99.5
      window_days: 30
    - id: journey-planner-requests-latency
      name: Requests latency
      objective: 99
      window_days: 30
  links:
    - { label: status.fernhill.example, url: "https://status.fernhill.example/journey-planner" }
`),
    ).toBe(true);
    expect(loadCatalog(archive).problems).toEqual([]);
  });
});

describe('npm run catalog: what it cannot use', () => {
  it('names every input it cannot read, and writes nothing', () => {
    const cwd = workspace();
    mkdirSync(join(cwd, 'empty'));
    writeFileSync(
      join(cwd, 'broken.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: fare-engine\n   title: Fare Engine\n',
    );
    const { status, stdout, stderr } = run(cwd, ['import', 'nowhere', 'empty', 'broken.yaml', 'sloth']);
    expect([status, stdout]).toEqual([1, '']);
    expect(stderr).toBe(`npm run catalog: 3 inputs it cannot read; nothing was written:
  nowhere: no such file or folder.
  empty: holds no .yaml or .yml file.
  broken.yaml:4:9: YAML that does not parse: Nested mappings are not allowed in compact mappings
`);
    expect(read(cwd, 'archive/catalog/teams.yaml')).toBe(read(FIXTURES, 'archive/catalog/teams.yaml'));
  });

  it('refuses to merge into a catalog with problems, listing them', () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'archive/catalog/services.yaml'), '- id: ticket-sales-api\n  name: Ticket Sales\n  team: ticket\n');
    expect(run(cwd, ['import', 'sloth'])).toEqual({
      status: 1,
      stdout: '',
      stderr: `npm run catalog: catalog/ has a problem to fix first (npm run check lists them too); nothing was written:
  catalog/services.yaml:3:3 [0].team: expected a team id from catalog/teams.yaml, found "ticket". Add it to catalog/teams.yaml first, or use one of the ids listed there.
`,
    });
  });

  it('says what is wrong with the command itself, and exits 2', () => {
    const cwd = workspace();
    const usage = (args: string[]) => {
      const { status, stderr } = run(cwd, args);
      return [status, stderr];
    };
    const help = 'npm run catalog -- --help lists the options.\n';
    expect(usage([])).toEqual([2, `npm run catalog: missing the command: npm run catalog -- import <file or folder>...\n${help}`]);
    expect(usage(['export', 'backstage'])).toEqual([2, `npm run catalog: unknown command "export"; the one command is import.\n${help}`]);
    expect(usage(['import'])).toEqual([
      2,
      `npm run catalog: missing the files or folders to import, e.g. npm run catalog -- import ../backstage/catalog-info.yaml\n${help}`,
    ]);
    expect(usage(['import', 'sloth', '--force'])).toEqual([2, `npm run catalog: --force: unknown option.\n${help}`]);
  });
});

describe('npm run catalog, as a process', () => {
  it('is wired to npm run catalog and exits 2 without a command', () => {
    expect(JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')).scripts.catalog).toBe('tsx scripts/catalog.ts');
    const cwd = workspace();
    const result = spawnSync(join(PROJECT, 'node_modules/.bin/tsx'), [join(PROJECT, 'scripts/catalog.ts'), '--root', 'archive'], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });
    expect([result.status, result.stdout, result.stderr]).toEqual([
      2,
      '',
      'npm run catalog: missing the command: npm run catalog -- import <file or folder>...\nnpm run catalog -- --help lists the options.\n',
    ]);
  });
});
