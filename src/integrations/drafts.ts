import type { AstroIntegration } from 'astro';

/**
 * Drafts are shown by `astro dev` only. The decision follows the command, not NODE_ENV, so a build
 * run with NODE_ENV=development or test still leaves every draft out.
 */
export default function drafts(): AstroIntegration {
  return {
    name: 'hindsight-drafts',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.HINDSIGHT_SHOW_DRAFTS': JSON.stringify(command === 'dev') } } });
      },
    },
  };
}
