import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkArchive } from '../../src/validation/archive.ts';
import { buildSite, PROJECT } from '../support/build-site.ts';

// The one test of the archive this repository holds, whatever it holds: the demo, or an adopter's own
// post-mortems. Everything else is tested on the archives under tests/fixtures/.
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
delete env.HINDSIGHT_ARCHIVE;

describe("the repository's own archive", () => {
  it('passes npm run check', () => {
    const result = spawnSync('npm', ['run', '--silent', 'check'], { cwd: PROJECT, env, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status, result.stdout).toBe(0);
  });

  it('builds, with a page for every post-mortem that is not a draft and for every reading list', () => {
    const { incidents, readingLists } = checkArchive(PROJECT);
    const dist = buildSite({ today: new Date().toISOString().slice(0, 10) });
    const missing = [
      ...incidents.filter((i) => i.data.status !== 'draft').map((i) => `incidents/${i.id}/index.html`),
      ...readingLists.map((l) => `reading-lists/${l.id}/index.html`),
    ].filter((page) => !existsSync(join(dist, page)));
    expect(missing).toEqual([]);
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
  });
});
