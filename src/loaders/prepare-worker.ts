// A worker thread of the content loaders' pool (src/loaders/prepare-pool.ts): prepares the batches it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { preparer, type PrepareOptions } from './prepare.ts';

const prepare = preparer(workerData as PrepareOptions);
parentPort!.on('message', (batch: { file: string; text: string }[]) => {
  parentPort!.postMessage(batch.map(({ file, text }) => prepare(file, text)));
});
