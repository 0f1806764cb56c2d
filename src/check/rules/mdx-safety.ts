import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { z } from 'astro/zod';
import type { Node as EstreeNode, Program } from 'estree';
import type { Nodes as MdastNodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { describeValue } from '../../validation/problems.ts';
import { PROVIDED_COMPONENTS } from '../../lib/mdx-components.ts';
import type { DocumentRule, LintDocument, LintFinding, RuleContext } from '../types.ts';

type Options = { components: string[] };

// Elements that run code or load active content into the page.
const BLOCKED_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed']);
// Globals through which an expression reaches the build machine.
const BLOCKED_GLOBALS = new Set(['process', 'require', 'eval', 'Function', 'globalThis', 'global', 'window', 'document', 'module', 'exports', 'Deno', 'Bun']);
// Expression forms that execute code rather than state a value.
const CODE_NODES = new Set(['CallExpression', 'NewExpression', 'ImportExpression', 'MetaProperty', 'TaggedTemplateExpression', 'AssignmentExpression', 'UpdateExpression', 'AwaitExpression', 'YieldExpression', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassExpression']);

/** True for a URL that runs script when followed: `javascript:`, `vbscript:` or an HTML `data:` URL. */
export function isScriptUrl(url: string): boolean {
  // Browsers ignore control characters and white space inside the scheme.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const compact = url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return compact.startsWith('javascript:') || compact.startsWith('vbscript:') || compact.startsWith('data:text/html');
}

function findCode(node: unknown): EstreeNode | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findCode(item);
      if (found) return found;
    }
    return undefined;
  }
  const n = node as EstreeNode & Record<string, unknown>;
  if (typeof n.type === 'string') {
    if (CODE_NODES.has(n.type)) return n;
    if (n.type === 'Identifier' && BLOCKED_GLOBALS.has(n.name)) return n;
    if (n.type === 'Literal' && typeof n.value === 'string' && isScriptUrl(n.value)) return n;
  }
  for (const [key, value] of Object.entries(n)) {
    if (key === 'loc' || key === 'range' || key === 'parent') continue;
    const found = findCode(value);
    if (found) return found;
  }
  return undefined;
}

function estreeOf(node: { data?: unknown }): Program | undefined {
  return (node.data as { estree?: Program } | undefined)?.estree;
}

const FOLDER = 'expected a folder such as src/components/';
const ComponentFoldersSchema = z.array(z.string({ error: FOLDER }).trim().min(1, { error: FOLDER }), { error: 'expected a list of folders, e.g. [src/components/]' })
  .min(1, { error: 'expected at least one folder, e.g. [src/components/]' });

