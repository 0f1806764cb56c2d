/**
 * `npm run dev` as an author meets it: the time from starting the server to the first incident page
 * served, and from saving an edited title to the page showing it (the page polled every 50 ms).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { killGroup, sampleTree } from './measure.ts';

export interface DevResult {
  /** Seconds from spawning `astro dev` to its "ready" line. */
  readySeconds?: number;
  /** Seconds from spawning to the first incident page answered in full. */
  firstPageSeconds: number;
  /** Seconds from writing an edited title to the page showing it, one per edit (NaN: not shown within a minute). */
  editSeconds: number[];
  /** Saves repeated per edit because the page still did not show it 5 s after the last save (the watcher missed one). */
  resaves: number[];
  /** Peak summed RSS of the server's process tree while measured, MiB. */
  treePeakMiB: number;
}

/** A port nobody listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function fetchText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `npx astro dev` in `cwd`, waits for `/incidents/<id>/` to show `title`, then edits the
 * title in `file` `edits` times and waits for each to show. The file is restored afterwards.
 */
export async function measureDev(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  id: string;
  file: string;
  title: string;
  edits: number;
  timeoutSeconds: number;
  /** The same port for every start: it is part of Astro's configuration, and a new one clears the content cache. */
  port: number;
}): Promise<DevResult> {
  const port = options.port;
  const original = readFileSync(options.file, 'utf8');
  const start = performance.now();
  const child = spawn('npx', ['astro', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampler = sampleTree(child.pid!);
  let log = '';
  let readySeconds: number | undefined;
  const onData = (chunk: Buffer) => {
    log += chunk.toString('utf8');
    if (readySeconds === undefined && /ready in|Local\s+http/.test(log)) readySeconds = (performance.now() - start) / 1000;
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const deadline = start + options.timeoutSeconds * 1000;
  const url = `http://127.0.0.1:${port}/incidents/${options.id}/`;
  /** Polls the page until it shows `text`; `again` runs when it has not for 5 s; undefined after `giveUpMs`. */
  const waitFor = async (text: string, again?: () => void, giveUpMs = Infinity): Promise<number | undefined> => {
    const from = performance.now();
    let last = from;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`astro dev exited (${child.exitCode}):\n${log.slice(-3000)}`);
      if (performance.now() > deadline)
        throw new Error(`astro dev: ${url} did not show "${text}" in ${options.timeoutSeconds} s:\n${log.slice(-3000)}`);
      const body = await fetchText(url);
      if (body?.includes(text)) return performance.now();
      if (performance.now() - from > giveUpMs) return undefined;
      if (again && performance.now() - last > 5000) {
        again();
        last = performance.now();
      }
      await sleep(50);
    }
  };
  try {
    const firstPageSeconds = ((await waitFor(options.title))! - start) / 1000;
    const editSeconds: number[] = [];
    const resaves: number[] = [];
    for (let n = 1; n <= options.edits; n++) {
      const marker = `Benchmark edit ${n} of ${options.title}`.slice(0, 118);
      const edited = original.replace(/^title: .*$/m, `title: ${JSON.stringify(marker)}`);
      // Let the watcher settle after the previous change.
      await sleep(500);
      const saved = performance.now();
      writeFileSync(options.file, edited);
      let again = 0;
      // An author whose save did not show saves again; so does this, and counts it.
      const shown = await waitFor(
        marker,
        () => {
          again += 1;
          writeFileSync(options.file, edited);
        },
        60_000,
      );
      editSeconds.push(shown === undefined ? NaN : (shown - saved) / 1000);
      resaves.push(again);
    }
    return { readySeconds, firstPageSeconds, editSeconds, resaves, treePeakMiB: sampler.stop() / (1024 * 1024) };
  } finally {
    sampler.stop();
    writeFileSync(options.file, original);
    killGroup(child);
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const force = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
      child.on('close', () => {
        clearTimeout(force);
        resolve();
      });
    });
  }
}
