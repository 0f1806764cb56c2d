// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import incidentRecords from './src/integrations/incident-records.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import basePath from './src/integrations/base-path.ts';
import chartStyles from './src/integrations/chart-styles.ts';
import hindsightConfig from './src/integrations/config.ts';
import { ConfigError, loadConfig } from './src/config/config.ts';

// Every setting (HINDSIGHT_* variables and catalog/organisation.yaml) is parsed once, here; the site reads
// the result from `virtual:hindsight/config`. A wrong value stops the command with a clear message.
/** @type {import('./src/config/config.ts').HindsightConfig} */
let config;
try {
  const loaded = loadConfig({ env: process.env, projectRoot: fileURLToPath(new URL('.', import.meta.url)) });
  for (const notice of loaded.notices) console.warn(notice);
  const { notices: _notices, ...rest } = loaded;
  config = rest;
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

export default defineConfig({
  site: config.siteUrl,
  // HINDSIGHT_BASE, unless `--base` is given on the command line.
  base: config.base,
  integrations: [
    hindsightConfig(config),
    chartStyles(),
    mdx(),
    sitemap({ filter: (page) => !page.endsWith('/search/') }),
    incidentRecords(),
    pagefind(),
    securityHeaders({ audience: config.audience, imageHosts: config.organisation.image_hosts }),
    basePath(),
  ],
  trailingSlash: 'ignore',
  // No syntax highlighting: Shiki colours tokens with style="" attributes, which the Content-Security-Policy
  // (style-src 'self') forbids, and only the guide's few shell and YAML examples still go through Astro's
  // Markdown. Code blocks are plain <pre><code class="language-x"> in the site's own colours.
  markdown: { syntaxHighlight: false },
  // HINDSIGHT_CACHE_DIR lets parallel builds (tests) keep separate content-layer caches.
  cacheDir: config.cacheDir,
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
