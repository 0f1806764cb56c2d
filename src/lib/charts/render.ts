import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

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
 * Renders Observable Plot options to an SVG string on a server-side DOM (linkedom): no JavaScript
 * reaches the browser. The SVG is one image labelled by the chart's title and description
 * (`chartLabelIds`), with Plot's inner ARIA labels removed, and `var(--x)` colours are moved from presentation attributes into `style`, where every browser
 * resolves them, so charts follow the page's light, dark and print palettes.
 */
export function renderPlot(id: string, options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = Plot.plot({
    ...options,
    document: document as unknown as Document,
    style: { fontSize: `${CHART_FONT_SIZE}px`, fontFamily: 'inherit', overflow: 'visible' },
  }) as unknown as Element;
  if (node.tagName.toLowerCase() !== 'svg') throw new Error(`chart ${id}: expected Plot to return an SVG element, got <${node.tagName.toLowerCase()}>; draw legends outside the plot`);
  const ids = chartLabelIds(id);
  node.setAttribute('role', 'img');
  node.setAttribute('aria-labelledby', `${ids.title} ${ids.description}`);
  node.removeAttribute('aria-label');
  node.removeAttribute('aria-description');
  for (const element of [node, ...node.querySelectorAll('*')]) {
    // The SVG is one image described by its caption and table: Plot's labels on inner groups are
    // not allowed on elements without a role, and would only repeat mark names such as "bar".
    if (element !== node) {
      element.removeAttribute('aria-label');
      element.removeAttribute('aria-description');
      element.removeAttribute('aria-hidden');
    }
    const moved: string[] = [];
    for (const attribute of ['fill', 'stroke']) {
      const value = element.getAttribute(attribute);
      if (value?.startsWith('var(')) {
        moved.push(`${attribute}:${value}`);
        element.removeAttribute(attribute);
      }
    }
    if (moved.length > 0) {
      const style = element.getAttribute('style');
      element.setAttribute('style', [style, ...moved].filter(Boolean).join(';'));
    }
  }
  return node.outerHTML;
}
