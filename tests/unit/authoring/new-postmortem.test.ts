import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkArchive } from '../../../src/validation/archive.ts';
import { offsetOn, slugify } from '../../../src/authoring/new-postmortem.ts';

const PROJECT = join(import.meta.dirname, '../../..');
const TSX = join(PROJECT, 'node_modules/.bin/tsx');
const SCRIPT = join(PROJECT, 'scripts/new.ts');

/** A project folder with the demo catalog and the template, and no incidents. */
function freshArchive(): string {
  const root = mkdtempSync(join(tmpdir(), 'hindsight-new-'));
  cpSync(join(PROJECT, 'catalog'), join(root, 'catalog'), { recursive: true });
  cpSync(join(PROJECT, 'templates'), join(root, 'templates'), { recursive: true });
  return root;
}

function runNew(root: string, args: string[]) {
  // stdin is not a terminal here, so the script must take everything from flags.
  return spawnSync(TSX, [SCRIPT, '--root', root, ...args], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

const FLAGS = ['--title', 'Basket totals ignored vouchers', '--date', '2026-07-01', '--severity', 'SEV3', '--services', 'checkout-api,storefront-web'];

describe('npm run new', () => {
  it('creates a draft from the template that passes the checks', () => {
    const root = freshArchive();
    const result = runNew(root, FLAGS);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      'Created incidents/2026/2026-07-01-basket-totals-ignored-vouchers.mdx (status: draft).\n' +
      'Next: fill in the TODOs, run `npm run dev` to see it at /incidents/2026-07-01-basket-totals-ignored-vouchers/, then open a pull request.\n',
    );
    const text = readFileSync(join(root, 'incidents/2026/2026-07-01-basket-totals-ignored-vouchers.mdx'), 'utf8');
    expect(text).toContain('title: Basket totals ignored vouchers');
    expect(text).toContain('services: [ checkout-api, storefront-web ]');
    expect(text).toContain('teams: [ payments, storefront ]');
    // 1 July is in British Summer Time, so the offset is +01:00.
    expect(text).toContain('started: 2026-07-01T00:00:00+01:00');
    expect(text).toContain('status: draft');
    expect(text).toContain('## Where we got lucky');
    const { problems, incidents } = checkArchive(root);
    expect(problems).toEqual([]);
    expect(incidents.map((i) => i.id)).toEqual(['2026-07-01-basket-totals-ignored-vouchers']);
    expect(incidents[0]!.data.slo_impact.map((s) => s.slo)).toEqual(['checkout-availability', 'checkout-latency', 'storefront-availability']);
  });

  it('never overwrites an existing post-mortem', () => {
    const root = freshArchive();
    expect(runNew(root, FLAGS).status).toBe(0);
    const path = join(root, 'incidents/2026/2026-07-01-basket-totals-ignored-vouchers.mdx');
    writeFileSync(path, 'my words\n');
    const again = runNew(root, FLAGS);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe('incidents/2026/2026-07-01-basket-totals-ignored-vouchers.mdx already exists; it was left untouched. Choose another title or pass --slug.\n');
    expect(readFileSync(path, 'utf8')).toBe('my words\n');
  });

  it('validates services against the catalog and suggests the nearest id', () => {
    const root = freshArchive();
    const result = runNew(root, ['--title', 'x', '--date', '2026-07-01', '--severity', 'SEV5', '--services', 'checkout,payment-gateway']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'severity: expected one of SEV1, SEV2, SEV3, SEV4, found "SEV5".\n' +
      'services: "checkout" is not in catalog/services.yaml. Known services: checkout-api, payment-gateway, storefront-web, product-search, order-service, delivery-dispatch, inventory-sync, notifications, feature-flags, edge-gateway, auth-service.\n',
    );
    expect(existsSync(join(root, 'incidents'))).toBe(false);
  });

  it('suggests a near miss of a service id', () => {
    const result = runNew(freshArchive(), ['--title', 'x', '--date', '2026-02-30', '--severity', 'SEV2', '--services', 'checkout-apii']);
    expect(result.stderr).toBe(
      'date: expected a date written YYYY-MM-DD, found "2026-02-30". Pass --date 2025-06-21.\n' +
      'services: "checkout-apii" is not in catalog/services.yaml. Did you mean "checkout-api"?\n',
    );
  });

  it('says which flags are missing when it cannot ask', () => {
    const result = runNew(freshArchive(), ['--title', 'Search timed out']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'Missing --date, --severity, --services (not on a terminal, so nothing can be asked).\n' +
      'Usage: npm run new -- --title "Checkout returned 500s" --date 2025-06-21 --severity SEV2 --services checkout-api,payment-gateway [--slug checkout-500s] [--root DIR]\n' +
      'On a terminal, any value left out is asked for.\n',
    );
  });

  it('prints its usage with --help', () => {
    expect(execFileSync(TSX, [SCRIPT, '--help'], { encoding: 'utf8' })).toContain('Usage: npm run new --');
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
