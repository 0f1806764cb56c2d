import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { HindsightConfig } from '../config/config.ts';

const VIRTUAL_ID = 'virtual:hindsight/config';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** What pages, components and loaders read from `virtual:hindsight/config`. */
export type SiteConfig = HindsightConfig & {
  /** True under `astro dev` only: drafts are visible. Decided by the command, not NODE_ENV. */
  showDrafts: boolean;
};

/**
 * Hands the configuration parsed once in astro.config.mjs to the rest of the site through the virtual
 * module `virtual:hindsight/config`, and restarts `astro dev` when `catalog/organisation.yaml` changes.
 */
export default function hindsightConfig(config: HindsightConfig): AstroIntegration {
  return {
    name: 'hindsight-config',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, addWatchFile }) => {
        const site: SiteConfig = { ...config, showDrafts: command === 'dev' };
        addWatchFile(join(config.archiveRoot, 'catalog/organisation.yaml'));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'hindsight-config',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? `export default ${JSON.stringify(site)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
