import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROJECT = join(import.meta.dirname, '../..');

/**
 * Builds the site with `npm run build` into a temporary folder and returns it. `archive` points the
 * build at another archive (HINDSIGHT_ARCHIVE); `today` fixes the day overdue is judged against;
 * `audience` picks the site (HINDSIGHT_AUDIENCE, default internal); `base` serves it under a path.
 */
export function buildSite(options: { archive?: string; today: string; audience?: 'internal' | 'public'; base?: string }): string {
  const outDir = mkdtempSync(join(tmpdir(), 'hindsight-dist-'));
  // A cache of its own, so a test build never races another build in the same checkout.
  const cacheDir = mkdtempSync(join(tmpdir(), 'hindsight-cache-'));
  // Built as an author builds it: without the test runner's own variables (BASE_URL, NODE_ENV, VITEST...), which Vite would read.
  const own = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('VITEST') && !['BASE_URL', 'NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST'].includes(name),
    ),
  );
  const env: NodeJS.ProcessEnv = { ...own, HINDSIGHT_TODAY: options.today, HINDSIGHT_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' };
  if (options.archive) env.HINDSIGHT_ARCHIVE = options.archive;
  else delete env.HINDSIGHT_ARCHIVE;
  delete env.KB_AUDIENCE;
  env.HINDSIGHT_AUDIENCE = options.audience ?? 'internal';
  const result = spawnSync('npm', ['run', 'build', '--', '--outDir', outDir, ...(options.base ? ['--base', options.base] : [])], {
    cwd: PROJECT,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}
