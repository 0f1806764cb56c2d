// A worker thread of the content loaders' pool (src/loaders/prepare-pool.ts): prepares the batches it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { serveBatches } from '../tooling/pool.ts';
import { preparer, type PrepareOptions } from './prepare.ts';

const prepare = preparer(workerData as PrepareOptions);
serveBatches<{ file: string; text: string }, ReturnType<typeof prepare>>(parentPort, ({ file, text }) => prepare(file, text));
