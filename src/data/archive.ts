import { getCollection, getEntry } from 'astro:content';
import type { Organisation, Service, Team } from '../schema/catalog.ts';
import type { Category, Severity } from '../schema/taxonomy.ts';
import type { ReadingListData } from '../schema/reading-list.ts';
import {
  buildArchiveIndex,
  deriveIncident,
  indexCatalog,
  sortNewestFirst,
  type ArchiveIndex,
  type IncidentView,
} from '../lib/incidents.ts';
import { countWords, indexListPositions, readingMinutes, type ListPosition } from '../lib/reading.ts';
import { suggestRelated, type RelatedSuggestion } from '../lib/related.ts';
import { distinctiveTerms } from '../lib/text-terms.ts';
import { buildStartHere, countSectionWords, startHereKey } from '../lib/start-here.ts';
import { thisWeekInHistory } from '../lib/history.ts';
import { overviewOrders } from '../lib/trends/archive-trends.ts';
import type { OverviewOrders } from '../lib/trends/overview.ts';
import { dateInZone } from '../lib/time.ts';
import { redactIncident, withoutInternalNames, type Audience } from '../lib/audience.ts';
import { loadCatalog } from '../validation/sources.ts';
import config from 'virtual:hindsight/config';

/** A reading list with its items resolved to incidents. */
export interface ReadingListView extends Omit<ReadingListData, 'items'> {
  id: string;
  items: { incident: IncidentView; why: string; minutes: number }[];
  /** Minutes to read the whole list. */
  minutes: number;
}

/** Everything the pages need, derived once per build. */
export interface Archive {
  /** Who this build is for (HINDSIGHT_AUDIENCE): a public build holds only public incidents, redacted. */
  audience: Audience;
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
  /** Minutes to read each incident, by id. */
  readingMinutes: ReadonlyMap<string, number>;
  /** Suggested related incidents (besides the explicit ones), by id. */
  suggestions: ReadonlyMap<string, RelatedSuggestion[]>;
  /** Where each incident sits in the curated reading lists, by id. */
  listPositions: ReadonlyMap<string, ListPosition[]>;
  /** Generated "Start here" lists per team and per service id. */
  startHere: { teams: ReadonlyMap<string, IncidentView[]>; services: ReadonlyMap<string, IncidentView[]> };
  /** Incidents that started in this ISO week in earlier years, newest first. */
  thisWeekInHistory: IncidentView[];
  /** Content digest of each incident file (frontmatter and body), by id. */
  digests: ReadonlyMap<string, string>;
}

let archive: Promise<Archive> | undefined;

/** The archive, loaded and derived once; pages share the result. */
export function getArchive(): Promise<Archive> {
  archive ??= loadArchive();
  return archive;
}

