/**
 * `npm run bench:build [count=1000]`: the build comparison of `npm run bench` alone, for one archive
 * size: cold, warm and one-file edit builds of Hindsight and of a bare Astro + MDX + Pagefind site over
 * the same generated files, alternating, with peak memory and output sizes. Extra options pass through,
 * e.g. `npm run bench:build -- 5000 --runs 3`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const [count = '1000', ...rest] = process.argv.slice(2);
const tsx = join(import.meta.dirname, '../../node_modules/.bin/tsx');
const result = spawnSync(tsx, [join(import.meta.dirname, 'bench.ts'), '--only', 'build', '--sizes', count, ...rest], { stdio: 'inherit' });
process.exitCode = result.status ?? 1;
