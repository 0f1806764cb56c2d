/**
 * `npm run bench:check`: measures the wall time of `npm run check` over the demo archive, as an author
 * experiences it (a fresh process each run, TypeScript loading included). `--runs N` (default 5).
 * Exits 1 when the median is over the two-second budget.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../../src/check/engine.ts';

const BUDGET_SECONDS = 2;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a whole number above 0, found "${values.runs}"`);

const tsx = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
const env = { ...process.env };
delete env.HINDSIGHT_ARCHIVE;
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  const result = spawnSync(tsx, ['scripts/check.ts', '--quiet'], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`npm run check failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  times.push(seconds);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
const s = (n: number) => `${n.toFixed(2)} s`;
console.log(
  `npm run check over the demo archive, ${runs} run${runs === 1 ? '' : 's'}: median ${s(median)}, fastest ${s(sorted[0]!)}, slowest ${s(sorted[sorted.length - 1]!)} (budget ${s(BUDGET_SECONDS)}).`,
);
if (median > BUDGET_SECONDS) process.exitCode = 1;