/** Drafts are shown only by the dev server. */
export function isVisible(status: string): boolean {
  return config.showDrafts || status !== 'draft';
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
  const today = config.today;
  const timeZone = organisation[0]!.data.time_zone;
  const audience = config.audience;
  const teamIds = new Set(teams.map((t) => t.id));
  // A public service owned by an internal team is shown without an owner (`team` empty), never with its id.
  // A public build also leaves out a service's links: runbooks and dashboards are the organisation's own tools.
  const serviceData = services.map((s) => {
    const shown = teamIds.has(s.data.team) ? s.data : { ...s.data, team: '' };
    return audience === 'public' && 'links' in shown ? { ...shown, links: [] } : shown;
  });
  const catalogIndex = indexCatalog(serviceData);
  const visible = entries.filter((e) => isVisible(e.data.status));
  // A public build has only public, published incidents (the loader dropped the rest) and only public
  // catalog entries; references to internal services, teams and their SLOs are removed with the
  // configured fields, and internal team and service ids leave owners and helpers too.
  const internalIds = audience === 'public' ? internalCatalogIds(config.archiveRoot) : new Set<string>();
  const forAudience = (data: (typeof visible)[number]['data']) =>
    audience === 'internal'
      ? data
      : withoutInternalNames(
          redactIncident(
            {
              ...data,
              services: data.services.filter((id) => catalogIndex.services.has(id)),
              teams: data.teams.filter((id) => teamIds.has(id)),
              slo_impact: data.slo_impact.filter((impact) => catalogIndex.slos.has(impact.slo)),
            },
            organisation[0]!.data.public_strip,
          ),
          internalIds,
        );
  const visibleIds = new Set(visible.map((e) => e.id));
  // `related` may name drafts or (in a public build) internal incidents: never let their ids through.
  const incidents = sortNewestFirst(
    visible.map((e) =>
      deriveIncident(
        e.id,
        {
          ...forAudience(e.data),
          related: e.data.related.filter((id) => visibleIds.has(id)),
        },
        catalogIndex,
        today,
      ),
    ),
  );
  const index = buildArchiveIndex(incidents);
  const bodies = new Map(visible.map((e) => [e.id, e.body ?? '']));
  const digests = new Map(visible.map((e) => [e.id, String(e.digest ?? '')]));

  const minutesById = new Map(incidents.map((i) => [i.id, readingMinutes(countWords(`${i.summary}\n${bodies.get(i.id)}`))]));
  const terms = distinctiveTerms(incidents.map((i) => `${i.title}\n${i.summary}\n${bodies.get(i.id)}`));
  const suggestions = suggestRelated(
    incidents.map((i, n) => ({
      id: i.id,
      started: i.started,
      services: i.services,
      tags: i.tags,
      related: i.related,
      factors: i.contributing_factors.map((f) => f.category),
      terms: terms[n]!,
    })),
  );

  const readingLists = lists
    .map((list) => {
      const items = list.data.items.flatMap((item) => {
        const incident = index.byId.get(item.incident);
        if (!incident) {
          const why = audience === 'public' ? 'a draft or internal' : 'a draft';
          console.warn(`reading-lists/${list.id}.mdx: item ${item.incident} is ${why} and is left out of this build.`);
          return [];
        }
        return [{ incident, why: item.why, minutes: minutesById.get(incident.id)! }];
      });
      return { ...list.data, id: list.id, items, minutes: items.reduce((sum, item) => sum + item.minutes, 0) };
    })
    // A list with nothing this build may show is left out whole: its title and intro say what it is about.
    .filter((list) => {
      if (list.items.length > 0) return true;
      console.warn(`reading-lists/${list.id}.mdx: no item is in this build, so the list is left out of it.`);
      return false;
    })
    .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.title.localeCompare(b.title));

  const severityRank = new Map(severities.map((s) => [s.id, s.data.rank]));
  const instructive = (list: readonly IncidentView[]) =>
    buildStartHere(
      list
        .filter((i) => i.status === 'published')
        .map((i) => ({
          id: i.id,
          started: dateInZone(i.started, timeZone),
          featured: i.featured,
          severityRank: severityRank.get(i.severity) ?? severities.length - 1,
          severityLevels: severities.length,
          actionItems: i.action_items.length,
          contributingFactors: i.contributing_factors.length,
          lessonsWords: countSectionWords(bodies.get(i.id) ?? '', 'Lessons', countWords),
        })),
      today,
    ).map((s) => index.byId.get(s.id)!);
  const startHere = {
    teams: new Map(teams.map((t) => [t.id, instructive(index.byTeam.get(t.id) ?? [])])),
    services: new Map(services.map((s) => [s.id, instructive(index.byService.get(s.id) ?? [])])),
  };

  return {
    audience,
    organisation: organisation[0]!.data,
    incidents,
    index,
    services: [...serviceData].sort((a, b) => a.name.localeCompare(b.name)),
    servicesById: catalogIndex.services,
    teams: teams.map((t) => t.data).sort((a, b) => a.name.localeCompare(b.name)),
    teamsById: new Map(teams.map((t) => [t.id, t.data])),
    severities: severities.map((s) => s.data).sort((a, b) => a.rank - b.rank),
    categories: categories.map((c) => c.data),
    categoriesById: new Map(categories.map((c) => [c.id, c.data])),
    readingLists,
    today,
    readingMinutes: minutesById,
    suggestions,
    // Curated lists first, then the generated ones, whose position an incident page shows only to a reader who came from them.
    listPositions: indexListPositions([
      ...readingLists,
      ...teams.map((t) => ({
        id: startHereKey('teams', t.id),
        title: `Start here: ${t.data.name}`,
        href: `/${startHereKey('teams', t.id)}/`,
        kind: 'start-here' as const,
        items: startHere.teams.get(t.id)!.map((incident) => ({ incident })),
      })),
      ...services.map((s) => ({
        id: startHereKey('services', s.id),
        title: `Start here: ${s.data.name}`,
        href: `/${startHereKey('services', s.id)}/`,
        kind: 'start-here' as const,
        items: startHere.services.get(s.id)!.map((incident) => ({ incident })),
      })),
    ]),
    startHere,
    digests,
    thisWeekInHistory: thisWeekInHistory(
      incidents.filter((i) => i.status === 'published'),
      today,
      (i) => dateInZone(i.started, timeZone),
    ),
  };
}

/** Ids of the catalog's internal teams and services, which a public build must never name. */
function internalCatalogIds(root: string): Set<string> {
  const catalog = loadCatalog(root);
  return new Set([...catalog.teams, ...catalog.services].filter((entry) => entry.visibility === 'internal').map((entry) => entry.id));
}

/** What an incident table needs beside its rows: the time zone, service names and severities. */
export interface TableContext {
  timeZone: string;
  servicesById: ReadonlyMap<string, Service>;
  severities: Severity[];
}

/** The props every `IncidentTable` and `StartHereList` takes from the archive. */
export function tableContext(archive: Archive): TableContext {
  return { timeZone: archive.organisation.time_zone, servicesById: archive.servicesById, severities: archive.severities };
}

/** The props `OverviewSections` takes from the archive: taxonomy orders and names, the time zone and the reference day. */
export function overviewContext(archive: Archive): {
  orders: OverviewOrders;
  severities: { id: string; name: string }[];
  categories: { id: string; name: string }[];
  timeZone: string;
  today: string;
} {
  return {
    orders: overviewOrders(archive),
    severities: archive.severities.map((s) => ({ id: s.id, name: s.name })),
    categories: archive.categories.map((c) => ({ id: c.id, name: c.name })),
    timeZone: archive.organisation.time_zone,
    today: archive.today,
  };
}

/** The display name of a severity id, for `SeverityBadge`. */
export function severityName(archive: Pick<Archive, 'severities'>, id: string): string | undefined {
  return archive.severities.find((s) => s.id === id)?.name;
}

/** Under `npm run dev`, the problems of an incident's file when it has any; always undefined in a build. */
export async function getDevProblems(id: string): Promise<DevFileProblems | undefined> {
  if (!config.showDrafts) return undefined;
  return (await getEntry('devProblems', `incident:${id}`))?.data;
}

/** One file's problems, as the dev server shows them. */
export type DevFileProblems = {
  file: string;
  problems: { line: number; column: number; field: string; message: string; rule: string; found?: string; hint?: string; text: string }[];
};

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
