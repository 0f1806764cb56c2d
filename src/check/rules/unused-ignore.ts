import type { EngineRule } from '../types.ts';

/** A hindsight-ignore comment that suppresses nothing should go. */
export const unusedIgnoreRule: EngineRule = {
  id: 'unused-ignore',
  type: 'engine',
  defaultSeverity: 'warning',
  summary: 'A hindsight-ignore comment that suppresses nothing: the text changed, or nothing follows the comment.',
  docs: `An exception that no longer applies hides the next real problem in the same place. When the text a
hindsight-ignore comment covers no longer has the problem it names, or the comment covers nothing
(it is the last thing in the body), the comment is reported so it can be removed.

Fix: delete the comment, or move it directly above the paragraph, list or frontmatter key it is meant
for.`,
  examples: [
    {
      in: 'body',
      bad: "{/* hindsight-ignore hindsight-bias: the team's own words */}\nThe queue grew for an hour before the page.",
      good: 'The queue grew for an hour before the page.',
      finding: { line: 1, column: 1, message: 'expected a hindsight-bias problem in the text this comment covers', found: 'none' },
    },
  ],
};
