import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { RENDER_VERSION } from '../lib/render-body.ts';
import { checkArchive, findDuplicateIds, referenceProblems } from '../validation/archive.ts';
import { listArchiveFolder, readArchiveText } from '../validation/files.ts';
import { incidentIdFromPath } from '../validation/incident-rules.ts';
import { ArchiveError, type Problem } from '../validation/problems.ts';
import { buildReferenceIndex, checkIncidentReferences, checkReadingListReferences } from '../validation/references.ts';
import { listMdxFiles, loadCatalog } from '../validation/sources.ts';
import type { IncidentData } from '../schema/incident.ts';
import type { ReadingListData } from '../schema/reading-list.ts';
import type { Audience } from '../lib/audience.ts';
import type { Organisation } from '../schema/catalog.ts';
import { forgetFile, reportFileProblems } from './dev-problems.ts';
import { preparer, type Prepared, type PrepareOptions } from './prepare.ts';
import { prepareInPool } from './prepare-pool.ts';
import { canPool, POOL_FROM } from '../tooling/pool.ts';
import { checkPublicImages } from '../validation/public-images.ts';

// How long `astro dev` waits for a saved file to settle before validating it, and how many times.
const SETTLE_MS = 30;
const SETTLE_ATTEMPTS = 6;

/** What the loaders take from the configuration (src/config), parsed once by astro.config.mjs. */
export interface LoaderOptions {
  /** The folder holding catalog/, incidents/ and reading-lists/. */
  archiveRoot: string;
  /** The project folder, where templates/postmortem.mdx is. */
  projectRoot: string;
  audience: Audience;
  /** True under `astro dev`: a file with problems does not stop the server; its page shows them. */
  showDrafts: boolean;
}

/**
 * Collections load side by side and the first to fail stops the build, so a failing loader reports the
 * format problems of the whole archive (catalog, incidents, reading lists), not only its own.
 */
function archiveFailure(root: string, own: Problem[]): ArchiveError {
  const all = checkArchive(root).problems.filter((p) => p.severity === 'error');
  return new ArchiveError(all.length > 0 ? all : own);
}

type CrossCheck = (root: string, entries: { id: string; file: string; data: Record<string, unknown> }[]) => Problem[];

/**
 * Loads every `.mdx` file of a folder (names starting with `_` skipped), validated with Hindsight's own
 * rules: all problems in all files are collected, then reported together as one error naming file, line,
 * field and fix. Entries are cached by content digest and audience. Bodies are never compiled: each
 * is checked against the content model (src/validation/content-model.ts) and rendered here to
 * sanitised HTML (src/lib/render-body.ts), `<Internal>` blocks included only in the internal site.
 */
