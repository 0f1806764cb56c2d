/**
 * Synthetic post-mortems for the benchmarks: N valid, varied files from a fixed seed, so two runs (and
 * two machines) measure the same archive. Services, teams and SLOs come from the project's catalog,
 * categories and severities from the default taxonomy. Every file passes `npm run check` and the
 * build: published and in-review ones hold nothing unfinished, key moments run in order, bad minutes
 * fit the impact window, near-misses have none, closed items carry their date, related ids exist.
 *
 *   import { generateArchive, writeArchive } from './generate.ts';
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_TAXONOMY } from '../../src/schema/taxonomy.ts';

export const PROJECT = join(import.meta.dirname, '../..');
/** The seed every benchmark uses unless told otherwise. */
export const DEFAULT_SEED = 20261201;
/** The reference day the benchmark builds use (HINDSIGHT_TODAY): no key moment lies after it. */
export const BENCH_TODAY = '2026-11-30';

/** A small, fast pseudo-random generator (mulberry32): the same seed gives the same sequence. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface CatalogService {
  id: string;
  name: string;
  team: string;
  slos: { id: string }[];
}

function readServices(catalogDir: string): CatalogService[] {
  return (parse(readFileSync(join(catalogDir, 'services.yaml'), 'utf8')) as CatalogService[]).map((s) => ({
    id: s.id,
    name: s.name,
    team: s.team,
    slos: s.slos ?? [],
  }));
}

function readTeams(catalogDir: string): string[] {
  return (parse(readFileSync(join(catalogDir, 'teams.yaml'), 'utf8')) as { id: string }[]).map((t) => t.id);
}

const WORDS = [
  'replica',
  'shard',
  'tenant',
  'queue',
  'consumer',
  'producer',
  'partition',
  'lease',
  'quorum',
  'snapshot',
  'index',
  'cursor',
  'checkpoint',
  'backlog',
  'throttle',
  'circuit',
  'breaker',
  'timeout',
  'retry',
  'jitter',
  'canary',
  'rollout',
  'manifest',
  'bundle',
  'schema',
  'migration',
  'column',
  'trigger',
  'cache',
  'eviction',
  'warm-up',
  'certificate',
  'resolver',
  'listener',
  'socket',
  'handshake',
  'token',
  'session',
  'cookie',
  'webhook',
  'scheduler',
  'cron',
  'worker',
  'pool',
  'thread',
  'heap',
  'allocator',
  'garbage',
  'compaction',
  'tombstone',
  'watermark',
  'offset',
  'batch',
  'stream',
  'topic',
  'ledger',
  'invoice',
  'refund',
  'basket',
  'voucher',
  'substitution',
  'warehouse',
  'picker',
  'van',
  'route',
  'slot',
  'courier',
  'barcode',
  'catalogue',
  'price',
  'promotion',
  'typeahead',
  'analyzer',
  'tokenizer',
  'synonym',
  'facet',
  'ranking',
  'embedding',
  'autoscaler',
  'node',
  'kernel',
  'driver',
  'volume',
  'mount',
  'inode',
  'firewall',
  'gateway',
  'proxy',
  'ingress',
  'egress',
  'peering',
  'subnet',
  'latency',
  'saturation',
  'throughput',
  'percentile',
  'histogram',
  'dashboard',
  'pager',
  'rota',
  'handover',
  'runbook',
  'playbook',
  'drill',
  'failover',
  'standby',
  'primary',
  'follower',
  'leader',
  'election',
  'heartbeat',
  'clock',
  'skew',
  'daylight',
  'locale',
  'encoding',
  'serializer',
  'payload',
  'header',
  'redirect',
];
const TAGS = [
  'database',
  'network',
  'config',
  'deploy',
  'dns',
  'tls',
  'queue',
  'cache',
  'capacity',
  'feature-flags',
  'backups',
  'search',
  'payments',
  'mobile',
  'clock-change',
  'dependency',
];
const CAUSES = [
  'a configuration push',
  'a weekly release',
  'a schema migration',
  'a certificate rotation',
  'a dependency upgrade',
  'a traffic spike',
  'a failover test',
  'a cache flush',
  'a node pool upgrade',
  'a DNS change',
  'a supplier outage',
  'a clock change',
  'a bulk import',
  'a feature flag change',
];
const SYMPTOMS = [
  'returned 5xx errors',
  'slowed to a crawl',
  'served stale data',
  'dropped messages',
  'rejected logins',
  'double-processed jobs',
  'ran out of connections',
  'stopped indexing',
  'timed out for some regions',
  'showed empty pages',
  'lost sessions',
  'charged twice',
];
const METRICS = [
  'error rate',
  'p99 latency',
  'queue depth',
  'consumer lag',
  'CPU steal',
  'heap usage',
  'connection count',
  'cache hit ratio',
  'disk latency',
  'replication lag',
];
const CADENCES = ['every week', 'every month', 'every quarter', 'on every release', 'nightly'];
const KINDS = ['prevent', 'mitigate', 'detect', 'process', 'learn'] as const;
const DECISIONS = ['rollback', 'hotfix', 'forward-fix', 'failover', 'config-revert', 'restore', 'wait-and-watch', 'other'] as const;
const DETECTIONS = ['alert', 'customer-report', 'employee-report', 'synthetic-check', 'other'] as const;
const TRIGGERS = ['deploy', 'config-change', 'infrastructure', 'dependency', 'traffic', 'data', 'security', 'unknown'] as const;
const HANDLES = ['akrishnan', 'sbrennan', 'ewong', 'tokafor', 'mlindqvist', 'pgarcia', 'jnakamura', 'rdubois', 'hsingh', 'cmurphy'];

/** One generated post-mortem: its archive-relative path and text. */
export interface GeneratedFile {
  path: string;
  id: string;
  text: string;
  status: string;
  visibility: string;
  type: string;
}

