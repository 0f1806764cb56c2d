import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { incidentChecker, runCheck, type IncidentCheck, type IncidentCheckItem } from '../../../src/check/engine.ts';
import { runInPool } from '../../../src/tooling/pool.ts';
import { checkArchive } from '../../../src/validation/archive.ts';
import { copyArchive, FIXTURE, postmortem } from './helpers.ts';

const NOW = () => new Date('2026-11-30T12:00:00Z');

describe('npm run check on worker threads', () => {
  it('reports, for an archive of 200 post-mortems or more, exactly what checking in one thread reports', async () => {
    const root = copyArchive(FIXTURE);
    // 220 more post-mortems: every 7th blames someone (32 of them), every 11th has a severity the taxonomy lacks (20).
    for (let i = 0; i < 220; i++) {
      const body = i % 7 === 0 ? "It was Sam's fault." : `Retry storm number ${i} drained the pool.`;
      const text = postmortem(body, (f) => (i % 11 === 0 ? f.replace('severity: SEV2', 'severity: SEV9') : f));
      writeFileSync(join(root, `incidents/2025/2025-06-21-retry-${String(i).padStart(3, '0')}.mdx`), text);
    }
    const alone = await runCheck({ root, now: NOW, threads: 1 });
    const pooled = await runCheck({ root, now: NOW, threads: 2 });
    expect(pooled).toEqual(alone);
    const byRule = (rule: string) => pooled.problems.filter((p) => p.rule === rule && p.severity === 'error').length;
    expect([byRule('blameless-language'), byRule('schema')]).toEqual([32, 20]);
    expect(pooled.checked.incidents).toBe(222);
    expect(pooled.postmortems).toHaveLength(222);

    // The same, asked of the worker script itself, so a worker that cannot start fails here rather than falling back unseen.
    const context = { root, projectRoot: join(import.meta.dirname, '../../..'), nowMs: NOW().getTime(), index: checkArchive(root).index };
    const items: IncidentCheckItem[] = ['incidents/2025/2025-06-21-retry-000.mdx', 'incidents/2025/2025-06-21-retry-001.mdx'].map(
      (file) => ({
        file,
        lint: true,
      }),
    );
    const script = new URL('../../../src/check/check-worker.ts', import.meta.url);
    const viaWorker = await runInPool<IncidentCheckItem, IncidentCheck>(script, context, items, 1);
    const check = incidentChecker(context);
    expect(viaWorker).toEqual([await check(items[0]!), await check(items[1]!)]);
    expect(viaWorker[0]!.lint.map((p) => p.rule)).toEqual(['blameless-language']);
  });
});
