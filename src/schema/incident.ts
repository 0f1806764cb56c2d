import { z } from 'astro/zod';
import { CalendarDateSchema, IdSchema, TextSchema, TimestampSchema } from './common.ts';
import { DEFAULT_TAXONOMY, type Taxonomy } from './taxonomy.ts';

/** Lifecycle of a post-mortem. Drafts appear only in `npm run dev`. */
export const STATUSES = ['draft', 'in-review', 'published'] as const;
/** Who may read it. A public build contains only `public` incidents. */
export const VISIBILITIES = ['internal', 'public'] as const;
/** An incident had impact; a near-miss was caught before it did. */
export const INCIDENT_TYPES = ['incident', 'near-miss'] as const;
/** How the problem was first noticed. */
export const DETECTIONS = ['alert', 'customer-report', 'employee-report', 'synthetic-check', 'other'] as const;
/** What set the incident off. */
export const TRIGGERS = ['deploy', 'config-change', 'infrastructure', 'dependency', 'traffic', 'data', 'security', 'unknown'] as const;
/** How responders stopped the impact. */
export const DECISIONS = ['rollback', 'hotfix', 'forward-fix', 'failover', 'config-revert', 'restore', 'wait-and-watch', 'other'] as const;
/** What an action item does. */
export const ACTION_KINDS = ['prevent', 'mitigate', 'detect', 'process', 'learn'] as const;
/** Action-item priority, P0 highest. */
export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
/** Action-item status; `closed` is required exactly for `done` and `wont-do`. */
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;
/** Kinds of structured timeline event. */
export const TIMELINE_KINDS = ['trigger', 'detect', 'escalate', 'action', 'mitigate', 'resolve', 'note'] as const;

/** An enum whose error lists every allowed value. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `expected one of ${values.join(', ')}` });
}

const count = (what: string) =>
  z.number({ error: `expected a whole number of ${what} (0 or more)` })
    .int({ error: `expected a whole number of ${what} (0 or more)` })
    .nonnegative({ error: `expected a whole number of ${what} (0 or more)` });

/** The change that set the incident off. */
export const ReleaseSchema = z.strictObject({
  /** Deploy, PR or commit reference, e.g. `deploy-4812`. */
  ref: TextSchema.optional(),
  /** Pull requests in the release, e.g. `3`. */
  pull_requests: count('pull requests').optional(),
  /** Lines changed in the release, e.g. `2400`. */
  lines_changed: count('lines').optional(),
});

/** One SLO hit by the incident. */
export const SloImpactSchema = z.strictObject({
  /** An SLO id from `catalog/services.yaml`, e.g. `checkout-availability`. */
  slo: IdSchema,
  /** Minutes that counted against the SLO, e.g. `38`. */
  bad_minutes: z.number({ error: 'expected a number of minutes (0 or more), e.g. 38' })
    .nonnegative({ error: 'expected a number of minutes (0 or more), e.g. 38' }),
});

/** One follow-up with an owner and a due date. */
export const ActionItemSchema = z.strictObject({
  /** What will be done, specific and bounded. */
  title: TextSchema,
  /** prevent | mitigate | detect | process | learn */
  kind: oneOf(ACTION_KINDS),
  /** A team id or a person's handle, e.g. `payments`. */
  owner: TextSchema,
  /** P0 | P1 | P2 | P3 */
  priority: oneOf(PRIORITIES),
  /** Due date, e.g. `2025-07-15`. */
  due: CalendarDateSchema,
  /** open | in-progress | done | wont-do */
  status: oneOf(ACTION_STATUSES),
  /** Tracker link, e.g. `https://tracker.example.com/PAY-123`. */
  ticket: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL, e.g. https://tracker.example.com/PAY-123' }).optional(),
  /** When it was done or dropped; only with status done or wont-do. */
  closed: CalendarDateSchema.optional(),
});

/** One structured timeline event. */
export const TimelineEventSchema = z.strictObject({
  /** When, with an offset, e.g. `2025-06-21T13:55:00Z`. */
  at: TimestampSchema,
  /** trigger | detect | escalate | action | mitigate | resolve | note */
  kind: oneOf(TIMELINE_KINDS),
  /** What happened, one line. */
  text: TextSchema,
});

