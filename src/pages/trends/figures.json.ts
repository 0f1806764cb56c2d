import type { APIRoute } from 'astro';
import { getArchive } from '../../data/archive.ts';
import {
  archiveBudgets,
  archiveFollowThrough,
  archiveHeadline,
  countedIncidents,
  trendsHeadline,
} from '../../lib/trends/archive-trends.ts';
import { guideServices, resolveThresholds } from '../../lib/trends/decision-guide.ts';
import { COUNTED_STATUSES, MIN_SAMPLE, type PeriodFigures, type Sample } from '../../lib/figures.ts';

const sample = (s: Sample) => ({ n: s.n, median: s.median ?? null, p90: s.p90 ?? null });
const period = (p: PeriodFigures) => ({
  first_day: p.span.firstDay,
  last_day: p.span.lastDay,
  incidents: p.incidents,
  near_misses: p.nearMisses,
  time_to_mitigate_minutes: sample(p.timeToMitigate),
});

/**
 * The headline figures and every SLO's budget left now, as the pages show them, for quoting and for
 * scripts: the same definitions (src/lib/figures.ts) and the same numbers, unrounded.
 */
export const GET: APIRoute = async () => {
  const archive = await getArchive();
  const figures = archiveHeadline(archive);
  const follow = archiveFollowThrough(archive).all;
  const deciding = new Map(
    guideServices(archiveBudgets(archive), resolveThresholds(archive.organisation.decision_guide)).map((g) => [
      g.service.id,
      g.governing?.slo.id,
    ]),
  );
  const body = {
    today: archive.today,
    time_zone: archive.organisation.time_zone,
    counted_statuses: COUNTED_STATUSES,
    post_mortems: countedIncidents(archive).length,
    min_sample: MIN_SAMPLE,
    last_12_months: period(figures.lastYear),
    the_12_months_before: period(figures.yearBefore),
    medians_comparable: figures.comparable,
    open_action_items: figures.openActionItems,
    overdue_action_items: figures.overdueActionItems,
    action_item_shares: follow.shares ?? null,
    days_to_close: sample(follow.daysToClose),
    severe: figures.severe,
    recurrences: trendsHeadline(archive).recurrences,
    slos: archiveBudgets(archive).flatMap(({ service, slos }) =>
      slos.map((b) => ({
        id: b.slo.id,
        service: service.id,
        budget_minutes: b.budgetMinutes,
        bad_minutes_now: b.now.badMinutes,
        left_now: b.now.left,
        decides_stance: deciding.get(service.id) === b.slo.id,
      })),
    ),
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
