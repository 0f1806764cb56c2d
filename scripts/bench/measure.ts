/**
 * Running a command and measuring it: wall time, the peak memory of its whole process tree (summed
 * resident set sizes, sampled from /proc) and, where GNU time is installed, the largest single
 * process's peak as the kernel counted it. Also reads Astro's build log into phases.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';
const PAGE_SIZE = 4096;

/** What one run of a command cost. */
export interface Measured {
  seconds: number;
  /** Peak of the summed RSS of the process and all its descendants, sampled every 100 ms, in MiB. */
  treePeakMiB: number;
  /** Peak RSS of the largest single process (GNU time's "Maximum resident set size"), in MiB, when known. */
  processPeakMiB?: number;
  /** User plus system CPU seconds of the whole tree (GNU time), when known: less affected by other load than wall time. */
  cpuSeconds?: number;
  stdout: string;
  stderr: string;
  status: number | null;
}

/** The pid → parent pid of every process, from /proc. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces; the parent pid is the 2nd field after it.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(name), Number(fields[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** Summed resident memory of `root` and its descendants, in bytes. */
export function treeRss(root: number): number {
  const tree = parents();
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of tree) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
    } catch {
      // Gone already.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Samples the tree's memory until stopped; returns the peak in bytes. */
export function sampleTree(pid: number, everyMs = 100): { stop: () => number } {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, treeRss(pid));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the command after this many seconds. */
  timeoutSeconds?: number;
}

const MiB = 1024 * 1024;

