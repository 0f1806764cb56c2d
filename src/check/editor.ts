import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listMdxFiles } from '../validation/sources.ts';
import { TEMPLATE_FILES } from '../schema/templates.ts';

/** Where the Astro language server looks for collection schemas and the files they apply to. */
export const ASTRO_COLLECTIONS_DIR = '.astro/collections';

/** The names the two frontmatter schemas get in the Astro language server's manifest. */
const COLLECTIONS = { incident: 'hindsight-incident', readingList: 'hindsight-reading-list' } as const;

// The language server looks files up by their URI as VS Code writes it: Windows drive letters come lower-case, colon escaped.
function uriForms(path: string): string[] {
  const href = pathToFileURL(path).href;
  const vscode = href.replace(/^file:\/\/\/([A-Za-z]):/, (_, drive: string) => `file:///${drive.toLowerCase()}%3A`);
  return [...new Set([href, vscode, href.toLowerCase()])];
}

/**
 * Writes the manifest with which the Astro VS Code extension (setting `astro.content-intellisense`)
 * runs the YAML language server on frontmatter: every post-mortem, reading list and both templates,
 * mapped to the generated schemas. Local to this checkout (absolute paths), so it lives in `.astro/`.
 * Returns how many files it mapped.
 */
export function writeEditorManifest(projectRoot: string, archiveRoot: string, schemasDir: string): number {
  const dir = join(projectRoot, ASTRO_COLLECTIONS_DIR);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${COLLECTIONS.incident}.schema.json`), readFileSync(join(schemasDir, 'incident.schema.json')));
  writeFileSync(join(dir, `${COLLECTIONS.readingList}.schema.json`), readFileSync(join(schemasDir, 'reading-list.schema.json')));

  const manifestPath = join(dir, 'collections.json');
  // Astro writes its own collections here when its experimental content intellisense is on; keep them.
  const existing = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as {
        collections?: { name: string; hasSchema: boolean }[];
        entries?: Record<string, string>;
      })
    : {};
  const collections = (existing.collections ?? []).filter((c) => c.name !== COLLECTIONS.incident && c.name !== COLLECTIONS.readingList);
  const entries = Object.fromEntries(
    Object.entries(existing.entries ?? {}).filter(([, name]) => name !== COLLECTIONS.incident && name !== COLLECTIONS.readingList),
  );
  const incidents = [
    ...listMdxFiles(archiveRoot, 'incidents').map((f) => join(archiveRoot, f)),
    ...Object.values(TEMPLATE_FILES).map((f) => join(projectRoot, f)),
  ];
  const readingLists = listMdxFiles(archiveRoot, 'reading-lists').map((f) => join(archiveRoot, f));
  for (const file of incidents) for (const uri of uriForms(file)) entries[uri] = COLLECTIONS.incident;
  for (const file of readingLists) for (const uri of uriForms(file)) entries[uri] = COLLECTIONS.readingList;
  collections.push({ name: COLLECTIONS.incident, hasSchema: true }, { name: COLLECTIONS.readingList, hasSchema: true });
  writeFileSync(manifestPath, `${JSON.stringify({ collections, entries }, null, 2)}\n`);
  return incidents.length + readingLists.length;
}
