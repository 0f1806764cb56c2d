import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markers, replaceBlock } from '../../../src/docs/blocks.ts';
import { GENERATED_BLOCKS } from '../../../src/docs/index.ts';

const ROOT = join(import.meta.dirname, '../../..');

describe('generated parts of the docs', () => {
  it.each(GENERATED_BLOCKS.map((b) => [`${b.file} (${b.name})`, b] as const))('%s is up to date (npm run docs)', (_, block) => {
    const text = readFileSync(join(ROOT, block.file), 'utf8');
    expect(replaceBlock(text, block.file, block.name, block.render())).toBe(text);
  });

  it('replaces only what sits between the markers', () => {
    const { start, end } = markers('x');
    expect(replaceBlock(`intro\n${start}\nold\n${end}\noutro\n`, 'docs/x.md', 'x', 'new\n')).toBe(`intro\n${start}\nnew\n${end}\noutro\n`);
  });

  it('says which markers are missing', () => {
    expect(() => replaceBlock('no markers', 'docs/x.md', 'x', '')).toThrow(
      'docs/x.md: expected the markers <!-- generated:x (npm run docs) --> and <!-- /generated:x --> around the generated block "x".',
    );
  });
});
