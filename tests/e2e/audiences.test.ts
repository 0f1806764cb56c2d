import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { buildSite, PROJECT } from '../support/build-site.ts';
import { findCanaries, readAllOutput } from '../support/leak-scan.ts';

const FIXTURE = join(PROJECT, 'tests/fixtures/audience');
const TODAY = '2026-11-26';

/** Every distinct string planted in the internal incident, the internal catalog entries and the public incident's internal-only parts. */
const INTERNAL_CANARIES = [
  'zzcanaryid7',
  'zzcanarytitle7',
  'zzcanarysummary7',
  'zzcanaryauthor7',
  'zzcanarytag7',
  'zzcanaryrelease7',
  'zzcanaryrationale7',
  'zzcanaryhelper7',
  'zzcanaryslo7',
  'zzcanarysloname7',
  'zzcanarycustomer7',
  'zzcanaryfactor7',
  'zzcanaryaction7',
  'zzcanaryowner7',
  'zzcanaryticket7',
  'zzcanarytimeline7',
  'zzcanarybody7',
  'zzcanarylistwhy7',
  'zzcanaryservice7',
  'zzcanaryservicename7',
  'zzcanaryservicedescription7',
  'zzcanaryteam7',
  'zzcanaryteamname7',
  'zzcanaryteamcontact7',
  'zzcanarypubauthor7',
  'zzcanarypubhelper7',
  'zzcanarypubowner7',
  'zzcanarypubticket7',
  'zzcanarypubinternal7',
  // A reading list whose only item is internal, and a public post-mortem still in review.
  'zzcanarylisttitle7',
  'zzcanarylistaudience7',
  'zzcanarylistintro7',
  // Footnotes and link definitions written inside <Internal>, referenced from inside and outside it.
  'zzcanaryfootnote7',
  'zzcanaryfootdef7',
  'zzcanarydashboard7',
  'zzcanarydeftitle7',
  // A public service's links point at the organisation's own tools.
  'zzcanarylinklabel7',
  'zzcanarylink7',
  'zzcanaryreviewtitle7',
  'zzcanaryreviewsummary7',
  'zzcanaryreviewbody7',
];
const DRAFT_CANARIES = ['zzcanarydraft7', 'zzcanarydraftid7', 'zzcanarydraftsummary7', 'zzcanarydraftbody7'];
const PUBLIC_CANARY = 'zzpubliccanary7';

let publicSite: string;
let internalSite: string;

function build(audience: 'public' | 'internal'): string {
  return buildSite({ archive: FIXTURE, today: TODAY, audience });
}

beforeAll(() => {
  publicSite = build('public');
  internalSite = build('internal');
});

