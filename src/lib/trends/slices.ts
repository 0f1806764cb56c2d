import type { Service, Team } from '../../schema/catalog.ts';
import type { IncidentView } from '../incidents.ts';
import { yearOf, type MonthKey } from './periods.ts';

/** A subset of the archive with its own overview page: one service, one team or one year. */
export interface Slice {
  kind: 'service' | 'team' | 'year';
  id: string;
  /** Display name: the service's or team's name, or the year. */
  name: string;
  /** The slice's incidents, in the order given (newest first from the archive). */
  incidents: IncidentView[];
  /** The months the slice's charts cover. */
  range: { from: MonthKey; to: MonthKey };
}

/** A slice per service in the catalog, each over the archive's whole range; services without incidents give empty slices. */
export function serviceSlices(services: readonly Service[], incidents: readonly IncidentView[], range: Slice['range']): Slice[] {
  return services.map((service) => ({
    kind: 'service',
    id: service.id,
    name: service.name,
    range,
    incidents: incidents.filter((i) => i.services.includes(service.id)),
  }));
}

/** A slice per team in the catalog (incidents listing the team in `teams`), each over the archive's whole range. */
export function teamSlices(teams: readonly Team[], incidents: readonly IncidentView[], range: Slice['range']): Slice[] {
  return teams.map((team) => ({
    kind: 'team',
    id: team.id,
    name: team.name,
    range,
    incidents: incidents.filter((i) => i.teams.includes(team.id)),
  }));
}

/**
 * A slice per calendar year of the archive's range, in the time zone: January to December, cut at
 * the range's ends. Years without incidents give empty slices.
 */
export function yearSlices(incidents: readonly IncidentView[], range: Slice['range'], timeZone: string): Slice[] {
  const first = Number(range.from.slice(0, 4));
  const last = Number(range.to.slice(0, 4));
  const slices: Slice[] = [];
  for (let year = first; year <= last; year++) {
    const y = String(year);
    slices.push({
      kind: 'year',
      id: y,
      name: y,
      range: { from: year === first ? range.from : `${y}-01`, to: year === last ? range.to : `${y}-12` },
      incidents: incidents.filter((i) => yearOf(i.started, timeZone) === y),
    });
  }
  return slices;
}
