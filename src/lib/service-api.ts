import type { Service, ServiceLink, Team } from '../schema/catalog.ts';
import type { IncidentView } from './incidents.ts';
import type { SloBudget } from './trends/budgets.ts';
import { budgetMinutesLeft, STANCES, type ServiceGuide, type StanceKey, type Thresholds } from './trends/decision-guide.ts';
import { sumMinutes } from './trends/budgets.ts';

/** One post-mortem naming the service, as the service's JSON lists it. */
export interface ServiceIncidentRecord {
  id: string;
  title: string;
  url: string;
  status: string;
  type: string;
  severity: string;
  started: string;
  detected: string;
  mitigated: string | null;
  resolved: string | null;
  /** Minutes from started to mitigated; null until mitigated. */
  time_to_mitigate_minutes: number | null;
  decision: string;
}

/** One SLO with its error budget and what the archive counted against it. */
export interface ServiceSloRecord {
  id: string;
  name: string;
  objective: number;
  window_days: number;
  /** `(1 - objective/100) * window_days * 1440`. */
  budget_minutes: number;
  /** Every counted incident's bad minutes against this SLO, oldest first. */
  counted: { incident: string; bad_minutes: number }[];
  /** The sum of `counted`. */
  counted_bad_minutes: number;
  /** The rolling window ending at the end of the reference day. */
  now: { from: string; to: string; bad_minutes: number; budget_minutes_left: number; budget_left: number };
}

/** What `/api/services/<id>.json` publishes: one service for a developer portal. */
export interface ServiceRecord {
  /** The reference day the figures are judged against, YYYY-MM-DD. */
  generated_for: string;
  id: string;
  name: string;
  description: string | null;
  url: string;
  on_call_url: string;
  team: { id: string; name: string; contact: string | null } | null;
  links: ServiceLink[];
  decision_guide: {
    stance: StanceKey;
    label: string;
    advice: string;
    /** The SLO whose budget decides the stance; null without SLOs. */
    deciding_slo: string | null;
    /** Percent of budget left below which the guide says to roll back, and from which it allows a hot-fix. */
    thresholds: { roll_back_below: number; investigate_from: number };
    /** Minutes of full impact before the deciding SLO crosses each threshold; 0 when it has, null without SLOs. */
    full_impact_minutes: { prefer_roll_back: number | null; roll_back: number | null };
    url: string;
  };
  slos: ServiceSloRecord[];
  /** Post-mortems naming the service that the site shows, newest first. */
  incidents: ServiceIncidentRecord[];
}

/** What one service's record is built from: everything comes from the archive and the trends functions. */
export interface ServiceRecordInput {
  service: Service;
  team: Team | undefined;
  /** The site's incidents naming it, newest first. */
  incidents: readonly IncidentView[];
  /** Its SLOs' budgets (`archiveBudgets`), in catalog order. */
  budgets: readonly SloBudget[];
  /** Its row of the decision guide (`guideServices`). */
  guide: ServiceGuide | undefined;
  thresholds: Thresholds;
  today: string;
  /** The path the site is served under, `/` or e.g. `/postmortems/`: every address in the record starts with it. */
  base: string;
}

const percent = (share: number) => Math.round(share * 100 * 1e9) / 1e9;

/** Builds the JSON record of one service from the archive's figures; nothing is worked out here that src/lib/trends defines. */
export function toServiceRecord(input: ServiceRecordInput): ServiceRecord {
  const { service, team, guide } = input;
  const stance = guide?.stance ?? STANCES['no-slo'];
  const at = (path: string) => `${input.base}${path}`;
  return {
    generated_for: input.today,
    id: service.id,
    name: service.name,
    description: service.description ?? null,
    url: at(`services/${service.id}/`),
    on_call_url: at(`services/${service.id}/on-call/`),
    team: team ? { id: team.id, name: team.name, contact: team.contact ?? null } : null,
    links: service.links ?? [],
    decision_guide: {
      stance: stance.key,
      label: stance.label,
      advice: stance.advice,
      deciding_slo: guide?.governing?.slo.id ?? null,
      thresholds: { roll_back_below: percent(input.thresholds.rollBackBelow), investigate_from: percent(input.thresholds.investigateFrom) },
      full_impact_minutes: {
        prefer_roll_back: guide?.fullImpactMinutes.preferRollBack ?? null,
        roll_back: guide?.fullImpactMinutes.rollBack ?? null,
      },
      url: at('trends/decision-guide/'),
    },
    slos: input.budgets.map((b) => ({
      id: b.slo.id,
      name: b.slo.name,
      objective: b.slo.objective,
      window_days: b.slo.window_days,
      budget_minutes: b.budgetMinutes,
      counted: b.events.map((e) => ({ incident: e.incidentId, bad_minutes: e.badMinutes })),
      counted_bad_minutes: sumMinutes(b.events),
      now: {
        from: b.now.from,
        to: b.now.to,
        bad_minutes: b.now.badMinutes,
        budget_minutes_left: budgetMinutesLeft(b),
        budget_left: b.now.left,
      },
    })),
    incidents: input.incidents.map((i) => ({
      id: i.id,
      title: i.title,
      url: at(`incidents/${i.id}/`),
      status: i.status,
      type: i.type,
      severity: i.severity,
      started: i.started,
      detected: i.detected,
      mitigated: i.mitigated ?? null,
      resolved: i.resolved ?? null,
      time_to_mitigate_minutes: i.timeToMitigate ?? null,
      decision: i.response.decision,
    })),
  };
}
