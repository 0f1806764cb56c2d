/**
 * Records the demo archive (incidents/, reading-lists/ and the demo's catalog files) in
 * src/authoring/init/demo-archive.json, which `npm run init` checks before deleting anything.
 * Run it after changing a demo file, and commit the result; `--check` only says whether it is current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { DEMO_MANIFEST_PATH, manifestText, recordDemoManifest } from '../src/authoring/init/demo-archive.ts';

const PROJECT = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const organisation = /^name:\s*(.+)$/m.exec(readFileSync(join(PROJECT, 'catalog/organisation.yaml'), 'utf8'))?.[1]?.trim() ?? 'the demo';
const current = readFileSync(DEMO_MANIFEST_PATH, 'utf8');
const recorded = (JSON.parse(current) as { organisation?: string }).organisation;
const text = manifestText(recordDemoManifest(PROJECT, organisation));
if (recorded !== undefined && recorded !== organisation) {
  // An adopted archive must never be recorded as the demo: npm run init would then delete it.
  console.error(
    `catalog/organisation.yaml names ${organisation}, not the demo's ${recorded}: this archive is no longer the demo, so there is nothing to record.`,
  );
  process.exitCode = 1;
} else if (values.check) {
  if (current === text) console.log('src/authoring/init/demo-archive.json matches the demo archive.');
  else {
    console.error('src/authoring/init/demo-archive.json is out of date. Run npx tsx scripts/demo-archive.ts and commit the result.');
    process.exitCode = 1;
  }
} else if (current === text) console.log('src/authoring/init/demo-archive.json was already up to date.');
else {
  writeFileSync(DEMO_MANIFEST_PATH, text);
  console.log(`Wrote src/authoring/init/demo-archive.json: ${Object.keys(JSON.parse(text).files).length} files.`);
}
