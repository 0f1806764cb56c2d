import type { Nodes as MdastNodes, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { describeValue, type Problem } from './problems.ts';

/**
 * The content model of a post-mortem or reading-list body: Markdown, plus the project's own components
 * used by plain name, plus a small allow-list of HTML elements and attributes with literal values.
 * Nothing in a body is ever compiled or run: no imports, exports or expressions (comments aside), no
 * directives, spreads or member expressions. The build's loaders and `npm run check` both run this,
 * as the `mdx-safety` rule, which no comment or configuration can switch off.
 */

/** Components a body may use, each with the attributes it takes. */
export const BODY_COMPONENTS: Readonly<Record<string, readonly string[]>> = { Internal: [] };

/** HTML elements a body may write, each with the attributes it may carry (literal values only). */
export const BODY_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title'],
  abbr: ['title'],
  b: [],
  blockquote: [],
  br: [],
  cite: [],
  code: [],
  dd: [],
  del: [],
  details: [],
  dfn: ['title'],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  i: [],
  img: ['src', 'alt', 'title', 'width', 'height'],
  ins: [],
  kbd: [],
  li: [],
  mark: [],
  ol: ['start'],
  p: [],
  pre: [],
  q: [],
  s: [],
  samp: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'scope'],
  thead: [],
  time: ['datetime'],
  tr: [],
  u: [],
  ul: [],
  var: [],
};

/** Attributes whose value is a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src']);

/** Schemes a link or image may use; anything else (javascript:, data:, vbscript:, file:, ...) is refused. */
export const ALLOWED_SCHEMES = ['http', 'https', 'mailto'] as const;

/**
 * True for a URL a reader can safely follow: http(s), mailto, a relative path or a #fragment. Control
 * characters and white space, which browsers drop inside a scheme, are removed before looking, and an
 * entity-encoded scheme (`&#106;avascript:`) counts as an unknown scheme.
 */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- browsers ignore these inside a scheme, so must we
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([^/?#]*?):/.exec(compact);
  if (scheme && !(ALLOWED_SCHEMES as readonly string[]).includes(scheme[1]!.toLowerCase())) return false;
  // Read the address as a browser does (a backslash is a slash, and so on): it must stay a web or mail address.
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url, SITE).protocol);
  } catch {
    return false;
  }
}

/** How long an image's description is, from after `![` to its closing `]` (nested brackets and escapes counted). */
function labelLength(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '[') depth++;
    else if (text[i] === ']' && depth-- === 0) return i;
  }
  return text.length;
}

/** Where relative addresses are resolved while checking them: a stand-in for the site itself. */
const SITE = 'https://site.invalid/incidents/x/';

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

/** What the archive's configuration adds to the content model. */
export interface ContentModelOptions {
  /** Origins (`https://images.example.com`) whose images a body may show; `image_hosts` in catalog/organisation.yaml. */
  imageHosts: readonly string[];
}

/** The origin an image's address resolves to, as a browser resolves it; undefined when it stays on this site. */
function imageOrigin(url: string): string | undefined {
  try {
    const origin = new URL(url, SITE).origin;
    return origin === new URL(SITE).origin ? undefined : origin;
  } catch {
    return url;
  }
}

const IMAGE_HINT =
  'Copy the image next to the site (public/incidents/<id>/) and link it relatively, or add its https origin to image_hosts in catalog/organisation.yaml.';
type Place = { line: number; column: number };

const LINK_HINT = 'Link to an https address or a page of this site; quote a dangerous URL as `inline code` if it is evidence.';
const BRACE_HINT =
  'A post-mortem body is Markdown: to show a brace, write \\{ and \\}, or put the text in `inline code`. Comments {/* like this */} are allowed.';

function componentList(): string {
  return Object.keys(BODY_COMPONENTS)
    .map((c) => `<${c}>`)
    .join(', ');
}

