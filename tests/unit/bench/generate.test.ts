import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateArchive, writeArchive } from '../../../scripts/bench/generate.ts';
import { checkArchive } from '../../../src/validation/archive.ts';
import { loadPlaceholders } from '../../../src/validation/sources.ts';
import { runCheck, PROJECT_ROOT } from '../../../src/check/engine.ts';

describe('the benchmark archive generator', () => {
  const root = mkdtempSync(join(tmpdir(), 'hindsight-bench-generate-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('gives the same files for the same seed, and other files for another', () => {
    const [first] = generateArchive(3, DEFAULT_SEED);
    expect(generateArchive(3, DEFAULT_SEED)[0]).toEqual(first);
    expect(generateArchive(3, DEFAULT_SEED + 1)[0]!.text).not.toBe(first!.text);
    // Pinned, so results measured on different days describe the same archive.
    expect(first!.path).toBe('incidents/2019/2019-08-31-payment-gateway-returned-clock-0.mdx');
    expect(createHash('sha256').update(first!.text).digest('hex').slice(0, 16)).toBe('089e71922ca30a98');
  });

  it('varies what a post-mortem is: types, statuses, visibilities and years', () => {
    const files = generateArchive(400);
    expect(new Set(files.map((f) => f.type))).toEqual(new Set(['incident', 'near-miss']));
    expect(new Set(files.map((f) => f.status))).toEqual(new Set(['published', 'in-review', 'draft']));
    expect(new Set(files.map((f) => f.visibility))).toEqual(new Set(['internal', 'public']));
    expect(new Set(files.map((f) => f.path.split('/')[1])).size).toBeGreaterThanOrEqual(7);
    expect(files.some((f) => f.text.includes('<Internal>'))).toBe(true);
    const bodies = files.map((f) => f.text.slice(f.text.indexOf('\n---\n') + 5).length);
    expect(bodies.reduce((a, b) => a + b, 0) / bodies.length).toBeGreaterThan(2500);
  });

  it('writes an archive that passes validation and every rule of npm run check', async () => {
    writeArchive(root, 60);
    const checked = checkArchive(root, { unfinished: { from: 'in-review', placeholders: loadPlaceholders(PROJECT_ROOT) } });
    expect(checked.problems).toEqual([]);
    expect(checked.incidents).toHaveLength(60);
    expect(checked.readingLists).toHaveLength(3);
    const result = await runCheck({ root });
    expect(result.problems).toEqual([]);
  }, 60_000);
});