function validatingMdxLoader(
  options: LoaderOptions & { organisation: Organisation },
  name: string,
  folder: string,
  crossCheck: CrossCheck,
): Loader {
  const kind = folder === 'incidents' ? 'incident' : 'reading-list';
  return {
    name,
    load: async (context: LoaderContext) => {
      const { store, meta, logger, generateDigest, watcher } = context;
      const projectRoot = fileURLToPath(context.config.root);
      const root = options.archiveRoot;
      const prepareOptions: PrepareOptions = {
        kind,
        archiveRoot: root,
        projectRoot: options.projectRoot,
        audience: options.audience,
        imageHosts: options.organisation.image_hosts,
      };
      const prepare = preparer(prepareOptions);
      // The catalog and taxonomy decide what is valid: when they change, re-validate every entry.
      const catalogDigest = generateDigest(readCatalogText(root));
      if (meta.get('catalog-digest') !== catalogDigest) store.clear();

      type Read = { file: string; problems: Problem[] } | { file: string; text: string; digest: string };
      /** Reads one file within the archive and its limits (no link out of it, size, UTF-8), as npm run check reads it. */
      const readFile = (file: string): Read => {
        const read = readArchiveText(root, file);
        if (read.text === undefined || read.problems.length > 0) return { file, problems: read.problems };
        // The audience is part of the digest: a cache kept between an internal and a public build must
        // never hand the public site a body rendered with its <Internal> blocks.
        // So is the shape of the rendering: a cache written by an older renderer is rendered again.
        return { file, text: read.text, digest: generateDigest(`${RENDER_VERSION}\n${options.audience}\n${read.text}`) };
      };
      const cached = (read: Read) => 'digest' in read && store.get(incidentIdFromPath(read.file))?.digest === read.digest;
      /** Stores a prepared file when it is valid; returns its problems. */
      const keep = (file: string, digest: string, prepared: Prepared): Problem[] => {
        if (prepared.entry)
          store.set({
            id: incidentIdFromPath(file),
            data: prepared.entry.data,
            body: prepared.entry.body,
            digest,
            filePath: relative(projectRoot, resolve(root, file)).split(sep).join('/'),
            rendered: {
              html: prepared.entry.rendered.html,
              metadata: { headings: prepared.entry.rendered.headings, sections: prepared.entry.rendered.sections },
            },
          });
        return prepared.problems;
      };
      /** Validates and stores one file; returns its problems. */
      const sync = async (file: string): Promise<Problem[]> => {
        const read = readFile(file);
        if ('problems' in read) return read.problems;
        return cached(read) ? [] : keep(file, read.digest, prepare(file, read.text));
      };

      const files = listMdxFiles(root, folder);
      const present = new Set(files.map(incidentIdFromPath));
      for (const id of store.keys()) if (!present.has(id)) store.delete(id);
      const reads = files.map(readFile);
      const pending = reads.filter((r): r is Extract<Read, { text: string }> => 'text' in r && !cached(r));
      // A large archive is validated and rendered on every core; a worker that cannot start costs only the speed.
      let prepared: Prepared[] | undefined;
      if (pending.length >= POOL_FROM && canPool()) {
        try {
          prepared = await prepareInPool(pending, prepareOptions);
        } catch (error) {
          logger.warn(`Validating in one thread: the worker threads failed (${(error as Error).message}).`);
        }
      }
      prepared ??= pending.map((r) => prepare(r.file, r.text));
      const byFile = new Map(pending.map((r, i) => [r.file, { digest: r.digest, prepared: prepared[i]! }]));
      const problems: Problem[] = [];
      for (const read of reads) {
        const done = byFile.get(read.file);
        const found = 'problems' in read ? read.problems : done ? keep(read.file, done.digest, done.prepared) : [];
        problems.push(...found);
        if (options.showDrafts) reportFileProblems(incidentIdFromPath(read.file), read.file, kind, found);
      }
      const entries = [...store.values()].map((e) => ({
        id: e.id,
        file: relative(root, resolve(projectRoot, e.filePath!)).split(sep).join('/'),
        data: e.data,
      }));
      problems.push(...crossCheck(root, entries));
      const errors = problems.filter((p) => p.severity === 'error');
      if (errors.length > 0) {
        // Invalid entries must not stay cached: the next run has to report them again.
        for (const p of errors) store.delete(incidentIdFromPath(p.file));
        // `astro dev` keeps serving: each page shows its own file's problems, and the terminal lists them.
        if (!options.showDrafts) throw archiveFailure(root, problems);
        for (const p of errors)
          reportFileProblems(
            incidentIdFromPath(p.file),
            p.file,
            kind,
            errors.filter((e) => e.file === p.file),
          );
        logger.error(new ArchiveError(errors).message);
      }
      meta.set('catalog-digest', catalogDigest);
      if (options.audience === 'public') {
        // Only public, published incidents enter a public build: internal ones and those still in review
        // (or drafts) leave the store, so neither their data nor their bodies reach it.
        const internal = [...store.values()].filter((e) => e.data.visibility !== undefined && e.data.visibility !== 'public');
        const unpublished = [...store.values()].filter(
          (e) => e.data.visibility === 'public' && e.data.status !== undefined && e.data.status !== 'published',
        );
        for (const entry of [...internal, ...unpublished]) store.delete(entry.id);
        if (internal.length > 0)
          logger.info(`Public build: ${internal.length} internal ${internal.length === 1 ? 'entry is' : 'entries are'} left out.`);
        if (unpublished.length > 0)
          logger.info(
            `Public build: ${unpublished.length} public ${unpublished.length === 1 ? 'entry is' : 'entries are'} not yet published and left out.`,
          );
      }

      // `astro dev`: re-validate a file when it changes, and say what is wrong with it without stopping the server.
      if (watcher) {
        const base = resolve(root, folder) + sep;
        watcher.add(base);
        // One save can fire several events (a write often truncates first): each file's are handled in
        // turn, so an earlier, half-written read can never land after the file's last state.
        const queues = new Map<string, Promise<void>>();
        const onChange = (path: string) => {
          if (!path.startsWith(base) || !path.endsWith('.mdx') || path.split(sep).pop()!.startsWith('_')) return;
          const file = relative(root, path).split(sep).join('/');
          const next = (queues.get(file) ?? Promise.resolve()).then(async () => {
            // A save can be seen half-written (empty after the truncate, or changing while it is read):
            // validate until the file reads the same before and after, and give an empty file a moment.
            let found: Problem[] = [];
            for (let attempt = 1; attempt <= SETTLE_ATTEMPTS; attempt++) {
              await new Promise((done) => setTimeout(done, SETTLE_MS));
              const before = readArchiveText(root, file).text;
              if (before === '' && attempt < SETTLE_ATTEMPTS) continue;
              found = await sync(file);
              if (readArchiveText(root, file).text === before) break;
            }
            reportFileProblems(incidentIdFromPath(file), file, kind, found);
            if (found.some((p) => p.severity === 'error')) logger.error(new ArchiveError(found).message);
          });
          queues.set(
            file,
            next.catch(() => undefined),
          );
          return next;
        };
        watcher.on('add', onChange);
        watcher.on('change', onChange);
        watcher.on('unlink', (path: string) => {
          if (!path.startsWith(base) || !path.endsWith('.mdx')) return;
          store.delete(incidentIdFromPath(relative(root, path)));
          forgetFile(incidentIdFromPath(relative(root, path)), kind);
        });
      }
    },
  };
}

