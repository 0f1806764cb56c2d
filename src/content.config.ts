import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import config from 'virtual:hindsight/config';
import { catalogLoader, incidentLoader, readingListLoader } from './loaders/archive-loaders.ts';
import { devProblemsLoader } from './loaders/dev-problems.ts';
import { CategorySchema, OrganisationSchema, ServiceSchema, SeveritySchema, TeamSchema } from './schema/index.ts';
import { ReadingListSchema } from './schema/reading-list.ts';
import { incidentSchemaFor, loadCatalog } from './validation/sources.ts';

// The taxonomy in catalog/taxonomy.yaml decides the allowed severities and categories.
const incidentSchema = incidentSchemaFor(loadCatalog(config.archiveRoot));

export const collections = {
  incidents: defineCollection({ loader: incidentLoader(config), schema: incidentSchema }),
  readingLists: defineCollection({ loader: readingListLoader(config), schema: ReadingListSchema }),
  services: defineCollection({ loader: catalogLoader(config, 'services'), schema: ServiceSchema }),
  teams: defineCollection({ loader: catalogLoader(config, 'teams'), schema: TeamSchema }),
  severities: defineCollection({ loader: catalogLoader(config, 'severities'), schema: SeveritySchema.extend({ rank: z.number() }) }),
  categories: defineCollection({ loader: catalogLoader(config, 'categories'), schema: CategorySchema }),
  organisation: defineCollection({ loader: catalogLoader(config, 'organisation'), schema: OrganisationSchema }),
  // Under `astro dev` only: the problems of each invalid file, which its page shows.
  devProblems: defineCollection({
    loader: devProblemsLoader(),
    schema: z.object({
      file: z.string(),
      kind: z.enum(['incident', 'reading-list']),
      problems: z.array(
        z.object({
          line: z.number(),
          column: z.number(),
          field: z.string(),
          message: z.string(),
          rule: z.string(),
          found: z.string().optional(),
          hint: z.string().optional(),
          text: z.string(),
        }),
      ),
    }),
  }),
};
