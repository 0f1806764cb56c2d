/**
 * `npm run docs`: rewrites the generated blocks of docs/*.md (rule tables, field references, settings)
 * and of the pull-request template (the rules the check enforces) from the code's own metadata. `--check` only compares: exit 1 when a block is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { replaceBlock } from '../src/docs/blocks.ts';
import { GENERATED_BLOCKS } from '../src/docs/index.ts';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const stale: string[] = [];
const texts = new Map<string, string>();
for (const block of GENERATED_BLOCKS) {
  const text = texts.get(block.file) ?? readFileSync(join(ROOT, block.file), 'utf8');
  const next = replaceBlock(text, block.file, block.name, block.render());
  if (next !== text) stale.push(`${block.file} (${block.name})`);
  texts.set(block.file, next);
}
if (values.check) {
  if (stale.length > 0) {
    console.error(`Out of date: ${stale.join(', ')}. Run npm run docs and commit the result.`);
    process.exitCode = 1;
  } else console.log('The generated parts of docs/ are up to date.');
} else {
  for (const [file, text] of texts) writeFileSync(join(ROOT, file), text);
  console.log(stale.length === 0 ? 'docs/ was already up to date.' : `Rewrote ${stale.join(', ')}.`);
}
