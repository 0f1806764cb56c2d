import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The demo archive Hindsight ships with: every file of it by path, with a digest of its content. Only
 * files listed here with the same content may be deleted by `npm run init`; anything else in the
 * archive is the organisation's own and stops it.
 */
export interface DemoManifest {
  /** The demo organisation's name, for messages: `Pantrybox`. */
  organisation: string;
  /** Path relative to the archive (with `/`) to the SHA-256 of its text, line endings as LF. */
  files: Record<string, string>;
}

/** Where the manifest of the repository's demo archive is kept. */
export const DEMO_MANIFEST_PATH = join(import.meta.dirname, 'demo-archive.json');

/** The catalog files that belong to the demo; `catalog/check.yaml` and `catalog/taxonomy.yaml` are settings an adopter keeps. */
export const DEMO_CATALOG_FILES = ['catalog/organisation.yaml', 'catalog/services.yaml', 'catalog/teams.yaml'] as const;

/** The folders whose every file must be the demo's before `npm run init` deletes anything. */
export const CONTENT_FOLDERS = ['incidents', 'reading-lists'] as const;

/** The manifest of the demo archive this repository ships. */
export function loadDemoManifest(path = DEMO_MANIFEST_PATH): DemoManifest {
  return JSON.parse(readFileSync(path, 'utf8')) as DemoManifest;
}

/** SHA-256 of a file's text with CRLF read as LF, so a checkout with Windows line endings still matches. */
export function digestText(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

/** Every file (and symbolic link) under a folder of the archive, relative paths with `/`, sorted. */
function listFiles(root: string, dir: string): string[] {
  const absolute = join(root, dir);
  if (!existsSync(absolute) || !lstatSync(absolute).isDirectory()) return [];
  const out: string[] = [];
  for (const entry of readdirSync(absolute, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(root, path));
    else out.push(path);
  }
  return out.sort();
}

/** The files `npm run init` looks at: everything under incidents/ and reading-lists/, and the demo's catalog files that exist. */
export function listArchiveContent(root: string): string[] {
  return [...CONTENT_FOLDERS.flatMap((dir) => listFiles(root, dir)), ...DEMO_CATALOG_FILES.filter((file) => existsSync(join(root, file)))];
}

/** A file that is not the demo's, and why. */
export interface OwnFile {
  file: string;
  reason: 'not-in-demo' | 'changed' | 'not-a-file';
}

/** What the archive holds: files that are the demo's as shipped, and everything else. */
export interface ArchiveSurvey {
  demo: string[];
  own: OwnFile[];
}

/** Sorts the archive's content into the demo's own files (same path, same content) and everything else. */
export function surveyArchive(root: string, manifest: DemoManifest): ArchiveSurvey {
  const demo: string[] = [];
  const own: OwnFile[] = [];
  for (const file of listArchiveContent(root)) {
    const expected = manifest.files[file];
    if (expected === undefined) own.push({ file, reason: 'not-in-demo' });
    else if (!lstatSync(join(root, file)).isFile()) own.push({ file, reason: 'not-a-file' });
    else if (digestText(readFileSync(join(root, file), 'utf8')) !== expected) own.push({ file, reason: 'changed' });
    else demo.push(file);
  }
  return { demo, own };
}

/** The manifest of the archive under `root` as it is now: how the repository records its demo. */
export function recordDemoManifest(root: string, organisation: string): DemoManifest {
  const files: Record<string, string> = {};
  for (const file of listArchiveContent(root)) files[file] = digestText(readFileSync(join(root, file), 'utf8'));
  return { organisation, files };
}

/** The manifest as the file stores it: sorted keys, two-space indent, a final newline. */
export function manifestText(manifest: DemoManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
