import { summariseSample, type Sample } from '../figures.ts';
import type { IncidentView } from '../incidents.ts';
import { quarterOf, type QuarterKey } from './periods.ts';

/** What one incident cost in coordination: the people on it, the escalations and who was brought in. */
export interface CoordinationPoint {
  id: string;
  title: string;
  started: string;
  quarter: QuarterKey;
  severity: string;
  /** `response.responders`: how many people worked on the response; undefined when not written. */
  responders: number | undefined;
  /** Timeline events of kind `escalate`. */
  escalations: number;
  /** Entries in `response.helped_by`: teams or people brought in to help. */
  helpedBy: number;
}

/** The coordination figures of one group of incidents (a quarter or a severity). */
export interface CoordinationGroup {
  key: string;
  incidents: number;
  /** Responders of the incidents that give them, with their n. */
  responders: Sample;
  /** Incidents without `response.responders`, left out of that sample only. */
  withoutResponders: number;
  escalations: Sample;
  helpedBy: Sample;
  /** A quarter in progress on the reference day: counted only up to the end of that day. */
  partial: boolean;
}

/** Coordination per quarter and per severity, with every incident's own figures. Never per team. */
export interface Coordination {
  /** Every incident, oldest first. */
  points: CoordinationPoint[];
  byQuarter: CoordinationGroup[];
  bySeverity: CoordinationGroup[];
}

function group(key: string, points: readonly CoordinationPoint[], partial = false): CoordinationGroup {
  const responders = points.flatMap((p) => (p.responders === undefined ? [] : [p.responders]));
  return {
    key,
    incidents: points.length,
    responders: summariseSample(responders),
    withoutResponders: points.length - responders.length,
    escalations: summariseSample(points.map((p) => p.escalations)),
    helpedBy: summariseSample(points.map((p) => p.helpedBy)),
    partial,
  };
}

/**
 * How many people each incident (not near-miss) pulled in: `response.responders`, the `escalate`
 * events of its timeline and the entries of `response.helped_by`, per quarter of `started` in the time
 * zone (every quarter in `quarters`, empty ones included) and per severity (in the order given, most
 * severe first). Incidents outside `quarters` are left out; `inProgress` is the quarter marked partial.
 * The figures describe incidents, never teams.
 */
export function coordinationFigures(
  incidents: readonly IncidentView[],
  quarters: readonly QuarterKey[],
  severities: readonly string[],
  timeZone: string,
  inProgress?: QuarterKey,
): Coordination {
  const wanted = new Set(quarters);
  const points = incidents
    .filter((i) => i.type === 'incident')
    .map((i) => ({
      id: i.id,
      title: i.title,
      started: i.started,
      quarter: quarterOf(i.started, timeZone),
      severity: i.severity,
      responders: i.response.responders,
      escalations: i.timeline.filter((e) => e.kind === 'escalate').length,
      helpedBy: i.response.helped_by.length,
    }))
    .filter((p) => wanted.has(p.quarter))
    .sort((a, b) => Date.parse(a.started) - Date.parse(b.started) || a.id.localeCompare(b.id));
  return {
    points,
    byQuarter: quarters.map((q) =>
      group(
        q,
        points.filter((p) => p.quarter === q),
        q === inProgress,
      ),
    ),
    bySeverity: severities.map((s) =>
      group(
        s,
        points.filter((p) => p.severity === s),
      ),
    ),
  };
}
