/**
 * Benchmark: the full build of a synthetic archive against a bare Astro + MDX site of the same files,
 * run one after the other in this process so machine noise hits both. Prints wall times and the ratio.
 *   npx tsx scripts/bench/build.ts [count=1000]
 * The goal for large archives is a ratio of 0.5 or less (Hindsight at most half the bare site's time).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const PROJECT = join(import.meta.dirname, '../..');
const count = Number(process.argv[2] ?? 1000);
const SERVICES = ['checkout-api', 'payment-gateway', 'storefront-web', 'product-search', 'order-service', 'delivery-dispatch', 'inventory-sync', 'notifications', 'feature-flags', 'edge-gateway', 'auth-service'];
const SLOS: Record<string, string> = {
  'checkout-api': 'checkout-availability', 'payment-gateway': 'payment-authorisation-success', 'storefront-web': 'storefront-availability',
  'product-search': 'search-availability', 'order-service': 'order-availability', 'delivery-dispatch': 'dispatch-assignment-timeliness',
  'inventory-sync': 'inventory-freshness', notifications: 'notification-delivery', 'feature-flags': 'flag-evaluation-availability',
  'edge-gateway': 'edge-availability', 'auth-service': 'login-availability',
};
const PARAGRAPH = 'The on-call engineer saw the error rate climb on the dashboard and paged the owning team. The deploy had gone out twenty minutes earlier, so the first question was whether to roll back before understanding the cause. With most of the month\'s error budget still available, the team chose to investigate for ten minutes while preparing the rollback, then rolled back when the graphs did not improve. ';

function incident(n: number): { path: string; text: string } {
  const day = new Date(Date.UTC(2016, 0, 1) + n * 8 * 3_600_000);
  const date = day.toISOString().slice(0, 10);
  const service = SERVICES[n % SERVICES.length]!;
  const started = `${date}T${String(day.getUTCHours()).padStart(2, '0')}:00:00Z`;
  const at = (minutes: number) => new Date(Date.parse(started) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
  const body = ['## Impact', PARAGRAPH.repeat(2), '## Timeline', PARAGRAPH.repeat(2), '## Contributing factors', PARAGRAPH, '## Lessons', PARAGRAPH].join('\n\n');
  const text = `---
title: Synthetic incident ${n} on ${service}
summary: A synthetic post-mortem number ${n} for the build benchmark.
status: published
visibility: internal
type: incident
severity: SEV${(n % 4) + 1}
services: [${service}]
started: ${started}
detected: ${at(5)}
mitigated: ${at(30)}
resolved: ${at(90)}
detection: alert
trigger: deploy
response:
  decision: rollback
slo_impact:
  - slo: ${SLOS[service]}
    bad_minutes: 12
contributing_factors:
  - category: testing
    description: No test covered the failing path.
action_items:
  - title: Add a test for the failing path
    kind: prevent
    owner: platform
    priority: P2
    due: ${date}
    status: open
---

${body}
`;
  return { path: `incidents/${date.slice(0, 4)}/${date}-synthetic-${n}.mdx`, text };
}

function writeArchive(root: string): void {
  cpSync(join(PROJECT, 'catalog'), join(root, 'catalog'), { recursive: true });
  for (let n = 0; n < count; n++) {
    const { path, text } = incident(n);
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** The smallest sensible Astro + MDX + Pagefind site over the same files: one page per entry. */
function writeBareSite(root: string, archive: string): void {
  symlinkSync(join(PROJECT, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(root, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
export default defineConfig({ integrations: [mdx(), { name: 'pagefind', hooks: { 'astro:build:done': async ({ dir }) => {
  const { index } = await pagefind.createIndex({});
  await index.addDirectory({ path: fileURLToPath(dir) });
  await index.writeFiles({ outputPath: fileURLToPath(dir) + '/pagefind' });
  await pagefind.close();
} } }] });
`);
  mkdirSync(join(root, 'src/pages/incidents'), { recursive: true });
  writeFileSync(join(root, 'src/content.config.ts'), `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = { incidents: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: ${JSON.stringify(join(archive, 'incidents'))} }), schema: z.looseObject({ title: z.string() }) }) };
`);
  writeFileSync(join(root, 'src/pages/incidents/[...id].astro'), `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('incidents')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
<body><main data-pagefind-body><h1>{entry.data.title}</h1><Content /></main></body></html>
`);
}

function timed(label: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`${label} failed:\n${result.stdout}\n${result.stderr}`);
  console.log(`${label.padEnd(34)} ${seconds.toFixed(1).padStart(6)} s`);
  return seconds;
}

const archive = mkdtempSync(join(tmpdir(), 'hindsight-bench-archive-'));
const bare = mkdtempSync(join(tmpdir(), 'hindsight-bench-bare-'));
writeArchive(archive);
writeBareSite(bare, archive);
console.log(`${count} synthetic post-mortems in ${archive}`);
const bareSeconds = timed('bare Astro + MDX + Pagefind', 'npx', ['astro', 'build', '--force'], bare);
const hindsightSeconds = timed('Hindsight build', 'npm', ['run', 'build', '--', '--outDir', mkdtempSync(join(tmpdir(), 'hindsight-bench-out-')), '--force'], PROJECT, {
  HINDSIGHT_ARCHIVE: archive, HINDSIGHT_CACHE_DIR: mkdtempSync(join(tmpdir(), 'hindsight-bench-cache-')), HINDSIGHT_TODAY: '2026-11-26',
});
console.log(`ratio Hindsight / bare: ${(hindsightSeconds / bareSeconds).toFixed(2)} (goal for large archives: 0.50 or less)`);
