// A worker thread of npm run check's pool (src/check/engine.ts): checks the post-mortems it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { serveBatches } from '../tooling/pool.ts';
import { incidentChecker, type IncidentCheck, type IncidentCheckContext, type IncidentCheckItem } from './engine.ts';

serveBatches<IncidentCheckItem, IncidentCheck>(parentPort, incidentChecker(workerData as IncidentCheckContext));
