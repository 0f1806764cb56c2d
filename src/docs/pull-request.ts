import { ALL_RULES } from '../check/rules/index.ts';
import type { GeneratedBlock } from './blocks.ts';

const ids = (rules: typeof ALL_RULES) => {
  const names = rules.map((r) => `\`${r.id}\``);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
};

/** The line of the pull-request template that says what `npm run check` already enforces, from the rules themselves. */
export function renderEnforcedRules(): string {
  const always = ALL_RULES.filter((r) => r.type === 'fixed');
  const configurable = ALL_RULES.filter((r) => r.type !== 'fixed');
  return [
    `Already checked on this pull request, so not on this list: always ${ids(always)};`,
    `unless \`catalog/check.yaml\` turns them off, ${ids(configurable)}`,
    '(`npm run check -- --explain <rule>` says what each one finds). What follows is what no tool can judge.',
  ].join('\n');
}

/** The generated part of the pull-request template. */
export const enforcedRulesBlock: GeneratedBlock = {
  file: '.github/pull_request_template.md',
  name: 'enforced-rules',
  render: renderEnforcedRules,
};
