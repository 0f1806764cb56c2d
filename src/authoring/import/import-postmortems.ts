import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, type Dirent } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { loadCheckConfig } from '../../check/config.ts';
import { lintText } from '../../check/engine.ts';
import { CONFIGURABLE_RULES } from '../../check/rules/index.ts';
import { incidentIdFromPath } from '../../validation/incident-rules.ts';
import { parseMdxBody } from '../../validation/mdx-syntax.ts';
import { formatProblem, type Problem } from '../../validation/problems.ts';
import { buildReferenceIndex, checkIncidentReferences } from '../../validation/references.ts';
import { incidentSchemaFor, listMdxFiles, loadCatalog, validateIncidentSource, type Catalog } from '../../validation/sources.ts';
import { createContext, type ImportContext } from './context.ts';
import { addIgnoreComments, convertContext, moveDraft, renderDraft, type Draft } from './convert.ts';
import { findLocalFile } from './images.ts';
import { looksLikePostmortem } from './shape.ts';
import { ImportError } from './markdown.ts';
import { formatBytes, LIMITS } from '../../validation/limits.ts';

/** The error every problem with the sources is reported as; its message names the file and says how to fix it. */
export { ImportError } from './markdown.ts';

/** What `npm run import` is asked to do. */
export interface ImportOptions {
  /** The archive: the folder holding catalog/ and incidents/. */
  root: string;
  /** Folders of Markdown post-mortems, or the files themselves, as the user wrote them. */
  inputs: readonly string[];
  /** The folder `inputs` are relative to, and that paths in the report are shown from. */
  cwd: string;
  /** Report what would be written, and write nothing. */
  dryRun?: boolean;
}

/** One imported post-mortem: its source, the draft's path under the root and what needs a human. */
export interface ImportedPostmortem {
  source: string;
  path: string;
  notes: string[];
  /** Images copied next to the site, relative to the root, e.g. `public/incidents/<id>/graph.png`. */
  assets?: string[];
}

/** What an import did (or, in a dry run, would do). */
export interface ImportResult {
  imported: ImportedPostmortem[];
  /** Files in the folders that were left alone, with why. */
  skipped: { source: string; why: string }[];
  /** Files (or inputs) that could not be imported: the message names the file, says what is wrong and how to fix it. */
  failed: { source: string; message: string }[];
  dryRun: boolean;
}

const MARKDOWN = /\.(?:md|markdown|mdown|mkd)$/i;
// Prose rules judge wording, which a person rewrites during review; anything else (a credential, unsafe MDX) must not be written at all.
const REWORDABLE = new Set(CONFIGURABLE_RULES.filter((r) => r.type === 'prose').map((r) => r.id));

function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

/** A README or an index page, which is read from a folder only when it looks like a post-mortem, under its folder's name. */
const README = /^(?:readme|index)\.[a-z]+$/i;
/** Files never read from a folder: templates and names starting with _ or . (name the file to import it). */
const HIDDEN = /^(?:template[^/]*\.[a-z]+|[_.].*)$/i;