/** Runs a command to completion, measuring it. The command runs in its own process group. */
export function run(command: string, args: string[], options: RunOptions): Promise<Measured> {
  const withTime = existsSync(GNU_TIME);
  const [file, argv] = withTime ? [GNU_TIME, ['-v', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(file, argv, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sampler = sampleTree(child.pid!);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = options.timeoutSeconds ? setTimeout(() => killGroup(child), options.timeoutSeconds * 1000) : undefined;
    child.on('error', reject);
    child.on('close', (status) => {
      const seconds = (performance.now() - start) / 1000;
      const peak = sampler.stop();
      if (timer) clearTimeout(timer);
      let processPeakMiB: number | undefined;
      let cpuSeconds: number | undefined;
      if (withTime) {
        const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        if (match) processPeakMiB = Number(match[1]) / 1024;
        const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
        const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
        if (user && system) cpuSeconds = Number(user[1]) + Number(system[1]);
        // GNU time's report is not the command's output.
        const at = stderr.lastIndexOf('\tCommand being timed:');
        if (at >= 0) stderr = stderr.slice(0, at);
      }
      resolve({ seconds, treePeakMiB: peak / MiB, processPeakMiB, cpuSeconds, stdout, stderr, status });
    });
  });
}

/** Ends a process group this module started. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Runs a command and throws with its output when it fails. */
export async function runOk(label: string, command: string, args: string[], options: RunOptions): Promise<Measured> {
  const result = await run(command, args, options);
  if (result.status !== 0)
    throw new Error(`${label} failed (exit ${result.status}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  return result;
}

/** Where an Astro build spent its time, read from its log. */
export interface BuildPhases {
  /** "[types] Generated": content sync and type generation, seconds. */
  contentSync?: number;
  /** "Collecting build info... Completed in": includes the content sync. */
  buildInfo?: number;
  /** Vite bundling ("[vite] built in"), all bundles summed, seconds. */
  vite?: number;
  /** "generating static routes ... Completed in", seconds. */
  generate?: number;
  /** From the end of page generation to the end of the build (sitemap, Pagefind, _headers), seconds, from log clock times. */
  afterGenerate?: number;
  /** From the line before Pagefind's to Pagefind's own line, seconds (log clock: whole seconds). */
  pagefind?: number;
  /** "N page(s) built in", seconds. */
  total?: number;
  pages?: number;
  /** Pages rendered this run, and how many were restored from the incremental cache (when the log says). */
  rendered?: number;
  restored?: number;
  /** Milliseconds of page rendering by page type (a route with its last part as `*`), and pages of each. */
  byType: Record<string, { pages: number; ms: number }>;
}

const seconds = (value: string, unit: string) => Number(value) * (unit === 'ms' ? 0.001 : unit === 'm' ? 60 : 1);
/** A duration as Astro logs it: `812ms`, `3.53s`, `1m 33s`. */
const DURATION = String.raw`((?:\d+m\s*)?[\d.]+(?:ms|s)|\d+m)`;
export function parseDuration(text: string): number {
  let total = 0;
  for (const m of text.matchAll(/([\d.]+)(ms|s|m)/g)) total += seconds(m[1]!, m[2]!);
  return total;
}
const clock = (line: string): number | undefined => {
  const m = /^(\d\d):(\d\d):(\d\d)/.exec(line);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
};

/** The route type of a generated file: `/incidents/x/index.html` → `/incidents/*`. */
export function pageType(path: string): string {
  const clean = path.replace(/index\.html$/, '').replace(/\/$/, '');
  const parts = clean.split('/').filter(Boolean);
  if (parts.length <= 1) return `/${parts.join('/')}`;
  return `/${parts.slice(0, -1).join('/')}/*`;
}

/** Reads the phases of an `astro build` log (colours stripped). */
export function parseBuildLog(log: string): BuildPhases {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes
  const lines = log.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const phases: BuildPhases = { byType: {} };
  let inGenerate = false;
  let generateEnd: number | undefined;
  let last: number | undefined;
  let beforePagefind: number | undefined;
  let rendered = 0;
  let restored = 0;
  for (const line of lines) {
    const time = clock(line);
    let m: RegExpExecArray | null;
    if ((m = new RegExp(String.raw`\[types\] Generated ${DURATION}`).exec(line))) phases.contentSync = parseDuration(m[1]!);
    else if ((m = new RegExp(String.raw`\[vite\] ✓ built in ${DURATION}`).exec(line)))
      phases.vite = (phases.vite ?? 0) + parseDuration(m[1]!);
    else if (/generating static routes/.test(line)) inGenerate = true;
    else if ((m = new RegExp(String.raw`(\d+) page\(s\) built in ${DURATION}`).exec(line))) {
      phases.pages = Number(m[1]);
      phases.total = parseDuration(m[2]!);
    } else if ((m = new RegExp(String.raw`✓ Completed in ${DURATION}`).exec(line))) {
      if (inGenerate && phases.generate === undefined && !/\[build\]/.test(line)) {
        phases.generate = parseDuration(m[1]!);
        generateEnd = time;
      } else if (phases.buildInfo === undefined && !inGenerate) phases.buildInfo = parseDuration(m[1]!);
    } else if ((m = /[├└]─ (\S+) \(\+([\d.]+)(ms|s)\)/.exec(line))) {
      const type = pageType(m[1]!);
      const entry = (phases.byType[type] ??= { pages: 0, ms: 0 });
      entry.pages += 1;
      entry.ms += seconds(m[2]!, m[3]!) * 1000;
      rendered += 1;
    } else if (/[├└]─ \S+ \(restored\)/.test(line)) restored += 1;
    if (/Search index written/.test(line) && time !== undefined && beforePagefind !== undefined) phases.pagefind = time - beforePagefind;
    if (time !== undefined) {
      if (!/Search index written/.test(line)) beforePagefind = time;
      last = time;
    }
  }
  if (generateEnd !== undefined && last !== undefined) phases.afterGenerate = last - generateEnd;
  phases.rendered = rendered;
  phases.restored = restored;
  return phases;
}

/** Total size in bytes and count of the files under a folder (0 when it does not exist). */
export function folderSize(dir: string, filter: (name: string) => boolean = () => true): { bytes: number; files: number } {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !filter(entry.name)) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}
