import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../../data/archive.ts';
import { toIncidentRecord } from '../../../lib/api.ts';

// A build writes these files from /api/incidents.json instead (src/integrations/incident-records.ts),
// which is the same record for a fraction of a page's cost; `astro dev` serves them from here.
export const getStaticPaths: GetStaticPaths = async () => {
  if (!import.meta.env.DEV) return [];
  const archive = await getArchive();
  return archive.incidents.map((i) => ({ params: { id: i.id } }));
};

/** One incident with its typed and derived fields. */
export const GET: APIRoute = async ({ params }) => {
  const { index, readingMinutes } = await getArchive();
  const incident = index.byId.get(params.id!)!;
  return new Response(JSON.stringify(toIncidentRecord(incident, readingMinutes.get(incident.id)!), null, 2), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
