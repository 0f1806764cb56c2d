import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPostmortems, ImportError } from '../../../src/authoring/import/import-postmortems.ts';

const ARCHIVE = join(import.meta.dirname, '../../fixtures/hostile');

/**
 * Imports one source file with this text into a copy of the hostile corpus's catalog: what the import
 * said about the file (its first line: the file, what is wrong and how to fix it) and what the archive holds after.
 */
async function importOne(name: string, text: string): Promise<{ message: string; written: string[] }> {
  const base = mkdtempSync(join(tmpdir(), 'hindsight-import-hostile-'));
  const root = join(base, 'archive');
  cpSync(join(ARCHIVE, 'catalog'), join(root, 'catalog'), { recursive: true });
  writeFileSync(join(base, name), text);
  let message: string;
  try {
    const result = (await importPostmortems({ root, inputs: [name], cwd: base })) as { failed?: { message: string }[] };
    message = result.failed?.[0]?.message ?? 'imported';
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    message = error.message;
  }
  return { message: message.split('\n')[0]!, written: readdirSync(root) };
}

describe('npm run import of a hostile source', () => {
  it('refuses a YAML alias bomb in the frontmatter with its line, and writes nothing', async () => {
    const levels = Array.from({ length: 8 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`);
    const text = `---\ntitle: Search outage\ndate: 2025-03-14\nl0: &l0 [w, w, w, w, w, w, w, w, w]\n${levels.join('\n')}\n---\n# Search outage\n\nSearch failed.\n`;
    expect(await importOne('bomb.md', text)).toEqual({
      message:
        "bomb.md:5:10: the frontmatter's aliases (*name) repeat more than 100 values. Write the values out, then run the import again.",
      written: ['catalog'],
    });
  });

  it('refuses a !!js/function tag instead of reading the value as text', async () => {
    const text = '---\ntitle: !!js/function "function () { return 1 }"\ndate: 2025-03-14\n---\n# Search outage\n\nSearch failed.\n';
    expect((await importOne('tag.md', text)).message).toBe(
      'tag.md:2:8: the frontmatter has a YAML tag (!!js/function). Remove the tag (quote the value if it is text), then run the import again.',
    );
  });

  it('refuses a source over 2 MB before reading it', async () => {
    const text = `# Search outage\n\nDate: 2025-03-14\n\n${'The index was rebuilt. '.repeat(100_000)}\n`;
    expect((await importOne('huge.md', text)).message).toBe(
      'huge.md: is larger than 2 MB (2.2 MB), the most a post-mortem may be. Move logs and dumps out of it, then run the import again.',
    );
  });
});
