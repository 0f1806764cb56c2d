import { fileURLToPath } from 'node:url';
import { checkArchive, checkIncidentText, type ArchiveFile } from '../validation/archive.ts';
import { listArchiveFolder, readArchiveText, readTextFile } from '../validation/files.ts';
import type { Clock } from '../validation/limits.ts';
import { parseMdxBody } from '../validation/mdx-syntax.ts';
import { parseFrontmatterSource } from '../validation/source.ts';
import { incidentSchemaFor, loadCatalog, loadPlaceholders } from '../validation/sources.ts';
import type { ReferenceIndex } from '../validation/references.ts';
import { canPool, POOL_FROM, runInPool } from '../tooling/pool.ts';
import { formatProblem, sortProblems, type Problem } from '../validation/problems.ts';
import { loadCheckConfig, type CheckConfig } from './config.ts';
import { catalogDocument, documentFromArchiveFile } from './document.ts';
import { matchIgnoreDirectives, readIgnoreComments } from './ignore.ts';
import { runProseRules } from './prose/run.ts';
import { CONFIGURABLE_RULES, FIXED_RULES } from './rules/index.ts';
import { checkOutsideFile } from './outside.ts';
import { reviewPostmortem, type PostmortemReview } from './review.ts';
import { listCatalogFiles } from './select.ts';
import type { DocumentRule, LintDocument, LintFinding, ProseRule, Severity } from './types.ts';

/** The Hindsight project folder: where src/components lives. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What to check. */
export interface CheckOptions {
  /** The archive: the folder holding catalog/, incidents/ and reading-lists/. */
  root: string;
  /** The project folder, for the components post-mortems may import; defaults to this project. */
  projectRoot?: string;
  /** Archive-relative files to check; every file when undefined. */
  files?: readonly string[];
  /** Absolute paths of post-mortems outside the archive, checked as if they were added to it. */
  outside?: readonly string[];
  /**
   * The pull-request mode: `files` are the changed files, and problems of the rules the build
   * enforces that the change can cause elsewhere are reported in every file: references to an incident
   * that was removed or renamed, duplicate ids; every build rule in every file when the catalog changed.
   * The unchanged post-mortems are otherwise taken as the base branch's check left them.
   */
  changed?: boolean;
  /**
   * In pull-request mode, the archive files the branch deleted (or renamed away). When it names no
   * post-mortem, no unchanged file can name a missing one, and the unchanged post-mortems are not read
   * at all. Left out, each one naming `related` incidents is read for them.
   */
  removed?: readonly string[];
  /** The real time, for the latest date a key moment may have; the system clock by default. */
  now?: Clock;
  /** Worker threads for an archive of 200 post-mortems or more: one per core by default; 1 checks in this thread. */
  threads?: number;
}

/** The outcome of a check. */
export interface CheckResult {
  /** Every problem, sorted by file, line and column. */
  problems: Problem[];
  /** How many files of each kind were checked. */
  checked: { incidents: number; readingLists: number; catalog: number };
  /** What a reviewer reads about each post-mortem checked, in the order of its files (the markdown reporter). */
  postmortems: PostmortemReview[];
}

const FIXED_IDS = FIXED_RULES.map((r) => r.id);
const CONFIGURABLE_IDS = CONFIGURABLE_RULES.map((r) => r.id);

function severityOf(config: CheckConfig, rule: string): Severity | undefined {
  const severity = config.rules.get(rule)?.severity;
  return severity === 'off' ? undefined : severity;
}