/** MDX may import only the project's components; export, <script>, event handlers, javascript: URLs and code in expressions are errors. */
export const mdxSafety: DocumentRule<Options> = {
  id: 'mdx-safety',
  type: 'document',
  defaultSeverity: 'error',
  kinds: ['incident', 'reading-list'],
  options: { components: ComponentFoldersSchema },
  defaults: { components: ['src/components/'] },
  summary: 'MDX that runs code: imports from outside src/components/, export, <script>, on* handlers, javascript: URLs, code in {expressions}.',
  docs: `MDX is code: every post-mortem is compiled into a JavaScript module and run on the build machine,
and what it renders reaches every reader's browser. A post-mortem may use the project's own
components, and nothing else that runs.

Errors:
  - import from anywhere but the component folders (src/components/ by default), and imports of
    component files that do not exist;
  - a component used without being imported (the build would fail on it), except the ones every
    post-mortem is given: ${PROVIDED_COMPONENTS.map((c) => `<${c}>`).join(', ')};
  - export statements;
  - <script>, <iframe>, <object> and <embed> elements;
  - inline event handlers (onClick, onload, ...);
  - javascript:, vbscript: and data:text/html URLs, in links, images and attributes;
  - expressions that run code: calls, new, dynamic import(), import.meta, assignments, functions,
    and process, require, eval, globalThis and similar globals. Comments ({/* ... */}) and plain
    values ({'{'}, {[1, 2]}) are fine.

Options in catalog/check.yaml:
  mdx-safety:
    severity: error
    components: [src/components/]    # folders, relative to the project, that post-mortems may import from

A literal brace in prose is written \\{ or inside \`inline code\`.`,
  examples: [
    {
      in: 'body',
      bad: "import fs from 'node:fs'",
      good: 'The script read its settings with `fs.readFileSync`.',
      finding: { line: 1, column: 1, message: "expected an import of the project's own components from src/components/", found: '"node:fs"' },
    },
    {
      in: 'body',
      bad: 'The token was {process.env.API_TOKEN}.',
      good: 'The token was read from the environment at start-up.',
      finding: { line: 1, column: 16, message: 'expected no code in an MDX expression: expressions run at build time', found: '"process.env.API_TOKEN"' },
    },
  ],
  check(doc: LintDocument, options: Options, context: RuleContext): LintFinding[] {
    if (!doc.body) return [];
    const body = doc.body;
    const findings: LintFinding[] = [];
    const at = (point: { line: number; column: number } | undefined) => ({ line: (point?.line ?? 1) + body.line - 1, column: point?.column ?? 1 });
    const estreeAt = (node: EstreeNode) => ({ line: (node.loc?.start.line ?? 1) + body.line - 1, column: (node.loc?.start.column ?? 0) + 1 });
    const folders = options.components.map((c) => resolve(context.projectRoot, c) + sep);
    const imported = new Set<string>();
    const used: { name: string; position: { line: number; column: number } }[] = [];

    const checkExpression = (program: Program | undefined, source: string, fallback: { line: number; column: number }) => {
      const code = program && findCode(program.body);
      if (!code) return;
      findings.push({
        ...(code.loc ? estreeAt(code) : fallback),
        message: 'expected no code in an MDX expression: expressions run at build time',
        found: describeValue(source.trim()),
        hint: 'State the value in prose or the frontmatter. A literal brace is written \\{ or inside `inline code`.',
      });
    };

    visit(body.tree, (node: MdastNodes) => {
      switch (node.type) {
        case 'mdxjsEsm': {
          for (const statement of estreeOf(node)?.body ?? []) {
            if (statement.type !== 'ImportDeclaration') {
              findings.push({
                ...estreeAt(statement), message: 'expected no export in a post-mortem: exports run at build time',
                found: describeValue(node.value.split('\n').find((l) => l.trim().startsWith('export'))?.trim() ?? node.value),
                hint: 'Put data in the frontmatter and prose in the body; remove the export.',
              });
              continue;
            }
            const specifier = String(statement.source.value);
            const target = specifier.startsWith('.') ? resolve(dirname(doc.absolutePath), specifier) : undefined;
            if (!target || !folders.some((f) => target.startsWith(f))) {
              findings.push({
                ...estreeAt(statement), message: `expected an import of the project's own components from ${options.components.join(', ')}`,
                found: describeValue(specifier),
                hint: 'A post-mortem is compiled and run at build time; import a component by its relative path, e.g. ../../src/components/IncidentTable.astro, or remove the import.',
              });
            } else if (!existsSync(target)) {
              findings.push({
                ...estreeAt(statement), message: 'expected an existing component file',
                found: describeValue(specifier),
                hint: `Nothing exists at ${relative(context.projectRoot, target).split(sep).join('/')}; check the name and the number of ../ segments.`,
              });
            }
            for (const s of statement.specifiers) imported.add(s.local.name);
          }
          break;
        }
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          checkExpression(estreeOf(node), node.value, at(node.position?.start));
          break;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          const name = node.name;
          if (name && (/^[A-Z]/.test(name) || name.includes('.'))) used.push({ name: name.split('.')[0]!, position: at(node.position?.start) });
          if (name && BLOCKED_ELEMENTS.has(name.toLowerCase())) {
            findings.push({ ...at(node.position?.start), message: `expected no <${name.toLowerCase()}> element: it runs or embeds active content`, found: describeValue(`<${name}>`), hint: 'Describe it in prose, or link to it with an ordinary https link.' });
          }
          for (const attribute of node.attributes) {
            const place = at(attribute.position?.start ?? node.position?.start);
            if (attribute.type === 'mdxJsxExpressionAttribute') {
              checkExpression(estreeOf(attribute), attribute.value, place);
              continue;
            }
            if (/^on/i.test(attribute.name)) {
              findings.push({ ...place, message: 'expected no inline event handler: it runs script in the reader\'s browser', found: describeValue(attribute.name), hint: 'Remove the attribute; post-mortems do not run script.' });
            } else if (typeof attribute.value === 'string' && isScriptUrl(attribute.value)) {
              findings.push({ ...place, message: 'expected an http(s) or relative URL', found: describeValue(attribute.value), hint: 'Link to an https address, or quote the URL in `inline code` if it is evidence.' });
            } else if (attribute.value && typeof attribute.value === 'object') {
              checkExpression(estreeOf(attribute.value), attribute.value.value, place);
            }
          }
          break;
        }
        case 'link':
        case 'image':
        case 'definition':
          if (isScriptUrl(node.url)) {
            findings.push({ ...at(node.position?.start), message: 'expected an http(s) or relative URL', found: describeValue(node.url), hint: 'Link to an https address, or quote the URL in `inline code` if it is evidence.' });
          }
          break;
      }
    });

    for (const use of used) {
      if (imported.has(use.name) || (PROVIDED_COMPONENTS as readonly string[]).includes(use.name)) continue;
      findings.push({ ...use.position, message: `expected <${use.name}> to be imported from ${options.components.join(', ')}`, found: 'no import', hint: `Add import ${use.name} from '../../src/components/${use.name}.astro' below the frontmatter, or remove the element.` });
    }
    return findings.sort((a, b) => a.line - b.line || a.column - b.column);
  },
};