/** The files to import: Markdown files under each folder (sorted), and each file named directly; `fromFolder` when found in a folder. */
function findSources(
  options: ImportOptions,
  failed: ImportResult['failed'],
  skipped: ImportResult['skipped'],
): { path: string; source: string; fromFolder: boolean }[] {
  const found: { path: string; source: string; fromFolder: boolean }[] = [];
  const seen = new Set<string>();
  const add = (path: string, fromFolder: boolean) => {
    if (seen.has(path)) return;
    seen.add(path);
    found.push({ path, source: shown(options.cwd, path), fromFolder });
  };
  for (const input of options.inputs) {
    const path = resolve(options.cwd, input);
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      failed.push({
        source: input,
        message: `${input}: no such file or folder. Check the path, then pass the folder that holds the post-mortems or the files themselves.`,
      });
      continue;
    }
    if (!isFolder) {
      add(path, false);
      continue;
    }
    const files = (readdirSync(path, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((d) => (d.isFile() || d.isSymbolicLink()) && MARKDOWN.test(d.name))
      .map((d) => join(d.parentPath, d.name))
      .sort();
    const posts = files.filter((file) => {
      if (!HIDDEN.test(basename(file))) return true;
      skipped.push({
        source: shown(options.cwd, file),
        why: 'template files and names starting with _ or . are not read from folders; name the file to import it',
      });
      return false;
    });
    if (files.length === 0) {
      failed.push({
        source: input,
        message: `${input}: no Markdown files (.md or .markdown) in this folder. Pass the folder that holds the post-mortems, or the files themselves.`,
      });
    }
    posts.forEach((file) => add(file, true));
  }
  return found;
}

function readText(path: string, source: string): string {
  let bytes: Buffer;
  let size: number;
  try {
    // The size is known before anything is read: a huge file, or a device that never ends, is refused unread.
    const stats = statSync(path);
    size = stats.isFile() ? stats.size : Infinity;
  } catch {
    size = 0;
  }
  if (size > LIMITS.fileBytes) {
    throw new ImportError(
      `${source}: ${size === Infinity ? 'is not a regular file' : `is larger than ${formatBytes(LIMITS.fileBytes)} (${formatBytes(size)}), the most a post-mortem may be`}. ${size === Infinity ? 'Name the file itself' : 'Move logs and dumps out of it'}, then run the import again.`,
    );
  }
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ImportError(
      `${source}: cannot be read (${code}). Check that the file exists and that you may read it, then run the import again.`,
    );
  }
  try {
    if (bytes.includes(0)) throw new Error('NUL byte');
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(`${source}: is not a UTF-8 text file. Save it as UTF-8 Markdown, then run the import again.`);
  }
}

function fieldPath(field: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) path.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  // A comment before a list item (or a top-level key) covers everything under it.
  const index = path.findIndex((segment) => typeof segment === 'number');
  return index >= 0 ? path.slice(0, index + 1) : path.slice(0, 1);
}

function bodyStartLine(text: string, body: string): number {
  return text.slice(0, text.length - body.length).split('\n').length;
}

/**
 * Runs the check's prose rules over a draft. Wording problems that are errors (blame, by default) get a
 * hindsight-ignore comment naming them, so the draft passes until someone rewrites the sentence, and a
 * note saying so; anything else that fails (a credential, unsafe MDX) is an ImportError.
 */
async function lintDraft(root: string, draft: Draft, sourceText: string, config: ReturnType<typeof loadCheckConfig>): Promise<void> {
  const errorsOf = async () =>
    (await lintText({ root, file: draft.path, text: renderDraft(draft), config })).filter((p) => p.severity === 'error');
  const errors = await errorsOf();
  const rewordable = errors.filter((p) => REWORDABLE.has(p.rule));
  if (rewordable.length > 0) {
    const text = renderDraft(draft);
    const start = bodyStartLine(text, draft.body);
    const tree = parseMdxBody(draft.path, draft.body, start).tree;
    const reason = (rules: string[]) =>
      `hindsight-ignore ${[...new Set(rules)].join(', ')}: imported as written from ${draft.source}; reword it before review`;
    const inBody = new Map<number, string[]>();
    const inFrontmatter = new Map<string, { path: (string | number)[]; rules: string[] }>();
    const byRule = new Map<string, { found: Set<string>; where: Set<string> }>();
    for (const p of rewordable) {
      const entry = byRule.get(p.rule) ?? { found: new Set<string>(), where: new Set<string>() };
      entry.found.add(p.found ?? 'a phrase');
      entry.where.add(p.line >= start ? 'the body' : p.field || 'the frontmatter');
      byRule.set(p.rule, entry);
      if (p.line >= start) {
        const line = p.line - start + 1;
        const block = tree?.children.find((n) => n.position!.start.line <= line && n.position!.end.line >= line);
        const at = block?.position?.start.line ?? line;
        inBody.set(at, [...(inBody.get(at) ?? []), p.rule]);
      } else {
        const path = fieldPath(p.field);
        const key = JSON.stringify(path);
        inFrontmatter.set(key, { path, rules: [...(inFrontmatter.get(key)?.rules ?? []), p.rule] });
      }
    }
    for (const [rule, { found, where }] of byRule) {
      draft.notes.push(
        `${rule}: ${[...found].join(', ')} in ${[...where].join(' and ')}: reword, then delete the hindsight-ignore comment${where.size > 1 ? 's' : ''} the import added`,
      );
    }
    addIgnoreComments(
      draft,
      [...inBody].map(([line, rules]) => ({ line, text: reason(rules) })),
      [...inFrontmatter.values()].map(({ path, rules }) => ({ path, text: ` ${reason(rules)}` })),
    );
  }
  const remaining = rewordable.length > 0 ? await errorsOf() : errors;
  if (remaining.length > 0) {
    const text = renderDraft(draft).split('\n');
    const sourceLines = sourceText.replace(/\r\n?/g, '\n').split('\n');
    const described = remaining.map((p) => {
      const written = text[p.line - 1]?.trim() ?? '';
      const at =
        written.length >= 8
          ? sourceLines.findIndex((l) => l.includes(written) || (written.includes(l.trim()) && l.trim().length >= 8))
          : -1;
      return `  ${at >= 0 ? `line ${at + 1}: ` : ''}${p.rule}: ${p.message}${p.found !== undefined ? `, found ${p.found}` : ''}${p.hint ? `. ${p.hint}` : ''}`;
    });
    throw new ImportError(
      `${draft.source}: the draft would fail \`npm run check\`:\n${described.join('\n')}\nRemove or reword it in the source, then run the import again.`,
    );
  }
}

