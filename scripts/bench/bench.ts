/**
 * `npm run bench`: Hindsight at scale, against a bare Astro 7 + @astrojs/mdx + Pagefind site built in
 * the same run from the same generated files, the two alternating so machine noise hits both.
 *
 *   npm run bench -- [--sizes 1000,5000] [--runs 1] [--only build,check,dev,search] [--seed N]
 *                    [--source head|worktree] [--with path,...] [--profile] [--keep]
 *
 * For each size: cold builds (no caches), warm builds (caches and output kept, nothing changed) and a
 * one-file edit rebuild (incremental build, caches kept), each with wall time and peak memory; pages,
 * output and Pagefind index sizes; `npm run check` over the archive and with `--changed` for one
 * edited file in a throwaway git repository; `npm run dev` start-up and edit-to-visible time; the
 * first search in headless Chromium. `--profile` instead records CPU profiles of a cold build and
 * of the check and summarises them. Results go to bench-results/<date>-<sizes>.json and .md.
 *
 * The copy of Hindsight that is measured is HEAD's files by default (`--source worktree` takes the
 * working tree; `--with` lays chosen working-tree files over HEAD). Nothing here asserts a timing.
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem, type } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_TODAY, DEFAULT_SEED, PROJECT, writeArchive, type GeneratedFile } from './generate.ts';
import { folderSize, parseBuildLog, runOk, type BuildPhases, type Measured } from './measure.ts';
import { copyHindsight, writeBareSite } from './sites.ts';
import { freePort, measureDev, type DevResult } from './dev.ts';
import { measureSearch, type SearchResult } from './search.ts';
import { summariseProfile, type ProfileSummary } from './cpuprofile.ts';
import { renderMarkdown } from './report.ts';

const SECTIONS = ['build', 'check', 'dev', 'search'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '1' },
    only: { type: 'string', default: SECTIONS.join(',') },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    source: { type: 'string', default: 'head' },
    with: { type: 'string', default: '' },
    out: { type: 'string', default: join(PROJECT, 'bench-results') },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map((s) => Number(s.replace(/_/g, '')));
if (sizes.some((n) => !Number.isInteger(n) || n < 1))
  throw new Error(`--sizes: expected whole numbers such as 1000,5000, found "${values.sizes}"`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a whole number above 0, found "${values.runs}"`);
const only = new Set(values.only.split(',') as Section[]);
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`--only: expected some of ${SECTIONS.join(', ')}, found "${s}"`);
if (values.source !== 'head' && values.source !== 'worktree')
  throw new Error(`--source: expected head or worktree, found "${values.source}"`);
const source = values.source;
const seed = Number(values.seed);
const overlay = values.with.split(',').filter(Boolean);

const log = (text: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);
const BASE_ENV = { ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };

/** One run of npm run check. */
export interface CheckRun {
  seconds: number;
  cpuSeconds?: number;
  treePeakMiB: number;
}
/** One build: what it cost and where the time went. */
export interface BuildRun {
  seconds: number;
  cpuSeconds?: number;
  treePeakMiB: number;
  processPeakMiB?: number;
  phases: BuildPhases;
}
export interface OutputSizes {
  pages: number;
  htmlFiles: number;
  outputBytes: number;
  pagefindBytes: number;
  pagefindFiles: number;
  /** Incident pages: median and largest HTML, and the CSS each links. */
  incidentHtmlMedian?: number;
  incidentHtmlMax?: number;
  incidentCss?: number;
}
export interface SizeResult {
  files: number;
  archiveBytes: number;
  build?: {
    hindsight: { cold: BuildRun[]; warm: BuildRun[]; edit: BuildRun[] };
    bare: { cold: BuildRun[]; warm: BuildRun[]; edit: BuildRun[] };
    output: { hindsight: OutputSizes; bare: OutputSizes };
  };
  check?: { full: CheckRun[]; changed: CheckRun[] };
  dev?: { cold: DevResult; warm: DevResult };
  search?: { page: SearchResult[]; api: { hindsight: SearchResult[]; bare: SearchResult[] } };
  profile?: { build: ProfileSummary; check: ProfileSummary; buildPhases: BuildPhases; buildSeconds: number; checkSeconds: number };
}
export interface BenchResults {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; os: string };
  commit: string;
  source: string;
  overlay: string[];
  seed: number;
  runs: number;
  today: string;
  results: SizeResult[];
}

