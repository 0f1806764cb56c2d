import type { AstroIntegration } from 'astro';
import { chartStylesheet } from '../lib/charts/styles.ts';

const VIRTUAL_ID = 'virtual:hindsight/charts.css';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/**
 * Serves the charts' stylesheet (`chartStylesheet`: Plot's rules, palette fills and strokes, legend
 * swatches) as the CSS module `virtual:hindsight/charts.css`, which Chart.astro imports: it is bundled
 * into the site's stylesheet files like any other CSS, so charts need no inline style.
 */
export default function chartStyles(): AstroIntegration {
  return {
    name: 'hindsight-chart-styles',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'hindsight-chart-styles',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? chartStylesheet() : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
