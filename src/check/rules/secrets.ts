import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { lintSource } from '@secretlint/core';
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend';
import type { DocumentRule, LintDocument, LintFinding } from '../types.ts';
import { fieldAtOffset } from '../document.ts';

// A redacted value is the fix, so it must pass: REDACTED, <redacted> or a run of asterisks in place of a password.
const PLACEHOLDERS = ['/redacted/i', '/\\*{3,}/'];
const CONFIG = {
  rules: [
    {
      id: '@secretlint/secretlint-rule-preset-recommend',
      rule: recommendedPreset,
      rules: [
        { id: '@secretlint/secretlint-rule-database-connection-string', options: { allows: PLACEHOLDERS } },
        { id: '@secretlint/secretlint-rule-basicauth', options: { allows: PLACEHOLDERS } },
      ],
    },
  ],
};

/** What secretlint's profiler keeps: every mark and measure it has seen, and the measures it is taking. */
interface Profiler {
  entries: unknown[];
  measures: unknown[];
  executionPromises: Promise<unknown>[];
}
let profiler: Promise<Profiler | undefined> | undefined;

/** The profiler instance @secretlint/core itself uses (its own dependency, resolved from where it is installed). */
async function loadProfiler(): Promise<Profiler | undefined> {
  try {
    const core = createRequire(import.meta.url).resolve('@secretlint/core');
    const url = pathToFileURL(createRequire(core).resolve('@secretlint/profiler')).href;
    return ((await import(url)) as { secretLintProfiler?: Profiler }).secretLintProfiler;
  } catch {
    return undefined;
  }
}

/**
 * secretlint's profiler keeps every performance mark of the process and, for each new one, searches
 * all those before it, so checking N files cost N² (three quarters of npm run check at 3,000 files).
 * After each file, once the profiler has seen that file's marks, they are dropped from it and from
 * Node's performance timeline, which keeps them too.
 */
async function forgetProfile(): Promise<void> {
  const found = await (profiler ??= loadProfiler());
  if (!found || !Array.isArray(found.entries)) return;
  // Its observer runs in a later turn of the event loop, then the measures it queues.
  await new Promise((resolve) => setImmediate(resolve));
  await Promise.allSettled(found.executionPromises);
  found.entries.length = 0;
  found.measures.length = 0;
  found.executionPromises.length = 0;
  for (const entry of performance.getEntriesByType('mark')) if (entry.name.startsWith('@core>')) performance.clearMarks(entry.name);
  for (const entry of performance.getEntriesByType('measure')) if (entry.name.startsWith('@core>')) performance.clearMeasures(entry.name);
}

/** "found PostgreSQL connection string: ****" → "PostgreSQL connection string". */
function kindOf(message: string, messageId: string): string {
  const match = /^found (.+?): \**$/.exec(message.trim());
  return match ? match[1]! : messageId;
}

/** Credentials pasted into a post-mortem (cloud keys, tokens, private keys, passwords in URLs) are errors. */
export const secrets: DocumentRule = {
  id: 'secrets',
  type: 'document',
  defaultSeverity: 'error',
  kinds: ['incident', 'reading-list', 'catalog'],
  summary: 'Credentials in any file: cloud keys, API tokens, private keys, passwords in connection strings or URLs.',
  docs: `A post-mortem is read by the whole company and, once merged, stays in git history for good. A
credential pasted into a log excerpt is leaked the moment the pull request is opened.

Runs secretlint's recommended preset (@secretlint/secretlint-rule-preset-recommend: AWS, GCP,
GitHub, GitLab, Slack, npm, OpenAI, Anthropic, private keys, basic-auth URLs, database connection
strings and more) over every post-mortem, reading list and catalog file, frontmatter, prose and code
blocks alike. The credential itself is never printed.

Fix: replace the value with REDACTED (<redacted> or **** also pass), and rotate the credential:
removing it from the file does not remove it from git history or from the pull request.`,
  examples: [
    {
      in: 'body',
      bad: '```text\npostgres://orders:hunter2@db-orders.internal:5432/orders\n```',
      good: '```text\npostgres://orders:REDACTED@db-orders.internal:5432/orders\n```',
      finding: { line: 2, column: 1, message: 'expected no credentials in a post-mortem', found: 'PostgreSQL connection string' },
    },
  ],
  async check(doc: LintDocument): Promise<LintFinding[]> {
    const result = await lintSource({
      source: { filePath: doc.absolutePath, content: doc.text, contentType: 'text' },
      options: { config: CONFIG, maskSecrets: true },
    });
    await forgetProfile();
    return result.messages.map((m) => ({
      ...doc.positionAt(m.range[0]),
      field: fieldAtOffset(doc, m.range[0]),
      message: 'expected no credentials in a post-mortem',
      found: kindOf(m.message, m.messageId),
      hint: 'Replace the value with REDACTED and rotate the credential: it is already in the pull request and the git history.',
    }));
  },
};