/** Problems of a body that steps outside the content model, at their lines in the file. */
export function checkContentModel(
  file: string,
  tree: Root,
  bodyLine: number,
  options: ContentModelOptions = { imageHosts: [] },
  source?: string,
): Problem[] {
  const problems: Problem[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } } | undefined, fallback?: Place): Place => {
    const start = node?.position?.start;
    if (!start) return fallback ?? { line: bodyLine, column: 1 };
    return { line: start.line + bodyLine - 1, column: start.column };
  };
  const report = (place: Place, message: string, found: string, hint: string) =>
    problems.push({ file, ...place, field: '', rule: 'mdx-safety', severity: 'error', message, found: describeValue(found), hint });

  const checkAttributes = (node: Jsx, name: string, allowed: readonly string[], place: Place) => {
    for (const attribute of node.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) {
      const where = at(attribute, place);
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        report(
          where,
          'expected attributes with literal values',
          `{${attribute.value}}`,
          'Spreads are not allowed: write each attribute as name="value", or remove it.',
        );
        continue;
      }
      if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value === 'object') {
        report(
          where,
          'expected a literal attribute value in quotes',
          `${attribute.name}={${attribute.value.value}}`,
          `Expressions are not allowed: write ${attribute.name}="..." with the value itself.`,
        );
        continue;
      }
      if (!allowed.includes(attribute.name)) {
        const list = allowed.length === 0 ? 'no attributes' : `only ${allowed.join(', ')}`;
        report(
          where,
          `expected ${list} on <${name}>`,
          attribute.name,
          allowed.length === 0 ? `Remove ${attribute.name}.` : `Remove ${attribute.name}; <${name}> may carry ${allowed.join(', ')}.`,
        );
        continue;
      }
      if (URL_ATTRIBUTES.has(attribute.name) && typeof attribute.value === 'string' && !isSafeUrl(attribute.value)) {
        report(where, 'expected an http(s), mailto, relative or #fragment URL', attribute.value, LINK_HINT);
      } else if (name === 'img' && attribute.name === 'src' && typeof attribute.value === 'string') checkImage(where, attribute.value);
    }
  };

  const checkImage = (place: Place, url: string) => {
    const origin = imageOrigin(url);
    if (origin !== undefined && !options.imageHosts.includes(origin)) {
      report(place, 'expected an image from this site or from a host in image_hosts', url, IMAGE_HINT);
    }
  };

  const checkElement = (node: Jsx) => {
    const place = at(node);
    const name = node.name;
    if (name === null || name === undefined) {
      report(place, 'expected a named element', '<>', 'Fragments are not allowed: remove the <> and </> around the text.');
      return;
    }
    if (/[.:]/.test(name)) {
      report(
        place,
        'expected a plain element name',
        `<${name}>`,
        `Member and namespace names (a.b, a:b) are not allowed; components are used by plain name: ${componentList()}.`,
      );
      return;
    }
    if (Object.hasOwn(BODY_COMPONENTS, name)) {
      checkAttributes(node, name, BODY_COMPONENTS[name]!, place);
      return;
    }
    const component = Object.keys(BODY_COMPONENTS).find((c) => c.toLowerCase() === name.toLowerCase());
    if (component) {
      report(
        place,
        `expected <${component}>: component names are matched exactly`,
        `<${name}>`,
        `Write <${component}> and </${component}>; a misspelt name would publish what it wraps.`,
      );
      return;
    }
    if (/^[A-Z]/.test(name)) {
      report(
        place,
        `expected one of the components a body may use: ${componentList()}`,
        `<${name}>`,
        'Write the content as Markdown instead; components other than these are not available to post-mortems.',
      );
      return;
    }
    if (!Object.hasOwn(BODY_ELEMENTS, name)) {
      report(
        place,
        'expected an element a post-mortem body may use',
        `<${name}>`,
        'Use Markdown for structure and links; see docs/security.md for the elements and attributes a body may use.',
      );
      return;
    }
    checkAttributes(node, name, BODY_ELEMENTS[name]!, place);
  };

  const walk = (node: MdastNodes) => {
    switch (node.type) {
      case 'mdxjsEsm':
        report(
          at(node),
          'expected no import or export: a post-mortem body is Markdown and runs no code',
          node.value.split('\n')[0]!.trim(),
          `Remove it. The components a body may use need no import: ${componentList()}.`,
        );
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const program = (node.data as { estree?: { body: unknown[] } } | undefined)?.estree;
        if (program && program.body.length === 0) return;
        report(at(node), 'expected no {expression}: braces start code, and a body runs none', `{${node.value}}`, BRACE_HINT);
        return;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node);
        break;
      case 'image':
      case 'imageReference': {
        // An image's description is plain text in the tree: what it was written as only shows in the source.
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        const written = source !== undefined && start !== undefined && end !== undefined ? source.slice(start, end) : '';
        const label = written.slice(2, 2 + labelLength(written.slice(2)));
        if (/<\/?[A-Za-z]|[{}]/.test(label))
          report(
            at(node),
            "expected plain text in an image's description",
            label,
            'Write the description as words: markup, components such as <Internal> and {expressions} are not read there.',
          );
        if (node.type === 'imageReference') break;
      }
      // falls through
      case 'link':
      case 'definition':
        if (!isSafeUrl(node.url)) report(at(node), 'expected an http(s), mailto, relative or #fragment URL', node.url, LINK_HINT);
        else if (node.type === 'image') checkImage(at(node), node.url);
        break;
      case 'html':
        report(at(node), 'expected an element a post-mortem body may use', node.value, 'Use Markdown for structure and links.');
        return;
    }
    if ('children' in node) for (const child of node.children) walk(child as MdastNodes);
  };
  walk(tree);
  return problems;
}
