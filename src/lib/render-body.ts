import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Nodes as MdastNodes, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import { find, html } from 'property-information';
import type { Audience } from './audience.ts';

/** A heading of a rendered body, for an on-page table of contents. */
export interface BodyHeading {
  depth: number;
  slug: string;
  text: string;
}

/** Changes whenever what `renderBody` returns changes shape, so cached renderings are redone. */
export const RENDER_VERSION = 'sections-2';

/** A run of a body section: the text under one `###` heading (or before the first), as HTML. */
export interface BodyPart {
  /** The `###` heading that opens the part, with its inner HTML; none for the text before the first. */
  heading?: BodyHeading & { html: string };
  /** The part's HTML, its heading left out. */
  html: string;
}

/** One `##` section of a body, split at its `###` headings, so a page can place each part where it belongs. */
export interface BodySection {
  /** The `##` heading; none for the text before the first. */
  heading?: BodyHeading & { html: string };
  parts: BodyPart[];
}

/** A body rendered to HTML, with its headings and the text a reader of this audience gets. */
export interface RenderedBody {
  html: string;
  headings: BodyHeading[];
  /** The same HTML cut into its `##` sections and their `###` parts. */
  sections: BodySection[];
  /** The words this audience reads (no `<Internal>` text in a public build), for reading time and similarity. */
  text: string;
}

const FLOW = [
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
];
const PHRASING = [
  'a',
  'abbr',
  'b',
  'br',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
];

/**
 * What may reach a reader, whatever the validation let through: the elements Markdown and the body's
 * allowed HTML produce, literal attributes only, links limited to http(s), mailto and relative or
 * fragment URLs, images to http(s) and relative ones. Defence in depth behind the content model.
 */
export const BODY_SANITIZE_SCHEMA: Schema = {
  strip: ['script', 'style', 'template'],
  tagNames: [...FLOW, ...PHRASING],
  attributes: {
    a: ['href', 'title', 'id', ['dataFootnoteRef', true], ['dataFootnoteBackref', true], 'ariaDescribedBy', 'ariaLabel'],
    abbr: ['title'],
    dfn: ['title'],
    time: ['dateTime'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    code: [['className', /^language-[\w+-]+$/]],
    aside: [['className', 'internal-only'], 'ariaLabel'],
    p: [['className', 'section-label']],
    h1: ['id'],
    h2: ['id'],
    h3: ['id'],
    h4: ['id'],
    h5: ['id'],
    h6: ['id'],
    li: ['id'],
    ol: ['start'],
    sup: [],
    section: [
      ['dataFootnotes', true],
      ['className', 'footnotes'],
    ],
    td: ['colSpan', 'rowSpan', ['align', 'left', 'center', 'right']],
    th: ['colSpan', 'rowSpan', 'scope', ['align', 'left', 'center', 'right']],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
  },
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  clobberPrefix: '',
  clobber: [],
  required: { input: { type: 'checkbox', disabled: true } },
};

function literalAttributes(node: MdxJsxFlowElement | MdxJsxTextElement): Element['properties'] {
  const properties: Element['properties'] = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    const { name, value } = attribute as MdxJsxAttribute;
    // hast names properties as the DOM does (`datetime` is `dateTime`), which the sanitiser's allow-list expects.
    const property = find(html, name).property;
    if (value === null || value === undefined) properties[property] = true;
    else if (typeof value === 'string') properties[property] = value;
  }
  return properties;
}

function jsxHandler(audience: Audience): Handler {
  return (state: State, node: MdxJsxFlowElement | MdxJsxTextElement): ElementContent | ElementContent[] | undefined => {
    const children = state.all(node) as ElementContent[];
    if (node.name === 'Internal') {
      if (audience === 'public') return undefined;
      const label: Element = {
        type: 'element',
        tagName: 'p',
        properties: { className: ['section-label'] },
        children: [{ type: 'text', value: 'Internal only' }],
      };
      return {
        type: 'element',
        tagName: 'aside',
        properties: { className: ['internal-only'], ariaLabel: 'Internal only' },
        children: [label, ...children],
      };
    }
    if (!node.name || /^[A-Z]/.test(node.name) || /[.:]/.test(node.name)) return children;
    return { type: 'element', tagName: node.name, properties: literalAttributes(node), children };
  };
}

function textOf(node: HastRoot | RootContent): string {
  if (node.type === 'text') return node.value;
  if (!('children' in node)) return '';
  const inner = node.children.map((c) => textOf(c as RootContent)).join('');
  return node.type === 'element' && FLOW.includes(node.tagName) ? `${inner}\n` : inner;
}

/**
 * Gives every heading a GitHub-style id and lists them; makes code blocks focusable, so a reader on a
 * keyboard can scroll a long log line (they scroll sideways rather than wrap).
 */
