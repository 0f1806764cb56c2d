import { getCollection, getEntry } from 'astro:content';
import type { Organisation, Service, Team } from '../schema/catalog.ts';
import type { Category, Severity } from '../schema/taxonomy.ts';
import type { ReadingListData } from '../schema/reading-list.ts';
import { buildArchiveIndex, deriveIncident, indexCatalog, sortNewestFirst, type ArchiveIndex, type IncidentView } from '../lib/incidents.ts';

/** A reading list with its items resolved to incidents. */
export interface ReadingListView extends Omit<ReadingListData, 'items'> {
  id: string;
  items: { incident: IncidentView; why: string }[];
}

/** Everything the pages need, derived once per build. */
export interface Archive {
  organisation: Organisation;
  /** Visible incidents, newest first: drafts only under `npm run dev`. */
  incidents: IncidentView[];
  index: ArchiveIndex;
  services: Service[];
  servicesById: ReadonlyMap<string, Service>;
  teams: Team[];
  teamsById: ReadonlyMap<string, Team>;
  severities: Severity[];
  categories: Category[];
  categoriesById: ReadonlyMap<string, Category>;
  readingLists: ReadingListView[];
  /** The day overdue is judged against, YYYY-MM-DD. */
  today: string;
}

let archive: Promise<Archive> | undefined;

/** The archive, loaded and derived once; pages share the result. */
export function getArchive(): Promise<Archive> {
  archive ??= loadArchive();
  return archive;
}

/** Drafts are shown only by the dev server. */
export function isVisible(status: string): boolean {
  return import.meta.env.HINDSIGHT_SHOW_DRAFTS === true || status !== 'draft';
}

/** The reference day: HINDSIGHT_TODAY (YYYY-MM-DD) when set, so builds can be reproduced, else the build date. */
function referenceDay(): string {
  const fixed = process.env.HINDSIGHT_TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return new Date().toISOString().slice(0, 10);
}

async function loadArchive(): Promise<Archive> {
  const [entries, services, teams, severities, categories, organisation, lists] = await Promise.all([
    getCollection('incidents'),
    getCollection('services'),
    getCollection('teams'),
    getCollection('severities'),
    getCollection('categories'),
    getCollection('organisation'),
    getCollection('readingLists'),
  ]);
  const today = referenceDay();
  const catalogIndex = indexCatalog(services.map((s) => s.data));
  const incidents = sortNewestFirst(
    entries.filter((e) => isVisible(e.data.status)).map((e) => deriveIncident(e.id, e.data, catalogIndex, today)),
  );
  const index = buildArchiveIndex(incidents);
  const readingLists = lists
    .map((list) => ({
      ...list.data,
      id: list.id,
      items: list.data.items.flatMap((item) => {
        const incident = index.byId.get(item.incident);
        if (!incident) {
          console.warn(`reading-lists/${list.id}.mdx: item ${item.incident} is a draft and is left out of this build.`);
          return [];
        }
        return [{ incident, why: item.why }];
      }),
    }))
    .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.title.localeCompare(b.title));
  return {
    organisation: organisation[0]!.data,
    incidents,
    index,
    services: services.map((s) => s.data).sort((a, b) => a.name.localeCompare(b.name)),
    servicesById: catalogIndex.services,
    teams: teams.map((t) => t.data).sort((a, b) => a.name.localeCompare(b.name)),
    teamsById: new Map(teams.map((t) => [t.id, t.data])),
    severities: severities.map((s) => s.data).sort((a, b) => a.rank - b.rank),
    categories: categories.map((c) => c.data),
    categoriesById: new Map(categories.map((c) => [c.id, c.data])),
    readingLists,
    today,
  };
}

/** The content entry of one incident, for rendering its MDX body. */
export async function getIncidentEntry(id: string) {
  const entry = await getEntry('incidents', id);
  if (!entry) throw new Error(`No incident with id ${id}`);
  return entry;
}

/** The content entry of one reading list, for rendering its intro. */
export async function getReadingListEntry(id: string) {
  const entry = await getEntry('readingLists', id);
  if (!entry) throw new Error(`No reading list with id ${id}`);
  return entry;
}
