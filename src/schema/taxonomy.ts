import { z } from 'astro/zod';
import { IdSchema, NameSchema, TextSchema } from './common.ts';

/** One severity level, e.g. `{ id: SEV1, name: Critical }`. Listed from most to least severe. */
export const SeveritySchema = z.strictObject({
  /** The value authors write in `severity`, e.g. `SEV1`. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, { error: 'expected a short code such as SEV1' }),
  /** Display name, e.g. `Critical`. */
  name: NameSchema,
  /** When to use it, e.g. `Most customers cannot order`. */
  description: TextSchema.optional(),
});

/** One contributing-factor category, e.g. `{ id: release-size, name: Release size }`. */
export const CategorySchema = z.strictObject({
  /** The value authors write in `contributing_factors[].category`. */
  id: IdSchema,
  /** Display name, e.g. `Release size`. */
  name: NameSchema,
  /** What belongs in it. */
  description: TextSchema.optional(),
});

/** `catalog/taxonomy.yaml`: each list, when present, replaces the default one. */
export const TaxonomyFileSchema = z.strictObject({
  /** Severities from most to least severe. */
  severities: z.array(SeveritySchema).min(1).optional(),
  /** Contributing-factor categories. */
  categories: z.array(CategorySchema).min(1).optional(),
});

export type Severity = z.output<typeof SeveritySchema>;
export type Category = z.output<typeof CategorySchema>;
export type TaxonomyFile = z.input<typeof TaxonomyFileSchema>;

/** The severities and categories in force. */
export interface Taxonomy {
  severities: Severity[];
  categories: Category[];
}

/** The default taxonomy, used for any list `catalog/taxonomy.yaml` does not override. */
export const DEFAULT_TAXONOMY: Taxonomy = {
  severities: [
    {
      id: 'SEV1',
      name: 'Critical',
      description: 'Most customers cannot use a core journey (browse, order, pay, receive), or data is lost or exposed.',
    },
    { id: 'SEV2', name: 'Major', description: 'A core journey is broken or badly degraded for a large share of customers.' },
    {
      id: 'SEV3',
      name: 'Moderate',
      description: 'A journey is degraded for some customers, or an internal system is down with a workaround.',
    },
    { id: 'SEV4', name: 'Minor', description: 'Little or no customer impact; worth learning from.' },
  ],
  categories: [
    { id: 'release-size', name: 'Release size', description: 'The change was too large to review, test or roll back safely.' },
    { id: 'code-review', name: 'Code review', description: 'Review did not catch a defect it could have.' },
    { id: 'testing', name: 'Testing', description: 'Automated tests did not cover the failing case.' },
    { id: 'qa-uat', name: 'QA / UAT', description: 'Manual or acceptance testing did not exercise the path.' },
    { id: 'environment-drift', name: 'Environment drift', description: 'Staging, production or replicas differed in a way that mattered.' },
    { id: 'configuration', name: 'Configuration', description: 'A configuration value or rule was wrong or unsafe to change.' },
    { id: 'monitoring-gap', name: 'Monitoring gap', description: 'Nothing alerted, or the alert came late or went to the wrong place.' },
    { id: 'capacity', name: 'Capacity', description: 'Load exceeded what the system was sized or limited for.' },
    { id: 'dependency', name: 'Dependency', description: 'A supplier, provider or upstream service failed or changed.' },
    { id: 'runbook-gap', name: 'Runbook gap', description: 'The runbook was missing, wrong or hard to follow under pressure.' },
    { id: 'communication', name: 'Communication', description: 'Information did not reach the people who needed it in time.' },
    { id: 'knowledge-gap', name: 'Knowledge gap', description: 'The system behaved in a way its operators did not know about.' },
    { id: 'process', name: 'Process', description: 'A process was missing, unclear or bypassed by design.' },
    { id: 'other', name: 'Other', description: 'None of the above; say why in the description.' },
  ],
};

/** Merges `catalog/taxonomy.yaml` (already validated) over the defaults. */
export function resolveTaxonomy(file: z.output<typeof TaxonomyFileSchema> | undefined): Taxonomy {
  return {
    severities: file?.severities ?? DEFAULT_TAXONOMY.severities,
    categories: file?.categories ?? DEFAULT_TAXONOMY.categories,
  };
}
