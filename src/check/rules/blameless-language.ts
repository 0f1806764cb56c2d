import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { compileWordList, reportPhrases } from '../prose/phrases.ts';
import { loadWordList } from '../prose/word-list.ts';
import type { ProseRule } from '../types.ts';

const BLAME = compileWordList(loadWordList(new URL('../words/blame.yaml', import.meta.url)));

/** Blaming individuals ("X's fault", "forgot", "careless", "human error" as a cause) is an error. */
export const blamelessLanguage: ProseRule = {
  id: 'blameless-language',
  type: 'prose',
  defaultSeverity: 'error',
  summary: 'Language that blames a person: "Sam\'s fault", "forgot", "careless", "dropped the ball", "human error" as a cause.',
  docs: `A post-mortem describes systems and decisions, never culprits. People acted sensibly on what they
knew; the question is why the system let a sensible action cause harm. Blame teaches people to hide
mistakes, and the next post-mortem learns less.

Reads the MDX body and every free-text frontmatter field (title, summary, response.rationale,
customer_impact.description, contributing_factors[].description, action_items[].title,
timeline[].text; in reading lists title, audience and items[].why). Code, inline code and text in
quotation marks are not read: a quotation is reported speech or a mention.

The phrases, why each one is a problem and a suggested rewrite are data, in
src/check/words/blame.yaml. Neutral accounts of what people did pass: "an engineer ran the command",
"Marcus declared a SEV1".

Quoting a customer or a chat message word for word? Put a comment with a reason on the line before
the paragraph:  {/* hindsight-ignore blameless-language: quoting the customer's complaint */}`,
  examples: [
    {
      in: 'body',
      bad: "It was Sam's fault that the migration ran after the release.",
      good: 'The release went out before its migration because the pipeline did not check the order.',
      finding: { line: 1, column: 8, message: 'expected blameless language', found: '"Sam\'s fault"' },
    },
    {
      in: { field: 'contributing_factors[0].description' },
      bad: 'Human error.',
      good: 'The CLI ran against production by default and printed no environment.',
      finding: {
        line: 1,
        column: 1,
        field: 'contributing_factors[0].description',
        message: 'expected blameless language',
        found: '"Human error"',
      },
    },
  ],
  appliesTo: () => true,
  plugin: () => (tree: Root, file: VFile) => reportPhrases(tree, file, BLAME, 'blameless-language', 'expected blameless language'),
};
