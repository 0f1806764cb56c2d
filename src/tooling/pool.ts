import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Below this many items a pool costs more to start than it saves. */
export const POOL_FROM = 200;
const BATCH = 50;

/** Whether this machine has more than one core to share work across. */
export const canPool = (): boolean => availableParallelism() > 1;

/**
 * Runs `items` through worker threads of `script` (one per core by default), in batches of 50, and
 * returns the results in the items' order. Each worker gets `workerData` and answers each message (a
 * batch of items) with the batch's results. Rejects if a worker cannot start or fails, so the caller
 * can do the work itself.
 */
export async function runInPool<In, Out>(
  script: URL,
  workerData: unknown,
  items: readonly In[],
  threads = Math.min(availableParallelism(), 8),
): Promise<Out[]> {
  const results: Out[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, threads) }, () => new Worker(script, { workerData }));
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
            worker.on('message', (batch: Out[]) => {
              batch.forEach((result, i) => (results[start + i] = result));
              send();
            });
            worker.once('error', reject);
            worker.once('exit', (code) => reject(new Error(`a worker thread stopped with exit code ${code}`)));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** The worker side of `runInPool`: answers each batch with `work` applied to its items, in order. */
export function serveBatches<In, Out>(
  port: import('node:worker_threads').MessagePort | null,
  work: (item: In) => Out | Promise<Out>,
): void {
  port!.on('message', async (batch: In[]) => {
    const out: Out[] = [];
    for (const item of batch) out.push(await work(item));
    port!.postMessage(out);
  });
}
