import type { EngineRule } from '../types.ts';

/** A hindsight-ignore comment must name known rules and carry a reason. */
export const ignoreCommentRule: EngineRule = {
  id: 'ignore-comment',
  type: 'engine',
  defaultSeverity: 'error',
  summary: 'A hindsight-ignore comment without a reason, with an unknown rule id, or naming a rule the build enforces.',
  docs: `A justified exception is written as a comment that names the rule and says why:

  In the body, on the line before the paragraph, list or code block it covers (or inside a
  paragraph, to cover that paragraph):
    {/* hindsight-ignore blameless-language: quoting the customer's complaint word for word */}

  In the frontmatter, on the line before the key or list item it covers (or after a value):
    # hindsight-ignore action-item-quality: a two-day spike whose output is the decision in PAY-512

Several rules are separated by commas. The reason is required: the reviewer decides whether it holds.
A comment without one is reported and does not suppress anything. Rules the build enforces (yaml,
schema, consistency, reference, mdx-syntax) cannot be ignored.`,
};
