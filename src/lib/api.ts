import type { IncidentView } from './incidents.ts';

/** The JSON form of an incident: every frontmatter field and every derived one, plus where it lives. */
export interface IncidentRecord extends IncidentView {
  url: string;
  readingMinutes: number;
}

/** Builds the record `/api/incidents.json` and `/api/incidents/<id>.json` publish for one incident. */
export function toIncidentRecord(incident: IncidentView, readingMinutes: number): IncidentRecord {
  return { ...incident, url: `/incidents/${incident.id}/`, readingMinutes };
}
