/**
 * `npm run schema`: regenerates the JSON Schemas in schemas/ from the zod schemas (commit them), and
 * maps every post-mortem and reading list to them for the Astro VS Code extension in .astro/ (local).
 * `--check` only compares: exit 1 when a committed schema is out of date.
 */
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeEditorManifest } from '../src/check/editor.ts';
import { PROJECT_ROOT } from '../src/check/engine.ts';
import { buildJsonSchemas, schemaFileText } from '../src/check/json-schema.ts';
import { resolveEnvConfig } from '../src/config/config.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const schemasDir = join(PROJECT_ROOT, 'schemas');
const archive = resolveEnvConfig({ env: process.env, projectRoot: PROJECT_ROOT }).archiveRoot;
const stale: string[] = [];
if (!values.check) mkdirSync(schemasDir, { recursive: true });
for (const [name, schema] of Object.entries(buildJsonSchemas(archive))) {
  const path = join(schemasDir, name);
  const text = schemaFileText(schema);
  if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
  stale.push(`schemas/${name}`);
  if (!values.check) writeFileSync(path, text);
}
if (values.check) {
  if (stale.length > 0) {
    console.error(`Out of date: ${stale.join(', ')}. Run npm run schema and commit the result.`);
    process.exitCode = 1;
  } else console.log('The schemas in schemas/ are up to date.');
} else {
  const mapped = writeEditorManifest(PROJECT_ROOT, archive, schemasDir);
  console.log(
    `${stale.length === 0 ? 'schemas/ was already up to date' : `Wrote ${stale.join(', ')}`}; mapped ${mapped} files for the editor in .astro/collections/.`,
  );
}
