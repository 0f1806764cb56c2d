import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { PLOT_CLASS, paintClass, plotOwnStyle } from './styles.ts';

/** A table of the numbers a chart draws: the chart's text alternative and its data for a reader who wants figures. */
export interface ChartTable {
  caption: string;
  /** Column headings. */
  head: string[];
  /** Which columns hold numbers (right-aligned). */
  numeric: boolean[];
  rows: string[][];
}

/** One colour key entry shown beside a chart. */
export interface LegendEntry {
  label: string;
  /** A CSS colour, usually a custom property such as `var(--chart-sev-1)`. */
  color: string;
  /** `dot`, `line` or (the default) `square`. */
  shape?: 'square' | 'dot' | 'line';
}

/** A chart ready to show: static SVG plus everything a reader needs without it. */
export interface Chart {
  /** Unique on its page; the SVG's title and description ids derive from it. */
  id: string;
  title: string;
  /** One to three sentences saying what the chart shows, with its key numbers. */
  description: string;
  /** The SVG markup, or an empty string when there is nothing to draw. */
  svg: string;
  /** The same chart drawn for a phone's width (`NARROW_WIDTH`), when it has one; the page picks by width. */
  svgNarrow?: string;
  legend: LegendEntry[];
  tables: ChartTable[];
}

/** Ids of a chart's title and description elements, which the SVG refers to. */
export function chartLabelIds(id: string): { title: string; description: string } {
  return { title: `${id}-title`, description: `${id}-desc` };
}

/** Font size of chart text, in pixels. */
export const CHART_FONT_SIZE = 12;

/**
 * Width of a chart's narrow drawing: a 360-pixel phone gives a chart about 328 pixels, so a drawing
 * this wide is never scaled down there and its 11- and 12-pixel text keeps its size.
 */
export const NARROW_WIDTH = 320;

/**
 * Draws a chart twice: as `options` say, and for a phone, at `NARROW_WIDTH` with `narrow`'s changes
 * (fewer ticks, smaller margins, another layout). Both are static SVG; CSS shows the one that fits.
 */
export function renderResponsive(
  id: string,
  options: Plot.PlotOptions,
  narrow: Partial<Plot.PlotOptions> = {},
): { svg: string; svgNarrow: string } {
  return { svg: renderPlot(id, options), svgNarrow: renderPlot(id, { ...options, width: NARROW_WIDTH, ...narrow }) };
}

/**
 * Renders Observable Plot options to an SVG string on a server-side DOM (linkedom): no JavaScript
 * reaches the browser. The SVG is one image labelled by the chart's title and description
 * (`chartLabelIds`), with Plot's inner ARIA labels removed. It carries no inline CSS, which the
 * Content-Security-Policy forbids: palette colours (`var(--chart-1)`) become classes defined in
 * virtual:hindsight/charts.css (src/lib/charts/styles.ts), so charts follow the page's light, dark and
 * print palettes; Plot's own `<style>` element is dropped, its rules being in that stylesheet too. Any
 * other inline style, or a colour outside the palette, is an error here rather than a policy violation
 * in a reader's browser.
 */
export function renderPlot(id: string, options: Plot.PlotOptions): string {
  if (options.style !== undefined)
    throw new Error(
      `chart ${id}: expected no style option (the Content-Security-Policy allows no inline style); give the SVG presentation attributes or a class in src/lib/charts/styles.ts`,
    );
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = Plot.plot({ ...options, document: document as unknown as Document, className: PLOT_CLASS }) as unknown as Element;
  if (node.tagName.toLowerCase() !== 'svg')
    throw new Error(
      `chart ${id}: expected Plot to return an SVG element, got <${node.tagName.toLowerCase()}>; draw legends outside the plot`,
    );
  const ids = chartLabelIds(id);
  // A chart whose points link to their incidents is a labelled group, so the links stay reachable; its
  // axes and other marks are hidden from assistive technology, which reads the chart's table instead.
  const linked = node.querySelector('a') !== null;
  node.setAttribute('role', linked ? 'group' : 'img');
  node.setAttribute('aria-labelledby', `${ids.title} ${ids.description}`);
  node.removeAttribute('aria-label');
  node.removeAttribute('aria-description');
  // Text in the page's font, at the chart size; marks may reach past the frame (dots on an edge).
  node.setAttribute('font-size', String(CHART_FONT_SIZE));
  node.removeAttribute('font-family');
  node.setAttribute('overflow', 'visible');
  const ownStyle = plotOwnStyle();
  for (const style of node.querySelectorAll('style')) {
    if (style.parentNode !== node || style.textContent !== ownStyle)
      throw new Error(
        `chart ${id}: unexpected <style> element in the SVG (the Content-Security-Policy allows no inline style); Plot's own rules are in src/lib/charts/styles.ts, anything else needs a class there`,
      );
    style.remove();
  }
  for (const element of [node, ...node.querySelectorAll('*')]) {
    const tag = element.tagName.toLowerCase();
    // The SVG is one image described by its caption and table: Plot's labels on inner groups are
    // not allowed on elements without a role, and would only repeat mark names such as "bar".
    if (element !== node) {
      element.removeAttribute('aria-label');
      element.removeAttribute('aria-description');
      element.removeAttribute('aria-hidden');
    }
    const inline = element.getAttribute('style');
    if (inline !== null)
      throw new Error(
        `chart ${id}: unexpected style="${inline}" on <${tag}> (the Content-Security-Policy allows no inline style); use a presentation attribute or a class in src/lib/charts/styles.ts`,
      );
    for (const property of ['fill', 'stroke'] as const) {
      const value = element.getAttribute(property);
      if (!value?.includes('var(')) continue;
      const className = paintClass(property, value);
      if (className === undefined)
        throw new Error(
          `chart ${id}: unexpected ${property}="${value}" on <${tag}>; expected var(--<name>) with a name from CHART_COLOURS in src/lib/charts/styles.ts (add new colours there and to src/styles/global.css)`,
        );
      element.removeAttribute(property);
      element.classList.add(className);
    }
  }
  if (linked)
    for (const child of node.children)
      if (child.tagName.toLowerCase() === 'g' && child.querySelector('a') === null) child.setAttribute('aria-hidden', 'true');
  return node.outerHTML;
}
