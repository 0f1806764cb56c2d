import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintText } from '../../../src/check/engine.ts';
import type { CliIO } from '../../../src/check/cli.ts';
import { runCli } from '../../../src/check/cli.ts';
import type { Problem } from '../../../src/validation/problems.ts';

export const PROJECT = join(import.meta.dirname, '../../..');
export const FIXTURE = join(PROJECT, 'tests/fixtures/archive');
export const BROKEN = join(PROJECT, 'tests/fixtures/broken');
/** Kestrel Energy's archive, the one the end-to-end tests build (see tests/support/site-archive.ts). */
export const SITE = join(PROJECT, 'tests/fixtures/site');

/** Where a post-mortem made by `postmortem()` lives; its body starts on line 28. */
export const FILE = 'incidents/2025/2025-06-21-checkout-500s.mdx';
export const BODY_LINE = 28;

/** A valid post-mortem (no problems of any rule) with `body` after the frontmatter; `edit` changes the frontmatter. */
export function postmortem(body: string, edit: (frontmatter: string) => string = (f) => f): string {
  const frontmatter = `title: Checkout returned 500s after a flag config push
summary: A flag bundle went to every region at once and checkout failed for 45 minutes.
status: published
visibility: internal
type: incident
severity: SEV2
services: [checkout-api]
started: 2025-06-21T13:55:00Z
detected: 2025-06-21T14:02:00Z
mitigated: 2025-06-21T14:40:00Z
detection: alert
trigger: config-change
response:
  decision: rollback
contributing_factors:
  - category: configuration
    description: Flag bundles went to every region at once.
action_items:
  - title: Stage flag pushes through one canary region first
    kind: prevent
    owner: platform
    priority: P1
    due: 2025-07-15
    status: open
`;
  return `---\n${edit(frontmatter)}---\n\n${body}\n`;
}

/** Replaces exactly one occurrence, failing loudly if the text changed under the test. */
export function replaceOnce(search: string, replacement: string): (text: string) => string {
  return (text) => {
    const at = text.indexOf(search);
    if (at < 0 || text.indexOf(search, at + 1) >= 0) throw new Error(`expected ${JSON.stringify(search)} exactly once`);
    return text.slice(0, at) + replacement + text.slice(at + search.length);
  };
}

/** The lint problems of a text at `file` in the fixture archive. */
export function lint(text: string, file = FILE): Promise<Problem[]> {
  return lintText({ root: FIXTURE, file, text });
}

/** Problems as `line:column rule field found`, the shape most rule tests assert. */
export function rows(problems: readonly Problem[], rule?: string): string[] {
  return problems
    .filter((p) => !rule || p.rule === rule)
    .map((p) => `${p.line}:${p.column} ${p.rule}${p.field ? ` ${p.field}` : ''} ${p.found ?? ''}`.trimEnd());
}

/** A fresh copy of an archive folder in a temporary folder. */
export function copyArchive(from: string): string {
  const root = mkdtempSync(join(tmpdir(), 'hindsight-check-'));
  cpSync(from, root, { recursive: true });
  return root;
}

/** Runs `npm run check` in-process with these arguments (from the fixture site unless `cwd` says otherwise), capturing its output. */
export async function cli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; isTTY?: boolean } = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd: options.cwd ?? SITE,
    env: options.env ?? {},
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: options.isTTY ?? false,
  };
  const status = await runCli(args, io);
  return { status, stdout, stderr };
}
