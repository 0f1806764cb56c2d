import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { formatProblem } from '../../validation/problems.ts';
import { loadCatalog, validateReadingListSource } from '../../validation/sources.ts';
import { checkInitAnswers, type InitAnswers } from './answers.ts';
import { CONTENT_FOLDERS, digestText, surveyArchive, type DemoManifest, type OwnFile } from './demo-archive.ts';
import { renderOrganisation, renderServices, renderStarterReadingList, renderTeams, STARTER_READING_LIST } from './files.ts';

/** What the archive is, as far as `npm run init` is concerned. */
export type InitState =
  /** Nothing but demo files (all of them, some, or none at all): init may go ahead. */
  | { kind: 'ready'; demo: string[] }
  /** No demo file is left: it has been initialised, or was never the demo. */
  | { kind: 'initialised' }
  /** Demo files beside files of the organisation's own: init touches nothing. */
  | { kind: 'mixed'; demo: string[]; own: OwnFile[] };

/** An archive init must not change, or a change that went wrong: exit status 1. */
export class InitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InitError';
  }
}

/** A mistake in the answers or on the command line: exit status 2. */
export class InitUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InitUsageError';
  }
}

/** Looks at the archive under `root` and says whether init may change it. */
export function inspectArchive(root: string, manifest: DemoManifest): InitState {
  const { demo, own } = surveyArchive(root, manifest);
  if (own.length === 0) return { kind: 'ready', demo };
  if (demo.length === 0) return { kind: 'initialised' };
  return { kind: 'mixed', demo, own };
}

/** The demo's files grouped as the report names them. */
export interface DemoContent {
  postmortems: number;
  readingLists: number;
  catalog: string[];
}

/** Counts demo files by kind. */
export function describeDemo(files: readonly string[]): DemoContent {
  return {
    postmortems: files.filter((f) => f.startsWith('incidents/')).length,
    readingLists: files.filter((f) => f.startsWith('reading-lists/')).length,
    catalog: files.filter((f) => f.startsWith('catalog/')),
  };
}

/** What init did. */
export interface InitResult {
  removed: DemoContent;
  /** Files written, relative to the archive. */
  written: string[];
  /** Catalog settings left as they were (`catalog/check.yaml`, `catalog/taxonomy.yaml`). */
  kept: string[];
}

/** The files init writes, by path relative to the archive. */
export function renderArchive(answers: InitAnswers): Record<string, string> {
  return {
    'catalog/organisation.yaml': renderOrganisation(answers),
    'catalog/teams.yaml': renderTeams(answers),
    'catalog/services.yaml': renderServices(answers),
    [STARTER_READING_LIST]: renderStarterReadingList(answers),
  };
}

/**
 * Validates what init would write with the schemas and rules the build uses (`loadCatalog`, the
 * reading-list schema) in a folder of its own, before anything in the archive changes.
 */
export function validateRendered(files: Record<string, string>): string[] {
  const stage = mkdtempSync(join(tmpdir(), 'hindsight-init-'));
  try {
    mkdirSync(join(stage, 'catalog'));
    for (const [file, text] of Object.entries(files)) if (file.startsWith('catalog/')) writeFileSync(join(stage, file), text);
    // Schema only: the starter's item names no post-mortem yet, which is why it is kept out of the site.
    const starter = validateReadingListSource('reading-lists/start-here.mdx', files[STARTER_READING_LIST] ?? '');
    return [...loadCatalog(stage).problems, ...starter.problems].map(formatProblem);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function removeEmptyFolders(root: string, dir: string): void {
  const absolute = join(root, dir);
  if (!existsSync(absolute)) return;
  for (const entry of readdirSync(absolute, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    removeEmptyFolders(root, `${dir}/${entry.name}`);
    if (readdirSync(join(absolute, entry.name)).length === 0) rmdirSync(join(absolute, entry.name));
  }
}

/**
 * Replaces the demo with the organisation's own minimal archive: deletes the demo files (each checked
 * against its digest again just before), writes organisation, teams and services and the starter
 * reading list, and keeps every other catalog setting. Checks everything before changing anything.
 */
export function initArchive(
  root: string,
  answers: InitAnswers,
  state: Extract<InitState, { kind: 'ready' }>,
  manifest: DemoManifest,
): InitResult {
  const problems = checkInitAnswers(answers);
  if (problems.length > 0) throw new InitUsageError(problems.join('\n'));
  const files = renderArchive(answers);
  const invalid = validateRendered(files);
  if (invalid.length > 0)
    throw new InitError(
      `the files it would write do not pass the catalog's checks, so nothing was changed:\n${invalid.map((p) => `  ${p}`).join('\n')}`,
    );

  for (const file of state.demo) {
    const path = join(root, file);
    // A file edited since the archive was inspected is the organisation's now: stop before deleting it.
    if (digestText(readFileSync(path, 'utf8')) !== manifest.files[file])
      throw new InitError(`${file} changed while init ran; it was left alone. Run npm run init again.`);
    unlinkSync(path);
  }
  for (const dir of CONTENT_FOLDERS) removeEmptyFolders(root, dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return {
    removed: describeDemo(state.demo),
    written: Object.keys(files),
    kept: ['catalog/check.yaml', 'catalog/taxonomy.yaml'].filter((file) => existsSync(join(root, file))),
  };
}
