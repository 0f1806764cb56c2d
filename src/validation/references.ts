import type { Organisation, Service, Team } from '../schema/catalog.ts';
import type { IncidentData } from '../schema/incident.ts';
import type { ReadingListData } from '../schema/reading-list.ts';
import { closestMatch, describeValue, type Finding } from './problems.ts';

/** The ids incidents may refer to. */
export interface ReferenceIndex {
  services: ReadonlySet<string>;
  teams: ReadonlySet<string>;
  slos: ReadonlySet<string>;
  incidents: ReadonlySet<string>;
}

/** Builds the reference index from the catalog and the incident ids. */
export function buildReferenceIndex(services: readonly Service[], teams: readonly Team[], incidentIds: Iterable<string>): ReferenceIndex {
  return {
    services: new Set(services.map((s) => s.id)),
    teams: new Set(teams.map((t) => t.id)),
    slos: new Set(services.flatMap((s) => s.slos.map((slo) => slo.id))),
    incidents: new Set(incidentIds),
  };
}

function unknownId(path: Finding['path'], value: string, known: ReadonlySet<string>, what: string, where: string): Finding {
  const suggestion = closestMatch(value, [...known]);
  return {
    path,
    rule: 'reference',
    message: `expected ${what} from ${where}`,
    found: describeValue(value),
    hint: suggestion ? `Did you mean "${suggestion}"?` : `Add it to ${where} first, or use one of the ids listed there.`,
  };
}

/** Every id an incident cites must exist: services, teams, SLOs and related incidents. */
export function checkIncidentReferences(data: IncidentData, index: ReferenceIndex): Finding[] {
  const findings: Finding[] = [];
  data.services.forEach((id, i) => {
    if (!index.services.has(id)) findings.push(unknownId(['services', i], id, index.services, 'a service id', 'catalog/services.yaml'));
  });
  data.teams.forEach((id, i) => {
    if (!index.teams.has(id)) findings.push(unknownId(['teams', i], id, index.teams, 'a team id', 'catalog/teams.yaml'));
  });
  data.slo_impact.forEach((impact, i) => {
    if (!index.slos.has(impact.slo))
      findings.push(unknownId(['slo_impact', i, 'slo'], impact.slo, index.slos, 'an SLO id', 'catalog/services.yaml'));
  });
  findings.push(...checkRelatedReferences(data.related, index));
  return findings;
}

/** Every incident in `related` must exist (entries that are not ids are the schema's to report). */
export function checkRelatedReferences(related: readonly unknown[], index: Pick<ReferenceIndex, 'incidents'>): Finding[] {
  return related.flatMap((id, i) =>
    typeof id === 'string' && !index.incidents.has(id)
      ? [unknownId(['related', i], id, index.incidents, 'the id of an incident', 'incidents/')]
      : [],
  );
}

/** Every item of a reading list must be an existing incident, listed once. */
export function checkReadingListReferences(data: ReadingListData, index: Pick<ReferenceIndex, 'incidents'>): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  data.items.forEach((item, i) => {
    if (!index.incidents.has(item.incident))
      findings.push(unknownId(['items', i, 'incident'], item.incident, index.incidents, 'the id of an incident', 'incidents/'));
    else if (seen.has(item.incident))
      findings.push({
        path: ['items', i, 'incident'],
        rule: 'reference',
        message: 'expected each incident once per list',
        found: describeValue(item.incident),
        hint: 'Remove the repeated item.',
      });
    seen.add(item.incident);
  });
  return findings;
}

/** Catalog rules: unique ids, SLO ids unique across services, every owning team exists. */
export function checkCatalog(services: readonly Service[], teams: readonly Team[]): { services: Finding[]; teams: Finding[] } {
  const serviceFindings: Finding[] = [];
  const teamFindings: Finding[] = [];
  const teamIds = new Set<string>();
  teams.forEach((team, i) => {
    if (teamIds.has(team.id))
      teamFindings.push({
        path: [i, 'id'],
        rule: 'reference',
        message: 'expected a unique team id',
        found: describeValue(team.id),
        hint: 'Rename or remove one of them.',
      });
    teamIds.add(team.id);
  });
  const serviceIds = new Set<string>();
  const sloIds = new Set<string>();
  services.forEach((service, i) => {
    if (serviceIds.has(service.id))
      serviceFindings.push({
        path: [i, 'id'],
        rule: 'reference',
        message: 'expected a unique service id',
        found: describeValue(service.id),
        hint: 'Rename or remove one of them.',
      });
    serviceIds.add(service.id);
    if (!teamIds.has(service.team)) serviceFindings.push(unknownId([i, 'team'], service.team, teamIds, 'a team id', 'catalog/teams.yaml'));
    service.slos.forEach((slo, j) => {
      if (sloIds.has(slo.id))
        serviceFindings.push({
          path: [i, 'slos', j, 'id'],
          rule: 'reference',
          message: 'expected an SLO id unique across all services',
          found: describeValue(slo.id),
          hint: 'Prefix it with the service, e.g. checkout-availability.',
        });
      sloIds.add(slo.id);
    });
  });
  return { services: serviceFindings, teams: teamFindings };
}

/** `templates.light.severities` in catalog/organisation.yaml names severities of the taxonomy in force. */
export function checkTemplateChoice(organisation: Organisation, severities: readonly string[]): Finding[] {
  const known = new Set(severities);
  return (organisation.templates?.light.severities ?? []).flatMap((id, i) => {
    if (known.has(id)) return [];
    const suggestion = closestMatch(id, severities);
    return [
      {
        path: ['templates', 'light', 'severities', i],
        rule: 'reference',
        message: `expected a severity of the taxonomy (${severities.join(', ')})`,
        found: describeValue(id),
        hint: suggestion
          ? `Did you mean "${suggestion}"?`
          : 'List severities the taxonomy has, or add this one to catalog/taxonomy.yaml first.',
      },
    ];
  });
}