const toRun = (m: Measured): BuildRun => ({
  seconds: m.seconds,
  cpuSeconds: m.cpuSeconds,
  treePeakMiB: m.treePeakMiB,
  processPeakMiB: m.processPeakMiB,
  phases: parseBuildLog(m.stdout + m.stderr),
});

function outputSizes(dir: string, incidentsUnder: string): OutputSizes {
  const html = folderSize(dir, (name) => name.endsWith('.html'));
  const pagefind = folderSize(join(dir, 'pagefind'));
  const out: OutputSizes = {
    pages: html.files,
    htmlFiles: html.files,
    outputBytes: folderSize(dir).bytes,
    pagefindBytes: pagefind.bytes,
    pagefindFiles: pagefind.files,
  };
  const incidentDir = join(dir, incidentsUnder);
  if (!existsSync(incidentDir)) return out;
  const pages = (readdirSync(incidentDir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('index.html') && f !== 'index.html')
    .map((f) => join(incidentDir, f));
  if (pages.length === 0) return out;
  const sizes = pages.map((p) => statSync(p).size).sort((a, b) => a - b);
  out.incidentHtmlMedian = sizes[Math.floor(sizes.length / 2)];
  out.incidentHtmlMax = sizes[sizes.length - 1];
  const css = [...readFileSync(pages[0]!, 'utf8').matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  out.incidentCss = css.reduce((sum, href) => {
    const file = join(dir, href.replace(/^\//, ''));
    return sum + (existsSync(file) ? statSync(file).size : 0);
  }, 0);
  return out;
}

/** A published incident in the middle of the archive: the one every edit measurement changes. */
function editTarget(files: readonly GeneratedFile[]): GeneratedFile {
  const published = files.filter((f) => f.status === 'published');
  return published[Math.floor(published.length / 2)]!;
}

function edited(text: string, n: number): string {
  return text
    .replace(/^title: (.*)$/m, (_, title: string) => `title: ${JSON.stringify(`${title.replace(/^"|"$/g, '')} (edited ${n})`)}`)
    .replace('## Impact\n\n', `## Impact\n\nThis paragraph was added by benchmark edit ${n}.\n\n`);
}

async function benchSize(root: string, hindsight: string, bare: string, n: number): Promise<SizeResult> {
  const archive = join(root, 'archive');
  rmSync(archive, { recursive: true, force: true });
  // The catalog of the copy being measured: the working tree's may be mid-edit.
  const files = writeArchive(archive, n, seed, join(hindsight, 'catalog'));
  const result: SizeResult = { files: n, archiveBytes: files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0) };
  const target = editTarget(files);
  const targetPath = join(archive, target.path);
  const hEnv = (cache: string) => ({ ...BASE_ENV, HINDSIGHT_ARCHIVE: archive, HINDSIGHT_CACHE_DIR: cache, HINDSIGHT_TODAY: BENCH_TODAY });
  const bEnv = (cache: string) => ({ ...BASE_ENV, BENCH_CACHE_DIR: cache });
  const timeoutSeconds = 1800;
  log(`${n} files generated (${(result.archiveBytes / 1e6).toFixed(1)} MB); edit target ${target.path}`);

  if (values.profile) {
    const profDir = join(root, 'profiles');
    rmSync(profDir, { recursive: true, force: true });
    const buildDir = join(profDir, 'build');
    const checkDir = join(profDir, 'check');
    mkdirSync(buildDir, { recursive: true });
    mkdirSync(checkDir, { recursive: true });
    const out = join(root, 'h-out');
    rmSync(out, { recursive: true, force: true });
    log('profiling a cold Hindsight build');
    const build = await runOk('Hindsight build', 'npx', ['astro', 'build', '--outDir', out, '--force'], {
      cwd: hindsight,
      timeoutSeconds,
      env: { ...hEnv(join(root, 'h-cache-prof')), NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${buildDir}` },
    });
    log(`build ${build.seconds.toFixed(1)} s (CPU ${build.cpuSeconds?.toFixed(1)} s); profiling npm run check`);
    const check = await runOk('npm run check', 'npm', ['run', 'check', '--', '--quiet'], {
      cwd: hindsight,
      timeoutSeconds,
      env: { ...hEnv(join(root, 'h-cache-prof')), NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${checkDir}` },
    });
    const largest = (dir: string) =>
      readdirSync(dir)
        .map((f) => join(dir, f))
        .sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
    result.profile = {
      build: summariseProfile(largest(buildDir)),
      check: summariseProfile(largest(checkDir)),
      buildPhases: parseBuildLog(build.stdout + build.stderr),
      buildSeconds: build.seconds,
      checkSeconds: check.seconds,
    };
    if (values.keep) log(`profiles kept in ${profDir}`);
    return result;
  }

  if (only.has('build')) {
    const runsOf = () => ({ cold: [] as BuildRun[], warm: [] as BuildRun[], edit: [] as BuildRun[] });
    const build = { hindsight: runsOf(), bare: runsOf(), output: { hindsight: {} as OutputSizes, bare: {} as OutputSizes } };
    for (let r = 0; r < runs; r++) {
      const dirs = {
        hindsight: { out: join(root, 'h-out'), cache: join(root, 'h-cache') },
        bare: { out: join(root, 'b-out'), cache: join(root, 'b-cache') },
      };
      for (const d of Object.values(dirs)) for (const p of Object.values(d)) rmSync(p, { recursive: true, force: true });
      const order: ('hindsight' | 'bare')[] = r % 2 === 0 ? ['hindsight', 'bare'] : ['bare', 'hindsight'];
      const original = readFileSync(targetPath, 'utf8');
      try {
        for (const phase of ['cold', 'warm', 'edit'] as const) {
          if (phase === 'edit') writeFileSync(targetPath, edited(original, r + 1));
          for (const site of order) {
            const { out, cache } = dirs[site];
            const args = ['astro', 'build', '--outDir', out, ...(phase === 'cold' ? ['--force'] : [])];
            const measured =
              site === 'hindsight'
                ? await runOk('Hindsight build', 'npx', args, { cwd: hindsight, env: hEnv(cache), timeoutSeconds })
                : await runOk('bare build', 'npx', args, { cwd: bare, env: bEnv(cache), timeoutSeconds });
            const entry = toRun(measured);
            build[site][phase].push(entry);
            log(
              `run ${r + 1}/${runs} ${phase.padEnd(4)} ${site.padEnd(9)} ${entry.seconds.toFixed(1).padStart(6)} s (CPU ${entry.cpuSeconds?.toFixed(1)} s), peak ${entry.treePeakMiB.toFixed(0)} MiB (tree)${entry.processPeakMiB ? `, ${entry.processPeakMiB.toFixed(0)} MiB (largest process)` : ''}`,
            );
            if (phase === 'cold' && r === runs - 1) build.output[site] = outputSizes(out, site === 'hindsight' ? 'incidents' : 'incidents');
          }
        }
      } finally {
        writeFileSync(targetPath, original);
      }
    }
    result.build = build;
  }

  if (only.has('check')) {
    const full: CheckRun[] = [];
    const changed: CheckRun[] = [];
    const env = hEnv(join(root, 'h-cache'));
    for (let r = 0; r < runs; r++) {
      const m = await runOk('npm run check', 'npm', ['run', 'check', '--', '--quiet'], { cwd: hindsight, env, timeoutSeconds });
      full.push({ seconds: m.seconds, cpuSeconds: m.cpuSeconds, treePeakMiB: m.treePeakMiB });
      log(`check (whole archive) ${m.seconds.toFixed(1)} s (CPU ${m.cpuSeconds?.toFixed(1)} s), peak ${m.treePeakMiB.toFixed(0)} MiB`);
    }
    // --changed needs history: the archive becomes a throwaway git repository with one commit.
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', archive, '-c', 'user.name=Benchmark', '-c', 'user.email=bench@example.invalid', ...args], {
        stdio: 'ignore',
        maxBuffer: 1 << 28,
      });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'generated archive');
    const original = readFileSync(targetPath, 'utf8');
    try {
      for (let r = 0; r < runs; r++) {
        writeFileSync(targetPath, edited(original, r + 1));
        const m = await runOk('npm run check --changed', 'npm', ['run', 'check', '--', '--changed', 'main', '--quiet'], {
          cwd: hindsight,
          env,
          timeoutSeconds,
        });
        changed.push({ seconds: m.seconds, cpuSeconds: m.cpuSeconds, treePeakMiB: m.treePeakMiB });
        log(`check --changed (one file) ${m.seconds.toFixed(1)} s (CPU ${m.cpuSeconds?.toFixed(1)} s)`);
      }
    } finally {
      writeFileSync(targetPath, original);
      rmSync(join(archive, '.git'), { recursive: true, force: true });
    }
    result.check = { full, changed };
  }

  if (only.has('dev')) {
    const cache = join(root, 'dev-cache');
    rmSync(cache, { recursive: true, force: true });
    // astro dev keeps its content store in the project's .astro folder, not in the cache folder.
    rmSync(join(hindsight, '.astro', 'data-store.json'), { force: true });
    const title = /^title: (.*)$/m.exec(target.text)![1]!.replace(/^"|"$/g, '');
    const options = {
      cwd: hindsight,
      env: hEnv(cache),
      id: target.id,
      file: targetPath,
      title,
      edits: 3,
      timeoutSeconds: 900,
      port: await freePort(),
    };
    const cold = await measureDev(options);
    log(
      `dev (no cache): first page ${cold.firstPageSeconds.toFixed(1)} s, edits visible after ${cold.editSeconds.map((s) => s.toFixed(2)).join(', ')} s (saves repeated: ${cold.resaves.join(', ')})`,
    );
    const warm = await measureDev(options);
    log(
      `dev (cache kept): first page ${warm.firstPageSeconds.toFixed(1)} s, edits visible after ${warm.editSeconds.map((s) => s.toFixed(2)).join(', ')} s (saves repeated: ${warm.resaves.join(', ')})`,
    );
    result.dev = { cold, warm };
  }

  if (only.has('search')) {
    const hOut = join(root, 'h-out');
    const bOut = join(root, 'b-out');
    if (!existsSync(join(hOut, 'pagefind')))
      await runOk('Hindsight build', 'npx', ['astro', 'build', '--outDir', hOut], {
        cwd: hindsight,
        env: hEnv(join(root, 'h-cache')),
        timeoutSeconds,
      });
    if (!existsSync(join(bOut, 'pagefind')))
      await runOk('bare build', 'npx', ['astro', 'build', '--outDir', bOut], {
        cwd: bare,
        env: bEnv(join(root, 'b-cache')),
        timeoutSeconds,
      });
    const terms = ['rollback', 'certificate rotation', 'warehouse'];
    const chromium = process.env.HINDSIGHT_CHROMIUM_PATH || undefined;
    const page = await measureSearch(hOut, terms, 'page', chromium);
    const api = {
      hindsight: await measureSearch(hOut, terms, 'api', chromium, '/404.html'),
      bare: await measureSearch(bOut, terms, 'api', chromium, '/'),
    };
    for (const s of page)
      log(
        `search page "${s.term}": ${s.pageToResultsMs} ms from navigation, ${s.pagefindToResultsMs} ms from pagefind.js, ${(s.pagefindBytes / 1024).toFixed(0)} KiB Pagefind, ${(s.totalBytes / 1024).toFixed(0)} KiB in all`,
      );
    result.search = { page, api };
  }
  return result;
}

