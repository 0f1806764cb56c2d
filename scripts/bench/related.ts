/**
 * Benchmark: related-incident suggestions as the archive grows. Times suggestRelated on synthetic
 * archives of 1,250 to 10,000 incidents and prints each time as a ratio to the previous size: near 2
 * per doubling means near-linear growth, 4 would mean quadratic. Run: npx tsx scripts/bench/related.ts
 */
import { performance } from 'node:perf_hooks';
import { suggestRelated, type RelatedFeatures } from '../../src/lib/related.ts';

const SERVICES = Array.from({ length: 60 }, (_, i) => `service-${i}`);
const FACTORS = [
  'release-size',
  'code-review',
  'testing',
  'qa-uat',
  'environment-drift',
  'configuration',
  'monitoring-gap',
  'capacity',
  'dependency',
  'runbook-gap',
  'communication',
  'knowledge-gap',
  'process',
  'other',
];
const VOCABULARY = Array.from({ length: 5000 }, (_, i) => `term${i}`);

/** A deterministic pseudo-random generator, so every run measures the same archive. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

function archive(n: number): RelatedFeatures[] {
  const next = random(42);
  const pick = <T>(list: readonly T[], count: number) => Array.from({ length: count }, () => list[Math.floor(next() * list.length)]!);
  return Array.from({ length: n }, (_, i) => ({
    id: `incident-${i}`,
    started: new Date(Date.UTC(2015, 0, 1) + i * 3_600_000).toISOString(),
    services: pick(SERVICES, 1 + Math.floor(next() * 2)),
    factors: pick(FACTORS, 1 + Math.floor(next() * 3)),
    tags: pick(['database', 'network', 'config', 'deploy', 'dns', 'tls', 'queue', 'cache'], Math.floor(next() * 3)),
    terms: pick(VOCABULARY, 8),
    related: [],
  }));
}

function time(n: number): number {
  const data = archive(n);
  const start = performance.now();
  suggestRelated(data);
  return performance.now() - start;
}

time(500); // warm-up
let previous: number | undefined;
for (const n of [1250, 2500, 5000, 10000]) {
  const ms = Math.min(time(n), time(n));
  const ratio = previous === undefined ? '' : `  x${(ms / previous).toFixed(2)} for x2 incidents`;
  console.log(`${String(n).padStart(6)} incidents: ${ms.toFixed(0).padStart(6)} ms${ratio}`);
  previous = ms;
}
