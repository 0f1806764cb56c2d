import {
  type ACTION_KINDS,
  type DECISIONS,
  type DETECTIONS,
  type INCIDENT_TYPES,
  type STATUSES,
  type TIMELINE_KINDS,
  type TRIGGERS,
  type VISIBILITIES,
} from '../../schema/incident.ts';
import { plural as countWithNoun } from '../plural.ts';

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

/** "3 incidents", "1 incident": a count with its noun, singular for one (the site's one helper, src/lib/plural.ts). */
export const plural = countWithNoun;

/** "a, b and c" */
export function listInProse(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Display names of a post-mortem's `status`. */
export const INCIDENT_STATUS_LABELS: Record<(typeof STATUSES)[number], string> = {
  draft: 'Draft',
  'in-review': 'In review',
  published: 'Published',
};

/** Display names of `type`. */
export const INCIDENT_TYPE_LABELS: Record<(typeof INCIDENT_TYPES)[number], string> = {
  incident: 'Incident',
  'near-miss': 'Near-miss',
};

/** Display names of `visibility`. */
export const VISIBILITY_LABELS: Record<(typeof VISIBILITIES)[number], string> = {
  internal: 'Internal',
  public: 'Public',
};

/** Display names of an action item's `kind`. */
export const ACTION_KIND_LABELS: Record<(typeof ACTION_KINDS)[number], string> = {
  prevent: 'Prevent',
  mitigate: 'Mitigate',
  detect: 'Detect',
  process: 'Process',
  learn: 'Learn',
};

/** Display names of a timeline event's `kind`. */
export const TIMELINE_KIND_LABELS: Record<(typeof TIMELINE_KINDS)[number], string> = {
  trigger: 'Trigger',
  detect: 'Detected',
  escalate: 'Escalated',
  action: 'Action',
  mitigate: 'Mitigated',
  resolve: 'Resolved',
  note: 'Note',
};
