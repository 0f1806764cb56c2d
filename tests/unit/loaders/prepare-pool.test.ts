import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preparer, type PrepareOptions } from '../../../src/loaders/prepare.ts';
import { prepareInPool } from '../../../src/loaders/prepare-pool.ts';

const ARCHIVE = join(import.meta.dirname, '../../fixtures/site');
const PROJECT = join(import.meta.dirname, '../../..');
const options: PrepareOptions = { kind: 'incident', archiveRoot: ARCHIVE, projectRoot: PROJECT, audience: 'internal', imageHosts: [] };

const incidents = readdirSync(join(ARCHIVE, 'incidents'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((f) => ({ file: `incidents/${f}`, text: readFileSync(join(ARCHIVE, 'incidents', f), 'utf8') }));

describe('preparing post-mortems on worker threads', () => {
  it('gives, in the files’ order, exactly what preparing them in this thread gives, valid or not', async () => {
    const broken = { file: 'incidents/2025/2025-07-01-broken.mdx', text: '---\ntitle: Half a post-mortem\n---\n\nPrices {doubled.\n' };
    const items = [...incidents, broken, ...incidents];
    const prepare = preparer(options);
    const inline = items.map(({ file, text }) => prepare(file, text));
    const pooled = await prepareInPool(items, options, 2);
    expect(pooled).toEqual(inline);
    expect(pooled.filter((p) => p.entry).length).toBe(2 * incidents.length);
    expect(pooled[incidents.length]!.problems.map((p) => p.rule)).toContain('mdx-syntax');
  });

  it('fails, for the loader to prepare the files itself, when a worker cannot run', async () => {
    const failing = new URL('data:text/javascript,throw new Error("no TypeScript here")');
    await expect(prepareInPool(incidents, options, 2, failing)).rejects.toThrow('no TypeScript here');
  });
});
