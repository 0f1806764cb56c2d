import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { compileWordList, reportPhrases } from '../prose/phrases.ts';
import { loadWordList } from '../prose/word-list.ts';
import type { ProseRule } from '../types.ts';

const HINDSIGHT = compileWordList(loadWordList(new URL('../words/hindsight.yaml', import.meta.url)));

/** Hindsight phrasing ("should have known", "obviously") is a warning. */
export const hindsightBias: ProseRule = {
  id: 'hindsight-bias',
  type: 'prose',
  defaultSeverity: 'warning',
  summary: 'Hindsight phrasing: "should have known", "should have caught", "obviously", "if only".',
  docs: `Once the outcome is known, the warning signs look obvious. At the time they were mixed with noise,
and the people involved made choices that looked reasonable with what they knew. A post-mortem that
judges decisions by their outcome teaches nothing about how to make the next one.

Reads the same text as blameless-language (the body and the free-text frontmatter fields, never code
or quotations). The phrases, notes and rewrites are data, in src/check/words/hindsight.yaml.

A warning by default: sometimes the phrase is the honest account of a decision. Keep it with a
reason:  {/* hindsight-ignore hindsight-bias: the team's own words in the retrospective */}`,
  examples: [
    {
      in: 'body',
      bad: 'The on-call engineer should have noticed the queue growing.',
      good: 'Queue depth was on a dashboard nobody was paged for, next to forty other panels.',
      finding: { line: 1, column: 22, message: 'expected an account of what was known at the time', found: '"should have noticed"' },
    },
    {
      in: 'body',
      bad: 'Obviously the cache was stale.',
      good: 'The cache served bundle v790 for an hour; nothing compared it with the published bundle.',
      finding: { line: 1, column: 1, message: 'expected an account of what was known at the time', found: '"Obviously"' },
    },
  ],
  appliesTo: () => true,
  plugin: () => (tree: Root, file: VFile) =>
    reportPhrases(tree, file, HINDSIGHT, 'hindsight-bias', 'expected an account of what was known at the time'),
};
