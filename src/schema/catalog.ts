import { z } from 'astro/zod';
import { IdSchema, NameSchema, TextSchema } from './common.ts';
import { DEFAULT_PUBLIC_STRIP, STRIPPABLE_FIELDS } from './incident-fields.ts';
import { TemplateChoiceSchema } from './templates.ts';

/** `internal` catalog entries are left out of a public build; `public` is the default. */
const CatalogVisibilitySchema = z.enum(['internal', 'public'], { error: 'expected internal or public' }).default('public');

/** A service level objective, e.g. `{ id: checkout-availability, objective: 99.9, window_days: 30 }`. */
export const SloSchema = z.strictObject({
  /** Unique across all services; incidents cite it in `slo_impact[].slo`. */
  id: IdSchema,
  /** What is measured, e.g. `Checkout availability`. */
  name: TextSchema,
  /** Target in percent, strictly between 0 and 100, e.g. `99.9`. */
  objective: z
    .number({ error: 'expected a percentage such as 99.9' })
    .gt(0, { error: 'expected a percentage above 0, e.g. 99.9' })
    .lt(100, { error: 'expected a percentage below 100, e.g. 99.9 (100% leaves no error budget)' }),
  /** Length of the rolling window in days, e.g. `30`. */
  window_days: z
    .number({ error: 'expected a whole number of days such as 30' })
    .int({ error: 'expected a whole number of days such as 30' })
    .positive({ error: 'expected a whole number of days above 0, e.g. 30' }),
});

/** A place the person on call goes next, e.g. `{ label: Runbook, url: "https://wiki.example.com/runbooks/checkout" }`. */
export const ServiceLinkSchema = z.strictObject({
  /** What the link opens, in plain text, e.g. `Runbook` or `Dashboard`. */
  label: NameSchema,
  /** Its http(s) address, e.g. `https://grafana.example.com/d/checkout`. */
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL, e.g. https://wiki.example.com/runbooks/checkout' }),
});

/** One entry of `catalog/services.yaml`. */
export const ServiceSchema = z.strictObject({
  /** Referenced from incidents' `services`, e.g. `checkout-api`. */
  id: IdSchema,
  /** Display name, e.g. `Checkout API`. */
  name: NameSchema,
  /** The owning team's id from `catalog/teams.yaml`. */
  team: IdSchema,
  /** One sentence on what the service does. */
  description: TextSchema.optional(),
  /** Its SLOs; may be empty. */
  slos: z.array(SloSchema).default([]),
  /** Optional: where the person on call goes next, e.g. `[{ label: Runbook, url: "https://wiki.example.com/runbooks/checkout" }]`. */
  links: z.array(ServiceLinkSchema, { error: 'expected a list of links, each { label, url }' }).optional(),
  /** `internal` keeps the service out of a public build; default `public`. */
  visibility: CatalogVisibilitySchema,
});

/** One entry of `catalog/teams.yaml`. */
export const TeamSchema = z.strictObject({
  /** Referenced from incidents, services and action-item owners, e.g. `payments`. */
  id: IdSchema,
  /** Display name, e.g. `Payments`. */
  name: NameSchema,
  /** Where to reach the team, e.g. `"#payments-oncall"`. */
  contact: TextSchema.optional(),
  /** `internal` keeps the team out of a public build; default `public`. */
  visibility: CatalogVisibilitySchema,
});

/** `catalog/services.yaml`: a list of services. */
export const ServicesFileSchema = z.array(ServiceSchema, { error: 'expected a list of services' });
/** `catalog/teams.yaml`: a list of teams. */
export const TeamsFileSchema = z.array(TeamSchema, { error: 'expected a list of teams' });

const isPercent = (n: unknown) => typeof n === 'number' && n >= 0 && n <= 100;

/** A share of the error budget in percent, 0 to 100. */
const BudgetPercentSchema = z
  .number({ error: 'expected a percentage of the error budget from 0 to 100, e.g. 25' })
  .min(0, { error: 'expected a percentage of the error budget from 0 to 100, e.g. 25' })
  .max(100, { error: 'expected a percentage of the error budget from 0 to 100, e.g. 25' });

/**
 * `decision_guide` in `catalog/organisation.yaml`: when the on-call decision guide says to roll back,
 * in percent of the error budget left in the SLO's current window. Both are optional.
 */
export const DecisionGuideSchema = z
  .strictObject({
    /** Below this much budget left, roll back first; default `25`. */
    roll_back_below: BudgetPercentSchema.default(25),
    /** From this much budget left, a hot-fix or further investigation is acceptable; default `50`. */
    investigate_from: BudgetPercentSchema.default(50),
  })
  .refine((g) => !isPercent(g.roll_back_below) || !isPercent(g.investigate_from) || g.roll_back_below <= g.investigate_from, {
    error: (issue) =>
      `expected investigate_from (default 50) to be at least roll_back_below, here ${(issue.input as { roll_back_below: number }).roll_back_below}`,
    path: ['investigate_from'],
  });

/** `catalog/organisation.yaml`: who this archive belongs to and how its site presents times. */
export const OrganisationSchema = z.strictObject({
  /** The organisation's name, e.g. `Pantrybox`. */
  name: TextSchema,
  /** The site's title, e.g. `Pantrybox post-mortems`. */
  title: TextSchema,
  /** An IANA time zone every time on the site is shown in, e.g. `Europe/London`. */
  time_zone: z.string().refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en-GB', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { error: 'expected an IANA time zone such as Europe/London or UTC' },
  ),
  /** One sentence shown on the home page. */
  tagline: TextSchema.optional(),
  /** Thresholds of the on-call decision guide at /trends/decision-guide/; defaults 25 and 50. */
  decision_guide: DecisionGuideSchema.optional(),
  /** Incident fields a public build (HINDSIGHT_AUDIENCE=public) removes; default authors, response.helped_by, action_items.owner and action_items.ticket. */
  public_strip: z
    .array(z.enum(STRIPPABLE_FIELDS, { error: `expected one of ${STRIPPABLE_FIELDS.join(', ')}` }))
    .default([...DEFAULT_PUBLIC_STRIP]),
  /**
   * Hosts whose images a post-mortem may show, as https origins, e.g. `[https://images.pantrybox.example]`;
   * the site's Content-Security-Policy allows exactly these. Default none: images live next to the site.
   */
  image_hosts: z
    .array(
      z
        .string()
        .regex(/^https:\/\/[a-z0-9.-]+(?::\d+)?$/, { error: 'expected an https origin without a path, e.g. https://images.example.com' }),
      {
        error: 'expected a list of https origins, e.g. [https://images.example.com]',
      },
    )
    .default([]),
  /**
   * Which template `npm run new` starts from, e.g. `{ light: { types: [near-miss], severities: [SEV4] } }`:
   * the light one for the types and severities listed, the full one for the rest. Default: near-misses
   * and the taxonomy's lowest severity get the light one.
   */
  templates: TemplateChoiceSchema.optional(),
});

export type Slo = z.output<typeof SloSchema>;
export type Service = z.output<typeof ServiceSchema>;
export type ServiceLink = z.output<typeof ServiceLinkSchema>;
export type Team = z.output<typeof TeamSchema>;
export type Organisation = z.output<typeof OrganisationSchema>;
export type DecisionGuide = z.output<typeof DecisionGuideSchema>;
