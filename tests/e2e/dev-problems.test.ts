import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestChromium } from '../support/browser.ts';
import { PROJECT } from '../support/build-site.ts';

const FILE = 'incidents/2025/2025-06-21-checkout-500s.mdx';
let archive: string;
let server: ChildProcess;
let url: string;
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitForServer(address: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(address)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`npm run dev did not answer at ${address}`);
}

const edit = (from: string, to: string) => {
  const path = join(archive, FILE);
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
};

beforeAll(async () => {
  archive = join(mkdtempSync(join(tmpdir(), 'hindsight-dev-')), 'archive');
  cpSync(join(PROJECT, 'tests/fixtures/archive'), archive, { recursive: true });
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // The dev server runs as an author starts it, not as part of a test run (Vitest's variables would change how Vite behaves).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST'),
  );
  server = spawn('npx', ['astro', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: PROJECT,
    detached: true,
    stdio: ['ignore', openSync(join(archive, '../dev-server.log'), 'w'), openSync(join(archive, '../dev-server.log'), 'a')],
    env: {
      ...env,
      HINDSIGHT_ARCHIVE: archive,
      HINDSIGHT_CACHE_DIR: mkdtempSync(join(tmpdir(), 'hindsight-cache-')),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  await waitForServer(`${url}/incidents/`);
  browser = await launchTestChromium();
  // The first visit lets Vite optimise its dependencies, which reloads the page once.
  const warm = await browser.newPage();
  await warm.goto(`${url}/incidents/2025-06-21-checkout-500s/`);
  await warm.waitForTimeout(3_000);
  await warm.close();
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

describe('npm run dev shows problems where the author looks', () => {
  it("shows a post-mortem's problem on its page as the file is saved, and recovers when it is fixed", async () => {
    const page = await browser.newPage();
    await expect
      .poll(
        async () => {
          await page.goto(`${url}/incidents/2025-06-21-checkout-500s/`, { waitUntil: 'networkidle' });
          return page
            .locator('article.incident h1')
            .textContent({ timeout: 2_000 })
            .catch(() => undefined);
        },
        { timeout: 30_000 },
      )
      .toBe('Checkout returned 500s after a flag config push');
    expect(await page.locator('.dev-problems').count()).toBe(0);

    edit('severity: SEV2\n', 'severity: SEV22\n');
    const panel = page.locator('.dev-problems');
    let saves = 0;
    await expect
      .poll(
        async () => {
          if (++saves % 10 === 0) writeFileSync(join(archive, FILE), readFileSync(join(archive, FILE), 'utf8'));
          await page.reload({ waitUntil: 'networkidle' });
          return panel.count();
        },
        { timeout: 40_000 },
      )
      .toBe(1);
    expect((await panel.locator('h2').textContent())?.trim()).toBe(`1 problem in ${FILE}`);
    expect((await panel.locator('li').first().innerText()).replace(/\s+/g, ' ').trim()).toBe(
      `${FILE}:7:1 severity: expected one of SEV1, SEV2, SEV3, SEV4, found "SEV22". Did you mean "SEV2"? [schema]`,
    );
    // The last valid version stays readable below the problems.
    expect(await page.locator('article.incident h1').textContent()).toBe('Checkout returned 500s after a flag config push');

    edit('severity: SEV22\n', 'severity: SEV3\n');
    let polls = 0;
    await expect
      .poll(
        async () => {
          // On a machine this busy the file watcher can miss a save; an author would save again, and so does the test.
          if (++polls % 10 === 0) writeFileSync(join(archive, FILE), readFileSync(join(archive, FILE), 'utf8'));
          await page.reload({ waitUntil: 'networkidle' });
          return panel.count();
        },
        { timeout: 40_000 },
      )
      .toBe(0);
    await expect.poll(async () => page.locator('.badge.sev-SEV3').count(), { timeout: 5_000 }).toBe(1);
    await page.close();
  });

  it('shows the problems of a post-mortem that was never valid at its address', async () => {
    writeFileSync(
      join(archive, 'incidents/2025/2025-07-01-half-written.mdx'),
      '---\ntitle: Basket totals were wrong after a price import\nstatus: draft\n---\n\nPrices doubled {for an hour.\n',
    );
    const page = await browser.newPage();
    await expect
      .poll(
        async () => {
          await page.goto(`${url}/incidents/2025-07-01-half-written/`, { waitUntil: 'networkidle' });
          return page.locator('.dev-problems h2').count();
        },
        { timeout: 40_000 },
      )
      .toBe(1);
    expect(await page.locator('h1').first().textContent()).toBe('2025-07-01-half-written cannot be shown yet');
    const items = (await page.locator('.dev-problems li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(items[0]).toBe(
      'incidents/2025/2025-07-01-half-written.mdx:3:1 summary: required field is missing: expected text. Add summary: here, after title. [schema]',
    );
    expect(items.at(-1)).toBe(
      'incidents/2025/2025-07-01-half-written.mdx:6:29 MDX syntax error: Unexpected end of file in expression, expected a corresponding closing brace for `{`. In prose, write { } < > as \\{ \\} &lt; &gt; or put them in `inline code` or a fenced code block. [mdx-syntax]',
    );
    await page.close();
  });

  it("serves an incident's JSON record, which a build writes from /api/incidents.json", async () => {
    const response = await fetch(`${url}/api/incidents/2025-06-21-checkout-500s.json`);
    expect(response.status).toBe(200);
    const record = (await response.json()) as { id: string; url: string; title: string };
    expect([record.id, record.url, record.title]).toEqual([
      '2025-06-21-checkout-500s',
      '/incidents/2025-06-21-checkout-500s/',
      'Checkout returned 500s after a flag config push',
    ]);
  });

  it('validates a save that arrives in two writes by what the file holds at the end, not by its empty first half', async () => {
    const path = join(archive, FILE);
    const text = readFileSync(path, 'utf8');
    const page = await browser.newPage();
    // Some editors truncate the file, then write it: the watcher sees the empty file first.
    writeFileSync(path, '');
    await new Promise((r) => setTimeout(r, 5));
    writeFileSync(path, text.replace(/^severity: SEV\d\n/m, 'severity: SEV9\n'));
    const panel = page.locator('.dev-problems');
    await expect
      .poll(
        async () => {
          await page.goto(`${url}/incidents/2025-06-21-checkout-500s/`, { waitUntil: 'networkidle' });
          return panel.count();
        },
        { timeout: 40_000 },
      )
      .toBe(1);
    expect((await panel.locator('li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      `${FILE}:7:1 severity: expected one of SEV1, SEV2, SEV3, SEV4, found "SEV9". [schema]`,
    ]);
    writeFileSync(path, text);
    await page.close();
  });
});