async function lintDocument(doc: LintDocument, config: CheckConfig, projectRoot: string): Promise<Problem[]> {
  const toProblem = (rule: string, finding: LintFinding): Problem | undefined => {
    const severity = severityOf(config, rule);
    if (!severity) return undefined;
    return {
      file: doc.file,
      line: finding.line,
      column: finding.column,
      field: finding.field ?? '',
      message: finding.message,
      found: finding.found,
      hint: finding.hint,
      rule,
      severity,
      docs: config.docsUrl?.replaceAll('{rule}', rule),
    };
  };

  const found: Problem[] = [];
  const add = (list: Problem[], rule: string, finding: LintFinding) => {
    const problem = toProblem(rule, finding);
    if (problem) list.push(problem);
  };
  // A rule that fails on some unforeseen input must not cost the author the rest of the run.
  const guarded = async <T>(rule: string, run: () => Promise<T> | T, fallback: T): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      found.push({
        file: doc.file,
        line: 1,
        column: 1,
        field: '',
        rule,
        severity: 'error',
        message: `expected to be able to check this file, but ${rule} failed: ${(error as Error).message}`,
        hint: 'This is a fault in Hindsight, not in the file; report it with the file attached. The other rules still ran.',
      });
      return fallback;
    }
  };
  const prose = CONFIGURABLE_RULES.filter((r): r is ProseRule => r.type === 'prose' && severityOf(config, r.id) !== undefined);
  const proseFindings = prose.length === 0 ? [] : await guarded(prose.map((r) => r.id).join(', '), () => runProseRules(doc, prose), []);
  for (const { rule, finding } of proseFindings) add(found, rule, finding);
  for (const rule of CONFIGURABLE_RULES) {
    if (rule.type !== 'document' || !rule.kinds.includes(doc.kind) || !severityOf(config, rule.id)) continue;
    const findings = await guarded(
      rule.id,
      () => (rule as DocumentRule).check(doc, config.rules.get(rule.id)!.options, { projectRoot }),
      [],
    );
    for (const finding of findings) add(found, rule.id, finding);
  }

  // hindsight-ignore comments: suppress what they cover, then report the malformed and the unused.
  const { directives, malformed } = readIgnoreComments(doc, { ignorable: CONFIGURABLE_IDS, enforced: FIXED_IDS });
  const matched = matchIgnoreDirectives(found, directives);
  const kept = found.filter((p, i) => {
    matched[i]?.used.add(p.rule);
    return !matched[i];
  });
  for (const finding of malformed) add(kept, 'ignore-comment', finding);
  for (const directive of directives) {
    for (const rule of directive.rules) {
      if (directive.used.has(rule) || !severityOf(config, rule)) continue;
      const at = { line: directive.line, column: directive.column };
      add(
        kept,
        'unused-ignore',
        directive.lines
          ? {
              ...at,
              message: `expected a ${rule} problem in the text this comment covers`,
              found: 'none',
              hint: 'Remove the comment; the text no longer needs the exception.',
            }
          : {
              ...at,
              message: 'expected something after the comment for it to cover',
              found: 'nothing',
              hint: 'Put the comment on the line directly above the text it is for.',
            },
      );
    }
  }
  return kept;
}

/**
 * Runs the prose, secrets, personal-data and MDX rules (not the build's rules) over one file's text,
 * as if it were at `file` in the archive at `root`; for editors, tools and tests.
 */
export async function lintText(options: {
  root: string;
  file: string;
  text: string;
  config?: CheckConfig;
  projectRoot?: string;
}): Promise<Problem[]> {
  const { root, file, text } = options;
  const config = options.config ?? loadCheckConfig(root);
  let doc: LintDocument;
  if (file.startsWith('catalog/')) doc = catalogDocument(root, file, text);
  else {
    const source = parseFrontmatterSource(file, text);
    const archiveFile: ArchiveFile = {
      file,
      kind: file.startsWith('reading-lists/') ? 'reading-list' : 'incident',
      text,
      source,
      tree: parseMdxBody(file, source.body, source.bodyLine).tree,
    };
    doc = documentFromArchiveFile(root, archiveFile);
  }
  return sortProblems(await lintDocument(doc, config, options.projectRoot ?? PROJECT_ROOT));
}

/** What checking one post-mortem in full needs: plain values, so a worker thread can be handed them. */
export interface IncidentCheckContext {
  root: string;
  projectRoot: string;
  /** The time the run treats as now (ms since the epoch); the system clock when undefined. */
  nowMs: number | undefined;
  index: ReferenceIndex;
}
export interface IncidentCheckItem {
  file: string;
  /** Whether to run the configurable rules (prose, secrets, MDX) too, not only the build's. */
  lint: boolean;
}
/** One post-mortem's problems: the build's rules and references, the configurable rules, and its review. */
export interface IncidentCheck {
  problems: Problem[];
  lint: Problem[];
  /** Undefined when the file could not be read. */
  review?: PostmortemReview;
}

/** Checks post-mortems one at a time, as `runCheck` does, in this thread or a worker's (src/check/check-worker.ts). */
export function incidentChecker(context: IncidentCheckContext): (item: IncidentCheckItem) => Promise<IncidentCheck> {
  const { root, projectRoot, nowMs, index } = context;
  const catalog = loadCatalog(root);
  const schema = incidentSchemaFor(catalog);
  const config = loadCheckConfig(root);
  const gate = {
    now: nowMs === undefined ? undefined : () => new Date(nowMs),
    unfinished: { from: 'in-review' as const, placeholders: loadPlaceholders(projectRoot) },
    imageHosts: catalog.organisation.image_hosts,
  };
  return async ({ file, lint }) => {
    const read = readArchiveText(root, file);
    if (read.text === undefined) return { problems: read.problems, lint: [] };
    const checked = checkIncidentText(file, read.text, schema, gate, index);
    return {
      problems: [...read.problems, ...checked.problems],
      lint: lint ? await lintDocument(documentFromArchiveFile(root, checked.file), config, projectRoot) : [],
      review: reviewPostmortem(file, checked.file.source.data, catalog.services),
    };
  };
}

