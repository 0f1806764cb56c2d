import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInitCli, type InitPrompter, type Question } from '../../../../src/authoring/init/cli.ts';
import { loadDemoManifest, recordDemoManifest, type DemoManifest } from '../../../../src/authoring/init/demo-archive.ts';
import { STARTER_PLACEHOLDER, STARTER_READING_LIST } from '../../../../src/authoring/init/files.ts';
import { checkArchive } from '../../../../src/validation/archive.ts';
import { loadCatalog } from '../../../../src/validation/sources.ts';

const PROJECT = join(import.meta.dirname, '../../../..');
const TSX = join(PROJECT, 'node_modules/.bin/tsx');
const FIXTURE = join(PROJECT, 'tests/fixtures/archive');

/** Every file under a folder with its text, to prove a run changed nothing. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const path = dir ? `${dir}/${name}` : name;
      if (statSync(join(root, path)).isDirectory()) visit(path);
      else out[path] = readFileSync(join(root, path), 'utf8');
    }
  };
  visit('');
  return out;
}

/**
 * A stand-in demo for the tests that must not depend on what the repository's archive holds: a copy of
 * the fixture archive (Tinpot's flags and checkout) with catalog/check.yaml beside it, recorded as the demo.
 */
function standInDemo(): { root: string; manifest: DemoManifest } {
  const root = mkdtempSync(join(tmpdir(), 'hindsight-init-'));
  for (const dir of ['catalog', 'incidents', 'reading-lists']) cpSync(join(FIXTURE, dir), join(root, dir), { recursive: true });
  const manifest = recordDemoManifest(root, 'Tinpot');
  writeFileSync(join(root, 'catalog/check.yaml'), 'rules:\n  hindsight-bias: error\n');
  return { root, manifest };
}