/** Builds the incident frontmatter schema for a taxonomy (severities and categories may be overridden). */
export function createIncidentSchema(taxonomy: Taxonomy = DEFAULT_TAXONOMY) {
  const severityIds = taxonomy.severities.map((s) => s.id) as [string, ...string[]];
  const categoryIds = taxonomy.categories.map((c) => c.id) as [string, ...string[]];
  return z.strictObject({
    /** 1-120 characters, e.g. `Checkout returned 500s after a flag config push`. */
    title: TextSchema.max(120, { error: 'expected at most 120 characters; move detail into summary' }),
    /** 1-3 sentences for lists, search results and feeds. */
    summary: TextSchema,
    /** draft | in-review | published */
    status: oneOf(STATUSES),
    /** internal | public */
    visibility: oneOf(VISIBILITIES),
    /** incident | near-miss */
    type: oneOf(INCIDENT_TYPES),
    /** A taxonomy severity, e.g. `SEV2`. */
    severity: oneOf(severityIds),
    /** Service ids from `catalog/services.yaml`, at least one. */
    services: z.array(IdSchema, { error: 'expected a list of service ids, e.g. [checkout-api]' })
      .min(1, { error: 'expected at least one service id from catalog/services.yaml' }),
    /** Team ids from `catalog/teams.yaml`. */
    teams: z.array(IdSchema, { error: 'expected a list of team ids, e.g. [payments]' }).default([]),
    /** Handles of the people who wrote the document. */
    authors: z.array(TextSchema, { error: 'expected a list of handles, e.g. [akrishnan]' }).default([]),
    /** Free-form lower-case tags. */
    tags: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a lower-case tag such as feature-flags' }), {
      error: 'expected a list of lower-case tags, e.g. [config]',
    }).default([]),
    /** Impact began. */
    started: TimestampSchema,
    /** Someone or something noticed. */
    detected: TimestampSchema,
    /** Impact stopped; optional while a draft. */
    mitigated: TimestampSchema.optional(),
    /** Underlying problem fixed. */
    resolved: TimestampSchema.optional(),
    /** alert | customer-report | employee-report | synthetic-check | other */
    detection: oneOf(DETECTIONS),
    /** deploy | config-change | infrastructure | dependency | traffic | data | security | unknown */
    trigger: oneOf(TRIGGERS),
    /** The change that set it off. */
    release: ReleaseSchema.optional(),
    /** How the impact was stopped and why. */
    response: z.strictObject({
      /** rollback | hotfix | forward-fix | failover | config-revert | restore | wait-and-watch | other */
      decision: oneOf(DECISIONS),
      /** Why, weighed against the error budget. */
      rationale: TextSchema.optional(),
      /** Teams or people brought in to help. */
      helped_by: z.array(TextSchema).default([]),
    }),
    /** One entry per SLO hit. */
    slo_impact: z.array(SloImpactSchema).default([]),
    /** Who was affected and how. */
    customer_impact: z.strictObject({
      /** How many users, e.g. `12000`. */
      users_affected: count('users').optional(),
      /** What they experienced. */
      description: TextSchema.optional(),
    }).optional(),
    /** System conditions that made the incident possible. */
    contributing_factors: z.array(z.strictObject({
      /** A taxonomy category, e.g. `release-size`. */
      category: oneOf(categoryIds),
      /** What the condition was. */
      description: TextSchema,
    })).default([]),
    /** Follow-ups. */
    action_items: z.array(ActionItemSchema).default([]),
    /** Structured key events; the narrative stays in the body. */
    timeline: z.array(TimelineEventSchema).default([]),
    /** Ids of other incidents. */
    related: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'expected an incident id such as 2025-06-21-checkout-500s',
    })).default([]),
    /** A candidate for onboarding reading lists. */
    featured: z.boolean({ error: 'expected true or false' }).default(false),
  });
}

/** The incident schema with the default taxonomy. */
export const IncidentSchema = createIncidentSchema();

/** Incident frontmatter as written. */
export type IncidentInput = z.input<typeof IncidentSchema>;
/** Incident frontmatter after validation (defaults filled in). */
export type IncidentData = z.output<typeof IncidentSchema>;
export type ActionItem = z.output<typeof ActionItemSchema>;
export type TimelineEvent = z.output<typeof TimelineEventSchema>;
export type SloImpact = z.output<typeof SloImpactSchema>;