/** Runs every rule over the archive (or the chosen files) and returns every problem in one list. */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const { root } = options;
  const projectRoot = options.projectRoot ?? PROJECT_ROOT;
  const config = loadCheckConfig(root);
  const gate = { now: options.now, unfinished: { from: 'in-review' as const, placeholders: loadPlaceholders(projectRoot) } };
  const selected = options.files || options.outside ? new Set(options.files ?? []) : undefined;
  const isSelected = (file: string) => !selected || selected.has(file);
  // In pull-request mode an unchanged post-mortem is only read for the references a change can break,
  // unless the catalog changed, which can make any file invalid.
  const trustUnchanged = options.changed && selected && ![...selected].some((f) => f.startsWith('catalog/'));
  // The post-mortems this run checks in full: the chosen ones, or all of them when any may have broken.
  const inFull = (file: string) => file.startsWith('incidents/') && (isSelected(file) || (options.changed && !trustUnchanged));
  const nothingRemoved = options.removed !== undefined && !options.removed.some((f) => f.startsWith('incidents/'));
  const archive = checkArchive(root, {
    ...gate,
    elsewhere: (file) => inFull(file) || (!isSelected(file) && (!options.changed || (trustUnchanged === true && nothingRemoved))),
    ...(trustUnchanged ? { fully: isSelected } : {}),
  });

  const problems: Problem[] = [...config.problems];
  for (const problem of archive.problems) {
    // Catalog problems break every file; in pull-request mode so may any build error the change caused.
    if (isSelected(problem.file) || problem.file.startsWith('catalog/') || options.changed) problems.push(problem);
  }

  // Each post-mortem checked in full is validated and linted in one go, on every core for a large archive.
  const items = listArchiveFolder(root, 'incidents')
    .files.filter(inFull)
    .map((file) => ({ file, lint: isSelected(file) }));
  const context: IncidentCheckContext = { root, projectRoot, nowMs: options.now?.().getTime(), index: archive.index };
  let checkedIncidents: IncidentCheck[] | undefined;
  if (items.length >= POOL_FROM && canPool() && options.threads !== 1) {
    try {
      const script = new URL('./check-worker.ts', import.meta.url);
      checkedIncidents = await runInPool<IncidentCheckItem, IncidentCheck>(script, context, items, options.threads);
    } catch {
      // A worker that cannot start costs only the speed.
    }
  }
  if (!checkedIncidents) {
    const check = incidentChecker(context);
    checkedIncidents = [];
    for (const item of items) checkedIncidents.push(await check(item));
  }
  for (const [n, result] of checkedIncidents.entries()) problems.push(...result.problems, ...(items[n]!.lint ? result.lint : []));

  const documents: LintDocument[] = archive.files.filter((f) => isSelected(f.file)).map((f) => documentFromArchiveFile(root, f));
  const reported = new Set(problems.map(formatProblem));
  for (const file of listCatalogFiles(root).filter(isSelected)) {
    // The catalog files the build reads are reported by checkArchive already; any other is read here only.
    const read = readArchiveText(root, file);
    problems.push(...read.problems.filter((p) => !reported.has(formatProblem(p))));
    if (read.text !== undefined) documents.push(catalogDocument(root, file, read.text));
  }
  const outsideFiles: ArchiveFile[] = [];
  for (const path of options.outside ?? []) {
    const read = readTextFile(path, path);
    problems.push(...read.problems);
    if (read.text === undefined) continue;
    const { problems: found, file } = checkOutsideFile(archive, path, read.text, gate);
    problems.push(...found);
    documents.push(documentFromArchiveFile(root, file));
    outsideFiles.push(file);
  }
  for (const doc of documents) problems.push(...(await lintDocument(doc, config, projectRoot)));

  const count = (kind: LintDocument['kind']) => documents.filter((d) => d.kind === kind).length;
  const linted = checkedIncidents.filter((c, n) => items[n]!.lint && c.review);
  return {
    problems: sortProblems(problems),
    checked: { incidents: linted.length + count('incident'), readingLists: count('reading-list'), catalog: count('catalog') },
    postmortems: [
      ...linted.map((c) => c.review!),
      ...outsideFiles.map((f) => reviewPostmortem(f.file, f.source.data, archive.catalog.services)),
    ],
  };
}
