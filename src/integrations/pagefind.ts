import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefindApi from 'pagefind';

/**
 * Indexes the built site with Pagefind's Node API once Astro has written it. Only elements marked
 * `data-pagefind-body` (the incident article) are indexed; filters, meta and sort come from the
 * `data-pagefind-filter`, `-meta` and `-sort` attributes the incident page sets. Pagefind reads only
 * the incident pages: the others hold nothing to index, and the trends pages' charts alone are
 * megabytes of HTML it would parse for nothing.
 */
const INCIDENT_PAGES = 'incidents/*/index.html';
export default function pagefind(): AstroIntegration {
  return {
    name: 'hindsight-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefindApi.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(errors.join('\n'));
          const added = await index.addDirectory({ path: site, glob: INCIDENT_PAGES });
          if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
          logger.info(`Search index written to ${written.outputPath} (${added.page_count} incident pages indexed).`);
        } catch (cause) {
          throw new Error('Failed to run Pagefind.', { cause });
        } finally {
          await pagefindApi.close();
        }
      },
    },
  };
}