const YEAR_FROM = Date.UTC(2019, 0, 1);
const YEAR_TO = Date.UTC(2026, 9, 31);

/** Quotes a YAML scalar when it needs it (it never does for the texts below, but a colon could slip in). */
const yamlText = (text: string) => (/[:#'"{}[\],&*!|>%@`]/.test(text) || /^[-?]/.test(text) ? JSON.stringify(text) : text);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/**
 * `count` post-mortems from `seed`, oldest first; `catalogDir` is where services.yaml and teams.yaml
 * are read (the project's catalog by default).
 */
export function generateArchive(count: number, seed = DEFAULT_SEED, catalogDir = join(PROJECT, 'catalog')): GeneratedFile[] {
  const random = seeded(seed);
  const services = readServices(catalogDir);
  const teams = readTeams(catalogDir);
  const categories = DEFAULT_TAXONOMY.categories.map((c) => c.id);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const chance = (p: number) => random() < p;
  const some = <T>(list: readonly T[], lo: number, hi: number): T[] => {
    const n = between(lo, hi);
    const out = new Set<T>();
    while (out.size < Math.min(n, list.length)) out.add(pick(list));
    return [...out];
  };
  const weighted = <T>(entries: readonly [T, number][]): T => {
    let r = random() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of entries) if ((r -= w) < 0) return value;
    return entries[entries.length - 1]![0];
  };
  const word = () => pick(WORDS);
  const host = (service: string) => `${service.split('-')[0]}-${word()}-${between(1, 40)}`;

  const files: GeneratedFile[] = [];
  const span = (YEAR_TO - YEAR_FROM) / Math.max(count, 1);
  for (let n = 0; n < count; n++) {
    const startedMs = Math.floor((YEAR_FROM + n * span + random() * span * 0.9) / 60_000) * 60_000;
    const date = day(startedMs);
    const type = chance(0.15) ? 'near-miss' : 'incident';
    const status = weighted<string>([
      ['published', 90],
      ['in-review', 7],
      ['draft', 3],
    ]);
    const visibility = chance(0.3) ? 'public' : 'internal';
    const severity = weighted<string>([
      ['SEV1', 5],
      ['SEV2', 20],
      ['SEV3', 40],
      ['SEV4', 35],
    ]);
    const primary = pick(services);
    const chosen = chance(0.25) ? [primary, pick(services.filter((s) => s.id !== primary.id))] : [primary];
    const ownerTeams = [...new Set(chosen.map((s) => s.team))].filter((t) => teams.includes(t));
    const cause = pick(CAUSES);
    const symptom = pick(SYMPTOMS);
    const metric = pick(METRICS);
    const slug = `${primary.id}-${symptom.split(' ')[0]!.replace(/[^a-z0-9]/g, '')}-${word().replace(/[^a-z0-9]/g, '')}-${n}`;
    const id = `${date}-${slug}`;

    const detectMs = startedMs + between(1, 120) * 60_000;
    const mitigateMs = detectMs + between(5, 300) * 60_000;
    const resolveMs = mitigateMs + between(10, 3000) * 60_000;
    const windowMinutes = (mitigateMs - startedMs) / 60_000;
    const decision = pick(DECISIONS);
    const trigger = cause.includes('release') || cause.includes('upgrade') ? 'deploy' : pick(TRIGGERS);
    const detection = pick(DETECTIONS);

    const sloImpact =
      type === 'incident' && chance(0.8)
        ? chosen
            .filter((s) => s.slos.length > 0)
            .slice(0, 2)
            .map((s) => ({ slo: pick(s.slos).id, bad: between(1, Math.max(1, Math.floor(windowMinutes))) }))
        : [];
    const factors = some(categories, 1, 3).map((category) => ({
      category,
      description: `The ${word()} of ${primary.name} had no guard against ${cause} during ${metric} above ${between(50, 95)}%, and the ${word()} path was not covered.`,
    }));
    const itemCount = type === 'incident' ? between(1, 4) : between(0, 3);
    const items = Array.from({ length: itemCount }, () => {
      const due = startedMs + between(7, 120) * 86_400_000;
      const itemStatus = weighted<string>([
        ['open', 30],
        ['in-progress', 20],
        ['done', 40],
        ['wont-do', 10],
      ]);
      const closedMs = Math.min(startedMs + between(1, 150) * 86_400_000, Date.parse(BENCH_TODAY));
      const titles = [
        `Alert when the ${metric} of ${primary.name} stays above ${between(2, 40)}% for ${between(2, 15)} minutes`,
        `Add a ${between(5, 30)}-minute canary stage to ${primary.name} deploys`,
        `Cap the ${word()} pool of ${primary.name} at ${between(20, 400)} and fail fast after ${between(1, 10)} seconds`,
        `Run a restore drill of the ${primary.id} ${word()} store ${pick(CADENCES)}`,
        `Write a runbook section on the ${word()} for the ${primary.team} on-call rota`,
        `Require a second approver for ${primary.name} configuration pushes`,
        `Load-test ${primary.name} at ${between(2, 5)} times peak traffic before ${pick(['Black Friday', 'each sale', 'the spring launch'])}`,
      ];
      return {
        title: pick(titles),
        kind: pick(KINDS),
        owner: chance(0.7) ? pick(ownerTeams.length > 0 ? ownerTeams : teams) : pick(HANDLES),
        priority: pick(['P0', 'P1', 'P2', 'P3']),
        due: day(due),
        status: itemStatus,
        ticket: chance(0.6) ? `https://tracker.example.com/${primary.team.slice(0, 3).toUpperCase()}-${between(100, 9999)}` : undefined,
        closed: itemStatus === 'done' || itemStatus === 'wont-do' ? day(closedMs) : undefined,
      };
    });
    const observed = () =>
      `${pick(['The', 'One'])} ${word()} on ${host(primary.id)} ${pick(['showed', 'reported', 'logged', 'reached'])} ${metric} at ${between(2, 99)}%.`;
    const events = [
      { at: startedMs, kind: 'trigger', text: `${cause.replace(/^a/, 'A')} reached ${host(primary.id)}.` },
      { at: detectMs, kind: 'detect', text: `The ${metric} alert for ${primary.name} fired.` },
      ...Array.from({ length: between(0, 4) }, () => ({
        at: startedMs + Math.floor((random() * (resolveMs - startedMs)) / 60_000) * 60_000,
        kind: pick(['escalate', 'action', 'note']),
        text: observed(),
      })),
      {
        at: mitigateMs,
        kind: 'mitigate',
        text: `${decision.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())} finished; the ${metric} returned to normal.`,
      },
      { at: resolveMs, kind: 'resolve', text: `The ${word()} fix for ${primary.name} was deployed and verified.` },
    ].sort((a, b) => a.at - b.at);
    const earlier = files
      .slice(-60)
      .filter(() => chance(0.03))
      .slice(0, 2)
      .map((f) => f.id);
    const tags = chance(0.7) ? some(TAGS, 1, 3) : [];
    const usersAffected = between(10, 250_000);

    const front: string[] = [
      `title: ${yamlText(`${primary.name} ${symptom} after ${cause} (${between(2, 999)})`)}`,
      'summary: >-',
      `  ${primary.name} ${symptom} for ${Math.round(windowMinutes)} minutes after ${cause}. The ${word()} and the ${word()}`,
      `  were involved; ${type === 'near-miss' ? 'it was caught before any customer noticed' : `about ${usersAffected.toLocaleString('en-GB')} customers saw it`}.`,
      `status: ${status}`,
      `visibility: ${visibility}`,
      `type: ${type}`,
      `severity: ${severity}`,
      `services: [${chosen.map((s) => s.id).join(', ')}]`,
      `teams: [${ownerTeams.join(', ')}]`,
      `authors: [${some(HANDLES, 1, 2).join(', ')}]`,
      `tags: [${tags.join(', ')}]`,
      '',
      `started: ${iso(startedMs)}`,
      `detected: ${iso(detectMs)}`,
      `mitigated: ${iso(mitigateMs)}`,
      `resolved: ${iso(resolveMs)}`,
      '',
      `detection: ${detection}`,
      `trigger: ${trigger}`,
    ];
    if (trigger === 'deploy')
      front.push(
        'release:',
        `  ref: deploy-${between(1000, 99999)}`,
        `  pull_requests: ${between(1, 40)}`,
        `  lines_changed: ${between(10, 9000)}`,
      );
    front.push('response:', `  decision: ${decision}`);
    if (chance(0.6))
      front.push(
        `  rationale: ${yamlText(`With ${between(5, 95)}% of the month's error budget left, the team chose ${decision.replace(/-/g, ' ')} over a longer diagnosis.`)}`,
      );
    if (chance(0.4)) front.push(`  helped_by: [${some(teams, 1, 2).join(', ')}]`);
    front.push(`  responders: ${between(1, 14)}`);
    if (sloImpact.length > 0) {
      front.push('slo_impact:');
      for (const s of sloImpact) front.push(`  - slo: ${s.slo}`, `    bad_minutes: ${s.bad}`);
    }
    if (type === 'incident' && chance(0.6))
      front.push(
        'customer_impact:',
        `  users_affected: ${usersAffected}`,
        `  description: ${yamlText(`Customers of ${primary.name} saw requests ${symptom.replace(/^returned /, 'return ')} while the ${word()} recovered.`)}`,
      );
    front.push('contributing_factors:');
    for (const f of factors) front.push(`  - category: ${f.category}`, `    description: ${yamlText(f.description)}`);
    if (items.length > 0) {
      front.push('action_items:');
      for (const item of items) {
        front.push(
          `  - title: ${yamlText(item.title)}`,
          `    kind: ${item.kind}`,
          `    owner: ${item.owner}`,
          `    priority: ${item.priority}`,
          `    due: ${item.due}`,
          `    status: ${item.status}`,
        );
        if (item.ticket) front.push(`    ticket: ${item.ticket}`);
        if (item.closed) front.push(`    closed: ${item.closed}`);
      }
    }
    front.push('timeline:');
    for (const e of events) front.push(`  - at: ${iso(e.at)}`, `    kind: ${e.kind}`, `    text: ${yamlText(e.text)}`);
    if (earlier.length > 0) front.push(`related: [${earlier.join(', ')}]`);
    if (chance(0.03)) front.push('featured: true');

    const paragraph = (sentences: number) =>
      Array.from({ length: sentences }, () =>
        pick([
          `The ${word()} on ${host(primary.id)} reached ${between(60, 100)}% while the ${metric} rose from ${between(1, 9)} to ${between(10, 90)}.`,
          `Engineers compared the ${word()} graphs of ${primary.name} with the ${word()} dashboard and saw the change begin at ${hhmm(startedMs)} UTC.`,
          `The ${word()} in the ${word()} layer retried every request ${between(2, 9)} times, which multiplied the load on ${host(primary.id)}.`,
          `The ${cause.replace(/^an? /, '')} had passed review and staging, where the ${word()} was configured differently.`,
          `Nothing in the pipeline compared the ${word()} settings between staging and production before the rollout reached ${between(10, 100)}% of hosts.`,
          `The on-call engineer paged the ${primary.team} team after ${between(3, 40)} minutes, once the ${metric} alert had fired twice.`,
          `Customers in ${pick(['the north', 'Scotland', 'the south-west', 'London', 'Wales', 'the Midlands'])} were affected first, because their traffic goes through ${host(primary.id)}.`,
          `The ${word()} queue held ${between(1000, 900000).toLocaleString('en-GB')} messages at its peak and drained in ${between(4, 90)} minutes after the fix.`,
          `Rolling back took ${between(3, 25)} minutes, most of it waiting for the ${word()} to drain from the old hosts.`,
        ]),
      ).join(' ');

    const body: string[] = [
      '## Impact',
      '',
      paragraph(4),
      '',
      '## Timeline',
      '',
      ...events.map((e) => `- ${hhmm(e.at)}: ${e.text}`),
      '',
      paragraph(2),
      '',
      '## Contributing factors',
      '',
      ...factors
        .map((f) => `**${DEFAULT_TAXONOMY.categories.find((c) => c.id === f.category)!.name}.** ${paragraph(2)}`)
        .flatMap((p) => [p, '']),
      '## Response',
      '',
      paragraph(3),
      '',
      '## What went well',
      '',
      `- The ${metric} alert fired within ${between(1, 10)} minutes.`,
      `- The ${word()} runbook had the right commands for ${primary.name}.`,
      `- Support had a status message out after ${between(5, 30)} minutes.`,
      '',
      '## Lessons',
      '',
      paragraph(3),
      '',
    ];
    if (chance(0.2))
      body.push(
        '<Internal>',
        '',
        `The ${word()} credentials for ${host(primary.id)} were rotated afterwards as a precaution; ticket ${primary.team.toUpperCase()}-${between(100, 999)} holds the details.`,
        '',
        '</Internal>',
        '',
      );
    body.push(
      '## Supporting information',
      '',
      `| Measure | Before | During | After |`,
      `| --- | ---: | ---: | ---: |`,
      `| ${metric} | ${between(1, 9)} | ${between(10, 99)} | ${between(1, 9)} |`,
      `| ${word()} count | ${between(1, 50)} | ${between(50, 500)} | ${between(1, 50)} |`,
      `| Requests per second | ${between(100, 900)} | ${between(900, 5000)} | ${between(100, 900)} |`,
      '',
      '```text',
      `${iso(startedMs)} ${host(primary.id)} ${word()}: ${metric} ${between(50, 99)}% over threshold`,
      `${iso(detectMs)} ${host(primary.id)} ${word()}: alert fired, paging ${primary.team}`,
      `${iso(mitigateMs)} ${host(primary.id)} ${word()}: recovered after ${decision}`,
      '```',
      '',
    );
    const text = `---\n${front.join('\n')}\n---\n\n${body.join('\n')}`;
    files.push({ path: `incidents/${date.slice(0, 4)}/${id}.mdx`, id, text, status, visibility, type });
  }
  return files;
}

/** Three reading lists of published post-mortems, spread over the archive. */
export function generateReadingLists(files: readonly GeneratedFile[]): { path: string; text: string }[] {
  const published = files.filter((f) => f.status === 'published');
  if (published.length === 0) return [];
  return ['On-call essentials', 'Your first month on the platform', 'Near-misses worth reading'].map((title, list) => {
    const pool = list === 2 ? published.filter((f) => f.type === 'near-miss') : published;
    const step = Math.max(1, Math.floor(pool.length / 6));
    const items = pool.filter((_, i) => i % step === list % step).slice(0, 6);
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const lines = ['---', `title: ${title}`, 'audience: Engineers joining the on-call rota', `order: ${list + 1}`, 'items:'];
    for (const item of items.length > 0 ? items : published.slice(0, 1))
      lines.push(`  - incident: ${item.id}`, '    why: It shows how a small change reached every host before anyone could stop it.');
    lines.push('---', '', 'Read these in order; each one changed how the rota works, and the later ones refer back to the earlier.', '');
    return { path: `reading-lists/${slug}.mdx`, text: lines.join('\n') };
  });
}

/**
 * Writes a catalog (the project's, or the one in `catalogFrom`) and `count` generated post-mortems
 * under `root`; returns the files.
 */
export function writeArchive(root: string, count: number, seed = DEFAULT_SEED, catalogFrom = join(PROJECT, 'catalog')): GeneratedFile[] {
  cpSync(catalogFrom, join(root, 'catalog'), { recursive: true });
  const files = generateArchive(count, seed, join(root, 'catalog'));
  const folders = new Set<string>();
  for (const file of files) {
    const folder = join(root, file.path, '..');
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(join(root, file.path), file.text);
  }
  mkdirSync(join(root, 'reading-lists'), { recursive: true });
  for (const list of generateReadingLists(files)) writeFileSync(join(root, list.path), list.text);
  return files;
}
