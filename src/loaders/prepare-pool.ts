import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Prepared, PrepareOptions } from './prepare.ts';

/** Below this many files a pool costs more to start than it saves. */
export const POOL_FROM = 200;
const BATCH = 50;

/**
 * Prepares files on one worker thread per core, in batches, and returns the results in the files'
 * order. Rejects if a worker cannot start or fails, so the caller can prepare the files itself.
 */
export async function prepareInPool(
  items: readonly { file: string; text: string }[],
  options: PrepareOptions,
  threads = Math.min(availableParallelism(), 8),
  script: URL = new URL('./prepare-worker.ts', import.meta.url),
): Promise<Prepared[]> {
  const results: Prepared[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, threads) }, () => new Worker(script, { workerData: options }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let start = 0;
            const send = () => {
              if (next >= items.length) return resolve();
              start = next;
              next = Math.min(items.length, next + BATCH);
              worker.postMessage(items.slice(start, next));
            };
            worker.on('message', (batch: Prepared[]) => {
              batch.forEach((result, i) => (results[start + i] = result));
              send();
            });
            worker.once('error', reject);
            worker.once('exit', (code) => {
              if (next < items.length || code !== 0) reject(new Error(`a content worker stopped with exit code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
