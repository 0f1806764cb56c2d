import { describe, expect, it } from 'vitest';
import { REPORTERS } from '../../../src/check/reporters/index.ts';
import type { Problem } from '../../../src/validation/problems.ts';

const PROBLEMS: Problem[] = [
  {
    file: 'incidents/2025/2025-06-21-checkout-500s.mdx', line: 7, column: 1, field: 'severity', rule: 'schema', severity: 'error',
    message: 'expected one of SEV1, SEV2, SEV3, SEV4', found: '"SEV22"', hint: 'Did you mean "SEV2"?',
  },
  {
    file: 'incidents/2025/2025-06-21-checkout-500s.mdx', line: 40, column: 4, field: '', rule: 'hindsight-bias', severity: 'warning',
    message: 'expected an account of what was known at the time', found: '"should have known"', hint: 'Hindsight: 100% obvious now,\nnot then.',
  },
  {
    file: 'incidents/2026/a,b:c.mdx', line: 3, column: 12, field: 'action_items[0].title', rule: 'action-item-quality', severity: 'warning',
    message: 'expected an action item that is actionable, specific and bounded', found: '"Improve monitoring"',
  },
];
const CHECKED = { incidents: 28, readingLists: 3, catalog: 4 };
const input = (problems: Problem[], quiet = false, color = false) => ({ problems, checked: CHECKED, quiet, color });

describe('the github reporter', () => {
  it('writes one workflow command per problem, escaping what GitHub requires, then the count', () => {
    expect(REPORTERS.github.format(input(PROBLEMS))).toBe(
      '::error file=incidents/2025/2025-06-21-checkout-500s.mdx,line=7,col=1,title=hindsight schema::severity: expected one of SEV1, SEV2, SEV3, SEV4, found "SEV22". Did you mean "SEV2"?\n' +
      // In the message, % and line breaks are escaped; in properties, also : and ,.
      '::warning file=incidents/2025/2025-06-21-checkout-500s.mdx,line=40,col=4,title=hindsight hindsight-bias::expected an account of what was known at the time, found "should have known". Hindsight: 100%25 obvious now,%0Anot then.\n' +
      '::warning file=incidents/2026/a%2Cb%3Ac.mdx,line=3,col=12,title=hindsight action-item-quality::action_items[0].title: expected an action item that is actionable, specific and bounded, found "Improve monitoring"\n' +
      'Found 1 error and 2 warnings in 2 files.\n',
    );
  });

  it('says what it checked when there is nothing to annotate', () => {
    expect(REPORTERS.github.format(input([]))).toBe('Checked 28 post-mortems, 3 reading lists and 4 catalog files: no problems.\n');
  });

  it('leaves warnings out under --quiet', () => {
    expect(REPORTERS.github.format(input(PROBLEMS, true)).split('\n')).toEqual([
      '::error file=incidents/2025/2025-06-21-checkout-500s.mdx,line=7,col=1,title=hindsight schema::severity: expected one of SEV1, SEV2, SEV3, SEV4, found "SEV22". Did you mean "SEV2"?',
      'Found 1 error in 1 file.',
      '',
    ]);
  });
});

describe('the pretty reporter', () => {
  it('groups problems by file, each with file:line:column, severity and rule, then the count', () => {
    expect(REPORTERS.pretty.format(input(PROBLEMS))).toBe([
      'incidents/2025/2025-06-21-checkout-500s.mdx',
      '  error   incidents/2025/2025-06-21-checkout-500s.mdx:7:1 severity: expected one of SEV1, SEV2, SEV3, SEV4, found "SEV22". Did you mean "SEV2"? [schema]',
      '  warning incidents/2025/2025-06-21-checkout-500s.mdx:40:4 expected an account of what was known at the time, found "should have known". Hindsight: 100% obvious now,\nnot then. [hindsight-bias]',
      '',
      'incidents/2026/a,b:c.mdx',
      '  warning incidents/2026/a,b:c.mdx:3:12 action_items[0].title: expected an action item that is actionable, specific and bounded, found "Improve monitoring" [action-item-quality]',
      '',
      'Found 1 error and 2 warnings in 2 files.',
      'Why a rule exists and how to fix what it finds: npm run check -- --explain <rule>',
      '',
    ].join('\n'));
  });

  it('prints one line when all is well, and nothing under --quiet', () => {
    expect(REPORTERS.pretty.format(input([]))).toBe('Checked 28 post-mortems, 3 reading lists and 4 catalog files: no problems.\n');
    expect(REPORTERS.pretty.format(input([], true))).toBe('');
    expect(REPORTERS.pretty.format(input(PROBLEMS.slice(1), true))).toBe('');
  });

  it('colours severities and the count on a terminal', () => {
    const out = REPORTERS.pretty.format(input(PROBLEMS.slice(0, 1), false, true));
    // Red (31) for the error label and the count; picocolors closes each with 39.
    expect(out).toContain('\u001b[31merror  \u001b[39m');
    expect(out).toContain('\u001b[31m\u001b[1mFound 1 error in 1 file.\u001b[22m\u001b[39m');
  });
});

describe('the json reporter', () => {
  it('writes one document with a summary and every field of every problem', () => {
    expect(JSON.parse(REPORTERS.json.format(input(PROBLEMS.slice(0, 1))))).toEqual({
      summary: { errors: 1, warnings: 0, files: 1, checked: CHECKED },
      problems: [{
        file: 'incidents/2025/2025-06-21-checkout-500s.mdx', line: 7, column: 1, field: 'severity', rule: 'schema', severity: 'error',
        message: 'expected one of SEV1, SEV2, SEV3, SEV4', found: '"SEV22"', hint: 'Did you mean "SEV2"?', docs: null,
      }],
    });
  });
});
