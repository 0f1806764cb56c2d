import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tomorrowOf } from '../../src/validation/limits.ts';
import { PROJECT } from '../support/build-site.ts';

const HOSTILE = join(PROJECT, 'tests/fixtures/hostile');
const CANARY = 'TOKEN=text-of-a-file-outside-the-archive';

/** Builds an archive with `npm run build`, bounded in time and memory so that a regression fails instead of taking the machine down. */
function build(archive: string): { status: number | null; output: string; outDir: string } {
  const outDir = mkdtempSync(join(tmpdir(), 'hindsight-hostile-out-'));
  const result = spawnSync('npm', ['run', 'build', '--', '--outDir', outDir], {
    cwd: PROJECT,
    env: {
      ...process.env,
      HINDSIGHT_ARCHIVE: archive,
      HINDSIGHT_CACHE_DIR: mkdtempSync(join(tmpdir(), 'hindsight-hostile-cache-')),
      HINDSIGHT_AUDIENCE: 'internal',
      NO_COLOR: '1',
      ASTRO_TELEMETRY_DISABLED: '1',
      NODE_OPTIONS: '--max-old-space-size=2048',
    },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** A copy of the hostile corpus, plus a post-mortem that is a symbolic link to a file outside the archive. */
function hostileArchive(): string {
  const base = mkdtempSync(join(tmpdir(), 'hindsight-hostile-'));
  const archive = join(base, 'archive');
  cpSync(HOSTILE, archive, { recursive: true });
  writeFileSync(join(base, 'elsewhere.mdx'), `${CANARY}\n`);
  symlinkSync(join(base, 'elsewhere.mdx'), join(archive, 'incidents/2025/2025-06-10-linked-from-elsewhere.mdx'));
  return archive;
}

const expected = (tomorrow: string) =>
  [
    'The post-mortem archive has problems:',
    `  incidents/2025/2025-05-06-clock-far-ahead.mdx:14:1 started: expected a time between 1970-01-01 and tomorrow (${tomorrow}), found "9999-05-06T09:00:00Z". Key moments and timeline events record when the incident happened; check the year.`,
    `  incidents/2025/2025-05-06-clock-far-ahead.mdx:15:1 detected: expected a time between 1970-01-01 and tomorrow (${tomorrow}), found "9999-05-06T09:05:00Z". Key moments and timeline events record when the incident happened; check the year.`,
    '  incidents/2025/2025-05-06-clock-far-ahead.mdx:21:5 action_items[0].due: expected a date between 1970-01-01 and 2100-12-31, found "2300-01-01". Check the year.',
    '  incidents/2025/2025-05-13-anchors-that-multiply.mdx:17:10 expected YAML aliases (*name) to repeat at most 100 values in all, found more. Write the values out instead of repeating an anchor (&name) through aliases.',
    '  incidents/2025/2025-05-20-tag-that-runs-code.mdx:2:8 expected plain YAML values without tags, found "!!js/function". Remove the tag; quote the value if it is meant as text.',
    '  incidents/2025/2025-05-27-escape-codes-in-title.mdx:2:1 title: expected text without control characters, found U+0007 at character 18 of "Search went quiet\\u0007\\u001b[2J\\u001b[31m and the screen cleared". Delete it (a tab or a line break is fine); it is invisible in most editors and breaks the pages and feeds it reaches.',
    '  incidents/2025/2025-06-03-saved-as-latin-1.mdx:18:29 expected UTF-8 text, found the byte 0xE9. Save the file with the UTF-8 encoding (most editors offer it under "Save with encoding").',
    '  incidents/2025/2025-06-10-linked-from-elsewhere.mdx:1:1 expected a file or folder inside the archive, found a symbolic link to a place outside it. Copy the file into the archive instead of linking to it: the check and the build read nothing outside the archive.',
    '  incidents/2025/2025-06-17-nested-past-reason.mdx:138:1 expected lists, quotes and elements nested at most 100 levels deep, found 122 levels. Flatten the nesting; a post-mortem reads best with a level or two of lists and quotes.',
    '  incidents/2025/call-notes.md:1:1 expected a post-mortem file ending in .mdx, found "call-notes.md". Rename it to .mdx, or start its name with _ so the archive ignores it.',
    '  reading-lists/..mdx:1:1 expected the file name to be <slug>.mdx with a lower-case, hyphenated slug, found "..mdx". Rename it, e.g. to reading-list.mdx: the name is the reading list\'s id and address.',
    '  reading-lists/Start Here.mdx:1:1 expected the file name to be <slug>.mdx with a lower-case, hyphenated slug, found "Start Here.mdx". Rename it, e.g. to start-here.mdx: the name is the reading list\'s id and address.',
    'Found 12 errors in 10 files.',
  ].join('\n');

describe('a build of the hostile corpus', () => {
  it('stops with every problem in the usual format: no stack trace, no crash, nothing from outside the archive', () => {
    const before = tomorrowOf(new Date());
    const { status, output } = build(hostileArchive());
    const after = tomorrowOf(new Date());
    expect(status).toBe(1);
    // The latest allowed day comes from the real clock; a build that runs over midnight may see either.
    expect([expected(before), expected(after)].some((text) => output.includes(text))).toBe(true);
    expect(output).not.toContain('Stack trace');
    expect(output).not.toMatch(/\bat .*\.(ts|js|mjs):\d+:\d+/);
    expect(output).not.toContain('heap out of memory');
    expect(output).not.toContain(CANARY);
    // eslint-disable-next-line no-control-regex -- the escape codes of the hostile title must not reach the terminal
    expect(output).not.toMatch(/\u001b\[(?:2J|31m)/);
  });

  it('builds once the attacks are gone, the reading list with an <Internal> block included', () => {
    const archive = hostileArchive();
    for (const file of [
      '2025-05-06-clock-far-ahead.mdx',
      '2025-05-13-anchors-that-multiply.mdx',
      '2025-05-20-tag-that-runs-code.mdx',
      '2025-05-27-escape-codes-in-title.mdx',
      '2025-06-03-saved-as-latin-1.mdx',
      '2025-06-10-linked-from-elsewhere.mdx',
      '2025-06-17-nested-past-reason.mdx',
      'call-notes.md',
    ]) {
      rmSync(join(archive, 'incidents/2025', file));
    }
    for (const file of ['..mdx', 'Start Here.mdx']) rmSync(join(archive, 'reading-lists', file));
    const { status, output, outDir } = build(archive);
    expect(status, output).toBe(0);
    const page = join(outDir, 'reading-lists/staff-only-notes/index.html');
    expect(existsSync(page)).toBe(true);
    expect(readFileSync(page, 'utf8')).toContain('admin console is behind the staff VPN');
  });
});
