import { describe, expect, it } from 'vitest';
import { defaultRuleConfigs } from '../../../src/check/config.ts';
import { lintText } from '../../../src/check/engine.ts';
import { parseIgnoreComment } from '../../../src/check/ignore.ts';
import { formatProblem } from '../../../src/validation/problems.ts';
import { FILE, FIXTURE, lint, postmortem, replaceOnce, rows } from './helpers.ts';

const RULES = { ignorable: ['blameless-language', 'hindsight-bias'], enforced: ['schema'] };
const BLAME = "It was Sam's fault.";

describe('parsing a hindsight-ignore comment', () => {
  it('reads the rules and the reason', () => {
    expect(parseIgnoreComment(' hindsight-ignore blameless-language, hindsight-bias: quoting the customer ', RULES)).toEqual({
      rules: ['blameless-language', 'hindsight-bias'],
      reason: 'quoting the customer',
    });
  });

  it('leaves other comments alone', () => {
    expect(parseIgnoreComment(' A note for reviewers: see PAY-12. ', RULES)).toBeUndefined();
  });

  it.each([
    ['hindsight-ignore blameless-language', 'expected a reason after the rule id'],
    ['hindsight-ignore blameless-language:   ', 'expected a reason after the rule id'],
    ['hindsight-ignore: quoting', 'expected the id of the rule to ignore'],
    ['hindsight-ignore blameles-language: quoting', 'expected the id of a rule'],
    ['hindsight-ignore schema: old format', 'expected a rule that can be ignored; schema is enforced by the build'],
    ['hindsight-disable blameless-language: quoting', 'expected a hindsight-ignore comment'],
  ])('rejects %j', (text, message) => {
    const parsed = parseIgnoreComment(text, RULES);
    expect(parsed && 'error' in parsed ? parsed.error.message : parsed).toBe(message);
  });
});

describe('ignore comments in the body', () => {
  it('suppresses the rule in the block after the comment, and nowhere else', async () => {
    const text = postmortem(`{/* hindsight-ignore blameless-language: quoting the customer's complaint */}\n${BLAME}\n\n${BLAME}`);
    // The comment is line 28 and covers line 29; the second paragraph is line 31 ("It was " is 7 characters).
    expect(rows(await lint(text))).toEqual([`31:8 blameless-language "Sam's fault"`]);
  });

  it('covers a whole list after the comment', async () => {
    const text = postmortem(
      `{/* hindsight-ignore blameless-language: the chat log, verbatim */}\n- 14:02 ${BLAME}\n- 14:05 Obviously ${BLAME}`,
    );
    // Only the rule named is suppressed; "- 14:05 " is 8 characters.
    expect(rows(await lint(text))).toEqual(['30:9 hindsight-bias "Obviously"']);
  });

  it('inside a paragraph, covers that paragraph', async () => {
    const text = postmortem(`${BLAME} {/* hindsight-ignore blameless-language: the customer's words */}\nIt went on.\n\n${BLAME}`);
    expect(rows(await lint(text))).toEqual([`31:8 blameless-language "Sam's fault"`]);
  });

  it('names several rules at once', async () => {
    const text = postmortem(
      `{/* hindsight-ignore blameless-language, hindsight-bias: the on-call engineer's own notes */}\nObviously ${BLAME}`,
    );
    expect(rows(await lint(text))).toEqual([]);
  });

  it('does not honour a comment without a reason, and says so', async () => {
    const text = postmortem(`{/* hindsight-ignore blameless-language */}\n${BLAME}`);
    expect((await lint(text)).map(formatProblem)).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:28:1 expected a reason after the rule id, found none. Write hindsight-ignore <rule>[, <rule>]: <reason>: an exception without a reason cannot be reviewed.',
      'incidents/2025/2025-06-21-checkout-500s.mdx:29:8 expected blameless language, found "Sam\'s fault". Fault language stops at who is to blame, and the conditions that made the slip possible go unexamined. Name what the system allowed, e.g. "the deploy tool accepted a config that had not been validated".',
    ]);
  });

  it('reports a comment that no longer suppresses anything, or covers nothing', async () => {
    const unused = postmortem('{/* hindsight-ignore hindsight-bias: their words */}\nThe cache was stale.');
    expect((await lint(unused)).map(formatProblem)).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:28:1 expected a hindsight-bias problem in the text this comment covers, found none. Remove the comment; the text no longer needs the exception.',
    ]);
    const last = postmortem('The cache was stale.\n\n{/* hindsight-ignore hindsight-bias: their words */}');
    expect((await lint(last)).map(formatProblem)).toEqual([
      'incidents/2025/2025-06-21-checkout-500s.mdx:30:1 expected something after the comment for it to cover, found nothing. Put the comment on the line directly above the text it is for.',
    ]);
  });

  it('does not report an unused comment for a rule that is switched off', async () => {
    const config = { rules: defaultRuleConfigs(), docsUrl: undefined, problems: [] };
    config.rules.set('hindsight-bias', { severity: 'off', options: {} });
    const text = postmortem('{/* hindsight-ignore hindsight-bias: their words */}\nThe cache was stale.');
    expect(await lintText({ root: FIXTURE, file: FILE, text, config })).toEqual([]);
  });
});

describe('ignore comments in the frontmatter', () => {
  const ACTION = '  - title: Stage flag pushes through one canary region first';

  it('on its own line, covers the list item below it with everything under it', async () => {
    const text = postmortem(
      'Body.',
      replaceOnce(
        ACTION,
        '  # hindsight-ignore action-item-quality: a two-day spike, output in PAY-512\n  - title: Investigate retry budgets',
      ),
    );
    expect(rows(await lint(text))).toEqual([]);
  });

  it('after a value, covers that value', async () => {
    const text = postmortem(
      'Body.',
      replaceOnce(
        'summary: A flag bundle went to every region at once and checkout failed for 45 minutes.',
        'summary: "Obviously a flag bundle went to every region at once." # hindsight-ignore hindsight-bias: the title of the customer\'s blog post',
      ),
    );
    expect(rows(await lint(text))).toEqual([]);
  });

  it('applies to the next key only', async () => {
    const text = postmortem('Body.', (f) =>
      replaceOnce(
        'summary: A flag bundle',
        '# hindsight-ignore hindsight-bias: their words\nsummary: Obviously a flag bundle',
      )(replaceOnce('    description: Flag bundles went', '    description: Obviously flag bundles went')(f)),
    );
    // The comment adds a line, so the description moves from line 18 to 19; "    description: " is 17 characters.
    expect(rows(await lint(text))).toEqual(['19:18 hindsight-bias contributing_factors[0].description "Obviously"']);
  });

  it('ignores "# hindsight-ignore" written inside a quoted or block value', async () => {
    const text = postmortem(
      'Body.',
      replaceOnce(
        'summary: A flag bundle went to every region at once and checkout failed for 45 minutes.',
        'summary: >-\n  The ticket said # hindsight-ignore blameless-language: nothing, and\n  checkout failed for 45 minutes.',
      ),
    );
    expect(rows(await lint(text))).toEqual([]);
  });
});
