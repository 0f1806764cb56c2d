import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../src/validation/problems.ts';
import { BODY_LINE, lint, postmortem, replaceOnce, rows } from '../helpers.ts';

const body = async (text: string) => rows(await lint(postmortem(text)), 'blameless-language');

describe('blameless-language', () => {
  it('reports blame in the body at the first word of the phrase, with a note and a rewrite', async () => {
    const problems = await lint(postmortem("It was Sam's fault."));
    // "It was " is 7 characters, so "Sam's" starts in column 8 of the body's first line.
    expect(problems.map(formatProblem)).toEqual([
      `incidents/2025/2025-06-21-checkout-500s.mdx:${BODY_LINE}:8 expected blameless language, found "Sam's fault". Fault language stops at who is to blame, and the conditions that made the slip possible go unexamined. Name what the system allowed, e.g. "the deploy tool accepted a config that had not been validated".`,
    ]);
    expect(problems[0]!.severity).toBe('error');
  });

  it.each([
    ['Priya forgot to run the migration.', '28:7 blameless-language "forgot"'],
    ["The outage was the carriers' fault.", `28:20 blameless-language "carriers' fault"`],
    ['The reviewer was careless.', '28:18 blameless-language "careless"'],
    ['An incompetent change went out.', '28:4 blameless-language "incompetent"'],
    ['Payments dropped the ball on the fixtures.', '28:10 blameless-language "dropped the ball"'],
    ['Root cause: human error.', '28:13 blameless-language "human error"'],
    ['The outage was caused by operator error.', '28:26 blameless-language "operator error"'],
    ['Someone fat-fingered the weight.', '28:9 blameless-language "fat-fingered"'],
    ['We should have been more careful.', '28:4 blameless-language "should have been more careful"'],
  ])('flags %j', async (text, row) => {
    expect(await body(text)).toEqual([row]);
  });

  it.each([
    'An engineer ran the command.',
    'The on-call engineer restarted the pods, then rolled back at 14:40.',
    "It was nobody's fault: the pipeline let the release out before its migration.",
    'Human error is never a root cause; the conditions that made the slip easy are.',
    'We first blamed the CDN, then the database, before the traces pointed at the mapper.',
    'The lazy-loaded basket module and a sloppy quorum read returned stale totals.',
    'The user error rate doubled, caused by the new validation messages.',
    'Add fat-finger protection to the weights console.',
    'Fault-injection tests now cover the gateway, and a network fault pages platform.',
    'The guide says to write "the deploy tool allowed", not "the engineer forgot".',
    'The Slack export reads “whose fault was this?” at 14:10.',
    'The function `forgot_password` was unaffected.',
    '```text\nWARN careless retry of job 812 (human error flag set)\n```',
    'A blameless review followed.',
  ])('passes %j', async (text) => {
    expect(await body(text)).toEqual([]);
  });

  it('reads every free-text frontmatter field, pointing at the word inside the value', async () => {
    const text = postmortem('Body.', (f) =>
      replaceOnce(
        'description: Flag bundles went to every region at once.',
        'description: Human error.',
      )(replaceOnce('summary: A flag bundle went', 'summary: Sam forgot the canary and a flag bundle went')(f)),
    );
    // summary is line 3: "summary: " is 9 characters and "Sam " 4 more, so "forgot" is at column 14.
    // The description is line 18: "    description: " is 17 characters, so "Human" is at column 18. A
    // contributing factor is a cause by definition, so "human error" needs no word such as "cause" there.
    expect(rows(await lint(text), 'blameless-language')).toEqual([
      '3:14 blameless-language summary "forgot"',
      '18:18 blameless-language contributing_factors[0].description "Human error"',
    ]);
  });

  it('finds the word inside a folded block value, on the line it is written', async () => {
    const text = postmortem(
      'Body.',
      replaceOnce(
        'summary: A flag bundle went to every region at once and checkout failed for 45 minutes.',
        'summary: >-\n  A flag bundle went to every region at once, checkout failed for 45 minutes,\n  and the release manager was careless.',
      ),
    );
    // The folded value's second line is line 5; "  and the release manager was " is 30 characters.
    expect(rows(await lint(text), 'blameless-language')).toEqual(['5:31 blameless-language summary "careless"']);
  });

  it('in prose, counts "human error" only where it is offered as a cause', async () => {
    expect(await body('The new form is designed to tolerate human error.')).toEqual([]);
    expect(await body('The outage was the result of human error.')).toEqual(['28:30 blameless-language "human error"']);
  });
});
