import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkArchive } from '../../../src/validation/archive.ts';
import { loadCatalog } from '../../../src/validation/sources.ts';
import {
  chooseTemplate,
  createPostmortem,
  NewPostmortemError,
  offsetOn,
  slugify,
  type NewPostmortemAnswers,
} from '../../../src/authoring/new-postmortem.ts';

const PROJECT = join(import.meta.dirname, '../../..');
const TSX = join(PROJECT, 'node_modules/.bin/tsx');

/** A project folder with the fixture site's catalog (Kestrel Energy, Europe/Berlin) and the template, and no incidents. */
function freshArchive(): string {
  const root = mkdtempSync(join(tmpdir(), 'hindsight-new-'));
  cpSync(join(PROJECT, 'tests/fixtures/site/catalog'), join(root, 'catalog'), { recursive: true });
  cpSync(join(PROJECT, 'templates'), join(root, 'templates'), { recursive: true });
  return root;
}

/** The message of the NewPostmortemError that creating this draft throws. */
function refusal(root: string, answers: NewPostmortemAnswers): string {
  try {
    createPostmortem(root, answers);
  } catch (error) {
    if (error instanceof NewPostmortemError) return error.message;
    throw error;
  }
  throw new Error('expected npm run new to refuse');
}

const ANSWERS: NewPostmortemAnswers = {
  title: 'Usage graphs showed yesterday twice',
  date: '2026-07-01',
  severity: 'SEV3',
  services: ['customer-portal', 'meter-ingest'],
};
const FILE = 'incidents/2026/2026-07-01-usage-graphs-showed-yesterday-twice.mdx';

/** Every comment of a template's frontmatter: whole comment lines and the text after ` # ` on a line with a key. */
function frontmatterComments(text: string): string[] {
  const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!;
  return frontmatter.split('\n').flatMap((line) => {
    const comment = /^\s*#\s?(.*)$/.exec(line)?.[1] ?? / #\s?(.*)$/.exec(line)?.[1];
    return comment === undefined ? [] : [comment];
  });
}

