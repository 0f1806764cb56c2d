import { z } from 'astro/zod';
import { CalendarDateSchema, IdSchema, TextSchema, TimestampSchema } from './common.ts';
import { field } from './fields.ts';
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
  z
    .number({ error: `expected a whole number of ${what} (0 or more)` })
    .int({ error: `expected a whole number of ${what} (0 or more)` })
    .nonnegative({ error: `expected a whole number of ${what} (0 or more)` });

/** The change that set the incident off. */
export const ReleaseSchema = z.strictObject({
  ref: field(TextSchema.optional(), {
    label: 'Release reference',
    help: 'Deploy, PR or commit reference, e.g. `deploy-4812`.',
    prose: false,
    strip: 'allowed',
  }),
  pull_requests: field(count('pull requests').optional(), { label: 'Pull requests', help: 'Pull requests in the release, e.g. `3`.' }),
  lines_changed: field(count('lines').optional(), { label: 'Lines changed', help: 'Lines changed in the release, e.g. `2400`.' }),
});

/** One SLO hit by the incident. */
export const SloImpactSchema = z.strictObject({
  slo: field(IdSchema, { label: 'SLO', help: 'An SLO id from `catalog/services.yaml`, e.g. `checkout-availability`.', prose: false }),
  bad_minutes: field(
    z
      .number({ error: 'expected a number of minutes (0 or more), e.g. 38' })
      .nonnegative({ error: 'expected a number of minutes (0 or more), e.g. 38' }),
    { label: 'Bad minutes', help: 'Minutes that counted against the SLO, e.g. `38`.' },
  ),
});

/** One follow-up with an owner and a due date. */
export const ActionItemSchema = z.strictObject({
  title: field(TextSchema, { label: 'Action', help: 'What will be done, specific and bounded.', prose: true }),
  kind: field(oneOf(ACTION_KINDS), { label: 'Kind', help: 'prevent | mitigate | detect | process | learn' }),
  owner: field(TextSchema, { label: 'Owner', help: "A team id or a person's handle, e.g. `payments`.", prose: false, strip: 'default' }),
  priority: field(oneOf(PRIORITIES), { label: 'Priority', help: 'P0 | P1 | P2 | P3' }),
  due: field(CalendarDateSchema, { label: 'Due', help: 'Due date, e.g. `2025-07-15`.', prose: false }),
  status: field(oneOf(ACTION_STATUSES), { label: 'Status', help: 'open | in-progress | done | wont-do' }),
  ticket: field(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL, e.g. https://tracker.example.com/PAY-123' }).optional(), {
    label: 'Ticket',
    help: 'Tracker link, e.g. `https://tracker.example.com/PAY-123`.',
    prose: false,
    strip: 'default',
  }),
  closed: field(CalendarDateSchema.optional(), {
    label: 'Closed',
    help: 'When it was done or dropped; only with status done or wont-do.',
    prose: false,
  }),
});

/** One structured timeline event. */
export const TimelineEventSchema = z.strictObject({
  at: field(TimestampSchema, { label: 'At', help: 'When, with an offset, e.g. `2025-06-21T13:55:00Z`.', prose: false }),
  kind: field(oneOf(TIMELINE_KINDS), { label: 'Kind', help: 'trigger | detect | escalate | action | mitigate | resolve | note' }),
  text: field(TextSchema, { label: 'Event', help: 'What happened, one line.', prose: true }),
});

/**
 * Builds the incident frontmatter schema for a taxonomy (severities and categories may be overridden).
 * Each field's `field()` metadata is the one place that says what it is called, whether it is prose,
 * strippable or a search filter; `incident-fields.ts` derives the lists everything else uses.
 */
