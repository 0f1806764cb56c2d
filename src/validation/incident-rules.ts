import type { IncidentData } from '../schema/incident.ts';
import { minutesBetween, toEpochMs, writtenDate } from '../lib/time.ts';
import { describeValue, type Finding } from './problems.ts';

const KEY_MOMENTS = ['started', 'detected', 'mitigated', 'resolved'] as const;

/** The incident id a file path gives: its name without the extension. */
export function incidentIdFromPath(relativePath: string): string {
  const name = relativePath.split('/').pop()!;
  return name.replace(/\.mdx?$/, '');
}

/** Rules within one incident that the schema alone cannot express. */
export function checkIncidentConsistency(relativePath: string, data: IncidentData): Finding[] {
  const findings: Finding[] = [];
  const id = incidentIdFromPath(relativePath);

  // File name and folder agree with `started`.
  const startedDate = writtenDate(data.started);
  if (!/^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    findings.push({
      path: [],
      rule: 'consistency',
      message: 'expected the file name to be <yyyy-mm-dd>-<slug>.mdx',
      found: describeValue(`${id}.mdx`),
      hint: `Rename it to ${startedDate}-<slug>.mdx with a lower-case, hyphenated slug.`,
    });
  } else if (id.slice(0, 10) !== startedDate) {
    findings.push({
      path: ['started'],
      rule: 'consistency',
      message: `expected the date in the file name (${id.slice(0, 10)}) to be the date of started`,
      found: describeValue(data.started),
      hint: `Rename the file to start with ${startedDate}, or correct started.`,
    });
  }
  const folder = relativePath.split('/').slice(-2, -1)[0];
  if (folder !== startedDate.slice(0, 4)) {
    findings.push({
      path: ['started'],
      rule: 'consistency',
      message: `expected the file to be in the folder of its year, incidents/${startedDate.slice(0, 4)}/`,
      found: describeValue(`incidents/${folder}/`),
      hint: `Move it to incidents/${startedDate.slice(0, 4)}/.`,
    });
  }

  // started <= detected <= mitigated <= resolved
  let previous: (typeof KEY_MOMENTS)[number] = 'started';
  for (const key of KEY_MOMENTS.slice(1)) {
    const value = data[key];
    if (value === undefined) continue;
    const before = data[previous]!;
    if (toEpochMs(value) < toEpochMs(before)) {
      findings.push({
        path: [key],
        rule: 'consistency',
        message: `expected ${key} to be at or after ${previous} (${before})`,
        found: describeValue(value),
        hint: 'Key moments run started, detected, mitigated, resolved; check the offsets too.',
      });
    }
    previous = key;
  }

  if (data.status === 'published' || data.status === 'in-review') {
    if (data.mitigated === undefined) {
      findings.push({
        path: ['mitigated'],
        rule: 'consistency',
        message: `required field is missing: a ${data.status} post-mortem needs mitigated`,
        hint: 'Add the time impact stopped, or set status: draft.',
      });
    }
    if (data.contributing_factors.length === 0) {
      findings.push({
        path: ['contributing_factors'],
        rule: 'consistency',
        message: `expected at least one contributing factor in a ${data.status} post-mortem`,
        hint: 'Name the system conditions that made the incident possible, or set status: draft.',
      });
    }
    if (data.type === 'incident' && data.action_items.length === 0) {
      findings.push({
        path: ['action_items'],
        rule: 'consistency',
        message: `expected at least one action item in a ${data.status} incident`,
        hint: 'Add the follow-ups with owners and due dates, or set status: draft.',
      });
    }
  }

  data.action_items.forEach((item, i) => {
    const finished = item.status === 'done' || item.status === 'wont-do';
    if (finished && item.closed === undefined) {
      findings.push({
        path: ['action_items', i, 'status'],
        rule: 'consistency',
        message: `required field is missing: closed, the date the item became ${item.status}`,
        hint: 'Add closed: YYYY-MM-DD under this item.',
      });
    } else if (!finished && item.closed !== undefined) {
      findings.push({
        path: ['action_items', i, 'closed'],
        rule: 'consistency',
        message: `expected no closed date while status is ${item.status}`,
        found: describeValue(item.closed),
        hint: 'Remove closed, or set status to done or wont-do.',
      });
    } else if (item.closed !== undefined && item.closed < startedDate) {
      // Days to close count from this day; an item cannot be settled before the incident that raised it.
      findings.push({
        path: ['action_items', i, 'closed'],
        rule: 'consistency',
        message: `expected closed to be on or after the day the incident started (${startedDate})`,
        found: describeValue(item.closed),
        hint: `Correct the date: an item is closed on ${startedDate} at the earliest.`,
      });
    }
  });

  if (data.type === 'near-miss') {
    data.slo_impact.forEach((impact, i) => {
      if (impact.bad_minutes > 0) {
        findings.push({
          path: ['slo_impact', i, 'bad_minutes'],
          rule: 'consistency',
          message: 'expected no bad minutes in a near-miss: minutes against an SLO mean users were hurt',
          found: describeValue(impact.bad_minutes),
          hint: 'It hurt users, so make it an incident: set type: incident (and add its action items). If no user was affected, set bad_minutes: 0.',
        });
      }
    });
  }

  if (data.mitigated !== undefined) {
    const window = minutesBetween(data.started, data.mitigated);
    data.slo_impact.forEach((impact, i) => {
      if (impact.bad_minutes > window + 1e-9) {
        findings.push({
          path: ['slo_impact', i, 'bad_minutes'],
          rule: 'consistency',
          message: `expected at most ${round(window)} bad minutes, the time from started to mitigated`,
          found: describeValue(impact.bad_minutes),
          hint: 'Bad minutes cannot exceed the impact window; check the number and the key moments.',
        });
      }
    });
  }

  const end = data.resolved ?? data.mitigated;
  data.timeline.forEach((event, i) => {
    const at = toEpochMs(event.at);
    if (at < toEpochMs(data.started) || (end !== undefined && at > toEpochMs(end))) {
      findings.push({
        path: ['timeline', i, 'at'],
        rule: 'consistency',
        message:
          end === undefined
            ? `expected the event to be at or after started (${data.started})`
            : `expected the event to lie between started (${data.started}) and ${data.resolved ? 'resolved' : 'mitigated'} (${end})`,
        found: describeValue(event.at),
        hint: 'Move the event into the incident, or widen the key moments if they are wrong.',
      });
    }
  });

  data.related.forEach((other, i) => {
    if (other === id) {
      findings.push({
        path: ['related', i],
        rule: 'consistency',
        message: 'expected another incident, not this one',
        found: describeValue(other),
        hint: 'Remove it.',
      });
    }
  });

  return findings;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
