import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkArchive } from '../../../src/validation/archive.ts';
import { createPostmortem, NewPostmortemError, offsetOn, slugify, type NewPostmortemAnswers } from '../../../src/authoring/new-postmortem.ts';

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

const ANSWERS: NewPostmortemAnswers = { title: 'Usage graphs showed yesterday twice', date: '2026-07-01', severity: 'SEV3', services: ['customer-portal', 'meter-ingest'] };
const FILE = 'incidents/2026/2026-07-01-usage-graphs-showed-yesterday-twice.mdx';

describe('npm run new', () => {
  it('creates a draft from the template that passes the checks', () => {
    const root = freshArchive();
    expect(createPostmortem(root, ANSWERS)).toBe(FILE);
    const text = readFileSync(join(root, FILE), 'utf8');
    expect(text).toContain('title: Usage graphs showed yesterday twice');
    expect(text).toContain('services: [ customer-portal, meter-ingest ]');
    expect(text).toContain('teams: [ customer-apps, metering ]');
    // 1 July is in Central European Summer Time, so the offset is +02:00.
    expect(text).toContain('started: 2026-07-01T00:00:00+02:00');
    expect(text).toContain('status: draft');
    expect(text).toContain('## Where we got lucky');
    const { problems, incidents } = checkArchive(root);
    expect(problems).toEqual([]);
    expect(incidents.map((i) => i.id)).toEqual(['2026-07-01-usage-graphs-showed-yesterday-twice']);
    expect(incidents[0]!.data.slo_impact.map((s) => s.slo)).toEqual(['portal-availability', 'portal-latency', 'reading-ingest-availability', 'reading-freshness']);
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
    const result = spawnSync(TSX, ['scripts/new.ts', '--root', root, '--title', ANSWERS.title, '--date', ANSWERS.date, '--severity', ANSWERS.severity, '--services', 'customer-portal,meter-ingest'], { cwd: PROJECT, encoding: 'utf8' });
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toBe(
      `Created ${FILE} (status: draft).\n` +
      'Next: fill in the TODOs, run `npm run dev` to see it at /incidents/2026-07-01-usage-graphs-showed-yesterday-twice/, then open a pull request.\n',
    );
    expect(existsSync(join(root, FILE))).toBe(true);
  });
});

describe('slugs and offsets', () => {
  it('makes a slug from a title', () => {
    expect(slugify('Checkout returned 500s after a flag config push!')).toBe('checkout-returned-500s-after-a-flag-config-push');
    expect(slugify('Café façade: “quoted” & dashed — title')).toBe('cafe-facade-quoted-dashed-title');
    expect(slugify('Search index rebuild stalled because the snapshot repository ran out of inodes on the shared NFS volume')).toBe('search-index-rebuild-stalled-because-the-snapshot-repository');
  });

  it('finds the offset of the time zone on a date', () => {
    expect(offsetOn('2026-07-01', 'Europe/London')).toBe('+01:00');
    expect(offsetOn('2026-01-15', 'Europe/London')).toBe('Z');
    expect(offsetOn('2026-01-15', 'America/New_York')).toBe('-05:00');
    expect(offsetOn('2026-01-15', 'Asia/Kolkata')).toBe('+05:30');
  });
});