export function createIncidentSchema(taxonomy: Taxonomy = DEFAULT_TAXONOMY) {
  const severityIds = taxonomy.severities.map((s) => s.id) as [string, ...string[]];
  const categoryIds = taxonomy.categories.map((c) => c.id) as [string, ...string[]];
  return z.strictObject({
    title: field(TextSchema.max(120, { error: 'expected at most 120 characters; move detail into summary' }), {
      label: 'Title',
      help: '1-120 characters, e.g. `Checkout returned 500s after a flag config push`.',
      prose: true,
    }),
    summary: field(TextSchema, { label: 'Summary', help: '1-3 sentences for lists, search results and feeds.', prose: true }),
    status: field(oneOf(STATUSES), { label: 'Status', help: 'draft | in-review | published' }),
    visibility: field(oneOf(VISIBILITIES), { label: 'Visibility', help: 'internal | public' }),
    type: field(oneOf(INCIDENT_TYPES), { label: 'Type', help: 'incident | near-miss', filter: { name: 'type' } }),
    severity: field(oneOf(severityIds), { label: 'Severity', help: 'A taxonomy severity, e.g. `SEV2`.', filter: { name: 'severity' } }),
    services: field(
      z
        .array(IdSchema, { error: 'expected a list of service ids, e.g. [checkout-api]' })
        .min(1, { error: 'expected at least one service id from catalog/services.yaml' }),
      {
        label: 'Services',
        help: 'Service ids from `catalog/services.yaml`, at least one.',
        prose: false,
        filter: { name: 'service', shows: 'service-name' },
      },
    ),
    teams: field(z.array(IdSchema, { error: 'expected a list of team ids, e.g. [payments]' }).default([]), {
      label: 'Teams',
      help: 'Team ids from `catalog/teams.yaml`.',
      prose: false,
      filter: { name: 'team', shows: 'team-name' },
    }),
    authors: field(z.array(TextSchema, { error: 'expected a list of handles, e.g. [akrishnan]' }).default([]), {
      label: 'Authors',
      help: 'Handles of the people who wrote the document.',
      prose: false,
      strip: 'default',
    }),
    tags: field(
      z
        .array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a lower-case tag such as feature-flags' }), {
          error: 'expected a list of lower-case tags, e.g. [config]',
        })
        .default([]),
      { label: 'Tags', help: 'Free-form lower-case tags.', prose: false, strip: 'allowed' },
    ),
    started: field(TimestampSchema, { label: 'Started', help: 'Impact began.', prose: false, filter: { name: 'year', shows: 'year' } }),
    detected: field(TimestampSchema, { label: 'Detected', help: 'Someone or something noticed.', prose: false }),
    mitigated: field(TimestampSchema.optional(), { label: 'Mitigated', help: 'Impact stopped; optional while a draft.', prose: false }),
    resolved: field(TimestampSchema.optional(), { label: 'Resolved', help: 'Underlying problem fixed.', prose: false }),
    detection: field(oneOf(DETECTIONS), {
      label: 'Detection',
      help: 'alert | customer-report | employee-report | synthetic-check | other',
    }),
    trigger: field(oneOf(TRIGGERS), {
      label: 'Trigger',
      help: 'deploy | config-change | infrastructure | dependency | traffic | data | security | unknown',
      filter: { name: 'trigger' },
    }),
    release: field(ReleaseSchema.optional(), { label: 'Release', help: 'The change that set it off.' }),
    response: field(
      z.strictObject({
        decision: field(oneOf(DECISIONS), {
          label: 'Decision',
          help: 'rollback | hotfix | forward-fix | failover | config-revert | restore | wait-and-watch | other',
          filter: { name: 'decision' },
        }),
        rationale: field(TextSchema.optional(), {
          label: 'Rationale',
          help: 'Why, weighed against the error budget.',
          prose: true,
          strip: 'allowed',
        }),
        helped_by: field(z.array(TextSchema).default([]), {
          label: 'Helped by',
          help: 'Teams or people brought in to help.',
          prose: false,
          strip: 'default',
        }),
        responders: field(
          z
            .number({ error: 'expected a whole number of people (1 or more), e.g. 6' })
            .int({ error: 'expected a whole number of people (1 or more), e.g. 6' })
            .min(1, { error: 'expected a whole number of people (1 or more), e.g. 6' })
            .optional(),
          {
            label: 'Responders',
            help: 'How many people worked on the response, e.g. `6`.',
          },
        ),
      }),
      { label: 'Response', help: 'How the impact was stopped and why.' },
    ),
    slo_impact: field(z.array(SloImpactSchema).default([]), { label: 'SLO impact', help: 'One entry per SLO hit.' }),
    customer_impact: field(
      z
        .strictObject({
          users_affected: field(count('users').optional(), {
            label: 'Users affected',
            help: 'How many users, e.g. `12000`.',
            strip: 'allowed',
          }),
          description: field(TextSchema.optional(), { label: 'Impact description', help: 'What they experienced.', prose: true }),
        })
        .optional(),
      { label: 'Customer impact', help: 'Who was affected and how.' },
    ),
    contributing_factors: field(
      z
        .array(
          z.strictObject({
            category: field(oneOf(categoryIds), {
              label: 'Category',
              help: 'A taxonomy category, e.g. `release-size`.',
              filter: { name: 'contributing factor', shows: 'category-name' },
            }),
            description: field(TextSchema, { label: 'Contributing factor', help: 'What the condition was.', prose: true }),
          }),
        )
        .default([]),
      { label: 'Contributing factors', help: 'System conditions that made the incident possible.' },
    ),
    action_items: field(z.array(ActionItemSchema).default([]), { label: 'Action items', help: 'Follow-ups.' }),
    timeline: field(z.array(TimelineEventSchema).default([]), {
      label: 'Timeline',
      help: 'Structured key events; the narrative stays in the body.',
      strip: 'allowed',
    }),
    related: field(
      z
        .array(
          z.string().regex(/^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/, {
            error: 'expected an incident id such as 2025-06-21-checkout-500s',
          }),
        )
        .default([]),
      { label: 'Related incidents', help: 'Ids of other incidents.', prose: false },
    ),
    featured: field(z.boolean({ error: 'expected true or false' }).default(false), {
      label: 'Featured',
      help: 'A candidate for onboarding reading lists.',
    }),
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
