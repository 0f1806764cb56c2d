import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { renderPlot } from '../../../src/lib/charts/render.ts';
import { severityColor, seriesColor } from '../../../src/lib/charts/scales.ts';
import { CHART_COLOURS, chartStylesheet, paintClass, plotOwnStyle, swatchClass } from '../../../src/lib/charts/styles.ts';

const GLOBAL_CSS = readFileSync(join(import.meta.dirname, '../../../src/styles/global.css'), 'utf8');

describe('chart styles without inline CSS', () => {
  it('gives palette fills and strokes a class, and nothing else', () => {
    expect(paintClass('fill', 'var(--chart-sev-1)')).toBe('fill-chart-sev-1');
    expect(paintClass('stroke', 'var(--chart-grid)')).toBe('stroke-chart-grid');
    expect(paintClass('fill', 'var(--brand)')).toBeUndefined();
    expect(paintClass('fill', 'currentColor')).toBeUndefined();
  });

  it('gives every legend colour the charts use a swatch class', () => {
    expect(swatchClass('var(--chart-1)')).toBe('swatch-chart-1');
    expect(swatchClass('color-mix(in srgb, var(--chart-bad) 45%, transparent)')).toBe('swatch-chart-bad-faded');
    expect(swatchClass('currentColor')).toBe('swatch-current-color');
    const colours = [...Array.from({ length: 6 }, (_, i) => severityColor(i)), ...Array.from({ length: 16 }, (_, i) => seriesColor(i))];
    expect(colours.map(swatchClass)).toHaveLength(22);
  });

  it('refuses a legend colour it has no class for', () => {
    expect(() => swatchClass('#ff0000')).toThrow(
      'legend colour: expected var(--<name>) with a name from CHART_COLOURS in src/lib/charts/styles.ts, the same inside color-mix(in srgb, ... 45%, transparent), or currentColor, found "#ff0000"; add the colour to CHART_COLOURS and src/styles/global.css',
    );
  });

  it('defines every class it hands out, and Plot’s own rules, in one stylesheet', () => {
    const css = chartStylesheet();
    expect(css).toContain('.fill-chart-sev-4 { fill: var(--chart-sev-4); }\n');
    expect(css).toContain('.stroke-chart-bg { stroke: var(--chart-bg); }\n');
    expect(css).toContain('.swatch-chart-1-faded { background: color-mix(in srgb, var(--chart-1) 45%, transparent); }\n');
    expect(css).toContain('.swatch-current-color { background: currentColor; }\n');
    expect(css).toContain(plotOwnStyle());
    expect(plotOwnStyle()).toBe(
      ':where(.chart-plot) {\n  --plot-background: white;\n  display: block;\n  height: auto;\n  height: intrinsic;\n  max-width: 100%;\n}\n' +
        ':where(.chart-plot text),\n:where(.chart-plot tspan) {\n  white-space: pre;\n}',
    );
    expect(css.match(/^\.[a-z0-9-]+ \{/gm)).toHaveLength(CHART_COLOURS.length * 4 + 1);
    expect(css).not.toContain('undefined');
  });

  it('uses only colours the site’s palette defines in light and dark mode', () => {
    // Once each, as light-dark(light, dark): the page's colour scheme (system, toggle or print) picks one.
    for (const name of CHART_COLOURS)
      expect(GLOBAL_CSS.match(new RegExp(`--${name}: light-dark\\(#[0-9a-f]{6}, #[0-9a-f]{6}\\);`, 'g')), name).toHaveLength(1);
  });
});

describe('rendering a chart that would need inline CSS', () => {
  const bar = (fill: string) => Plot.barY([{ x: 'a', y: 2 }], { x: 'x', y: 'y', fill });

  it('fails on a colour outside the palette, naming the chart, the element and the fix', () => {
    expect(() => renderPlot('brand', { marks: [bar('var(--brand)')] })).toThrow(
      'chart brand: unexpected fill="var(--brand)" on <g>; expected var(--<name>) with a name from CHART_COLOURS in src/lib/charts/styles.ts (add new colours there and to src/styles/global.css)',
    );
  });

  it('fails on Plot’s style option, which would be an inline style', () => {
    expect(() => renderPlot('styled', { style: { color: 'red' }, marks: [bar('var(--chart-1)')] })).toThrow(
      'chart styled: expected no style option (the Content-Security-Policy allows no inline style); give the SVG presentation attributes or a class in src/lib/charts/styles.ts',
    );
  });

  it('keeps plain colours as presentation attributes, which need no style', () => {
    const svg = renderPlot('plain', { marks: [bar('#0b6bcb')] });
    expect(svg).toContain('fill="#0b6bcb"');
    expect(svg).not.toMatch(/style/);
  });
});
