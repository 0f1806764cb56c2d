import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { compileWordList, findPhrases, isMeasurable, sentencesOf, textOf } from '../prose/phrases.ts';
import { loadWordList } from '../prose/word-list.ts';
import type { ProseRule } from '../types.ts';

const VAGUE = compileWordList(loadWordList(new URL('../words/vague-actions.yaml', import.meta.url)));

/** Vague action items ("be more careful", "investigate", "improve monitoring" with nothing measurable) are warnings. */
export const actionItemQuality: ProseRule = {
  id: 'action-item-quality',
  type: 'prose',
  defaultSeverity: 'warning',
  summary: 'Action items that are not actionable, specific and bounded: "Be more careful", "Investigate", "Improve monitoring".',
  docs: `Every action item should be actionable (a verb with an outcome), specific (what, where) and bounded
(anyone can tell when it is done). Vague items stay open forever or get closed without changing
anything, and the same incident comes back.

Reads action_items[].title. Flags titles that start with an open-ended verb (investigate, look into,
consider, improve, ensure...) and say nothing measurable (no number, percentage or cadence such as
weekly), and titles that ask people to be more careful or vigilant, whatever else they say. The
phrases, notes and rewrites are data, in src/check/words/vague-actions.yaml.

A time-boxed spike can be the right item; keep it with a reason on the line above the item:
  # hindsight-ignore action-item-quality: a two-day spike whose output is the decision in PAY-512`,
  examples: [
    {
      in: { field: 'action_items[0].title' },
      bad: 'Improve monitoring',
      good: 'Alert when checkout 5xx exceed 1% for five minutes',
      finding: {
        line: 1,
        column: 1,
        field: 'action_items[0].title',
        message: 'expected an action item that is actionable, specific and bounded',
        found: '"Improve monitoring"',
      },
    },
    {
      in: { field: 'action_items[0].title' },
      bad: 'Investigate the connection pool',
      good: 'Cut the connection acquisition timeout from 30 seconds to 2 seconds',
      finding: {
        line: 1,
        column: 1,
        field: 'action_items[0].title',
        message: 'expected an action item that is actionable, specific and bounded',
        found: '"Investigate the connection pool"',
      },
    },
    {
      in: { field: 'action_items[0].title' },
      bad: 'Be more careful with production config',
      good: 'Require a second approver for production config pushes',
      finding: {
        line: 1,
        column: 1,
        field: 'action_items[0].title',
        message: 'expected an action item that is actionable, specific and bounded',
        found: '"Be more careful with production config"',
      },
    },
  ],
  appliesTo: (target) => /^action_items\[\d+\]\.title$/.test(target.field),
  plugin: () => (tree: Root, file: VFile) => {
    const text = textOf(tree);
    for (const match of findPhrases(sentencesOf(tree), VAGUE, file.data.field ?? '', file.data.continued ?? false)) {
      if (match.entry.measurable_exempts && isMeasurable(text)) continue;
      const first = match.tokens[0]!.node.position;
      const message = file.message('expected an action item that is actionable, specific and bounded', {
        place: first?.start,
        ruleId: 'action-item-quality',
        source: 'hindsight',
      });
      message.actual = text;
      message.expected = [match.entry.suggestion];
      message.note = `${match.entry.note} ${match.entry.suggestion}`;
      return;
    }
  },
};
