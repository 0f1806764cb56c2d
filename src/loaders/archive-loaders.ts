import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { checkArchive, findDuplicateIds, referenceProblems } from '../validation/archive.ts';
import { incidentIdFromPath } from '../validation/incident-rules.ts';
import { ArchiveError, type Problem } from '../validation/problems.ts';
import { buildReferenceIndex, checkIncidentReferences, checkReadingListReferences } from '../validation/references.ts';
import { archiveRoot, incidentSchemaFor, listMdxFiles, loadCatalog, validateIncidentSource, validateReadingListSource } from '../validation/sources.ts';

export { archiveRoot };
import type { IncidentData } from '../schema/incident.ts';
import type { ReadingListData } from '../schema/reading-list.ts';
import { parseAudience } from '../lib/audience.ts';

/**
 * Collections load side by side and the first to fail stops the build, so a failing loader reports the
 * format problems of the whole archive (catalog, incidents, reading lists), not only its own.
 */
function archiveFailure(root: string, own: Problem[]): ArchiveError {
  const all = checkArchive(root).problems.filter((p) => p.severity === 'error');
  return new ArchiveError(all.length > 0 ? all : own);
}

type Validate = (file: string, text: string) => { data: unknown; problems: Problem[] };
type CrossCheck = (root: string, entries: { id: string; file: string; data: Record<string, unknown> }[]) => Problem[];

/**
 * Wraps Astro's glob loader so every file is validated with Hindsight's own rules: all problems in all
 * files are collected, then reported together as one error naming file, line, field and fix.
 */
function validatingGlob(name: string, folder: string, validate: (root: string) => Validate, crossCheck: CrossCheck): Loader {
  return {
    name,
    load: async (context: LoaderContext) => {
      const root = archiveRoot(fileURLToPath(context.config.root));
      const inner = glob({ pattern: '**/[^_]*.mdx', base: pathToFileURL(`${resolve(root, folder)}/`), generateId: ({ entry }) => incidentIdFromPath(entry) });
      const check = validate(root);
      // The catalog and taxonomy decide what is valid: when they change, re-validate every entry.
      const catalogDigest = context.generateDigest(readCatalogText(root));
      if (context.meta.get('catalog-digest') !== catalogDigest) context.store.clear();
      let initialLoadDone = false;
      const problems: Problem[] = [];
      await inner.load({
        ...context,
        parseData: async <T extends Record<string, unknown>>({ data, filePath }: { id: string; data: T; filePath?: string }) => {
          const file = relative(root, filePath!).split(sep).join('/');
          const result = check(file, readFileSync(filePath!, 'utf8'));
          if (initialLoadDone && result.problems.some((p) => p.severity === 'error')) throw new ArchiveError(result.problems);
          problems.push(...result.problems);
          return (result.data ?? data) as T;
        },
      });
      initialLoadDone = true;
      const projectRoot = fileURLToPath(context.config.root);
      const entries = [...context.store.values()].map((e) => ({
        id: e.id,
        file: relative(root, resolve(projectRoot, e.filePath!)).split(sep).join('/'),
        data: e.data,
      }));
      problems.push(...crossCheck(root, entries));
      const errors = problems.filter((p) => p.severity === 'error');
      if (errors.length > 0) {
        // Invalid entries must not stay cached: the next run has to report them again.
        const bad = new Set(errors.map((p) => incidentIdFromPath(p.file)));
        for (const id of bad) context.store.delete(id);
        throw archiveFailure(root, problems);
      }
      context.meta.set('catalog-digest', catalogDigest);
      if (parseAudience(process.env.KB_AUDIENCE) === 'public') {
        // Internal entries leave the store, so neither their data nor their MDX modules enter a public build.
        const internal = [...context.store.values()].filter((e) => e.data.visibility !== undefined && e.data.visibility !== 'public');
        for (const entry of internal) context.store.delete(entry.id);
        if (internal.length > 0) context.logger.info(`Public build: ${internal.length} internal ${internal.length === 1 ? 'entry is' : 'entries are'} left out.`);
      }
    },
  };
}

function readCatalogText(root: string): string {
  return ['organisation', 'services', 'teams', 'taxonomy']
    .map((name) => { try { return readFileSync(`${root}/catalog/${name}.yaml`, 'utf8'); } catch { return ''; } })
    .join('\n---\n');
}

/** Incidents from `incidents/<yyyy>/<id>.mdx`, validated against the schema, the rules and the catalog. */
export function incidentLoader(): Loader {
  return validatingGlob(
    'hindsight-incidents',
    'incidents',
    (root) => {
      const schema = incidentSchemaFor(loadCatalog(root));
      return (file, text) => validateIncidentSource(file, text, schema);
    },
    (root, entries) => {
      const catalog = loadCatalog(root);
      const files = listMdxFiles(root, 'incidents');
      const index = buildReferenceIndex(catalog.services, catalog.teams, files.map(incidentIdFromPath));
      return [
        ...findDuplicateIds(files),
        ...entries.flatMap((e) => referenceProblems(root, e.file, checkIncidentReferences(e.data as IncidentData, index))),
      ];
    },
  );
}

/** Reading lists from `reading-lists/<slug>.mdx`; every item must name an existing incident. */
export function readingListLoader(): Loader {
  return validatingGlob(
    'hindsight-reading-lists',
    'reading-lists',
    () => validateReadingListSource,
    (root, entries) => {
      const incidents = new Set(listMdxFiles(root, 'incidents').map(incidentIdFromPath));
      return entries.flatMap((e) => referenceProblems(root, e.file, checkReadingListReferences(e.data as ReadingListData, { incidents })));
    },
  );
}

/** One catalog collection (services, teams, severities, categories or organisation) from `catalog/*.yaml`. */
export function catalogLoader(kind: 'services' | 'teams' | 'severities' | 'categories' | 'organisation'): Loader {
  const file = { services: 'services', teams: 'teams', severities: 'taxonomy', categories: 'taxonomy', organisation: 'organisation' }[kind];
  return {
    name: `hindsight-catalog-${kind}`,
    load: async ({ config, store, generateDigest }) => {
      const catalog = loadCatalog(archiveRoot(fileURLToPath(config.root)));
      const problems = catalog.problems.filter((p) => p.file === `catalog/${file}.yaml`);
      if (problems.some((p) => p.severity === 'error')) throw archiveFailure(archiveRoot(fileURLToPath(config.root)), problems);
      const entries: { id: string }[] =
        kind === 'services' ? catalog.services
        : kind === 'teams' ? catalog.teams
        : kind === 'severities' ? catalog.taxonomy.severities.map((s, rank) => ({ ...s, rank }))
        : kind === 'categories' ? catalog.taxonomy.categories
        : [{ id: 'site', ...catalog.organisation }];
      store.clear();
      const audience = parseAudience(process.env.KB_AUDIENCE);
      for (const entry of entries) {
        if (audience === 'public' && 'visibility' in entry && entry.visibility === 'internal') continue;
        const data = { ...entry } as Record<string, unknown>;
        store.set({ id: entry.id, data, digest: generateDigest(data) });
      }
    },
  };
}
