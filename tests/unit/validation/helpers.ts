import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkArchive } from '../../../src/validation/archive.ts';
import { formatProblem, sortProblems } from '../../../src/validation/problems.ts';

export const FIXTURE = join(import.meta.dirname, '../../fixtures/archive');
export const CHECKOUT = 'incidents/2025/2025-06-21-checkout-500s.mdx';

/** A fresh copy of the fixture archive in a temporary folder. */
export function copyFixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'hindsight-archive-'));
  cpSync(FIXTURE, root, { recursive: true });
  return root;
}

/** Copies the fixture archive to a temporary folder, applies `edit` to one file and returns the formatted problems. */
export function problemsAfter(file: string, edit: (text: string) => string, extra: Record<string, string> = {}): string[] {
  const root = copyFixture();
  const path = join(root, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(root, name), text);
  return sortProblems(checkArchive(root).problems).map(formatProblem);
}

/** Replaces exactly one occurrence, failing loudly if the fixture changed under the test. */
export function replaceOnce(search: string, replacement: string): (text: string) => string {
  return (text) => {
    const at = text.indexOf(search);
    if (at < 0 || text.indexOf(search, at + 1) >= 0) throw new Error(`fixture should contain ${JSON.stringify(search)} exactly once`);
    return text.slice(0, at) + replacement + text.slice(at + search.length);
  };
}
