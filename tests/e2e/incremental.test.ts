import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT } from '../support/build-site.ts';

/** Builds `archive` into `outDir` with a cache kept between calls; returns the build log. */
function build(archive: string, cacheDir: string, outDir: string): string {
  const result = spawnSync('npm', ['run', 'build', '--', '--outDir', outDir], {
    cwd: PROJECT,
    env: { ...process.env, HINDSIGHT_ARCHIVE: archive, HINDSIGHT_CACHE_DIR: cacheDir, HINDSIGHT_TODAY: '2026-11-26', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const CHECKOUT = '/incidents/2025-06-21-checkout-500s/index.html';
const FLAGS = '/incidents/2025-03-02-flag-cache-stale/index.html';
const TRENDS_CHECKOUT = '/trends/services/checkout-api/index.html';
const TRENDS_FLAGS = '/trends/services/feature-flags/index.html';

describe('rebuilding after an edit', () => {
  it('restores unchanged incident pages and renders again every page the edit shows on', () => {
    const archive = mkdtempSync(join(tmpdir(), 'hindsight-incremental-'));
    cpSync(join(PROJECT, 'tests/fixtures/archive'), archive, { recursive: true });
    const cacheDir = mkdtempSync(join(tmpdir(), 'hindsight-cache-'));
    const outDir = mkdtempSync(join(tmpdir(), 'hindsight-out-'));

    const first = build(archive, cacheDir, outDir);
    expect(first).toContain(`${CHECKOUT} (+`);
    expect(first).toContain('(2 incident pages indexed)');
    const index = readFileSync(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8');

    // Nothing changed: both incident pages come back from the cache, and so does the search index.
    const second = build(archive, cacheDir, outDir);
    expect(second).toContain('Search index reused: the 2 incident pages are the same as when it was written.');
    expect(readFileSync(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8')).toBe(index);
    expect(second).toContain(`${CHECKOUT} (restored)`);
    expect(second).toContain(`${FLAGS} (restored)`);
    expect(second).toContain(`${TRENDS_CHECKOUT} (restored)`);
    expect(second).toContain(`${TRENDS_FLAGS} (restored)`);

    // A new title for the flag-cache incident: its own page and the checkout page, which links to it, render again.
    const file = join(archive, 'incidents/2025/2025-03-02-flag-cache-stale.mdx');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'title: Flag cache served a stale bundle for an hour',
        'title: Flag cache served bundle v790 for an hour',
      ),
    );
    const third = build(archive, cacheDir, outDir);
    expect(third).toContain('(2 incident pages indexed)');
    expect(third).not.toContain('Search index reused');
    expect(third).not.toContain(`${FLAGS} (restored)`);
    expect(third).not.toContain(`${CHECKOUT} (restored)`);
    expect(readFileSync(join(outDir, CHECKOUT), 'utf8')).toContain('Flag cache served bundle v790 for an hour');
    // Of the trends slices, only those holding the edited incident are drawn again.
    expect(third).not.toContain(`${TRENDS_FLAGS} (restored)`);
    expect(third).toContain(`${TRENDS_CHECKOUT} (restored)`);

    // Only the checkout post-mortem's body changes: the flag-cache page is restored.
    const checkout = join(archive, 'incidents/2025/2025-06-21-checkout-500s.mdx');
    writeFileSync(
      checkout,
      readFileSync(checkout, 'utf8').replace('in every region for 45 minutes.', 'in every region for 45 minutes, from 14:55 BST.'),
    );
    const fourth = build(archive, cacheDir, outDir);
    expect(fourth).toContain(`${FLAGS} (restored)`);
    expect(fourth).not.toContain(`${CHECKOUT} (restored)`);
    expect(readFileSync(join(outDir, CHECKOUT), 'utf8')).toContain('in every region for 45 minutes, from 14:55 BST.');
  });
});
