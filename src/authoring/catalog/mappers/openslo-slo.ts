import { asRecord, asText, humanise, toId } from '../ids.ts';
import type { SourceDocument } from '../sources.ts';
import { checkSlo, toPercent } from './slo-values.ts';
import { emptyMapped, findingAt, originOf, type ImportFinding, type Mapper } from './types.ts';

const DAYS_PER_UNIT: Record<string, number> = { m: 1 / 1440, h: 1 / 24, d: 1, w: 7 };

/**
 * The days of a rolling window written as an OpenSLO duration (`28d`, `4w`, `720h`), or why it has
 * none: months, quarters and years are not a fixed number of days, and a window must be whole days.
 */
export function windowDays(duration: unknown): { days: number } | { problem: string } {
  const match = typeof duration === 'string' ? /^(\d+)([mhdwMQY])$/.exec(duration.trim()) : null;
  if (!match)
    return { problem: `expected a duration such as 28d or 4w, found ${duration === undefined ? 'nothing' : JSON.stringify(duration)}` };
  const perUnit = DAYS_PER_UNIT[match[2]!];
  if (perUnit === undefined)
    return {
      problem: `expected a window in days or weeks, found ${JSON.stringify(duration)}: a month, quarter or year is not a fixed number of days`,
    };
  const days = Math.round(Number(match[1]) * perUnit * 1e9) / 1e9;
  if (!Number.isInteger(days) || days <= 0)
    return { problem: `expected a window of whole days, found ${JSON.stringify(duration)} (${days} days)` };
  return { days };
}

/** The window of an SLO's `spec.timeWindow`, or a finding saying why it cannot be used. */
function rollingWindow(doc: SourceDocument, spec: Record<string, unknown>, findings: ImportFinding[]): number | undefined {
  const windows = spec.timeWindow;
  if (!Array.isArray(windows) || windows.length !== 1) {
    findings.push(
      findingAt(
        doc,
        ['spec', 'timeWindow'],
        `expected exactly one time window, found ${Array.isArray(windows) ? windows.length : 'none'}`,
        'The window is not guessed: add the SLO to catalog/services.yaml by hand with the window_days it means.',
      ),
    );
    return undefined;
  }
  const window = asRecord(windows[0]) ?? {};
  const calendar = asRecord(window.calendar);
  // OpenSLO reads a window without isRolling as calendar-aligned only when it has a calendar.
  if (calendar !== undefined || window.isRolling === false) {
    const from = calendar
      ? ` from ${String(calendar.startTime ?? 'its start')}${calendar.timeZone ? ` ${String(calendar.timeZone)}` : ''}`
      : '';
    findings.push(
      findingAt(
        doc,
        ['spec', 'timeWindow', 0],
        `a calendar window (${String(window.duration ?? 'no duration')}${from}) is not a rolling window of days`,
        'It is reported, not guessed: budgets here are rolling windows. Add the SLO to catalog/services.yaml by hand with the window_days it means, e.g. 30.',
      ),
    );
    return undefined;
  }
  const days = windowDays(window.duration);
  if ('problem' in days) {
    findings.push(
      findingAt(
        doc,
        ['spec', 'timeWindow', 0, 'duration'],
        days.problem,
        'Add the SLO to catalog/services.yaml by hand with the window_days it means.',
      ),
    );
    return undefined;
  }
  return days.days;
}

/** An objective's target in percent: `target` (0 to 1) or `targetPercent`. */
function objectivePercent(
  doc: SourceDocument,
  objective: Record<string, unknown>,
  at: (string | number)[],
  findings: ImportFinding[],
): number | undefined {
  const hasTarget = objective.target !== undefined;
  const hasPercent = objective.targetPercent !== undefined;
  if (hasTarget === hasPercent) {
    findings.push(
      findingAt(
        doc,
        at,
        hasTarget ? 'expected target or targetPercent, found both' : 'expected target (0 to 1) or targetPercent, found neither',
        'The SLO was left out.',
      ),
    );
    return undefined;
  }
  const value = hasTarget ? objective.target : objective.targetPercent;
  if (typeof value !== 'number' || (hasTarget && (value <= 0 || value >= 1))) {
    findings.push(
      findingAt(
        doc,
        [...at, hasTarget ? 'target' : 'targetPercent'],
        hasTarget
          ? `expected a share between 0 and 1 such as 0.999, found ${JSON.stringify(value)}`
          : `expected a percentage such as 99.9, found ${JSON.stringify(value)}`,
        'The SLO was left out.',
      ),
    );
    return undefined;
  }
  return hasTarget ? toPercent(value) : value;
}

/**
 * An OpenSLO v1 `SLO` becomes an SLO of the service `spec.service` names: `metadata.name` its id,
 * `metadata.displayName` its name, each objective's `target` (0 to 1) or `targetPercent` its
 * objective, and a rolling `spec.timeWindow` (`28d`, `4w`) its `window_days`. Calendar windows are
 * reported, not guessed. Several objectives make several SLOs, `<name>-<objective>`.
 */
export const openSloMapper: Mapper = {
  id: 'openslo-slo',
  summary:
    'An OpenSLO v1 SLO becomes an SLO of spec.service: metadata.name the id, metadata.displayName the name, objectives[].target (0 to 1) or targetPercent the objective, a rolling spec.timeWindow (28d, 4w) the window_days; calendar windows are reported.',
  accepts: (data) => data.apiVersion === 'openslo/v1' && data.kind === 'SLO',
  map(doc, data) {
    const out = emptyMapped();
    const metadata = asRecord(data.metadata) ?? {};
    const spec = asRecord(data.spec) ?? {};
    const id = typeof metadata.name === 'string' ? toId(metadata.name) : '';
    if (id === '') {
      out.findings.push(
        findingAt(
          doc,
          ['metadata', 'name'],
          "expected the SLO's name, found nothing",
          'Every OpenSLO object has metadata.name; the SLO id is made from it.',
        ),
      );
      return out;
    }
    const service = typeof spec.service === 'string' ? toId(spec.service) : '';
    if (service === '') {
      out.findings.push(
        findingAt(
          doc,
          ['spec', 'service'],
          'expected the name of the service the SLO belongs to, found nothing',
          "Set spec.service to the service's id in catalog/services.yaml.",
        ),
      );
      return out;
    }
    const days = rollingWindow(doc, spec, out.findings);
    const objectives = Array.isArray(spec.objectives) ? spec.objectives : [];
    if (objectives.length === 0)
      out.findings.push(
        findingAt(doc, ['spec', 'objectives'], 'expected at least one objective with a target, found none', 'The SLO was left out.'),
      );
    if (days === undefined) return out;
    const name = asText(metadata.displayName) ?? humanise(id);
    objectives.forEach((raw, i) => {
      const objective = asRecord(raw) ?? {};
      const percent = objectivePercent(doc, objective, ['spec', 'objectives', i], out.findings);
      if (percent === undefined) return;
      const label = asText(objective.displayName);
      const several = objectives.length > 1;
      const slo = checkSlo(
        doc,
        ['spec', 'objectives', i],
        {
          id: several ? `${id}-${toId(label ?? '') || i + 1}` : id,
          name: several ? `${name}: ${label ?? `objective ${i + 1}`}` : name,
          objective: percent,
          window_days: days,
        },
        out.findings,
      );
      if (slo)
        out.slos.push({
          service,
          serviceAt: { field: 'spec.service', ...doc.at(['spec', 'service']) },
          slo,
          origin: originOf(doc, 'OpenSLO SLO'),
        });
    });
    return out;
  },
};
