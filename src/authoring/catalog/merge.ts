import type { Service, Slo, Team } from '../../schema/catalog.ts';
import type { YamlSource } from '../../validation/source.ts';
import type { Assembled, ImportedTeam } from './assemble.ts';
import type { Origin, ServiceCandidate, SloCandidate } from './mappers/types.ts';

/** An entry the catalog already has with other values: the catalog's are kept, and the report says how they differ. */
export interface Conflict {
  /** Where the catalog's entry is written, e.g. `catalog/teams.yaml:4:3`. */
  where: string;
  /** e.g. `team ticketing`, `SLO ticket-sales-availability`. */
  what: string;
  /** One per field, e.g. `name "Ticketing & Retail", not "Ticketing"`. */
  differences: string[];
  origin: Origin;
}

/** An SLO the import adds, and whether its service was in the catalog before. */
export interface PlannedSlo extends SloCandidate {
  toExistingService: boolean;
}

/** What importing would change in catalog/: the entries added, those the catalog already has, and how they differ. */
export interface ImportPlan {
  teams: ImportedTeam[];
  services: (ServiceCandidate & { team: string })[];
  slos: PlannedSlo[];
  /** Entries the catalog already holds: the same values, or other values (then also in `conflicts`). */
  kept: { teams: number; services: number; slos: number };
  conflicts: Conflict[];
}

/** The catalog as it is: its entries and where each is written. */
export interface ExistingCatalog {
  teams: readonly Team[];
  services: readonly Service[];
  teamsSource: YamlSource;
  servicesSource: YamlSource;
}

const quote = (value: unknown) =>
  typeof value === 'string' ? JSON.stringify(value) : value === undefined ? 'none' : JSON.stringify(value);

/** `name "A", not "B"` for each field the import gives that the catalog has otherwise. */
function differences(kept: Record<string, unknown>, imported: Record<string, unknown>, fields: readonly string[]): string[] {
  return fields
    .filter((field) => imported[field] !== undefined && JSON.stringify(kept[field]) !== JSON.stringify(imported[field]))
    .map((field) => {
      if (field === 'links')
        return `links ${kept.links === undefined ? 'none' : `${(kept.links as unknown[]).length} as written`}, not the import's ${(imported.links as unknown[]).length}`;
      return `${field} ${quote(kept[field])}, not ${quote(imported[field])}`;
    });
}

function at(file: string, source: YamlSource, path: (string | number)[]): string {
  const { line, column } = source.locate(path);
  return `${file}:${line}:${column}`;
}

/**
 * Merges the import into the catalog without changing what is written there: a team, service or SLO
 * whose id the catalog has keeps its values (a conflict says how the import differs), new SLOs of a
 * service the catalog has are added to it, and an SLO id used by another service is never reused.
 */
export function planImport(assembled: Assembled, catalog: ExistingCatalog): ImportPlan {
  const conflicts: Conflict[] = [];
  const kept = { teams: 0, services: 0, slos: 0 };
  const teamIndex = new Map(catalog.teams.map((t, i) => [t.id, i]));
  const serviceIndex = new Map(catalog.services.map((s, i) => [s.id, i]));
  const sloIndex = new Map(catalog.services.flatMap((s, i) => s.slos.map((slo, j) => [slo.id, { service: s, i, j, slo }] as const)));

  const teams = assembled.teams.filter((candidate) => {
    const i = teamIndex.get(candidate.team.id);
    if (i === undefined) return true;
    kept.teams += 1;
    const diff = differences(catalog.teams[i]!, candidate.team, ['name', 'contact']);
    if (diff.length > 0)
      conflicts.push({
        where: at('catalog/teams.yaml', catalog.teamsSource, [i]),
        what: `team ${candidate.team.id}`,
        differences: diff,
        origin: candidate.origin,
      });
    return false;
  });

  const services = assembled.services.flatMap((candidate) => {
    const i = serviceIndex.get(candidate.service.id);
    if (i === undefined) return [{ ...candidate, team: candidate.owner }];
    kept.services += 1;
    const diff = differences(catalog.services[i]!, { ...candidate.service, team: candidate.owner }, [
      'name',
      'team',
      'description',
      'links',
    ]);
    if (diff.length > 0)
      conflicts.push({
        where: at('catalog/services.yaml', catalog.servicesSource, [i]),
        what: `service ${candidate.service.id}`,
        differences: diff,
        origin: candidate.origin,
      });
    return [];
  });

  const slos = assembled.slos.flatMap((candidate): PlannedSlo[] => {
    const found = sloIndex.get(candidate.slo.id);
    if (found === undefined) return [{ ...candidate, toExistingService: serviceIndex.has(candidate.service) }];
    kept.slos += 1;
    const where = at('catalog/services.yaml', catalog.servicesSource, [found.i, 'slos', found.j]);
    if (found.service.id !== candidate.service) {
      conflicts.push({
        where,
        what: `SLO ${candidate.slo.id}`,
        differences: [`belongs to service ${found.service.id}, not ${candidate.service} (SLO ids are unique across services)`],
        origin: candidate.origin,
      });
      return [];
    }
    const diff = differences(found.slo as Slo, candidate.slo, ['name', 'objective', 'window_days']);
    if (diff.length > 0) conflicts.push({ where, what: `SLO ${candidate.slo.id}`, differences: diff, origin: candidate.origin });
    return [];
  });
  return { teams, services, slos, kept, conflicts };
}
