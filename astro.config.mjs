// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import drafts from './src/integrations/drafts.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import { AudienceError, parseAudience } from './src/lib/audience.ts';

// KB_AUDIENCE picks the site to build: internal (default) or public. A wrong value stops here, clearly.
try {
  parseAudience(process.env.KB_AUDIENCE);
} catch (error) {
  if (!(error instanceof AudienceError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// SITE_URL is where the built site will be served, e.g. https://postmortems.example.com
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  integrations: [mdx(), drafts(), sitemap({ filter: (page) => !page.endsWith('/search/') }), pagefind(), securityHeaders()],
  trailingSlash: 'ignore',
  // A high-contrast theme keeps code comments readable (WCAG AA) in log excerpts.
  markdown: { shikiConfig: { theme: 'github-dark-high-contrast' } },
  // HINDSIGHT_CACHE_DIR lets parallel builds (tests) keep separate content-layer caches.
  cacheDir: process.env.HINDSIGHT_CACHE_DIR ?? './node_modules/.astro',
  // Stylesheets stay files, so the Content-Security-Policy needs no hash for inline CSS.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Incident pages whose cacheKey (src/data/page-keys.ts) is unchanged are restored from the cache.
  experimental: { incrementalBuild: true },
  vite: {
    build: {
      rolldownOptions: {
        // Every MDX module carries Astro's "use astro:head-inject" marker; the bundler's warning about it is noise.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