describe('npm run new', () => {
  it('creates a draft from the full template that passes the checks', () => {
    const root = freshArchive();
    expect(createPostmortem(root, ANSWERS)).toEqual({ path: FILE, template: 'full', templateFile: 'templates/postmortem.mdx' });
    const text = readFileSync(join(root, FILE), 'utf8');
    expect(text).toContain('\ntitle: Usage graphs showed yesterday twice ');
    expect(text).toContain('\nservices: [customer-portal, meter-ingest] # ids from catalog/services.yaml\n');
    expect(text).toContain('\nteams: [customer-apps, metering] # ids from catalog/teams.yaml\n');
    // 1 July is in Central European Summer Time, so the offset is +02:00.
    expect(text).toContain('\nstarted: 2026-07-01T00:00:00+02:00 # impact began. TODO: the real time, with its offset\n');
    expect(text).toContain('\nstatus: draft ');
    expect(text).toContain('## Where we got lucky');
    const { problems, incidents } = checkArchive(root);
    expect(problems).toEqual([]);
    expect(incidents.map((i) => i.id)).toEqual(['2026-07-01-usage-graphs-showed-yesterday-twice']);
    expect(incidents[0]!.data.slo_impact.map((s) => s.slo)).toEqual([
      'portal-availability',
      'portal-latency',
      'reading-ingest-availability',
      'reading-freshness',
    ]);
    expect(incidents[0]!.data.response.responders).toBeUndefined();
  });

  it.each([
    ['full', { ...ANSWERS, template: 'full' }],
    ['light', { ...ANSWERS, template: 'light' }],
    ['full, for a near-miss', { ...ANSWERS, template: 'full', type: 'near-miss' }],
  ] as const)('keeps every comment of the %s template in the draft', (_, answers) => {
    const root = freshArchive();
    const { path, templateFile } = createPostmortem(root, answers);
    const draft = readFileSync(join(root, path), 'utf8');
    expect(frontmatterComments(readFileSync(join(PROJECT, templateFile), 'utf8')).filter((c) => !draft.includes(c))).toEqual([]);
  });

  it('writes a near-miss from the light template: no SLO listed, the optional fields left out, valid as a draft', () => {
    const root = freshArchive();
    expect(createPostmortem(root, { ...ANSWERS, type: 'near-miss' })).toEqual({
      path: FILE,
      template: 'light',
      templateFile: 'templates/postmortem-light.mdx',
    });
    const text = readFileSync(join(root, FILE), 'utf8');
    expect(text).toContain('\ntype: near-miss ');
    expect(text).toContain(
      '\n# mitigated: 2026-07-01T00:00:00+02:00 # the impact or the risk was gone; may be left out while this is a draft\n',
    );
    expect(text).toContain('## Impact, and why it was not worse');
    const { problems, incidents } = checkArchive(root);
    expect(problems).toEqual([]);
    expect(incidents[0]!.data).toMatchObject({
      type: 'near-miss',
      severity: 'SEV3',
      slo_impact: [],
      timeline: [],
      tags: [],
      teams: ['customer-apps', 'metering'],
    });
  });

  it('comments out the SLOs of a near-miss written on the full template, since a near-miss burns no budget', () => {
    const root = freshArchive();
    createPostmortem(root, { ...ANSWERS, type: 'near-miss', template: 'full' });
    expect(readFileSync(join(root, FILE), 'utf8')).toContain(
      '\n# slo_impact:                    # one entry per SLO hit; the site computes the budget consumed\n#   - slo: checkout-availability\n',
    );
    expect(checkArchive(root).incidents[0]!.data.slo_impact).toEqual([]);
  });

  it('chooses the light template for a near-miss or the lowest severity, the full one otherwise, unless told', () => {
    const catalog = loadCatalog(freshArchive());
    const choose = (answers: Partial<NewPostmortemAnswers>) => chooseTemplate({ severity: 'SEV3', ...answers }, catalog);
    expect([
      choose({}),
      choose({ type: 'incident' }),
      choose({ type: 'near-miss' }),
      choose({ severity: 'SEV4' }),
      choose({ severity: 'SEV1', type: 'near-miss' }),
    ]).toEqual(['full', 'full', 'light', 'light', 'light']);
    expect([choose({ type: 'near-miss', template: 'full' }), choose({ severity: 'SEV1', template: 'light' })]).toEqual(['full', 'light']);
  });

  it('follows templates in catalog/organisation.yaml: the types and severities listed get the light one', () => {
    const root = freshArchive();
    appendFileSync(join(root, 'catalog/organisation.yaml'), 'templates:\n  light:\n    types: []\n    severities: [SEV3, SEV4]\n');
    const catalog = loadCatalog(root);
    expect(catalog.problems).toEqual([]);
    expect([chooseTemplate({ severity: 'SEV3' }, catalog), chooseTemplate({ severity: 'SEV2', type: 'near-miss' }, catalog)]).toEqual([
      'light',
      'full',
    ]);
    // Only types given: severities keep their default, the lowest one.
    writeFileSync(
      join(root, 'catalog/organisation.yaml'),
      'name: K\ntitle: K\ntime_zone: UTC\ntemplates:\n  light:\n    types: [near-miss]\n',
    );
    expect(['SEV3', 'SEV4'].map((severity) => chooseTemplate({ severity }, loadCatalog(root)))).toEqual(['full', 'light']);
  });

  it('refuses a setting that names a severity the taxonomy does not have, at its line', () => {
    const root = freshArchive();
    appendFileSync(join(root, 'catalog/organisation.yaml'), 'templates:\n  light:\n    severities: [SEV4, SEV5, sev3]\n');
    expect(refusal(root, ANSWERS)).toBe(
      'The catalog has problems; fix them first:\n' +
        '  catalog/organisation.yaml:11:24 templates.light.severities[1]: expected a severity of the taxonomy (SEV1, SEV2, SEV3, SEV4), found "SEV5". List severities the taxonomy has, or add this one to catalog/taxonomy.yaml first.\n' +
        '  catalog/organisation.yaml:11:30 templates.light.severities[2]: expected a severity of the taxonomy (SEV1, SEV2, SEV3, SEV4), found "sev3". Did you mean "SEV3"?',
    );
  });

  it('refuses a type or a template it does not know, and says which template is missing', () => {
    const root = freshArchive();
    expect(refusal(root, { ...ANSWERS, type: 'nearmiss', template: 'short' })).toBe(
      'type: expected incident or near-miss, found "nearmiss". Did you mean "near-miss"?\n' +
        'template: expected full or light, found "short".',
    );
    rmSync(join(root, 'templates/postmortem-light.mdx'));
    expect(refusal(root, { ...ANSWERS, type: 'near-miss' })).toBe('templates/postmortem-light.mdx is missing; restore it from git.');
    expect(existsSync(join(root, 'incidents'))).toBe(false);
  });

  it('never overwrites an existing post-mortem', () => {
    const root = freshArchive();
    createPostmortem(root, ANSWERS);
    writeFileSync(join(root, FILE), 'my words\n');
    expect(refusal(root, ANSWERS)).toBe(`${FILE} already exists; it was left untouched. Choose another title or pass --slug.`);
    expect(readFileSync(join(root, FILE), 'utf8')).toBe('my words\n');
  });

  it('validates severity and services against the catalog, listing the known services', () => {
    const root = freshArchive();
    expect(refusal(root, { title: 'x', date: '2026-07-01', severity: 'SEV5', services: ['portal', 'notifications'] })).toBe(
      'severity: expected one of SEV1, SEV2, SEV3, SEV4, found "SEV5".\n' +
        'services: "portal" is not in catalog/services.yaml. Known services: meter-ingest, billing-engine, payments-api, customer-portal, notifications, account-login, tariff-catalogue.',
    );
    expect(existsSync(join(root, 'incidents'))).toBe(false);
  });

  it('suggests the nearest service id, and rejects a day that does not exist', () => {
    expect(refusal(freshArchive(), { title: 'x', date: '2026-02-30', severity: 'SEV2', services: ['customer-portl'] })).toBe(
      'date: expected a date written YYYY-MM-DD, found "2026-02-30". Pass --date 2025-06-21.\n' +
        'services: "customer-portl" is not in catalog/services.yaml. Did you mean "customer-portal"?',
    );
  });

  it('runs as a command: the flags make the draft and it says what to do next', () => {
    const root = freshArchive();
    // stdin is not a terminal here, so the script takes everything from flags.
    const result = spawnSync(
      TSX,
      [
        'scripts/new.ts',
        '--root',
        root,
        '--title',
        ANSWERS.title,
        '--date',
        ANSWERS.date,
        '--severity',
        'SEV4',
        '--services',
        'customer-portal,meter-ingest',
      ],
      {
        cwd: PROJECT,
        encoding: 'utf8',
        env: { ...process.env, HINDSIGHT_ARCHIVE: '', HINDSIGHT_BASE: '' },
      },
    );
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toBe(
      [
        `Created ${root}/${FILE} from templates/postmortem-light.mdx (status: draft).`,
        'Next:',
        "  1. Replace the TODOs and the template's examples and guidance with what happened.",
        `  2. HINDSIGHT_ARCHIVE=${root} npm run dev shows it at http://localhost:4321/incidents/2026-07-01-usage-graphs-showed-yesterday-twice/ as you write.`,
        `  3. npm run check -- --root ${root} ${root}/${FILE} checks it; from status: in-review on it also refuses what is unfinished.`,
        '  4. Set status: in-review and open a pull request.',
        '',
      ].join('\n'),
    );
    expect(existsSync(join(root, FILE))).toBe(true);
  });
});

describe('slugs and offsets', () => {
  it('makes a slug from a title', () => {
    expect(slugify('Checkout returned 500s after a flag config push!')).toBe('checkout-returned-500s-after-a-flag-config-push');
    expect(slugify('Café façade: “quoted” & dashed — title')).toBe('cafe-facade-quoted-dashed-title');
    expect(slugify('Search index rebuild stalled because the snapshot repository ran out of inodes on the shared NFS volume')).toBe(
      'search-index-rebuild-stalled-because-the-snapshot-repository',
    );
  });

  it('finds the offset of the time zone on a date', () => {
    expect(offsetOn('2026-07-01', 'Europe/London')).toBe('+01:00');
    expect(offsetOn('2026-01-15', 'Europe/London')).toBe('Z');
    expect(offsetOn('2026-01-15', 'America/New_York')).toBe('-05:00');
    expect(offsetOn('2026-01-15', 'Asia/Kolkata')).toBe('+05:30');
  });
});
