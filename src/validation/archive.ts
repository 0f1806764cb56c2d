import type { IncidentData } from '../schema/incident.ts';
import type { ReadingListData } from '../schema/reading-list.ts';
import { incidentIdFromPath } from './incident-rules.ts';
import { describeValue, type Problem } from './problems.ts';
import {
  buildReferenceIndex,
  checkIncidentReferences,
  checkReadingListReferences,
  checkRelatedReferences,
  type ReferenceIndex,
} from './references.ts';
import { listArchiveFolder, readArchiveText } from './files.ts';
import {
  incidentSchemaFor,
  loadCatalog,
  validateIncidentSource,
  validateReadingListSource,
  type Catalog,
  type ValidateOptions,
} from './sources.ts';
import { parseFrontmatterSource, type FrontmatterSource } from './source.ts';
import { isAboutTouched } from './lenient.ts';
import type { Root as MdastRoot } from 'mdast';
import { checkPublicImages } from './public-images.ts';

/** Files that share an incident id (the file name), which must be unique across years. */
export function findDuplicateIds(incidentFiles: readonly string[]): Problem[] {
  const byId = new Map<string, string[]>();
  for (const file of incidentFiles) {
    const id = incidentIdFromPath(file);
    byId.set(id, [...(byId.get(id) ?? []), file]);
  }
  const problems: Problem[] = [];
  for (const [id, files] of byId) {
    if (files.length < 2) continue;
    for (const file of files) {
      problems.push({
        file,
        line: 1,
        column: 1,
        field: '',
        rule: 'consistency',
        severity: 'error',
        message: `expected a unique incident id, but ${files.filter((f) => f !== file).join(', ')} has the same file name`,
        found: describeValue(id),
        hint: 'Ids are file names and must be unique across all years; rename one of them.',
      });
    }
  }
  return problems;
}

/** Reference problems of one already-valid entry, positioned by re-reading its file only when there are any. */
export function referenceProblems(root: string, file: string, findings: ReturnType<typeof checkIncidentReferences>): Problem[] {
  if (findings.length === 0) return [];
  const read = readArchiveText(root, file);
  if (read.text === undefined) return read.problems;
  return parseFrontmatterSource(file, read.text).toProblems(findings);
}

/** How much of each file to check. */
export interface CrossFileOptions {
  /**
   * The incident files to validate in full; every other incident is read only for what another file's
   * change can break in it, its `related` ids (the catalog unchanged, nothing else in it can change).
   * Every file is validated when left out.
   */
  fully?: (file: string) => boolean;
  /** Incident files checked by the caller (`npm run check` on worker threads): left out here entirely. */
  elsewhere?: (file: string) => boolean;
}

/** The `related` problems of an incident that is otherwise trusted: one that names no related incident is not parsed. */
function relatedProblems(file: string, text: string, index: ReferenceIndex): Problem[] {
  const end = text.indexOf('\n---', 3);
  if (!(end < 0 ? text : text.slice(0, end)).includes('related')) return [];
  const source = parseFrontmatterSource(file, text);
  const related = (source.data as { related?: unknown } | undefined)?.related;
  if (!Array.isArray(related)) return [];
  return source.toProblems(checkRelatedReferences(related, index));
}

/** One post-mortem or reading list as read, valid or not: what further checks of its text need. */
export interface ArchiveFile {
  /** Path relative to the archive root, e.g. `incidents/2025/2025-01-14-x.mdx`. */
  file: string;
  kind: 'incident' | 'reading-list';
  text: string;
  /** The frontmatter with positions; `source.data` is the data as written (undefined after a YAML syntax error). */
  source: FrontmatterSource;
  /** The body's MDX tree (positions relative to the body), or undefined when the body does not parse. */
  tree: MdastRoot | undefined;
}

/** Everything in an archive on disk, validated: the same rules the build applies. */
export interface CheckedArchive {
  catalog: Catalog;
  incidents: { id: string; file: string; data: IncidentData; body: string }[];
  readingLists: { id: string; file: string; data: ReadingListData; body: string }[];
  /** Every incident and reading-list file, including the invalid ones. */
  files: ArchiveFile[];
  index: ReferenceIndex;
  problems: Problem[];
}

