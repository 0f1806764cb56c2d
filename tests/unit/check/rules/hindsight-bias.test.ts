import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../src/validation/problems.ts';
import { BODY_LINE, lint, postmortem, replaceOnce, rows } from '../helpers.ts';

const body = async (text: string) => rows(await lint(postmortem(text)), 'hindsight-bias');

describe('hindsight-bias', () => {
  it('reports hindsight phrasing as a warning, with a note and a rewrite', async () => {
    const problems = await lint(postmortem('We should have known the cache was stale.'));
    // "We " is 3 characters, so the phrase starts in column 4.
    expect(problems.map(formatProblem)).toEqual([
      `incidents/2025/2025-06-21-checkout-500s.mdx:${BODY_LINE}:4 expected an account of what was known at the time, found "should have known". Hindsight; nobody knew then what the outcome tells us now. Say what people knew at the time and why their reading of it was reasonable then.`,
    ]);
    expect(problems[0]!.severity).toBe('warning');
  });

  it.each([
    ["We should've known.", `28:4 hindsight-bias "should've known"`],
    ['Obviously the cache was stale.', '28:1 hindsight-bias "Obviously"'],
    ['It was obvious that the bundle was wrong.', '28:1 hindsight-bias "It was obvious"'],
    ['Someone should have noticed the queue.', '28:9 hindsight-bias "should have noticed"'],
    ['If only the alert had paged.', '28:1 hindsight-bias "If only"'],
    ['On-call failed to notice the queue.', '28:9 hindsight-bias "failed to notice"'],
    ['The reviewer should have caught it.', '28:14 hindsight-bias "should have caught"'],
  ])('flags %j', async (text, row) => {
    expect(await body(text)).toEqual([row]);
  });

  it.each([
    'The counter never reset at 30 days, as it should have on 11 August.',
    'The 38-line change was the obvious suspect, so we rolled it back first.',
    'The flag audit log made the cause obvious within minutes of looking.',
    'The retrospective\'s notes say "we should have known" twice.',
    'At 14:02 the alert looked like the daily false positive.',
    'The dispatch job should not have run twice, and the script should have checked its exit code.',
    'The outage could easily have lasted into the evening peak.',
  ])('passes %j', async (text) => {
    expect(await body(text)).toEqual([]);
  });

  it('reads the frontmatter too', async () => {
    const text = postmortem('Body.', replaceOnce('summary: A flag bundle', 'summary: Obviously a flag bundle'));
    // summary is line 3; "summary: " is 9 characters.
    expect(rows(await lint(text), 'hindsight-bias')).toEqual(['3:10 hindsight-bias summary "Obviously"']);
  });
});
