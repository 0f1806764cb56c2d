import { type DECISIONS, type DETECTIONS, type TRIGGERS } from '../../schema/incident.ts';

/** Display names of the `trigger` values. */
export const TRIGGER_LABELS: Record<(typeof TRIGGERS)[number], string> = {
  deploy: 'Deploy',
  'config-change': 'Config change',
  infrastructure: 'Infrastructure',
  dependency: 'Dependency',
  traffic: 'Traffic',
  data: 'Data',
  security: 'Security',
  unknown: 'Unknown',
};

/** Display names of the `detection` values. */
export const DETECTION_LABELS: Record<(typeof DETECTIONS)[number], string> = {
  alert: 'Alert',
  'customer-report': 'Customer report',
  'employee-report': 'Employee report',
  'synthetic-check': 'Synthetic check',
  other: 'Other',
};

/** Display names of the `response.decision` values. */
export const DECISION_LABELS: Record<(typeof DECISIONS)[number], string> = {
  rollback: 'Roll-back',
  hotfix: 'Hot-fix',
  'forward-fix': 'Forward fix',
  failover: 'Failover',
  'config-revert': 'Config revert',
  restore: 'Restore',
  'wait-and-watch': 'Wait and watch',
  other: 'Other',
};

/** Display names of action-item statuses. */
export const STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  'wont-do': "Won't do",
};

/** The display name of an enum value, or the value itself when there is none. */
export function labelOf(labels: Readonly<Record<string, string>>, value: string): string {
  return labels[value] ?? value;
}

/** "3 incidents", "1 incident": a count with its noun, singular for one. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : pluralForm}`;
}

/** "a, b and c" */
export function listInProse(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
