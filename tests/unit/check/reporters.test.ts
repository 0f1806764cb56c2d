import { describe, expect, it } from 'vitest';
import { REPORTERS } from '../../../src/check/reporters/index.ts';
import { escapeMarkdown } from '../../../src/check/reporters/markdown.ts';
import type { PostmortemReview } from '../../../src/check/review.ts';
import type { Problem } from '../../../src/validation/problems.ts';

const PROBLEMS: Problem[] = [
  {
    file: 'incidents/2025/2025-06-21-checkout-500s.mdx',
    line: 7,
    column: 1,
    field: 'severity',
    rule: 'schema',
    severity: 'error',
    message: 'expected one of SEV1, SEV2, SEV3, SEV4',
    found: '"SEV22"',
    hint: 'Did you mean "SEV2"?',
  },
  {
    file: 'incidents/2025/2025-06-21-checkout-500s.mdx',
    line: 40,
    column: 4,
    field: '',
    rule: 'hindsight-bias',
    severity: 'warning',
    message: 'expected an account of what was known at the time',
    found: '"should have known"',
    hint: 'Hindsight: 100% obvious now,\nnot then.',
  },
  {
    file: 'incidents/2026/a,b:c.mdx',
    line: 3,
    column: 12,
    field: 'action_items[0].title',
    rule: 'action-item-quality',
    severity: 'warning',
    message: 'expected an action item that is actionable, specific and bounded',
    found: '"Improve monitoring"',
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
    expect(REPORTERS.pretty.format(input(PROBLEMS))).toBe(
      [
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
      ].join('\n'),
    );
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
      problems: [
        {
          file: 'incidents/2025/2025-06-21-checkout-500s.mdx',
          line: 7,
          column: 1,
          field: 'severity',
          rule: 'schema',
          severity: 'error',
          message: 'expected one of SEV1, SEV2, SEV3, SEV4',
          found: '"SEV22"',
          hint: 'Did you mean "SEV2"?',
          docs: null,
        },
      ],
    });
  });
});