/** Runs `npm run init` in-process against `root`, not on a terminal unless a prompter is given. */
async function run(root: string, args: string[], options: { manifest?: DemoManifest; prompter?: InitPrompter } = {}) {
  let stdout = '';
  let stderr = '';
  const status = await runInitCli([...args, '--root', root], {
    cwd: root,
    env: {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    prompter: options.prompter,
    manifest: options.manifest,
  });
  return { status, stdout, stderr };
}

const FLAGS = [
  '--name',
  'Fernhill Transit',
  '--time-zone',
  'Europe/London',
  '--team',
  'ticketing:Ticketing',
  '--team',
  'journeys:Journey Planning',
  '--service',
  'fare-engine:Fare Engine:ticketing',
  '--service',
  'journey-planner:Journey Planner:journeys',
  '--yes',
];

const NEXT = `
Next:
  npm run catalog -- import <files>   services, teams and SLOs from Backstage, OpenSLO or Sloth files
  npm run new                         your first post-mortem (npm run import brings in those you have)
  npm run check && npm run build
`;

const ORGANISATION = `# Who this archive belongs to. Every time on the site is shown in time_zone, an IANA zone.
name: Fernhill Transit
title: Fernhill Transit post-mortems
time_zone: Europe/London
# Optional, see docs/configuration.md: tagline (one sentence on the home page), decision_guide
# (roll_back_below and investigate_from, in percent of error budget left; 25 and 50 unless set)
# and public_strip (the incident fields a public build removes).
`;

const TEAMS = `# The teams that own services and action items. Incidents name them in teams,
# action_items[].owner and response.helped_by. contact (optional) says where to reach one.
- id: ticketing
  name: Ticketing
- id: journeys
  name: Journey Planning
`;

const SERVICES = `# The services incidents name, each owned by a team of catalog/teams.yaml, with their SLOs
# (ids unique across all services) and, optionally, a description and links, e.g.
#   slos:
#     - { id: checkout-availability, name: Checkout availability, objective: 99.9, window_days: 30 }
#   links:
#     - { label: Runbook, url: "https://wiki.example.com/runbooks/checkout" }
# npm run catalog -- import reads them from Backstage, OpenSLO and Sloth files.
- id: fare-engine
  name: Fare Engine
  team: ticketing
- id: journey-planner
  name: Journey Planner
  team: journeys
`;

const STARTER = `---
# A starter reading list. The _ at the start of its file name keeps it out of the site and out of
# npm run check: a reading list needs at least one post-mortem, and this archive has none yet.
# Once it has one worth reading first, put its id under items in place of the placeholder, say
# why, and rename this file to start-here.mdx.
title: Start here
audience: Everyone joining Fernhill Transit's on-call rota
order: 1
items:
  - incident: yyyy-mm-dd-your-first-post-mortem
    why: What it teaches someone new to the rota, in one sentence.
---

The post-mortems to read first, in this order. Each one says what happened, what the people
responding knew at the time, and what changed afterwards; read them as stories about the
systems, not about the people in them.
`;

/** The organisation's first post-mortem, a draft, against the catalog init wrote. */
const FIRST_POSTMORTEM = `---
title: The fare engine priced every journey at zero
summary: A fare table with an empty zone column was published, and for 40 minutes every journey cost nothing.
status: draft
visibility: internal
type: incident
severity: SEV2
services: [fare-engine]
teams: [ticketing]
authors: [fernhill-sre]
started: 2026-03-02T08:10:00Z
detected: 2026-03-02T08:25:00Z
mitigated: 2026-03-02T08:50:00Z
detection: alert
trigger: data
response:
  decision: rollback
  rationale: The previous fare table was known to be good, and putting it back took one step.
---

## Impact

Every journey sold between 08:10 and 08:50 was priced at zero.
`;

// The repository's own archive is the demo until someone adopts it (its organisation is no longer the
// demo's, or its post-mortems are gone, as the README's adoption step leaves it): these two tests are
// about that demo, and fail when a demo file changes without the manifest.
const demoIncidents = Object.keys(loadDemoManifest().files).filter((file) => file.startsWith('incidents/'));
const repositoryIsDemo =
  /^name:\s*(.+)$/m.exec(readFileSync(join(PROJECT, 'catalog/organisation.yaml'), 'utf8'))?.[1]?.trim() ===
    loadDemoManifest().organisation && demoIncidents.some((file) => existsSync(join(PROJECT, file)));

describe.skipIf(!repositoryIsDemo)("npm run init on the repository's demo", () => {
  it("deletes the Pantrybox demo from a copy of the archive and writes the organisation's catalog, which loadCatalog accepts", async () => {
    const root = mkdtempSync(join(tmpdir(), 'hindsight-init-'));
    for (const dir of ['catalog', 'incidents', 'reading-lists']) cpSync(join(PROJECT, dir), join(root, dir), { recursive: true });
    const check = readFileSync(join(root, 'catalog/check.yaml'), 'utf8');
    const { status, stdout, stderr } = await run(root, FLAGS);
    expect([status, stderr]).toEqual([0, '']);
    // Counted from the manifest, so adding a demo post-mortem (and recording it) does not break this test.
    const demo = Object.keys(loadDemoManifest().files);
    const count = (prefix: string) => demo.filter((f) => f.startsWith(prefix)).length;
    expect([count('incidents/'), count('reading-lists/')]).toEqual([expect.any(Number), expect.any(Number)]);
    expect(stdout).toBe(
      `Removed the Pantrybox demo: ${count('incidents/')} post-mortems, ${count('reading-lists/')} reading lists and its catalog (organisation.yaml, services.yaml, teams.yaml).\n` +
        'Wrote catalog/organisation.yaml (Fernhill Transit, times in Europe/London), catalog/teams.yaml (2 teams), catalog/services.yaml (2 services) and reading-lists/_start-here.mdx (a starter reading list, kept out of the site until it names a post-mortem).\n' +
        `Kept catalog/check.yaml.\n${NEXT}`,
    );
    expect(snapshot(root)).toEqual({
      'catalog/check.yaml': check,
      'catalog/organisation.yaml': ORGANISATION,
      'catalog/services.yaml': SERVICES,
      'catalog/teams.yaml': TEAMS,
      [STARTER_READING_LIST]: STARTER,
    });
    const catalog = loadCatalog(root);
    expect(catalog.problems).toEqual([]);
    expect([
      catalog.organisation.name,
      catalog.organisation.time_zone,
      catalog.teams.map((t) => t.id),
      catalog.services.map((s) => `${s.id}:${s.team}`),
    ]).toEqual(['Fernhill Transit', 'Europe/London', ['ticketing', 'journeys'], ['fare-engine:ticketing', 'journey-planner:journeys']]);
    expect(checkArchive(root).problems).toEqual([]);
  });

  it('knows every file of the demo by its content', () => {
    const recorded = loadDemoManifest().files;
    const now = recordDemoManifest(PROJECT, 'Pantrybox').files;
    const stale = [...new Set([...Object.keys(recorded), ...Object.keys(now)])].filter((file) => recorded[file] !== now[file]).sort();
    // Otherwise npm run init takes the changed files for an organisation's own and refuses the demo.
    expect(
      stale,
      'A demo file changed: run npx tsx scripts/demo-archive.ts and commit src/authoring/init/demo-archive.json with it',
    ).toEqual([]);
  });
});

describe('npm run init', () => {
  it('changes nothing the second time, and says the archive is already initialised', async () => {
    const { root, manifest } = standInDemo();
    expect((await run(root, FLAGS, { manifest })).status).toBe(0);
    const before = snapshot(root);
    const second = await run(root, ['--name', 'Someone Else', '--time-zone', 'UTC', '--yes'], { manifest });
    expect(second).toEqual({
      status: 0,
      stdout: `The archive (.) is already initialised: it holds none of the Tinpot demo's files, so nothing was changed.
Change the organisation, teams and services in catalog/*.yaml, or bring services in with npm run catalog -- import (docs/adopting.md).
`,
      stderr: '',
    });
    expect(snapshot(root)).toEqual(before);
  });

  it('removes only the demo, keeps catalog/check.yaml, and leaves no empty year folder', async () => {
    const { root, manifest } = standInDemo();
    const { status, stdout } = await run(root, FLAGS, { manifest });
    expect(status).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      'Removed the Tinpot demo: 2 post-mortems, 1 reading list and its catalog (organisation.yaml, services.yaml, teams.yaml).',
    );
    expect(Object.keys(snapshot(root))).toEqual([
      'catalog/check.yaml',
      'catalog/organisation.yaml',
      'catalog/services.yaml',
      'catalog/teams.yaml',
      STARTER_READING_LIST,
    ]);
    expect(readdirSync(join(root, 'incidents'))).toEqual([]);
    expect(readFileSync(join(root, 'catalog/check.yaml'), 'utf8')).toBe('rules:\n  hindsight-bias: error\n');
  });

  it('refuses an archive holding a post-mortem or a catalog file of its own beside the demo, naming each, and changes nothing', async () => {
    const { root, manifest } = standInDemo();
    mkdirSync(join(root, 'incidents/2026'));
    writeFileSync(join(root, 'incidents/2026/2026-02-03-ticket-machines-offline.mdx'), '---\ntitle: Ticket machines offline\n---\n');
    writeFileSync(join(root, 'incidents/2025/_notes.txt'), 'our own notes\n');
    writeFileSync(
      join(root, 'catalog/teams.yaml'),
      `${readFileSync(join(root, 'catalog/teams.yaml'), 'utf8')}- id: ticketing\n  name: Ticketing\n`,
    );
    const before = snapshot(root);
    expect(await run(root, FLAGS, { manifest })).toEqual({
      status: 1,
      stdout: '',
      stderr: `npm run init: the archive (.) holds files that are not the Tinpot demo's, so nothing was changed:
  incidents/2025/_notes.txt: not one of the demo's files
  incidents/2026/2026-02-03-ticket-machines-offline.mdx: not one of the demo's files
  catalog/teams.yaml: changed since the demo
init deletes the demo only when nothing else is there. Move your own files out of the archive and run it again, or delete the demo's remaining 5 files yourself.
`,
    });
    expect(snapshot(root)).toEqual(before);
  });

  it("writes an empty archive's catalog with no team and no service, as valid empty lists", async () => {
    const root = mkdtempSync(join(tmpdir(), 'hindsight-init-'));
    const { status, stdout } = await run(root, ['--name', 'Fernhill Transit', '--time-zone', 'UTC'], {
      manifest: { organisation: 'Tinpot', files: {} },
    });
    expect(status).toBe(0);
    expect(stdout).toBe(
      'The archive held none of the demo, so nothing was removed.\n' +
        'Wrote catalog/organisation.yaml (Fernhill Transit, times in UTC), catalog/teams.yaml (0 teams), catalog/services.yaml (0 services) and reading-lists/_start-here.mdx (a starter reading list, kept out of the site until it names a post-mortem).\n' +
        NEXT,
    );
    expect(readFileSync(join(root, 'catalog/teams.yaml'), 'utf8'))
      .toBe(`# The teams that own services and action items. Incidents name them in teams,
# action_items[].owner and response.helped_by. contact (optional) says where to reach one.
#
# No team yet. Add one per team, e.g.
#   - id: payments
#     name: Payments
#     contact: "#payments-oncall"
[]
`);
    expect(readFileSync(join(root, 'catalog/services.yaml'), 'utf8').endsWith('#     team: payments\n[]\n')).toBe(true);
    expect(loadCatalog(root).problems).toEqual([]);
  });

  it('gives the starter reading list a place in the site once it names a post-mortem and is renamed', async () => {
    const { root, manifest } = standInDemo();
    await run(root, FLAGS, { manifest });
    expect(checkArchive(root).readingLists).toEqual([]);
    const id = '2026-03-02-fare-engine-priced-every-journey-at-zero';
    mkdirSync(join(root, 'incidents/2026'), { recursive: true });
    writeFileSync(join(root, `incidents/2026/${id}.mdx`), FIRST_POSTMORTEM);
    const starter = readFileSync(join(root, STARTER_READING_LIST), 'utf8');
    writeFileSync(join(root, STARTER_READING_LIST), starter.replace(STARTER_PLACEHOLDER, id));
    renameSync(join(root, STARTER_READING_LIST), join(root, 'reading-lists/start-here.mdx'));
    const { problems, readingLists } = checkArchive(root);
    expect(problems).toEqual([]);
    expect(readingLists.map((l) => [l.id, l.data.items.map((i) => i.incident)])).toEqual([
      ['start-here', ['2026-03-02-fare-engine-priced-every-journey-at-zero']],
    ]);
  });
});

