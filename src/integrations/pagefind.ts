import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefindApi from 'pagefind';

/**
 * Indexes the built site with Pagefind's Node API once Astro has written it. Only elements marked
 * `data-pagefind-body` (the incident article) are indexed; filters, meta and sort come from the
 * `data-pagefind-filter`, `-meta` and `-sort` attributes the incident page sets. Pagefind reads only
 * the incident pages: the others hold nothing to index, and the trends pages' charts alone are
 * megabytes of HTML it would parse for nothing.
 *
 * The index is kept in the cache folder with a digest of the pages it was built from: a build whose
 * incident pages are byte for byte the same copies it instead of indexing them again (about 20 s of a
 * warm 10,000-incident build).
 */
const INCIDENT_PAGES = 'incidents/*/index.html';
const INDEX_VERSION = '1';

/** A digest of every incident page (path and bytes), in a stable order. */
function pagesDigest(site: string): { digest: string; pages: number } {
  const hash = createHash('sha256').update(`${INDEX_VERSION}\n`);
  const folder = join(site, 'incidents');
  const ids = existsSync(folder) ? readdirSync(folder).sort() : [];
  let pages = 0;
  for (const id of ids) {
    const path = join(folder, id, 'index.html');
    if (!existsSync(path)) continue;
    hash.update(`${id}\n`).update(readFileSync(path)).update('\n');
    pages++;
  }
  return { digest: hash.digest('hex'), pages };
}

export default function pagefind(): AstroIntegration {
  let cache = '';
  return {
    name: 'hindsight-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = join(fileURLToPath(config.cacheDir), 'hindsight-pagefind');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const output = join(site, 'pagefind');
        const { digest, pages } = pagesDigest(site);
        const kept = join(cache, digest);
        if (existsSync(join(kept, 'pagefind.js'))) {
          rmSync(output, { recursive: true, force: true });
          cpSync(kept, output, { recursive: true });
          logger.info(`Search index reused: the ${pages} incident pages are the same as when it was written.`);
          return;
        }
        try {
          const { index, errors } = await pagefindApi.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(errors.join('\n'));
          const added = await index.addDirectory({ path: site, glob: INCIDENT_PAGES });
          if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
          const written = await index.writeFiles({ outputPath: output });
          if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
          logger.info(`Search index written to ${written.outputPath} (${added.page_count} incident pages indexed).`);
        } catch (cause) {
          throw new Error('Failed to run Pagefind.', { cause });
        } finally {
          await pagefindApi.close();
        }
        // Only the newest index is kept.
        rmSync(cache, { recursive: true, force: true });
        cpSync(output, kept, { recursive: true });
      },
    },
  };
}
