import { lintSource } from '@secretlint/core';
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend';
import type { DocumentRule, LintDocument, LintFinding } from '../types.ts';
import { fieldAtOffset } from '../document.ts';

// A redacted value is the fix, so it must pass: REDACTED, <redacted> or a run of asterisks in place of a password.
const PLACEHOLDERS = ['/redacted/i', '/\\*{3,}/'];
const CONFIG = {
  rules: [{
    id: '@secretlint/secretlint-rule-preset-recommend',
    rule: recommendedPreset,
    rules: [
      { id: '@secretlint/secretlint-rule-database-connection-string', options: { allows: PLACEHOLDERS } },
      { id: '@secretlint/secretlint-rule-basicauth', options: { allows: PLACEHOLDERS } },
    ],
  }],
};

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
    return result.messages.map((m) => ({
      ...doc.positionAt(m.range[0]),
      field: fieldAtOffset(doc, m.range[0]),
      message: 'expected no credentials in a post-mortem',
      found: kindOf(m.message, m.messageId),
      hint: 'Replace the value with REDACTED and rotate the credential: it is already in the pull request and the git history.',
    }));
  },
};
