import { humanise } from './ids.ts';
import type { ImportFinding, Mapped, Origin, ServiceCandidate, SloCandidate, TeamCandidate } from './mappers/types.ts';

/** A team the import brings, from a Group or from a Component's owner. */
export interface ImportedTeam extends TeamCandidate {
  /** Set when no Group was read for it: the service whose owner named it. */
  fromOwnerOf?: string;
}

/** Everything the documents map to, each id once, owners resolved, SLOs checked against the services. */
export interface Assembled {
  teams: ImportedTeam[];
  services: ServiceCandidate[];
  slos: SloCandidate[];
  findings: ImportFinding[];
}

const where = (o: Origin) => `${o.file}:${o.line}:${o.column}`;

/** Keeps the first entry of each id; a finding at every later one. */
function firstOfEach<T extends { origin: Origin }>(
  items: readonly T[],
  idOf: (item: T) => string,
  what: string,
  findings: ImportFinding[],
): T[] {
  const seen = new Map<string, T>();
  for (const item of items) {
    const id = idOf(item);
    const first = seen.get(id);
    if (first) {
      findings.push({
        file: item.origin.file,
        line: item.origin.line,
        column: item.origin.column,
        field: '',
        message: `a second ${what} ${id}, so it was left out`,
        hint: `The first, at ${where(first.origin)}, is used.`,
      });
    } else seen.set(id, item);
  }
  return [...seen.values()];
}

/**
 * Puts the documents' entries together: one team, service and SLO per id (the first read), each
 * service's owner found among the Groups, the catalog's teams, or else made a team of its own; Groups
 * that are not teams kept only when they own a service; SLOs kept only for a known service.
 */
export function assemble(mapped: readonly Mapped[], catalog: { teams: ReadonlySet<string>; services: ReadonlySet<string> }): Assembled {
  const findings = mapped.flatMap((m) => m.findings);
  const groups = firstOfEach(
    mapped.flatMap((m) => m.teams),
    (t) => t.team.id,
    'Group',
    findings,
  );
  const services = firstOfEach(
    mapped.flatMap((m) => m.services),
    (s) => s.service.id,
    'Component',
    findings,
  );
  const owners = new Set(services.map((s) => s.owner));

  const teams: ImportedTeam[] = [];
  for (const group of groups) {
    const type = group.groupType;
    if (type === undefined || type.type === 'team' || owners.has(group.team.id)) teams.push(group);
    else
      findings.push({
        file: group.origin.file,
        ...type.at,
        field: 'spec.type',
        message: `a Group of type ${type.type} is not a team, and owns no Component read, so it was left out`,
        hint: 'Add it to catalog/teams.yaml by hand if incidents name it.',
      });
  }
  const teamIds = new Set(teams.map((t) => t.team.id));
  for (const service of services) {
    if (teamIds.has(service.owner) || catalog.teams.has(service.owner)) continue;
    teams.push({
      team: { id: service.owner, name: humanise(service.owner) },
      origin: { ...service.origin, what: 'owner' },
      fromOwnerOf: service.service.id,
    });
    teamIds.add(service.owner);
  }

  const serviceIds = new Set(services.map((s) => s.service.id));
  const slos = firstOfEach(
    mapped.flatMap((m) => m.slos),
    (s) => s.slo.id,
    'SLO',
    findings,
  ).filter((slo) => {
    if (serviceIds.has(slo.service) || catalog.services.has(slo.service)) return true;
    findings.push({
      file: slo.origin.file,
      line: slo.serviceAt.line,
      column: slo.serviceAt.column,
      field: slo.serviceAt.field,
      message: `SLO ${slo.slo.id} names service ${JSON.stringify(slo.service)}, which is neither in catalog/services.yaml nor a Component read, so it was left out`,
      hint: 'Import the Component that defines the service with it, or add the service to catalog/services.yaml first.',
    });
    return false;
  });
  return { teams, services, slos, findings };
}
