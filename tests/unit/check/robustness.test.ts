import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCheck } from '../../../src/check/engine.ts';
import { formatProblem } from '../../../src/validation/problems.ts';
import { copyArchive, FIXTURE, postmortem } from './helpers.ts';

/** Checks this text as the fixture archive's checkout post-mortem, alone, and returns its problems as printed. */
async function check(text: string | Buffer): Promise<string[]> {
  const root = copyArchive(FIXTURE);
  const file = 'incidents/2025/2025-06-21-checkout-500s.mdx';
  writeFileSync(join(root, file), text);
  const { problems } = await runCheck({ root, files: [file] });
  return problems.map(formatProblem);
}

const NO_FRONTMATTER =
  'incidents/2025/2025-06-21-checkout-500s.mdx:1:1 expected the file to start with a frontmatter block between two --- lines. Copy the opening block from templates/postmortem.mdx.';

describe('files nobody meant to write that way', () => {
  it.each([
    ['an empty file', ''],
    ['three dashes and nothing else', '---'],
  ])('%s gets one clear message', async (_, text) => {
    expect(await check(text)).toEqual([NO_FRONTMATTER]);
  });

  it('says where a binary file stops being UTF-8', async () => {
    expect(await check(Buffer.from([0, 159, 146, 150, 10, 45, 45, 45]))).toEqual([
      NO_FRONTMATTER,
      'incidents/2025/2025-06-21-checkout-500s.mdx:1:2 expected UTF-8 text, found the byte 0x9F. Save the file with the UTF-8 encoding (most editors offer it under "Save with encoding").',
    ]);
  });

  it('reads CRLF line ends like LF, positions included', async () => {
    const text = postmortem("It was Sam's fault.").replace(/\n/g, '\r\n');
    expect(await check(text)).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:28:8 expected blameless language, found "Sam\'s fault". Fault language stops at who is to blame, and the conditions that made the slip possible go unexamined. Name what the system allowed, e.g. "the deploy tool accepted a config that had not been validated".',
    ]);
  });

  it('ignores a byte-order mark', async () => {
    expect(await check(`\uFEFF${postmortem('Body.')}`)).toEqual([]);
  });

  it('reports a tab used for indentation at its line', async () => {
    const text = postmortem('Body.', (f) => f.replace('  decision: rollback', '\tdecision: rollback'));
    expect(await check(text)).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:15:1 YAML syntax error: Tabs are not allowed as indentation. Check indentation and quote values that contain ": " or start with a special character.',
    ]);
  });

  it('says what it expected when the frontmatter is a list', async () => {
    expect(await check('---\n- title: x\n---\nBody.\n')).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:2:1 Invalid input: expected object, received array, found [{"title":"x"}]',
    ]);
  });

  it('survives deep nesting, long lines, many tags and every script the prose may use', async () => {
    const body = [
      Array.from({ length: 40 }, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n'),
      'x'.repeat(100_000),
      'Le déploiement 🚀 a échoué — “une citation jamais fermée… שלום عربي',
    ].join('\n\n');
    expect(await check(postmortem(body, (f) => `tags: [${Array.from({ length: 2000 }, (_, i) => `t${i}`).join(', ')}]\n${f}`))).toEqual([]);
  });
});

describe('a rule that fails', () => {
  it('is reported against the file, and the other rules still run', async () => {
    const { personalData } = await import('../../../src/check/rules/personal-data.ts');
    const spy = vi.spyOn(personalData, 'check').mockImplementation(() => {
      throw new Error('unexpected node');
    });
    try {
      expect(await check(postmortem("It was Sam's fault."))).toEqual([
        'incidents/2025/2025-06-21-checkout-500s.mdx:1:1 expected to be able to check this file, but personal-data failed: unexpected node. This is a fault in Hindsight, not in the file; report it with the file attached. The other rules still ran.',
        'incidents/2025/2025-06-21-checkout-500s.mdx:28:8 expected blameless language, found "Sam\'s fault". Fault language stops at who is to blame, and the conditions that made the slip possible go unexamined. Name what the system allowed, e.g. "the deploy tool accepted a config that had not been validated".',
      ]);
    } finally {
      spy.mockRestore();
    }
  });
});
