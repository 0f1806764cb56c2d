import type { ConfigurableRule, FixedRule, Rule } from '../types.ts';
import { actionItemQuality } from './action-item-quality.ts';
import { blamelessLanguage } from './blameless-language.ts';
import { configRule } from './config.ts';
import { consistencyRule } from './consistency.ts';
import { hindsightBias } from './hindsight-bias.ts';
import { ignoreCommentRule } from './ignore-comment.ts';
import { mdxSafety } from './mdx-safety.ts';
import { mdxSyntaxRule } from './mdx-syntax.ts';
import { personalData } from './personal-data.ts';
import { referenceRule } from './reference.ts';
import { schemaRule } from './schema.ts';
import { secrets } from './secrets.ts';
import { unfinishedRule } from './unfinished.ts';
import { unusedIgnoreRule } from './unused-ignore.ts';
import { yamlRule } from './yaml.ts';

/** The rules that are always errors: the format's own (enforced by the build) and the check's configuration. */
export const FIXED_RULES: readonly FixedRule[] = [
  yamlRule,
  schemaRule,
  consistencyRule,
  referenceRule,
  mdxSyntaxRule,
  mdxSafety,
  unfinishedRule,
  configRule,
];

/** The rules catalog/check.yaml can set and hindsight-ignore comments can name, in the order they are listed. */
export const CONFIGURABLE_RULES: readonly ConfigurableRule[] = [
  blamelessLanguage,
  hindsightBias,
  actionItemQuality,
  secrets,
  personalData,
  ignoreCommentRule,
  unusedIgnoreRule,
];

/** Every rule of `npm run check`. */
export const ALL_RULES: readonly Rule[] = [...FIXED_RULES, ...CONFIGURABLE_RULES];

/** The rule with this id. */
export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((rule) => rule.id === id);
}