/** Checks a draft with the rules the build enforces; a failure here is a fault in the import, not in the source. */
function checkFormat(draft: Draft, catalog: Catalog, ids: readonly string[]): void {
  const result = validateIncidentSource(draft.path, renderDraft(draft), incidentSchemaFor(catalog), {
    imageHosts: catalog.organisation.image_hosts,
  });
  const problems: Problem[] = [...result.problems];
  if (result.data)
    problems.push(
      ...result.source.toProblems(checkIncidentReferences(result.data, buildReferenceIndex(catalog.services, catalog.teams, ids))),
    );
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new ImportError(
      `${draft.source}: the import made a draft that breaks the format; this is a fault in Hindsight, report it with the file attached:\n${errors.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
  }
}

/** Why a file found in a folder is no post-mortem, or undefined when it looks like one. */
function notAPostmortem(ctx: ImportContext): string | undefined {
  return looksLikePostmortem(ctx)
    ? undefined
    : 'no incident-like content (no timeline, impact, root cause or action items section, no time-stamped events, no severity or key moments); name the file to import it anyway';
}

/** An asset that would overwrite a different file, as an ImportError; the same file already there is fine. */
function checkAssets(draft: Draft, root: string): void {
  for (const asset of draft.assets) {
    const target = join(root, asset.to);
    if (existsSync(target) && !readFileSync(target).equals(readFileSync(asset.from))) {
      throw new ImportError(
        `${draft.source}: ${asset.to} already exists with other content; it was left untouched. Delete it if it is from an earlier import, or rename the image in the source, then run the import again.`,
      );
    }
  }
}

/**
 * Imports Markdown post-mortems into the archive as drafts. Every file that converts is written; a file that
 * cannot be converted is listed under `failed` with what to fix, and the others are written all the same.
 * Never overwrites. Throws ImportError only when the archive itself is unusable (no catalog, no services).
 */
export async function importPostmortems(options: ImportOptions): Promise<ImportResult> {
  const { root } = options;
  const catalog = loadCatalog(root);
  if (catalog.problems.some((p) => p.severity === 'error')) {
    throw new ImportError(
      `The catalog has problems; fix them first, or pass --root with the archive's folder:\n${catalog.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
  }
  if (catalog.services.length === 0) {
    throw new ImportError(
      'catalog/services.yaml lists no services. Add the services your post-mortems are about (see the README section "The format"), then run the import again.',
    );
  }
  const failed: ImportResult['failed'] = [];
  const skipped: ImportResult['skipped'] = [];
  const sources = findSources(options, failed, skipped);
  const existing = listMdxFiles(root, 'incidents').map(incidentIdFromPath);
  const planned = new Set<string>();
  const drafts: { draft: Draft; text: string }[] = [];
  for (const { path, source, fromFolder } of sources) {
    try {
      const text = readText(path, source);
      // A wiki that keeps each page as a folder holds it in README.md or index.md: the folder's name is the page's.
      const fileName = README.test(basename(path)) ? `${basename(dirname(path))}${extname(path)}` : basename(path);
      const ctx = createContext(source, fileName, text, catalog);
      const why = fromFolder ? notAPostmortem(ctx) : undefined;
      if (why) {
        skipped.push({ source, why });
        continue;
      }
      const draft = convertContext(ctx, { findFile: (url) => findLocalFile(dirname(path), url) });
      let target = draft.path;
      for (let n = 2; planned.has(target); n++) target = draft.path.replace(/\.mdx$/, `-${n}.mdx`);
      if (target !== draft.path) {
        draft.notes.push(`another file in this import has the same date and title: named ${basename(target)}`);
        moveDraft(draft, target);
      }
      if (existsSync(join(root, draft.path))) {
        throw new ImportError(
          `${source}: ${draft.path} already exists; it was left untouched. Delete it if it is an earlier import of this file, or change the title in the source, then run the import again.`,
        );
      }
      checkAssets(draft, root);
      planned.add(draft.path);
      drafts.push({ draft, text });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      failed.push({ source, message: error.message });
    }
  }
  const ids = [...existing, ...[...planned].map(incidentIdFromPath)];
  const config = loadCheckConfig(root);
  const ready: Draft[] = [];
  for (const { draft, text } of drafts) {
    try {
      checkFormat(draft, catalog, ids);
      await lintDraft(root, draft, text, config);
      ready.push(draft);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      failed.push({ source: draft.source, message: error.message });
    }
  }
  if (!options.dryRun) {
    for (const draft of ready) {
      const target = join(root, draft.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, renderDraft(draft), { flag: 'wx' });
      for (const asset of draft.assets) {
        const to = join(root, asset.to);
        if (existsSync(to)) continue;
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(asset.from, to, constants.COPYFILE_EXCL);
      }
    }
  }
  // Failures in the order the files were found, whichever step they failed at.
  const order = new Map(sources.map((s, i) => [s.source, i]));
  failed.sort((a, b) => (order.get(a.source) ?? -1) - (order.get(b.source) ?? -1));
  return {
    imported: ready.map((draft) => ({
      source: draft.source,
      path: draft.path,
      notes: draft.notes,
      ...(draft.assets.length > 0 ? { assets: draft.assets.map((a) => a.to) } : {}),
    })),
    skipped,
    failed,
    dryRun: options.dryRun === true,
  };
}