describe('the markdown reporter', () => {
  const REVIEW: PostmortemReview = {
    file: 'incidents/2025/2025-06-21-checkout-500s.mdx',
    title: 'Checkout returned 500s after a flag config push',
    status: 'in-review',
    severity: 'SEV22',
    type: 'incident',
    timeToDetect: 7,
    timeToMitigate: 45,
    timeToResolve: undefined,
    budgets: [
      {
        slo: 'checkout-availability',
        badMinutes: 38,
        target: { objective: 99.9, window_days: 30 },
        budgetMinutes: 43.2,
        consumed: 38 / 43.2,
      },
      { slo: 'checkout-latncy', badMinutes: 12.5, target: undefined, budgetMinutes: undefined, consumed: undefined },
    ],
    actionItems: [
      { title: 'Stage flag pushes through one canary region first', status: 'done', owner: 'platform', due: '2025-07-15' },
      { title: 'Alert on checkout 5xx above 1% for two minutes', status: 'open', owner: 'payments', due: '2025-08-01' },
      { title: undefined, status: 'paused', owner: undefined, due: undefined },
    ],
  };
  const NEAR_MISS: PostmortemReview = {
    file: 'incidents/2026/a,b:c.mdx',
    title: '<img src=x> **Flag** [cache](https://x.example) | stale',
    status: 'draft',
    severity: 'SEV4',
    type: 'near-miss',
    timeToDetect: 40,
    timeToMitigate: undefined,
    timeToResolve: undefined,
    budgets: [],
    actionItems: [],
  };
  const OTHER: Problem = {
    file: 'reading-lists/flags.mdx',
    line: 4,
    column: 14,
    field: 'items[0].incident',
    rule: 'reference',
    severity: 'error',
    message: 'expected the id of an incident from incidents/',
    found: '"2025-01-01-x"',
    hint: 'Add it to incidents/ first, or use one of the ids listed there.',
    docs: 'https://wiki.example.com/rules/reference',
  };

  it('summarises each post-mortem with its figures, action items by status and problems, then the other files and the count', () => {
    expect(REPORTERS.markdown.format({ ...input([...PROBLEMS, OTHER]), postmortems: [REVIEW, NEAR_MISS] })).toBe(
      [
        '## Post-mortems checked',
        '',
        '### Checkout returned 500s after a flag config push',
        '',
        '`incidents/2025/2025-06-21-checkout-500s.mdx`: status in-review, severity SEV22, type incident.',
        '',
        '| time to detect | time to mitigate | time to resolve |',
        '| --- | --- | --- |',
        '| 7 min | 45 min | – |',
        '',
        '| SLO | bad minutes | error budget | budget consumed |',
        '| --- | --- | --- | --- |',
        // 38 of 43.2 minutes is 87.96%.
        '| `checkout-availability` | 38 min | 43.2 min (99.9% over 30 days) | 88% |',
        '| `checkout-latncy` | 12.5 min | not in catalog/services.yaml | – |',
        '',
        "Action items: 1 open, 0 in progress, 1 done, 0 won't do, 1 with another or no status.",
        '',
        '| status | action item | owner | due |',
        '| --- | --- | --- | --- |',
        '| Open | Alert on checkout 5xx above 1% for two minutes | payments | 2025-08-01 |',
        '| Done | Stage flag pushes through one canary region first | platform | 2025-07-15 |',
        '| paused | – | – | – |',
        '',
        '| where | severity | field | problem | fix | rule |',
        '| --- | --- | --- | --- | --- | --- |',
        '| `incidents/2025/2025-06-21-checkout-500s.mdx:7:1` | error | `severity` | expected one of SEV1, SEV2, SEV3, SEV4, found "SEV22" | Did you mean "SEV2"? | `schema` |',
        '| `incidents/2025/2025-06-21-checkout-500s.mdx:40:4` | warning |  | expected an account of what was known at the time, found "should have known" | Hindsight: 100% obvious now, not then. | `hindsight-bias` |',
        '',
        '### &lt;img src=x&gt; \\*\\*Flag\\*\\* \\[cache\\]\\(https&#58;//x.example\\) \\| stale',
        '',
        '`incidents/2026/a,b:c.mdx`: status draft, severity SEV4, type near-miss.',
        '',
        '| time to detect | time to mitigate | time to resolve |',
        '| --- | --- | --- |',
        '| 40 min | – | – |',
        '',
        'No SLO impact listed.',
        '',
        'No action items.',
        '',
        '| where | severity | field | problem | fix | rule |',
        '| --- | --- | --- | --- | --- | --- |',
        '| `incidents/2026/a,b:c.mdx:3:12` | warning | `action_items[0].title` | expected an action item that is actionable, specific and bounded, found "Improve monitoring" |  | `action-item-quality` |',
        '',
        '### Other files',
        '',
        '| where | severity | field | problem | fix | rule |',
        '| --- | --- | --- | --- | --- | --- |',
        '| `reading-lists/flags.mdx:4:14` | error | `items[0].incident` | expected the id of an incident from incidents/, found "2025-01-01-x" | Add it to incidents/ first, or use one of the ids listed there. | `reference` ([docs](<https://wiki.example.com/rules/reference>)) |',
        '',
        'Found 2 errors and 2 warnings in 3 files.',
        '',
      ].join('\n'),
    );
  });

  it('says so when a post-mortem has no problems and none were found at all', () => {
    const clean = { ...REVIEW, severity: 'SEV2', budgets: [], actionItems: [] };
    expect(
      REPORTERS.markdown
        .format({ ...input([]), postmortems: [clean] })
        .split('\n')
        .slice(-6),
    ).toEqual([
      'No action items.',
      '',
      'No problems.',
      '',
      'Checked 28 post-mortems, 3 reading lists and 4 catalog files: no problems.',
      '',
    ]);
    expect(REPORTERS.markdown.format(input([]))).toBe(
      '## Post-mortems checked\n\nNo post-mortem was checked.\n\nChecked 28 post-mortems, 3 reading lists and 4 catalog files: no problems.\n',
    );
  });

  it('shows errors only under --quiet, and prints nothing without them', () => {
    const out = REPORTERS.markdown.format({ ...input(PROBLEMS, true), postmortems: [REVIEW] });
    expect(out).toContain('| `incidents/2025/2025-06-21-checkout-500s.mdx:7:1` | error |');
    expect(out).not.toContain('| warning |');
    expect(out.split('\n').at(-2)).toBe('Found 1 error in 1 file.');
    expect(REPORTERS.markdown.format({ ...input(PROBLEMS.slice(1), true), postmortems: [REVIEW] })).toBe('');
  });

  it('escapes what would otherwise be markup, links or a new column', () => {
    expect(escapeMarkdown('a|b <b>x</b> _y_ `z` ![i](u) #1 www.example.com me@example.com\nnext')).toBe(
      'a\\|b &lt;b&gt;x&lt;/b&gt; \\_y\\_ \\`z\\` \\!\\[i\\]\\(u\\) \\#1 www&#46;example.com me&#64;example.com next',
    );
  });
});