function readCatalogText(root: string): string {
  return ['organisation', 'services', 'teams', 'taxonomy']
    .map((name) => readArchiveText(root, `catalog/${name}.yaml`).text ?? '')
    .join('\n---\n');
}

/** Incidents from `incidents/<yyyy>/<id>.mdx`, validated against the schema, the rules and the catalog. */
export function incidentLoader(options: LoaderOptions & { organisation: Organisation }): Loader {
  return validatingMdxLoader(options, 'hindsight-incidents', 'incidents', (root, entries) => {
    const catalog = loadCatalog(root);
    const listing = listArchiveFolder(root, 'incidents');
    const files = listing.files;
    const index = buildReferenceIndex(catalog.services, catalog.teams, files.map(incidentIdFromPath));
    return [
      ...listing.problems,
      ...findDuplicateIds(files),
      ...checkPublicImages(root),
      ...entries.flatMap((e) => referenceProblems(root, e.file, checkIncidentReferences(e.data as IncidentData, index))),
    ];
  });
}

/** Reading lists from `reading-lists/<slug>.mdx`; every item must name an existing incident. */
export function readingListLoader(options: LoaderOptions & { organisation: Organisation }): Loader {
  return validatingMdxLoader(options, 'hindsight-reading-lists', 'reading-lists', (root, entries) => {
    const incidents = new Set(listMdxFiles(root, 'incidents').map(incidentIdFromPath));
    return [
      ...listArchiveFolder(root, 'reading-lists').problems,
      ...entries.flatMap((e) => referenceProblems(root, e.file, checkReadingListReferences(e.data as ReadingListData, { incidents }))),
    ];
  });
}

/**
 * One catalog collection (services, teams, severities, categories or organisation) from `catalog/*.yaml`.
 * The organisation is the one the configuration already parsed.
 */
export function catalogLoader(
  options: LoaderOptions & { organisation: Organisation },
  kind: 'services' | 'teams' | 'severities' | 'categories' | 'organisation',
): Loader {
  const file = { services: 'services', teams: 'teams', severities: 'taxonomy', categories: 'taxonomy', organisation: 'organisation' }[kind];
  return {
    name: `hindsight-catalog-${kind}`,
    load: async ({ store, generateDigest }) => {
      const catalog = loadCatalog(options.archiveRoot);
      const problems = catalog.problems.filter((p) => p.file === `catalog/${file}.yaml`);
      if (problems.some((p) => p.severity === 'error')) throw archiveFailure(options.archiveRoot, problems);
      const entries: { id: string }[] =
        kind === 'services'
          ? catalog.services
          : kind === 'teams'
            ? catalog.teams
            : kind === 'severities'
              ? catalog.taxonomy.severities.map((s, rank) => ({ ...s, rank }))
              : kind === 'categories'
                ? catalog.taxonomy.categories
                : [{ id: 'site', ...options.organisation }];
      store.clear();
      for (const entry of entries) {
        if (options.audience === 'public' && 'visibility' in entry && entry.visibility === 'internal') continue;
        const data = { ...entry } as Record<string, unknown>;
        store.set({ id: entry.id, data, digest: generateDigest(data) });
      }
    },
  };
}
