import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../../../src/check/engine.ts';
import { checkArchive } from '../../../src/validation/archive.ts';
import { formatImportReport, importPostmortems, ImportError } from '../../../src/authoring/import/import-postmortems.ts';

const PROJECT = join(import.meta.dirname, '../../..');
const TSX = join(PROJECT, 'node_modules/.bin/tsx');
const SCRIPT = join(PROJECT, 'scripts/import.ts');
const FIXTURES = join(PROJECT, 'tests/fixtures/import');
const SOURCES = 'tests/fixtures/import/sources';

/** An archive with Velora's catalog (tests/fixtures/import/catalog) and no incidents. */
function freshArchive(): string {
  const root = mkdtempSync(join(tmpdir(), 'hindsight-import-'));
  cpSync(join(FIXTURES, 'catalog'), join(root, 'catalog'), { recursive: true });
  return root;
}

function runImport(args: string[]) {
  return spawnSync(TSX, [SCRIPT, ...args], { cwd: PROJECT, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** The message of the ImportError an import throws. */
async function importError(root: string, inputs: string[], cwd = PROJECT): Promise<string> {
  try {
    await importPostmortems({ root, inputs, cwd });
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  throw new Error('expected the import to fail');
}

const IMPORTED = [
  'incidents/2018/2018-08-22-ride-history-missing-for-some-riders.mdx',
  'incidents/2020/2020-11-19-rebalancing-vans-were-sent-to-the-wrong-depot.mdx',
  'incidents/2021/2021-07-21-rider-gateway-dropped-connections-during-a-certificate.mdx',
  'incidents/2022/2022-03-09-login-loop-after-android-app-2-41.mdx',
  'incidents/2023/2023-01-30-card-captures-failed.mdx',
  'incidents/2023/2023-11-05-scooter-positions-stopped-updating-in-antwerp.mdx',
  'incidents/2023/2023-11-28-rides-db-failover.mdx',
  'incidents/2024/2024-01-09-wallet-top-ups-failed-for-ideal-payments.mdx',
  'incidents/2024/2024-03-14-unlock-requests-timed-out-in-utrecht-and-amersfoort.mdx',
  'incidents/2024/2024-06-02-riders-charged-twice-for-rides-ending-at-midnight.mdx',
  'incidents/2024/2024-08-12-rider-app-login-codes-arrived-late.mdx',
  'incidents/2024/2024-09-17-rider-app-returned-too-many-requests-after-a-rate-limit.mdx',
  'incidents/2024/2024-10-24-unlock-failures-in-ghent.mdx',
  'incidents/2025/2025-01-09-new-parking-zones-nearly-published-with-swapped-coordinates.mdx',
  'incidents/2025/2025-03-30-ride-timer-added-an-hour-to-rides-across-the-clock-change.mdx',
  'incidents/2025/2025-05-12-rider-app-showed-an-empty-map-in-rotterdam.mdx',
  'incidents/2025/2025-07-04-ride-starts-slow-in-amsterdam-during-the-heatwave.mdx',
  'incidents/2025/2025-11-08-night-time-unlock-queue-overflow-in-antwerp.mdx',
  'incidents/2026/2026-01-08-wallet-top-ups-declined-for-bancontact-cards.mdx',
  'incidents/2026/2026-01-14-wallet-refunds-stuck-in-pending.mdx',
  'incidents/2026/2026-03-03-telemetry-backlog-after-a-broker-upgrade.mdx',
];

describe('npm run import', () => {
  // One import of every source, which the first four tests read and none of them changes.
  let root: string;
  let result: Awaited<ReturnType<typeof importPostmortems>>;
  beforeAll(async () => {
    root = freshArchive();
    result = await importPostmortems({ root, inputs: [SOURCES], cwd: PROJECT });
  });

  it('imports every fixture as a draft that passes npm run check with no errors', async () => {
    expect(result.imported.map((i) => i.path).sort()).toEqual(IMPORTED);
    const archive = checkArchive(root);
    expect(archive.problems).toEqual([]);
    expect(archive.incidents.map((i) => i.data.status)).toEqual(Array(IMPORTED.length).fill('draft'));
    // The same run as `npx tsx scripts/check.ts --root <archive>`: no errors; the one warning is the
    // source's own vague action item, which a person must rewrite.
    const { problems } = await runCheck({ root });
    expect(problems.map((p) => [p.file, p.rule, p.severity])).toEqual([
      ['incidents/2024/2024-09-17-rider-app-returned-too-many-requests-after-a-rate-limit.mdx', 'action-item-quality', 'warning'],
    ]);
  });

  it('writes exactly the hand-checked drafts, one golden file per source', () => {
    const expected = join(FIXTURES, 'expected');
    const files = readdirSync(join(expected, 'incidents'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(files.map((file) => join(file.parentPath, file.name).slice(expected.length + 1)).sort()).toEqual(IMPORTED);
    for (const path of IMPORTED) expect(readFileSync(join(root, path), 'utf8'), path).toBe(readFileSync(join(expected, path), 'utf8'));
  });

  it('writes times in the catalog time zone with the offset in force at that moment', () => {
    const { incidents } = checkArchive(root);
    const byId = (id: string) => incidents.find((i) => i.id === id)!.data;
    // Amsterdam's clocks went from 02:00 CET (+01:00) to 03:00 CEST (+02:00) on 30 March 2025; the
    // source's local times sit on both sides of the change.
    const timer = byId('2025-03-30-ride-timer-added-an-hour-to-rides-across-the-clock-change');
    expect([timer.started, timer.detected, timer.resolved]).toEqual([
      '2025-03-30T01:50:00+01:00',
      '2025-03-30T03:20:00+02:00',
      '2025-03-30T04:30:00+02:00',
    ]);
    // "all times UTC" on 2 June 2024 (CEST, +02:00): 21:40 UTC is 23:40, and 22:09 UTC is 00:09 the next day.
    const billing = byId('2024-06-02-riders-charged-twice-for-rides-ending-at-midnight');
    expect([billing.started, billing.detected]).toEqual(['2024-06-02T23:40:00+02:00', '2024-06-03T00:09:00+02:00']);
    // Each line says UTC; 17 September 2024 is CEST, so 14:02 UTC is 16:02+02:00.
    expect(byId('2024-09-17-rider-app-returned-too-many-requests-after-a-rate-limit').started).toBe('2024-09-17T16:02:00+02:00');
    // "Time: 19:10" on 9 January 2024 (CET, +01:00), and "Duration: 35 min" ends the impact at 19:45.
    const wallet = byId('2024-01-09-wallet-top-ups-failed-for-ideal-payments');
    expect([wallet.started, wallet.mitigated]).toEqual(['2024-01-09T19:10:00+01:00', '2024-01-09T19:45:00+01:00']);
    // No time at all: midnight in the zone on the day, a winter day (+01:00), with a TODO.
    expect(byId('2025-01-09-new-parking-zones-nearly-published-with-swapped-coordinates').started).toBe('2025-01-09T00:00:00+01:00');
  });

  it('maps severities, services, teams, statuses and action items, and keeps what it cannot map', () => {
    const { incidents } = checkArchive(root);
    const byId = (id: string) => incidents.find((i) => i.id === id)!;
    const timer = byId('2025-03-30-ride-timer-added-an-hour-to-rides-across-the-clock-change').data;
    // priority: P1 is the first of four severities; "Rides" is rides-api without its suffix; team: Billing adds billing.
    expect([timer.severity, timer.services, timer.teams, timer.authors]).toEqual([
      'SEV1',
      ['rides-api'],
      ['rides', 'billing'],
      ['Maarten Wouters', 'Eline De Smet'],
    ]);
    expect(timer.action_items.map((a) => [a.title, a.kind, a.owner, a.due, a.status, a.closed])).toEqual([
      [
        'Compute ride duration from UTC instants, never from local wall-clock times',
        'process',
        'rides',
        '2025-04-11',
        'done',
        '2025-04-09',
      ],
      ['Add a clock-change day to the ride-pricing test suite', 'prevent', 'billing', '2025-04-25', 'open', undefined],
      // done without a completion date: closed is its due date, marked TODO.
      ['Refund the 612 affected rides', 'process', 'billing', '2025-03-31', 'done', '2025-03-31'],
    ]);
    const login = byId('2024-08-12-rider-app-login-codes-arrived-late').data;
    // Due 30/08/2024 is day-first in Europe/Amsterdam; "Q4 2024" is no date, so 12 August + 28 days = 9 September, with a TODO.
    expect(login.action_items.map((a) => [a.owner, a.due, a.status])).toEqual([
      ['platform', '2024-08-30', 'done'],
      ['platform', '2024-09-13', 'in-progress'],
      ['lvermeulen', '2024-09-09', 'open'],
    ]);
    const nearMiss = byId('2025-01-09-new-parking-zones-nearly-published-with-swapped-coordinates');
    expect([nearMiss.data.type, nearMiss.data.severity]).toEqual(['near-miss', 'SEV4']);
    expect(nearMiss.body).toContain('## Where we got lucky\n\nHad the check been missing');
    expect(nearMiss.body).toContain('- reviewers: rides-leads\n');
    const gateway = byId('2024-09-17-rider-app-returned-too-many-requests-after-a-rate-limit');
    expect(gateway.body).toContain(
      '- Service affected: payments-api (not in catalog/services.yaml)\n- Status: Closed (every import starts as a draft)\n',
    );
    expect(gateway.body).toContain(
      '{/* hindsight-ignore blameless-language: imported as written from tests/fixtures/import/sources/gateway-rate-limit.md; reword it before review */}\n- The rate-limit rule',
    );
  });

  it('copies a local image next to the site and links it from there; the report lists it', () => {
    const telemetry = result.imported.find((i) => i.source === `${SOURCES}/wiki/pages/telemetry-backlog.md`)!;
    expect(telemetry.assets).toEqual(['public/incidents/2026-03-03-telemetry-backlog-after-a-broker-upgrade/telemetry-lag.png']);
    expect(readFileSync(join(root, telemetry.assets![0]!))).toEqual(readFileSync(join(FIXTURES, 'sources/media/telemetry-lag.png')));
    expect(readFileSync(join(root, telemetry.path), 'utf8')).toContain(
      '\n![Telemetry lag per city during the upgrade](/incidents/2026-03-03-telemetry-backlog-after-a-broker-upgrade/telemetry-lag.png)\n',
    );
    expect(formatImportReport(result)).toContain(
      `${SOURCES}/wiki/pages/telemetry-backlog.md -> ${telemetry.path}\n  + ${telemetry.assets![0]}\n`,
    );
    expect(result.skipped.map((s) => s.source)).toEqual([`${SOURCES}/README.md`, `${SOURCES}/SOURCES.md`]);
  });

  it('reports per file where the draft went and what needs a human', async () => {
    const root = freshArchive();
    const result = await importPostmortems({
      root,
      inputs: [`${SOURCES}/2024-03-14-unlock-timeouts.md`, `${SOURCES}/gateway-rate-limit.md`, `${SOURCES}/2024-01-09-wallet-top-ups.md`],
      cwd: PROJECT,
    });
    expect(formatImportReport(result)).toBe(
      'tests/fixtures/import/sources/2024-03-14-unlock-timeouts.md -> incidents/2024/2024-03-14-unlock-requests-timed-out-in-utrecht-and-amersfoort.mdx\n' +
        "  - status 'final' in the source: imported as a draft\n" +
        "  - severity '2' mapped to SEV2: check it\n" +
        '  - timeline: 8 events imported; kinds guessed from the text: check them\n' +
        '  - contributing factors: 1 imported; categories guessed from the text: check them\n' +
        "  - trigger 'dependency', detection 'alert', response.decision 'failover' guessed from the text: check them\n" +
        '  - action items: 4 imported; kinds: 2 guessed from the title, 2 process by default: check them\n' +
        '  - action item 4: no owner; left as TODO\n' +
        '  - action items 1, 2, 3, 4: no priority; set to P2 with a TODO\n' +
        // 14 March + 28 days: 17 days to the end of March, 11 into April.
        '  - action items 3, 4: no due date; set to 2024-04-11 with a TODO\n' +
        '  - action item 1: finished but no closed date; set with a TODO\n' +
        '  - tickets FLT-311 are not links: kept in the action-item titles\n' +
        "  - frontmatter field 'incident_id' has no place in the format: kept under Supporting information\n" +
        "  - frontmatter field 'slack_channel' has no place in the format: kept under Supporting information\n" +
        'tests/fixtures/import/sources/gateway-rate-limit.md -> incidents/2024/2024-09-17-rider-app-returned-too-many-requests-after-a-rate-limit.mdx\n' +
        "  - status 'Closed' in the source: imported as a draft\n" +
        "  - service 'payments-api' not in catalog/services.yaml: left as TODO\n" +
        '  - timeline: 5 events imported; kinds guessed from the text: check them\n' +
        '  - contributing factors: 2 imported; categories guessed from the text: check them\n' +
        "  - trigger 'config-change', detection 'alert' guessed from the text: check them\n" +
        '  - response.decision: not in the source; left as TODO\n' +
        '  - action items: 3 imported; kinds: 2 guessed from the title, 1 process by default: check them\n' +
        '  - action item 3: no owner; left as TODO\n' +
        '  - action items 1, 2, 3: no priority; set to P2 with a TODO\n' +
        '  - action items 2, 3: no due date; set to 2024-10-15 with a TODO\n' +
        '  - blameless-language: "human error", "forgot" in contributing_factors[1].description and the body: reword, then delete the hindsight-ignore comments the import added\n' +
        'tests/fixtures/import/sources/2024-01-09-wallet-top-ups.md -> incidents/2024/2024-01-09-wallet-top-ups-failed-for-ideal-payments.mdx\n' +
        '  - summary: taken from the first paragraph of the body: check it\n' +
        '  - severity: not in the source; set to SEV4 with a TODO\n' +
        '  - services: none named; billing-service found in the title or summary: check them\n' +
        "  - date taken from the file name ('2024-01-09'): check it\n" +
        '  - detected: not in the source; set to started with a TODO\n' +
        // "Time: 19:10" and "Duration: 35 min": 19:10 + 35 minutes = 19:45.
        "  - mitigated: started plus the duration '35 min': check it\n" +
        '  - trigger, detection, response.decision: not in the source; left as TODO\n' +
        '  - action items: 1 imported; kinds: 1 process by default: check them\n' +
        '  - action item 1: no owner; left as TODO\n' +
        '  - action item 1: no priority; set to P2 with a TODO\n' +
        '  - action item 1: no due date; set to 2024-02-06 with a TODO\n' +
        'Imported 3 post-mortems as drafts. Next: work through the notes above and every TODO in the drafts, run `npm run check`, then set status: in-review.\n',
    );
    expect(readdirSync(join(root, 'incidents/2024')).sort()).toEqual([
      '2024-01-09-wallet-top-ups-failed-for-ideal-payments.mdx',
      '2024-03-14-unlock-requests-timed-out-in-utrecht-and-amersfoort.mdx',
      '2024-09-17-rider-app-returned-too-many-requests-after-a-rate-limit.mdx',
    ]);
  });

  it('reports the same and writes nothing with --dry-run', async () => {
    const root = freshArchive();
    const result = await importPostmortems({ root, inputs: [`${SOURCES}/near-miss-parking-zones.md`], cwd: PROJECT, dryRun: true });
    expect(formatImportReport(result)).toBe(
      'tests/fixtures/import/sources/near-miss-parking-zones.md -> incidents/2025/2025-01-09-new-parking-zones-nearly-published-with-swapped-coordinates.mdx\n' +
        "  - severity 'low' mapped to SEV4: check it\n" +
        "  - service 'Maps' matched to maps-service: check it\n" +
        '  - started: no time in the source; set to 00:00 with a TODO\n' +
        '  - detected: not in the source; set to started with a TODO\n' +
        '  - mitigated: not in the source; add it before review\n' +
        '  - trigger, detection, response.decision: not in the source; left as TODO\n' +
        '  - action items: 1 imported; kinds: 1 guessed from the title: check them\n' +
        '  - action item 1: no priority; set to P2 with a TODO\n' +
        "  - frontmatter field 'reviewers' has no place in the format: kept under Supporting information\n" +
        'Dry run: 1 post-mortem would be imported as drafts; nothing was written.\n',
    );
    expect(existsSync(join(root, 'incidents'))).toBe(false);
  });

  it('never overwrites an existing post-mortem, and still writes the others', async () => {
    const root = freshArchive();
    const source = `${SOURCES}/billing-double-charges.md`;
    await importPostmortems({ root, inputs: [source], cwd: PROJECT });
    const path = join(root, 'incidents/2024/2024-06-02-riders-charged-twice-for-rides-ending-at-midnight.mdx');
    writeFileSync(path, 'my words\n');
    const result = await importPostmortems({ root, inputs: [source, `${SOURCES}/near-miss-parking-zones.md`], cwd: PROJECT });
    expect(result.failed).toEqual([
      {
        source,
        message:
          'tests/fixtures/import/sources/billing-double-charges.md: incidents/2024/2024-06-02-riders-charged-twice-for-rides-ending-at-midnight.mdx already exists; it was left untouched. ' +
          'Delete it if it is an earlier import of this file, or change the title in the source, then run the import again.',
      },
    ]);
    expect(readFileSync(path, 'utf8')).toBe('my words\n');
    expect(result.imported.map((i) => i.path)).toEqual([
      'incidents/2025/2025-01-09-new-parking-zones-nearly-published-with-swapped-coordinates.mdx',
    ]);
    expect(existsSync(join(root, result.imported[0]!.path))).toBe(true);
  });

  it('writes every file that converts and reports each one that does not, with its reason and the fix', async () => {
    const root = freshArchive();
    const result = await importPostmortems({
      root,
      inputs: [
        `${SOURCES}/2024-03-14-unlock-timeouts.md`,
        'tests/fixtures/import/broken/no-date',
        'tests/fixtures/import/broken/bad-frontmatter.md',
      ],
      cwd: PROJECT,
    });
    expect(result.failed).toEqual([
      {
        source: 'tests/fixtures/import/broken/no-date/notes-from-the-outage.md',
        message:
          'tests/fixtures/import/broken/no-date/notes-from-the-outage.md: no date found. Add a line such as "Date: 2024-03-14" under the title (or "date: 2024-03-14" in its frontmatter), then run the import again.',
      },
      {
        source: 'tests/fixtures/import/broken/bad-frontmatter.md',
        message:
          'tests/fixtures/import/broken/bad-frontmatter.md:5:1: the frontmatter is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]). Fix it, or remove the --- block, then run the import again.',
      },
    ]);
    expect(readdirSync(join(root, 'incidents/2024'))).toEqual(['2024-03-14-unlock-requests-timed-out-in-utrecht-and-amersfoort.mdx']);
    expect(formatImportReport(result).split('\n').slice(-4)).toEqual([
      'Not imported: tests/fixtures/import/broken/no-date/notes-from-the-outage.md: no date found. Add a line such as "Date: 2024-03-14" under the title (or "date: 2024-03-14" in its frontmatter), then run the import again.',
      'Not imported: tests/fixtures/import/broken/bad-frontmatter.md:5:1: the frontmatter is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]). Fix it, or remove the --- block, then run the import again.',
      'Imported 1 post-mortem as drafts. 2 files were not imported: fix them as said above and import them again. Next: work through the notes above and every TODO in the drafts, run `npm run check`, then set status: in-review.',
      '',
    ]);
  });

  it('refuses a file that would put a credential into the archive, without printing it', async () => {
    const result = await importPostmortems({ root: freshArchive(), inputs: ['tests/fixtures/import/broken/secret'], cwd: PROJECT });
    expect(result.failed.map((f) => f.message)).toEqual([
      'tests/fixtures/import/broken/secret/pool-exhausted.md: the draft would fail `npm run check`:\n' +
        '  line 17: secrets: expected no credentials in a post-mortem, found PostgreSQL connection string. Replace the value with REDACTED and rotate the credential: it is already in the pull request and the git history.\n' +
        'Remove or reword it in the source, then run the import again.',
    ]);
    expect(JSON.stringify(result)).not.toContain('Kq8vT2mLx9RwP4sZ');
    expect(result.imported).toEqual([]);
  });

  it('names a missing folder, a folder without Markdown and a file it cannot read, and reads a README only when it is a post-mortem', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'hindsight-import-sources-'));
    mkdirSync(join(cwd, 'exports'));
    writeFileSync(join(cwd, 'exports/notes.txt'), 'not Markdown\n');
    mkdirSync(join(cwd, 'handbook'));
    writeFileSync(join(cwd, 'handbook/README.md'), '# How we write post-mortems\n');
    mkdirSync(join(cwd, 'wiki'));
    symlinkSync(join(cwd, 'wiki/moved-away.md'), join(cwd, 'wiki/checkout-outage.md'));
    writeFileSync(join(cwd, 'wiki/diagram.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    mkdirSync(join(cwd, 'wiki/2025-02-03-map-tiles'));
    // A wiki that keeps each page as a folder with a README: this README is a post-mortem by its shape.
    writeFileSync(
      join(cwd, 'wiki/2025-02-03-map-tiles/README.md'),
      '# Map tiles failed to load\n\nSeverity: SEV3\n\n## Timeline\n\n- 09:10 Tile errors start.\n- 09:40 Tiles load again.\n',
    );
    const result = await importPostmortems({ root: freshArchive(), inputs: ['postmortems', 'exports', 'handbook', 'wiki'], cwd });
    expect(result.failed.map((f) => f.message)).toEqual([
      'postmortems: no such file or folder. Check the path, then pass the folder that holds the post-mortems or the files themselves.',
      'exports: no Markdown files (.md or .markdown) in this folder. Pass the folder that holds the post-mortems, or the files themselves.',
      'wiki/checkout-outage.md: cannot be read (ENOENT). Check that the file exists and that you may read it, then run the import again.',
      'wiki/diagram.md: is not a UTF-8 text file. Save it as UTF-8 Markdown, then run the import again.',
    ]);
    expect(result.skipped.map((s) => s.source)).toEqual(['handbook/README.md']);
    expect(result.imported.map((i) => [i.source, i.path])).toEqual([
      ['wiki/2025-02-03-map-tiles/README.md', 'incidents/2025/2025-02-03-map-tiles-failed-to-load.mdx'],
    ]);
  });

  it('asks for the catalog first when the root is not an archive', async () => {
    const message = await importError(mkdtempSync(join(tmpdir(), 'hindsight-import-empty-')), [SOURCES]);
    expect(message).toBe(
      "The catalog has problems; fix them first, or pass --root with the archive's folder:\n" +
        '  catalog/services.yaml:1:1 expected this file to exist. Create it; see the README section "Configuration".\n' +
        '  catalog/teams.yaml:1:1 expected this file to exist. Create it; see the README section "Configuration".',
    );
  });

  it('asks for services in the catalog before it can map any', async () => {
    const root = freshArchive();
    writeFileSync(join(root, 'catalog/services.yaml'), '[]\n');
    expect(await importError(root, [SOURCES])).toBe(
      'catalog/services.yaml lists no services. Add the services your post-mortems are about (see the README section "The format"), then run the import again.',
    );
  });

  it('runs as a command: writes what converts, prints the report, the failures on stderr, and exits 1 when a file failed', () => {
    const root = freshArchive();
    const result = runImport(['--root', root, `${SOURCES}/near-miss-parking-zones.md`, 'tests/fixtures/import/broken/no-date']);
    expect([result.status, result.stderr]).toEqual([
      1,
      'Not imported: tests/fixtures/import/broken/no-date/notes-from-the-outage.md: no date found. Add a line such as "Date: 2024-03-14" under the title (or "date: 2024-03-14" in its frontmatter), then run the import again.\n',
    ]);
    expect(result.stdout.split('\n').at(-2)).toBe(
      'Imported 1 post-mortem as drafts. 1 file was not imported: fix it as said on stderr and import it again. Next: work through the notes above and every TODO in the drafts, run `npm run check`, then set status: in-review.',
    );
    expect(readdirSync(join(root, 'incidents/2025'))).toEqual([
      '2025-01-09-new-parking-zones-nearly-published-with-swapped-coordinates.mdx',
    ]);
  });

  it('skips files in a folder that are no post-mortem by their shape and says so; two sources with the same date and title get distinct names', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'hindsight-import-sources-'));
    mkdirSync(join(cwd, 'pm'));
    writeFileSync(join(cwd, 'pm/README.md'), '# Our post-mortems\n\nOne file per incident.\n');
    // Not named README, but a list of links: no sections, events or fields of an incident.
    writeFileSync(join(cwd, 'pm/SOURCES.md'), '# Sources\n\nExported from the wiki on 2025-02-01.\n\n- https://wiki.example.com/pm/1\n');
    const text = readFileSync(join(FIXTURES, 'sources/near-miss-parking-zones.md'), 'utf8');
    writeFileSync(join(cwd, 'pm/a.md'), text);
    writeFileSync(join(cwd, 'pm/b.md'), text);
    const root = freshArchive();
    const result = await importPostmortems({ root, inputs: ['pm'], cwd });
    const why =
      'no incident-like content (no timeline, impact, root cause or action items section, no time-stamped events, no severity or key moments); name the file to import it anyway';
    expect(result.skipped).toEqual([
      { source: 'pm/README.md', why },
      { source: 'pm/SOURCES.md', why },
    ]);
    expect(result.imported.map((i) => i.path)).toEqual([
      'incidents/2025/2025-01-09-new-parking-zones-nearly-published-with-swapped-coordinates.mdx',
      'incidents/2025/2025-01-09-new-parking-zones-nearly-published-with-swapped-coordinates-2.mdx',
    ]);
    expect(result.imported[1]!.notes.at(-1)).toBe(
      'another file in this import has the same date and title: named 2025-01-09-new-parking-zones-nearly-published-with-swapped-coordinates-2.mdx',
    );
    expect(formatImportReport(result).split('\n')[0]).toBe(`Skipped pm/README.md: ${why}.`);
    expect(checkArchive(root).problems).toEqual([]);
  });
});
