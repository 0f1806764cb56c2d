import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../../data/archive.ts';
import { toIncidentRecord } from '../../../lib/api.ts';
import { incidentPageKey } from '../../../data/page-keys.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const archive = await getArchive();
  // The incident page's key covers everything this record holds, so it is reused here.
  return archive.incidents.map((i) => ({ params: { id: i.id }, cacheKey: incidentPageKey(archive, i.id) }));
};

/** One incident with its typed and derived fields. */
export const GET: APIRoute = async ({ params }) => {
  const { index, readingMinutes } = await getArchive();
  const incident = index.byId.get(params.id!)!;
  return new Response(JSON.stringify(toIncidentRecord(incident, readingMinutes.get(incident.id)!), null, 2), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