function machine(): BenchResults['machine'] {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${type()} ${readFileSync('/proc/version', 'utf8').split(' ')[2] ?? ''}`.trim(),
  };
}

const root = mkdtempSync('/tmp/hindsight-bench-');
const hindsight = join(root, 'hindsight');
const bare = join(root, 'bare');
const results: BenchResults = {
  date: new Date().toISOString(),
  machine: machine(),
  commit: execFileSync('git', ['-C', PROJECT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(),
  source,
  overlay,
  seed,
  runs,
  today: BENCH_TODAY,
  results: [],
};
mkdirSync(values.out, { recursive: true });
const stem = join(values.out, `${results.date.slice(0, 10)}-${values.profile ? 'profile-' : ''}${sizes.join('-')}`);
/** Writes what is measured so far: a long run stopped half-way keeps its finished sizes. */
function save(): string {
  writeFileSync(`${stem}.json`, `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderMarkdown(results);
  writeFileSync(`${stem}.md`, markdown);
  return markdown;
}
try {
  copyHindsight(hindsight, source, overlay);
  writeBareSite(bare, join(root, 'archive', 'incidents'));
  log(
    `Hindsight (${source}${overlay.length > 0 ? ` + ${overlay.join(', ')}` : ''} at ${results.commit}) in ${hindsight}; bare site in ${bare}`,
  );
  for (const n of sizes) {
    results.results.push(await benchSize(root, hindsight, bare, n));
    save();
    for (const name of ['h-out', 'b-out', 'h-cache', 'b-cache', 'dev-cache', 'h-cache-prof'])
      if (!values.keep) rmSync(join(root, name), { recursive: true, force: true });
  }
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
  else log(`kept ${root}`);
}
console.log(`\n${save()}`);
log(`results in ${stem}.json and ${stem}.md`);
