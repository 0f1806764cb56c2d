import type { APIRoute } from 'astro';
import { getArchive } from '../../data/archive.ts';
import { toIncidentRecord } from '../../lib/api.ts';

/** Every visible incident, newest first, with its typed and derived fields. */
export const GET: APIRoute = async () => {
  const { incidents, readingMinutes, today } = await getArchive();
  const body = {
    generated_for: today,
    count: incidents.length,
    incidents: incidents.map((i) => toIncidentRecord(i, readingMinutes.get(i.id)!)),
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