describe('a public build', () => {
  it('contains no trace of internal incidents, internal catalog entries or stripped fields in any file', () => {
    expect(findCanaries(publicSite, [...INTERNAL_CANARIES, ...DRAFT_CANARIES])).toEqual([]);
  });

  it('shows a public service owned by an internal team without naming the team', () => {
    const page = readFileSync(join(publicSite, 'services/shop-search/index.html'), 'utf8');
    expect(page).toContain('Shop Search');
    expect(page).not.toContain('Owned by');
  });

  it('contains the public incident, searchable', () => {
    const hits = findCanaries(publicSite, [PUBLIC_CANARY]).map((h) => h.file);
    expect(hits).toContain('incidents/2026-07-14-basket-errors/index.html');
    expect(hits.some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
    expect(findCanaries(publicSite, ['Basket page errors after a stylesheet change']).map((h) => h.file)).toContain('api/incidents.json');
  });

  it('counts only public incidents', () => {
    const api = JSON.parse(readFileSync(join(publicSite, 'api/incidents.json'), 'utf8'));
    expect(api.count).toBe(1);
    expect(api.incidents[0].services).toEqual(['shop-web']);
    expect(api.incidents[0].related).toEqual([]);
    expect(api.incidents[0].authors).toEqual([]);
    expect(api.incidents[0].action_items[0]).toEqual({
      title: 'Test stylesheet changes in the three supported browsers',
      kind: 'prevent',
      priority: 'P2',
      due: '2026-08-01',
      status: 'done',
      closed: '2026-07-30',
      overdue: false,
    });
    const home = readFileSync(join(publicSite, 'index.html'), 'utf8');
    expect(home).toMatch(/<span class="figure">1<\/span> incidents in the last 12 months/);
  });

  it('writes security headers that allow Pagefind and keep search engines welcome', () => {
    const headers = readFileSync(join(publicSite, '_headers'), 'utf8');
    expect(headers).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(headers).toContain("object-src 'none'");
    expect(headers).not.toContain('X-Robots-Tag');
  });
});

describe('an internal build', () => {
  it('shows internal incidents and internal-only blocks, marked', () => {
    const shown = [
      'zzcanarytitle7',
      'zzcanarypubinternal7',
      'zzcanaryowner7',
      'zzcanaryreviewtitle7',
      'zzcanarylisttitle7',
      'zzcanarylistintro7',
    ];
    const hits = new Set(findCanaries(internalSite, shown).map((h) => h.canary));
    expect(hits).toEqual(new Set(shown));
    expect(readFileSync(join(internalSite, 'incidents/2026-07-14-basket-errors/index.html'), 'utf8')).toContain('Internal only');
  });

  it('never contains drafts', () => {
    expect(findCanaries(internalSite, DRAFT_CANARIES)).toEqual([]);
  });

  it('asks search engines not to index it', () => {
    expect(readFileSync(join(internalSite, '_headers'), 'utf8')).toContain('X-Robots-Tag: noindex, nofollow');
  });
});

describe('the leak scan itself', () => {
  it('finds a canary planted in a compressed Pagefind fragment and in a page', () => {
    const planted = mkdtempSync(join(tmpdir(), 'hindsight-planted-'));
    cpSync(publicSite, planted, { recursive: true });
    const fragments = readdirSync(join(planted, 'pagefind/fragment'));
    const fragment = join(planted, 'pagefind/fragment', fragments[0]!);
    writeFileSync(fragment, gzipSync(Buffer.concat([gunzipSync(readFileSync(fragment)), Buffer.from(' zzcanarybody7 ')])));
    const page = join(planted, 'incidents/2026-07-14-basket-errors/index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('</main>', '<p>ZZCANARYOWNER7</p></main>'));
    expect(findCanaries(planted, INTERNAL_CANARIES)).toEqual(
      [
        { canary: 'zzcanaryowner7', file: 'incidents/2026-07-14-basket-errors/index.html' },
        { canary: 'zzcanarybody7', file: `pagefind/fragment/${fragments[0]}` },
      ].sort((a, b) => a.file.localeCompare(b.file)),
    );
  });

  it('reads every output file, compressed or not', () => {
    const files = readAllOutput(publicSite).map((f) => f.file);
    expect(files).toContain('pagefind/pagefind-entry.json');
    expect(files.some((f) => f.startsWith('pagefind/index/'))).toBe(true);
    expect(files.some((f) => f.startsWith('pagefind/filter/'))).toBe(true);
    expect(files).toContain('rss.xml');
    expect(files).toContain('sitemap-0.xml');
  });
});

describe('HINDSIGHT_AUDIENCE', () => {
  it('stops the build with a clear message when it is neither internal nor public', () => {
    const result = spawnSync('npx', ['astro', 'build', '--outDir', mkdtempSync(join(tmpdir(), 'hindsight-bad-'))], {
      cwd: PROJECT,
      env: { ...process.env, HINDSIGHT_AUDIENCE: 'customers', HINDSIGHT_ARCHIVE: FIXTURE },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('HINDSIGHT_AUDIENCE: expected internal or public, found "customers". Example: HINDSIGHT_AUDIENCE=public\n');
  });
});
