import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { normaliseBase, rebaseHeaders, rebaseHtml } from '../lib/base-path.ts';

/**
 * Serving under a base path (`base` in astro.config.mjs, or `npm run build -- --base /x/`): pages
 * link to themselves with root-relative addresses, and this moves every one of them, and the
 * `_headers` paths, under the base once the site is written. It runs last, after search indexing
 * and the headers file.
 */
export default function basePath(): AstroIntegration {
  let base = '/';
  return {
    name: 'hindsight-base-path',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
      },
      'astro:build:done': ({ dir, logger }) => {
        if (base === '/') return;
        const site = fileURLToPath(dir);
        let pages = 0;
        for (const file of readdirSync(site, { recursive: true, encoding: 'utf8' })) {
          if (!file.endsWith('.html')) continue;
          const path = join(site, file);
          const html = readFileSync(path, 'utf8');
          const rebased = rebaseHtml(html, base);
          if (rebased !== html) writeFileSync(path, rebased);
          pages++;
        }
        const headers = join(site, '_headers');
        try {
          writeFileSync(headers, rebaseHeaders(readFileSync(headers, 'utf8'), base));
        } catch {
          // No _headers file: nothing to move.
        }
        logger.info(`Served under ${base}: the addresses of ${pages} pages and _headers are moved under it.`);
      },
    },
  };
}
