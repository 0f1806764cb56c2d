import { runInPool } from '../tooling/pool.ts';
import type { Prepared, PrepareOptions } from './prepare.ts';

/**
 * Prepares files on one worker thread per core (src/loaders/prepare-worker.ts) and returns the
 * results in the files' order. Rejects if a worker cannot start or fails, so the caller can prepare
 * the files itself.
 */
export function prepareInPool(
  items: readonly { file: string; text: string }[],
  options: PrepareOptions,
  threads?: number,
  script: URL = new URL('./prepare-worker.ts', import.meta.url),
): Promise<Prepared[]> {
  return runInPool<{ file: string; text: string }, Prepared>(script, options, items, threads);
}