/** The report: per file where its draft went and what needs a human, the files that failed and why (unless `withFailures` is false), then what to do next. */
export function formatImportReport(result: ImportResult, { withFailures = true }: { withFailures?: boolean } = {}): string {
  const lines: string[] = [];
  for (const s of result.skipped) lines.push(`Skipped ${s.source}: ${s.why}.`);
  for (const item of result.imported) {
    lines.push(`${item.source} -> ${item.path}`);
    for (const asset of item.assets ?? []) lines.push(`  + ${asset}`);
    for (const note of item.notes) lines.push(`  - ${note}`);
  }
  if (withFailures) lines.push(...formatFailures(result).split('\n').filter(Boolean));
  const n = result.imported.length;
  const count = n === 0 ? 'no post-mortems' : `${n} post-mortem${n === 1 ? '' : 's'}`;
  const f = result.failed.length;
  const failures =
    f === 0
      ? ''
      : ` ${f} ${f === 1 ? 'file was' : 'files were'} not imported: fix ${f === 1 ? 'it' : 'them'} as said ${withFailures ? 'above' : 'on stderr'} and import ${f === 1 ? 'it' : 'them'} again.`;
  const next =
    n === 0 ? '' : ' Next: work through the notes above and every TODO in the drafts, run `npm run check`, then set status: in-review.';
  lines.push(
    result.dryRun
      ? `Dry run: ${count} would be imported as drafts; nothing was written.${failures}`
      : `Imported ${count} as drafts.${failures}${next}`,
  );
  return `${lines.join('\n')}\n`;
}

/** The files that could not be imported, one message each (the file, what is wrong, how to fix it); '' when none. */
export function formatFailures(result: ImportResult): string {
  return result.failed.map((f) => `Not imported: ${f.message}\n`).join('');
}
