import { formatExampleFinding } from '../check/rules/examples.ts';
import { ALL_RULES } from '../check/rules/index.ts';
import type { Rule, RuleExample } from '../check/types.ts';
import type { GeneratedBlock } from './blocks.ts';

/** Prose safe inside a Markdown table cell: no raw HTML, emphasis or column breaks. */
function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\*/g, '\\*').replace(/\|/g, '\\|');
}

/** Code for a table cell: each line its own code span (joined by <br>), backticks and pipes kept. */
function cellCode(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
      const fence = '`'.repeat(longest + 1);
      const span = longest > 0 ? `${fence} ${line} ${fence}` : `${fence}${line}${fence}`;
      return span.replace(/\|/g, '\\|');
    })
    .join('<br>');
}

function defaultOf(rule: Rule): string {
  return rule.type === 'fixed' ? `error, always (${rule.enforcedBy})` : rule.defaultSeverity;
}

function exampleRows(example: RuleExample): string[] {
  const where = example.in === 'body' ? 'in the body' : example.in === 'frontmatter' ? 'in the frontmatter' : `as \`${example.in.field}\``;
  return [
    `| bad, ${where} | ${cellCode(example.bad)} | ${cellCode(formatExampleFinding(example.finding))} |`,
    `| good | ${cellCode(example.good)} | nothing |`,
  ];
}

/** The rule table of docs/checking.md, then every rule's examples, from the rules' own metadata. */
export function renderRulesReference(): string {
  const rows = ALL_RULES.map((rule) => {
    const examples = rule.examples?.length ? `[${rule.examples.length}](#${rule.id})` : '';
    return `| \`${rule.id}\` | ${defaultOf(rule)} | ${escapeCell(rule.summary)} | ${examples} |`;
  });
  const sections = ALL_RULES.filter((rule) => rule.examples?.length).map((rule) =>
    [`### \`${rule.id}\``, '', '| | text | `npm run check` reports |', '| --- | --- | --- |', ...rule.examples!.flatMap(exampleRows)].join(
      '\n',
    ),
  );
  return [
    '| rule | default | what it finds | examples |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '## Examples, rule by rule',
    '',
    'Positions count from the start of the example. Each bad text is checked inside an otherwise valid',
    'post-mortem (`src/check/rules/examples.ts`) by `tests/unit/check/rules/examples.test.ts`: it must',
    'yield exactly the finding shown, and the good text nothing at all.',
    '',
    sections.join('\n\n'),
  ].join('\n');
}

/** The generated rule reference of docs/checking.md. */
export const rulesBlock: GeneratedBlock = { file: 'docs/checking.md', name: 'rules', render: renderRulesReference };