describe('npm run init: answers it cannot use', () => {
  const refused = async (args: string[]) => {
    const { root, manifest } = standInDemo();
    const before = snapshot(root);
    const result = await run(root, args, { manifest });
    expect(snapshot(root)).toEqual(before);
    expect(result.stdout).toBe('');
    return [result.status, result.stderr];
  };

  it("reports every bad flag value at once with the catalog schema's words, and changes nothing", async () => {
    expect(
      await refused([
        '--name',
        'Fernhill Transit',
        '--time-zone',
        'Europe/Lodnon',
        '--team',
        'Ticket Sales:Ticketing',
        '--team',
        'journeys:<b>Journeys</b>',
        '--team',
        'journeys:Journeys',
        '--service',
        'fare-engine:Fare Engine:tickting',
        '--service',
        'planner:Planner:ops',
        '--yes',
      ]),
    ).toEqual([
      2,
      `npm run init: 6 problems; nothing was changed:
  --time-zone "Europe/Lodnon": expected an IANA time zone such as Europe/London or UTC
  --team "Ticket Sales:Ticketing": id: expected lower-case letters, digits and single hyphens, e.g. checkout-api, found "Ticket Sales"
  --team "journeys:<b>Journeys</b>": name: expected a name in plain text, without < or >: write words or brackets instead of markup, e.g. Payments or Search (beta), found "<b>Journeys</b>"
  --team "journeys:Journeys": id: expected a unique team id, found "journeys". Give each team once.
  --service "fare-engine:Fare Engine:tickting": team: expected one of the teams given with --team, found "tickting". The teams given are Ticket Sales, journeys.
  --service "planner:Planner:ops": team: expected one of the teams given with --team, found "ops". The teams given are Ticket Sales, journeys.
npm run init -- --help lists the options.
`,
    ]);
  });

  it('suggests the team a service probably meant', async () => {
    expect(
      await refused([
        '--name',
        'Fernhill Transit',
        '--time-zone',
        'UTC',
        '--team',
        'ticketing:Ticketing',
        '--service',
        'fare-engine:Fare Engine:tickting',
        '--yes',
      ]),
    ).toEqual([
      2,
      'npm run init: --service "fare-engine:Fare Engine:tickting": team: expected one of the teams given with --team, found "tickting". Did you mean "ticketing"?\nnpm run init -- --help lists the options.\n',
    ]);
  });

  it('says how to write a team or a service it cannot split', async () => {
    expect(
      await refused([
        '--name',
        'Fernhill Transit',
        '--time-zone',
        'UTC',
        '--team',
        'ticketing',
        '--service',
        'fare-engine:ticketing',
        '--yes',
      ]),
    ).toEqual([
      2,
      `npm run init: 2 problems; nothing was changed:
  --team "ticketing": expected id:Name, e.g. --team payments:Payments
  --service "fare-engine:ticketing": expected id:Name:team, e.g. --service "checkout-api:Checkout API:payments"
npm run init -- --help lists the options.
`,
    ]);
  });

  it('refuses an empty name and an empty title', async () => {
    expect(await refused(['--name', ' ', '--title', '', '--time-zone', 'UTC', '--yes'])).toEqual([
      2,
      `npm run init: 2 problems; nothing was changed:
  --name " ": expected text, found an empty value
  --title "": expected text, found an empty value
npm run init -- --help lists the options.
`,
    ]);
  });

  it('names the flags it needs when it cannot ask', async () => {
    expect(await refused(['--team', 'ticketing:Ticketing'])).toEqual([
      2,
      'npm run init: missing --name, --time-zone (not on a terminal, so nothing can be asked).\nnpm run init -- --help lists the options.\n',
    ]);
  });

  it('deletes the demo only with --yes when it cannot ask', async () => {
    expect(await refused(['--name', 'Fernhill Transit', '--time-zone', 'UTC'])).toEqual([
      2,
      'npm run init: --yes: needed to delete the Tinpot demo: 2 post-mortems, 1 reading list and its catalog (organisation.yaml, services.yaml, teams.yaml) when not on a terminal; nothing was changed.\nnpm run init -- --help lists the options.\n',
    ]);
  });

  it('refuses an unknown option, a missing value and a stray argument', async () => {
    expect(await refused(['--organisation', 'Fernhill'])).toEqual([
      2,
      'npm run init: --organisation: unknown option.\nnpm run init -- --help lists the options.\n',
    ]);
    expect(await refused(['--yes', '--name'])).toEqual([
      2,
      'npm run init: --name: expected a value after it.\nnpm run init -- --help lists the options.\n',
    ]);
    expect(await refused(['Fernhill'])).toEqual([
      2,
      'npm run init: expected only options, found "Fernhill".\nnpm run init -- --help lists the options.\n',
    ]);
  });
});

