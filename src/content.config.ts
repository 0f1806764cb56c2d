import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { fileURLToPath } from 'node:url';
import { archiveRoot, catalogLoader, incidentLoader, readingListLoader } from './loaders/archive-loaders.ts';
import { CategorySchema, OrganisationSchema, ServiceSchema, SeveritySchema, TeamSchema } from './schema/index.ts';
import { ReadingListSchema } from './schema/reading-list.ts';
import { incidentSchemaFor, loadCatalog } from './validation/sources.ts';

// The taxonomy in catalog/taxonomy.yaml decides the allowed severities and categories.
const root = archiveRoot(fileURLToPath(new URL('../', import.meta.url)));
const incidentSchema = incidentSchemaFor(loadCatalog(root));

export const collections = {
  incidents: defineCollection({ loader: incidentLoader(), schema: incidentSchema }),
  readingLists: defineCollection({ loader: readingListLoader(), schema: ReadingListSchema }),
  services: defineCollection({ loader: catalogLoader('services'), schema: ServiceSchema }),
  teams: defineCollection({ loader: catalogLoader('teams'), schema: TeamSchema }),
  severities: defineCollection({ loader: catalogLoader('severities'), schema: SeveritySchema.extend({ rank: z.number() }) }),
  categories: defineCollection({ loader: catalogLoader('categories'), schema: CategorySchema }),
  organisation: defineCollection({ loader: catalogLoader('organisation'), schema: OrganisationSchema }),
};
