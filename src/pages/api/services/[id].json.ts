import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../../data/archive.ts';
import { toServiceRecord } from '../../../lib/service-api.ts';
import { archiveBudgets } from '../../../lib/trends/archive-trends.ts';
import { guideServices, resolveThresholds } from '../../../lib/trends/decision-guide.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { services } = await getArchive();
  return services.map((s) => ({ params: { id: s.id } }));
};

/** One service for a developer portal: its team, links, SLO budgets, decision-guide stance and post-mortems. */
export const GET: APIRoute = async ({ params, url }) => {
  const archive = await getArchive();
  // This file lives at <base>api/services/, so the site's base path is three folders up.
  const base = new URL('../../../', new URL(url.pathname, 'http://localhost/')).pathname;
  const service = archive.servicesById.get(params.id!)!;
  const thresholds = resolveThresholds(archive.organisation.decision_guide);
  const own = archiveBudgets(archive).filter((b) => b.service.id === service.id);
  const record = toServiceRecord({
    service,
    team: archive.teamsById.get(service.team),
    incidents: archive.index.byService.get(service.id) ?? [],
    budgets: own[0]?.slos ?? [],
    guide: guideServices(own, thresholds)[0],
    thresholds,
    today: archive.today,
    base,
  });
  return new Response(JSON.stringify(record, null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