/** One incident's text checked as the archive check checks it: the schema and rules, then its references. */
export function checkIncidentText(
  file: string,
  text: string,
  schema: ReturnType<typeof incidentSchemaFor>,
  options: ValidateOptions,
  index: ReferenceIndex,
): { file: ArchiveFile; problems: Problem[]; entry?: CheckedArchive['incidents'][number] } {
  const result = validateIncidentSource(file, text, schema, options);
  const archiveFile: ArchiveFile = { file, kind: 'incident', text, source: result.source, tree: result.tree };
  if (!result.data) {
    // Its references are still checked, on the data without the schema's problems.
    const partial = result.partial;
    const refs = partial
      ? result.source.toProblems(checkIncidentReferences(partial.data, index).filter((f) => !isAboutTouched(f, partial.touched)))
      : [];
    return { file: archiveFile, problems: [...result.problems, ...refs] };
  }
  const problems = [...result.problems, ...result.source.toProblems(checkIncidentReferences(result.data, index))];
  const valid = !problems.some((p) => p.severity === 'error');
  return {
    file: archiveFile,
    problems,
    ...(valid ? { entry: { id: incidentIdFromPath(file), file, data: result.data, body: result.body } } : {}),
  };
}

/**
 * Validates the whole archive under `root` and reports every problem in every file, including files
 * that cannot be read (too large, not UTF-8, a link out of the archive) and files that are not `.mdx`.
 */
export function checkArchive(root: string, options: ValidateOptions & CrossFileOptions = {}): CheckedArchive {
  const catalog = loadCatalog(root);
  const schema = incidentSchemaFor(catalog);
  // The archive's own image hosts apply unless the caller names others.
  options = { imageHosts: catalog.organisation.image_hosts, ...options };
  const problems: Problem[] = [...catalog.problems];
  const incidentListing = listArchiveFolder(root, 'incidents');
  const incidentFiles = incidentListing.files;
  problems.push(...incidentListing.problems, ...findDuplicateIds(incidentFiles), ...checkPublicImages(root));
  const index = buildReferenceIndex(catalog.services, catalog.teams, incidentFiles.map(incidentIdFromPath));

  const files: ArchiveFile[] = [];
  const incidents: CheckedArchive['incidents'] = [];
  for (const file of incidentFiles) {
    if (options.elsewhere?.(file)) continue;
    const read = readArchiveText(root, file);
    problems.push(...read.problems);
    if (read.text === undefined) continue;
    const text = read.text;
    if (options.fully && !options.fully(file)) {
      problems.push(...relatedProblems(file, text, index));
      continue;
    }
    const checked = checkIncidentText(file, text, schema, options, index);
    files.push(checked.file);
    problems.push(...checked.problems);
    if (checked.entry && !read.problems.some((p) => p.severity === 'error')) incidents.push(checked.entry);
  }

  const readingLists: CheckedArchive['readingLists'] = [];
  const readingListListing = listArchiveFolder(root, 'reading-lists');
  problems.push(...readingListListing.problems);
  for (const file of readingListListing.files) {
    const read = readArchiveText(root, file);
    problems.push(...read.problems);
    if (read.text === undefined) continue;
    const text = read.text;
    const result = validateReadingListSource(file, text, options);
    files.push({ file, kind: 'reading-list', text, source: result.source, tree: result.tree });
    problems.push(...result.problems);
    if (!result.data) continue;
    const refs = result.source.toProblems(checkReadingListReferences(result.data, index));
    problems.push(...refs);
    if (refs.length === 0 && ![...read.problems, ...result.problems].some((p) => p.severity === 'error'))
      readingLists.push({ id: incidentIdFromPath(file), file, data: result.data, body: result.body });
  }
  return { catalog, incidents, readingLists, files, index, problems };
}
