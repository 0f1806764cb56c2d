import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT } from '../support/build-site.ts';

describe('a build of a broken archive', () => {
  it('fails with every problem, its file, line and field, and no stack trace', () => {
    const archive = mkdtempSync(join(tmpdir(), 'hindsight-broken-'));
    cpSync(join(PROJECT, 'tests/fixtures/archive'), archive, { recursive: true });
    const file = join(archive, 'incidents/2025/2025-06-21-checkout-500s.mdx');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('severity: SEV2', 'severity: SEV22').replace('teams: [payments]', 'teams: [billing]'),
    );
    const list = join(archive, 'reading-lists/flags.mdx');
    writeFileSync(list, readFileSync(list, 'utf8').replace('incident: 2025-03-02-flag-cache-stale', 'incident: 2025-03-02-flag-cache'));
    const result = spawnSync('npm', ['run', 'build', '--', '--outDir', mkdtempSync(join(tmpdir(), 'hindsight-out-'))], {
      cwd: PROJECT,
      env: {
        ...process.env,
        HINDSIGHT_ARCHIVE: archive,
        HINDSIGHT_CACHE_DIR: mkdtempSync(join(tmpdir(), 'hindsight-cache-')),
        NO_COLOR: '1',
      },
      encoding: 'utf8',
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status).toBe(1);
    expect(output).toContain(
      [
        'The post-mortem archive has problems:',
        '  incidents/2025/2025-06-21-checkout-500s.mdx:7:1 severity: expected one of SEV1, SEV2, SEV3, SEV4, found "SEV22". Did you mean "SEV2"?',
        '  incidents/2025/2025-06-21-checkout-500s.mdx:9:9 teams[0]: expected a team id from catalog/teams.yaml, found "billing". Add it to catalog/teams.yaml first, or use one of the ids listed there.',
        '  reading-lists/flags.mdx:5:5 items[0].incident: expected the id of an incident from incidents/, found "2025-03-02-flag-cache". Did you mean "2025-03-02-flag-cache-stale"?',
        'Found 3 errors in 2 files.',
      ].join('\n'),
    );
    expect(output).not.toContain('Stack trace');
    expect(output).not.toMatch(/\bat .*\.(ts|js):\d+:\d+/);
  });
});