function slugHeadings(tree: HastRoot): BodyHeading[] {
  const slugger = new GithubSlugger();
  const headings: BodyHeading[] = [];
  const visit = (node: HastRoot | RootContent) => {
    if (node.type === 'element' && node.tagName === 'pre') node.properties = { ...node.properties, tabIndex: 0 };
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) {
      const text = textOf(node).trim();
      const slug = slugger.slug(text);
      node.properties = { ...node.properties, id: slug };
      headings.push({ depth: Number(node.tagName[1]), slug, text });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as RootContent);
  };
  visit(tree);
  return headings;
}

/**
 * Renders a body's Markdown tree (parsed with remark-mdx, already checked against the content model)
 * to sanitised HTML. `<Internal>` becomes a marked aside in the internal site and nothing at all in a
 * public one; expressions (only comments pass validation) render as nothing. No code is compiled.
 */
export function renderBody(tree: Root, audience: Audience): RenderedBody {
  const jsx = jsxHandler(audience);
  const nothing: Handler = () => undefined;
  // A public build renders a tree without its <Internal> blocks: footnotes, link definitions and image
  // descriptions written inside one must not reach the page by way of a reference outside it.
  const readable = audience === 'public' ? pruneInternal(tree) : tree;
  const hast = toHast(readable as MdastNodes, {
    handlers: { mdxJsxFlowElement: jsx, mdxJsxTextElement: jsx, mdxFlowExpression: nothing, mdxTextExpression: nothing, mdxjsEsm: nothing },
    allowDangerousHtml: false,
  }) as HastRoot;
  const clean = sanitize(hast, BODY_SANITIZE_SCHEMA) as HastRoot;
  const headings = slugHeadings(clean);
  return { html: toHtml(clean), headings, sections: splitSections(clean), text: textOf(clean).replace(/\n+/g, '\n').trim() };
}

function headingOf(node: Element): BodyHeading & { html: string } {
  return { depth: Number(node.tagName[1]), slug: String(node.properties.id ?? ''), text: textOf(node).trim(), html: toHtml(node.children) };
}

/** The body's top-level nodes grouped under their `##` (or `#`) headings, each group cut at its `###` headings. */
function splitSections(tree: HastRoot): BodySection[] {
  const isHeading = (node: RootContent, depths: RegExp): node is Element => node.type === 'element' && depths.test(node.tagName);
  const groups: { heading?: Element; nodes: RootContent[] }[] = [];
  for (const node of tree.children) {
    if (isHeading(node, /^h[12]$/)) groups.push({ heading: node, nodes: [] });
    else if (groups.length === 0) groups.push({ nodes: [node] });
    else groups.at(-1)!.nodes.push(node);
  }
  return groups
    .map((group) => {
      const parts: { heading?: Element; nodes: RootContent[] }[] = [{ nodes: [] }];
      for (const node of group.nodes) {
        if (isHeading(node, /^h3$/)) parts.push({ heading: node, nodes: [] });
        else parts.at(-1)!.nodes.push(node);
      }
      const kept = parts.filter((part) => part.heading || part.nodes.some((n) => n.type !== 'text' || n.value.trim() !== ''));
      return {
        ...(group.heading ? { heading: headingOf(group.heading) } : {}),
        parts: kept.map((part) => ({
          ...(part.heading ? { heading: headingOf(part.heading) } : {}),
          html: toHtml({ type: 'root', children: part.nodes }).trim(),
        })),
      };
    })
    .filter((section) => section.heading || section.parts.length > 0);
}

/**
 * The body's source without its `<Internal>` blocks, for a public build: what reading time, "similar
 * wording" and section word counts may be computed from. Ranges come from the parsed tree.
 */
export function withoutInternal(body: string, tree: Root): string {
  const ranges: [number, number][] = [];
  const visit = (node: MdastNodes) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Internal') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) ranges.push([start, end]);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as MdastNodes);
  };
  visit(tree);
  let out = '';
  let from = 0;
  for (const [start, end] of ranges) {
    out += body.slice(from, start);
    from = end;
  }
  return out + body.slice(from);
}

/** A copy of the tree without its `<Internal>` blocks, wherever they sit (a public build reads this one). */
export function pruneInternal(tree: Root): Root {
  const prune = (node: MdastNodes): MdastNodes | undefined => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Internal') return undefined;
    if (!('children' in node)) return node;
    const children = (node.children as MdastNodes[]).map(prune).filter((child): child is MdastNodes => child !== undefined);
    return { ...node, children } as MdastNodes;
  };
  const pruned = prune(tree) as Root;
  // A footnote whose definition sat inside <Internal> has nothing to point at any more: drop its marker.
  const defined = new Set<string>();
  const collect = (node: MdastNodes) => {
    if (node.type === 'footnoteDefinition') defined.add(node.identifier);
    if ('children' in node) for (const child of node.children as MdastNodes[]) collect(child);
  };
  collect(pruned);
  const unmark = (node: MdastNodes): MdastNodes | undefined => {
    if (node.type === 'footnoteReference' && !defined.has(node.identifier)) return undefined;
    if (!('children' in node)) return node;
    return { ...node, children: (node.children as MdastNodes[]).map(unmark).filter((c): c is MdastNodes => c !== undefined) } as MdastNodes;
  };
  return unmark(pruned) as Root;
}