/** Answers questions in order from a script, recording what was asked; `null` cancels. */
function scripted(answers: (string | boolean | null)[]): InitPrompter & { asked: string[]; questions: Question[] } {
  const asked: string[] = [];
  const questions: Question[] = [];
  const next = () => {
    if (answers.length === 0) throw new Error(`no scripted answer left after: ${asked.join(' | ')}`);
    return answers.shift()!;
  };
  return {
    asked,
    questions,
    intro: (title) => asked.push(`intro: ${title}`),
    async text(question) {
      asked.push(question.initialValue === undefined ? question.message : `${question.message} [${question.initialValue}]`);
      questions.push(question);
      const answer = next();
      if (answer === null) return undefined;
      const reason = question.validate?.(String(answer));
      if (reason !== undefined) throw new Error(`"${String(answer)}" refused: ${reason}`);
      return String(answer);
    },
    async confirm(message) {
      asked.push(message);
      const answer = next();
      return answer === null ? undefined : Boolean(answer);
    },
  };
}

describe('npm run init on a terminal', () => {
  it('asks for what the flags leave out, teams and services until an empty answer, then confirms before deleting the demo', async () => {
    const { root, manifest } = standInDemo();
    const prompter = scripted([
      'Fernhill Transit',
      'Fernhill Transit post-mortems',
      'Europe/London',
      'ticketing:Ticketing',
      'journeys:Journey Planning',
      '',
      'fare-engine:Fare Engine:ticketing',
      'journey-planner:Journey Planner:journeys',
      '',
      true,
    ]);
    const { status, stderr } = await run(root, [], { manifest, prompter });
    expect([status, stderr]).toEqual([0, '']);
    expect(prompter.asked.map((q) => q.replace(/\[[A-Za-z_]+\/[A-Za-z_]+\]|\[UTC\]/, '[zone]'))).toEqual([
      'intro: Make this archive your own',
      "The organisation's name",
      "The site's title [Fernhill Transit post-mortems]",
      'The time zone every time is shown in (IANA) [zone]',
      'A team as id:Name (leave empty for none yet)',
      'A team as id:Name (leave empty when done)',
      'A team as id:Name (leave empty when done)',
      'A service as id:Name:team (leave empty for none yet)',
      'A service as id:Name:team (leave empty when done)',
      'A service as id:Name:team (leave empty when done)',
      'Delete the Tinpot demo: 2 post-mortems, 1 reading list and its catalog (organisation.yaml, services.yaml, teams.yaml)?',
    ]);
    expect(readFileSync(join(root, 'catalog/teams.yaml'), 'utf8')).toBe(TEAMS);
    expect(readFileSync(join(root, 'catalog/services.yaml'), 'utf8')).toBe(SERVICES);
  });

  it('refuses answers the catalog would refuse, with the reason shown under the question', async () => {
    const { root, manifest } = standInDemo();
    const prompter = scripted(['Fernhill Transit', 'Fernhill Transit post-mortems', 'Europe/London', 'ticketing:Ticketing', '', null]);
    await run(root, [], { manifest, prompter });
    const [, , zone, team, , service] = prompter.questions;
    expect(zone!.validate!('Europe/Lodnon')).toBe('expected an IANA time zone such as Europe/London or UTC');
    expect(team!.validate!('Ticketing')).toBe('Write the id, a colon and the name, e.g. ticketing:Ticketing.');
    expect(team!.validate!('Ticket Sales:Ticketing')).toBe('id: expected lower-case letters, digits and single hyphens, e.g. checkout-api');
    expect(team!.validate!('ticketing:Ticket Sales')).toBe('ticketing is already given.');
    expect(service!.validate!('fare-engine:Fare Engine:ops')).toBe('team: expected one of ticketing.');
    expect(service!.validate!('fare-engine')).toBe(
      'Write the id, the name and the team, separated by colons, e.g. fare-engine:Fare Engine:ticketing.',
    );
  });

  it('keeps the demo when the deletion is not confirmed, or a question is cancelled', async () => {
    const { root, manifest } = standInDemo();
    const before = snapshot(root);
    const declined = await run(root, ['--name', 'Fernhill Transit', '--time-zone', 'UTC', '--team', 'ticketing:Ticketing'], {
      manifest,
      prompter: scripted([false]),
    });
    expect(declined).toEqual({ status: 1, stdout: '', stderr: 'npm run init: the demo was kept; nothing was changed.\n' });
    const cancelled = await run(root, [], { manifest, prompter: scripted(['Fernhill Transit', null]) });
    expect(cancelled).toEqual({ status: 1, stdout: '', stderr: 'npm run init: cancelled; nothing was changed.\n' });
    expect(snapshot(root)).toEqual(before);
  });
});

describe('npm run init, as a process', () => {
  it('is wired to npm run init and answers --help without touching anything', () => {
    expect(JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')).scripts.init).toBe('tsx scripts/init.ts');
    const root = mkdtempSync(join(tmpdir(), 'hindsight-init-'));
    const result = spawnSync(TSX, [join(PROJECT, 'scripts/init.ts'), '--help', '--root', root], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });
    expect([result.status, result.stderr, result.stdout.split('\n')[0]]).toEqual([0, '', 'Usage: npm run init -- [options]']);
    expect(existsSync(join(root, 'catalog'))).toBe(false);
  });
});
