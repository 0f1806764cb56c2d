import { z } from 'astro/zod';

/** The post-mortem templates `npm run new` starts from: `full` for most incidents, `light` for near-misses and minor ones. */
export const TEMPLATE_NAMES = ['full', 'light'] as const;

/** `full` or `light`. */
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** Where each template lives, relative to the project. */
export const TEMPLATE_FILES: Readonly<Record<TemplateName, string>> = {
  full: 'templates/postmortem.mdx',
  light: 'templates/postmortem-light.mdx',
};

/**
 * `templates` in `catalog/organisation.yaml`: when `npm run new` starts from the light template. A
 * draft whose type or severity is listed under `light` gets it; every other draft gets the full one.
 */
export const TemplateChoiceSchema = z.strictObject({
  /** The drafts that get the light template, e.g. `{ types: [near-miss], severities: [SEV4] }`. */
  light: z
    .strictObject({
      /** Types that get the light template, e.g. `[near-miss]`; default `[near-miss]`. */
      types: z
        .array(z.enum(['incident', 'near-miss'], { error: 'expected incident or near-miss' }), {
          error: 'expected a list of types, e.g. [near-miss]',
        })
        .default(['near-miss']),
      /** Severities that get the light template, e.g. `[SEV4]`; default the taxonomy's lowest severity. */
      severities: z
        .array(z.string({ error: 'expected a severity of the taxonomy, e.g. SEV4' }), {
          error: 'expected a list of severities, e.g. [SEV4]',
        })
        .optional(),
    })
    .default({ types: ['near-miss'] }),
});

export type TemplateChoice = z.output<typeof TemplateChoiceSchema>;
