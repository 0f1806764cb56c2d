import { ALLOWED_SCHEMES, BODY_COMPONENTS, BODY_ELEMENTS } from '../../validation/content-model.ts';
import type { FixedRule } from '../types.ts';

const components = Object.keys(BODY_COMPONENTS)
  .map((c) => `<${c}>`)
  .join(', ');
const elements = Object.entries(BODY_ELEMENTS)
  .map(([name, attributes]) => (attributes.length > 0 ? `${name} (${attributes.join(', ')})` : name))
  .join(', ');

/**
 * The content model of a body (src/validation/content-model.ts): Markdown, the project's components by
 * plain name, and a short list of HTML elements with literal attributes. The build enforces it in its
 * loaders before anything is rendered, so no comment and no `catalog/check.yaml` can switch it off.
 */
export const mdxSafety: FixedRule = {
  id: 'mdx-safety',
  type: 'fixed',
  enforcedBy: 'build',
  summary: `Anything in a body beyond Markdown, ${components} and a few HTML elements with literal attributes: imports, exports, {expressions}, unknown elements or attributes, unsafe URLs.`,
  docs: `A post-mortem arrives as a pull request from anyone in the organisation, and reviewers and CI build
it. So a body is never compiled or run: it is Markdown, plus

  - the components ${components}, used by their exact name, without attributes;
  - these HTML elements, with literal attribute values in quotes: ${elements};
  - links and images to http(s), mailto, relative or #fragment addresses (${ALLOWED_SCHEMES.join(', ')}).

Everything else is an error at its line: import and export, {expressions} (comments {/* ... */} are
fine), directives such as set:html or client:load, spread attributes, member names such as
<Internal.x>, a near-miss spelling such as <internal>, <script>, <style>, <iframe>, <form>, <meta>,
<base>, style= and on* attributes, javascript: and data: URLs however they are written. The rendered
HTML is sanitised again with the same allow-list before it reaches a page.

Enforced by the build: always an error, and no comment or catalog/check.yaml setting can change it.`,
  examples: [
    {
      in: 'body',
      bad: 'The key was {process.env.ACQUIRER_KEY}.',
      good: 'The key was read from the environment at start-up.',
      finding: {
        line: 1,
        column: 13,
        message: 'expected no {expression}: braces start code, and a body runs none',
        found: '"{process.env.ACQUIRER_KEY}"',
      },
    },
    {
      in: 'body',
      bad: '<internal>\nThe acquirer contact is on the vendor page.\n</internal>',
      good: '<Internal>\nThe acquirer contact is on the vendor page.\n</Internal>',
      finding: { line: 1, column: 1, message: 'expected <Internal>: component names are matched exactly', found: '"<internal>"' },
    },
    {
      in: 'body',
      bad: 'See [the runbook](javascript:alert(1)).',
      good: 'See [the runbook](https://wiki.example.com/runbooks/checkout).',
      finding: { line: 1, column: 5, message: 'expected an http(s), mailto, relative or #fragment URL', found: '"javascript:alert(1)"' },
    },
  ],
};
