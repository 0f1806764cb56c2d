import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/**
 * The colours charts draw with, as the names of CSS custom properties (`var(--chart-1)`) that
 * src/styles/global.css defines for the light, dark and print palettes.
 */
export const CHART_COLOURS = [
  'chart-1',
  'chart-2',
  'chart-3',
  'chart-4',
  'chart-5',
  'chart-6',
  'chart-7',
  'chart-8',
  'chart-sev-1',
  'chart-sev-2',
  'chart-sev-3',
  'chart-sev-4',
  'chart-muted',
  'chart-grid',
  'chart-grid-strong',
  'chart-bg',
  'chart-bad',
  'chart-on-bad',
  'chart-warn',
  'chart-good',
] as const;

/** One palette colour, e.g. `chart-sev-1`. */
export type ChartColour = (typeof CHART_COLOURS)[number];

/** The class Observable Plot puts on every chart's SVG, instead of its default `plot-<hash>`. */
export const PLOT_CLASS = 'chart-plot';

/** How much of a colour a faded legend swatch shows, matching bars drawn with `fillOpacity: 0.45`. */
const FADED_PERCENT = 45;

const KNOWN = new Set<string>(CHART_COLOURS);

// `var(--chart-1)` → `chart-1`, for palette colours only.
function paletteName(value: string): ChartColour | undefined {
  const name = /^var\(--([a-z0-9-]+)\)$/.exec(value.trim())?.[1];
  return name !== undefined && KNOWN.has(name) ? (name as ChartColour) : undefined;
}

/**
 * The class that paints an SVG element's `fill` or `stroke` with a palette colour written
 * `var(--chart-1)`, e.g. `fill-chart-1`; undefined for any other value. (A custom property in a
 * presentation attribute is not resolved by every browser, and the Content-Security-Policy allows no
 * `style` attribute, so the colour comes from a class in the site's stylesheet.)
 */
export function paintClass(property: 'fill' | 'stroke', value: string): string | undefined {
  const name = paletteName(value);
  return name === undefined ? undefined : `${property}-${name}`;
}

/** Every legend swatch colour a chart may use, with its class. */
function swatchClasses(): Map<string, { className: string; background: string }> {
  const swatches = new Map<string, { className: string; background: string }>();
  swatches.set('currentColor', { className: 'swatch-current-color', background: 'currentColor' });
  for (const name of CHART_COLOURS) {
    swatches.set(`var(--${name})`, { className: `swatch-${name}`, background: `var(--${name})` });
    const faded = `color-mix(in srgb, var(--${name}) ${FADED_PERCENT}%, transparent)`;
    swatches.set(faded, { className: `swatch-${name}-faded`, background: faded });
  }
  return swatches;
}

const SWATCHES = swatchClasses();

/**
 * The class of a legend swatch drawn in `color`: a palette colour (`var(--chart-1)`), the same
 * colour faded (`color-mix(in srgb, var(--chart-1) 45%, transparent)`) or `currentColor`.
 */
export function swatchClass(color: string): string {
  const swatch = SWATCHES.get(color);
  if (swatch === undefined) {
    throw new Error(
      `legend colour: expected var(--<name>) with a name from CHART_COLOURS in src/lib/charts/styles.ts, the same inside color-mix(in srgb, ... ${FADED_PERCENT}%, transparent), or currentColor, found "${color}"; add the colour to CHART_COLOURS and src/styles/global.css`,
    );
  }
  return swatch.className;
}

/**
 * The `<style>` text Observable Plot writes into every SVG it draws with `PLOT_CLASS`. The site keeps
 * those rules in its stylesheet instead (`chartStylesheet`), so the charts need no inline CSS.
 */
export function plotOwnStyle(): string {
  ownStyle ??= renderOwnStyle();
  return ownStyle;
}

let ownStyle: string | undefined;

function renderOwnStyle(): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({ document: document as unknown as Document, className: PLOT_CLASS, marks: [] }) as unknown as Element;
  const style = svg.querySelector('style');
  if (style === null) throw new Error('Observable Plot wrote no <style> element; update plotOwnStyle in src/lib/charts/styles.ts');
  return style.textContent ?? '';
}

/**
 * The stylesheet behind every class the charts use: Plot's own rules, the palette's fills and strokes,
 * and the legend swatches. Served as a file (virtual:hindsight/charts.css), never inline.
 */
export function chartStylesheet(): string {
  const rules = [
    "/* Observable Plot's rules for its SVGs, which it would otherwise repeat in a <style> inside each chart. */",
    plotOwnStyle(),
    '/* Palette colours for marks: fill-<colour> and stroke-<colour>. */',
    ...CHART_COLOURS.flatMap((name) => [`.fill-${name} { fill: var(--${name}); }`, `.stroke-${name} { stroke: var(--${name}); }`]),
    '/* Legend swatches. */',
    ...[...SWATCHES.values()].map((s) => `.${s.className} { background: ${s.background}; }`),
  ];
  return `${rules.join('\n')}\n`;
}
