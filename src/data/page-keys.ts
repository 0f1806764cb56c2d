import { createHash } from 'node:crypto';
import { overviewContext, type Archive } from './archive.ts';
import { relatedBothWays } from '../lib/incidents.ts';
import { archiveRecurrencesByIncident } from '../lib/trends/archive-trends.ts';

/**
 * A key that changes whenever anything an incident page shows changes: the incident's file, what is
 * derived from it (durations, budgets, overdue items on the reference day), the titles and dates of
 * the incidents it links to or is suggested with, its reading-list positions, a recurrence, the names
 * of its services, teams, categories and severity, and the organisation and audience. With
 * `experimental.incrementalBuild`, an incident page whose key is unchanged is not rendered again.
 */
export function incidentPageKey(archive: Archive, id: string): string {
  const incident = archive.index.byId.get(id)!;
  const summary = (other: { id: string; title: string; started: string }) => [other.id, other.title, other.started];
  const inputs = {
    digest: archive.digests.get(id),
    incident,
    minutes: archive.readingMinutes.get(id),
    related: relatedBothWays(incident, archive.index).map(summary),
    suggestions: (archive.suggestions.get(id) ?? []).map((s) => [s.shared, ...summary(archive.index.byId.get(s.id)!)]),
    lists: archive.listPositions.get(id) ?? [],
    recurrences: (archiveRecurrencesByIncident(archive).get(id) ?? []).map((r) => [
      r.services[0],
      r.categories[0],
      summary(r.earlier),
      r.preventItems.map((a) => a.status),
    ]),
    services: incident.services.map((s) => archive.servicesById.get(s)?.name),
    teams: [...incident.teams, ...incident.action_items.map((a) => a.owner), ...incident.response.helped_by].map(
      (t) => t && archive.teamsById.get(t)?.name,
    ),
    categories: incident.contributing_factors.map((f) => archive.categoriesById.get(f.category)?.name),
    severities: archive.severities,
    organisation: archive.organisation,
    audience: archive.audience,
  };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('base64url');
}

/**
 * A key for the trends page of one service, team or year: everything it shows (`shown`: the slice,
 * its incidents as derived for this build and months, and what else the page lists), plus what every
 * trends page takes from the archive (taxonomy orders and names, catalog names, time zone, reference
 * day, organisation, audience). A slice page whose key is unchanged is not drawn again, so an edit
 * redraws only the slices of the incident it touched.
 */
export function slicePageKey(archive: Archive, shown: unknown): string {
  const inputs = {
    shown,
    context: overviewContext(archive),
    services: archive.services,
    teams: archive.teams,
    categories: archive.categories,
    severities: archive.severities,
    organisation: archive.organisation,
    audience: archive.audience,
  };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('base64url');
}
