import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../../src/check/cli.ts';
import { ALL_RULES } from '../../../src/check/rules/index.ts';
import { BROKEN, cli, copyArchive, FIXTURE, PROJECT } from './helpers.ts';

const TSX = join(PROJECT, 'node_modules/.bin/tsx');

describe('npm run check', () => {
  it('passes a clean archive with one line', async () => {
    expect(await cli([], { cwd: FIXTURE })).toEqual({
      status: 0,
      stdout: 'Checked 2 post-mortems, 1 reading list and 3 catalog files: no problems.\n',
      stderr: '',
    });
  });

  it('passes silently under --quiet, as the build runs it', async () => {
    expect(await cli(['--quiet'], { cwd: FIXTURE })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('exits 0 with warnings only', async () => {
    const root = copyArchive(FIXTURE);
    const file = join(root, 'incidents/2025/2025-03-02-flag-cache-stale.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nObviously nobody looked.\n`);
    const result = await cli(['--root', root, '--format', 'json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).summary).toEqual({
      errors: 0,
      warnings: 1,
      files: 1,
      checked: { incidents: 2, readingLists: 1, catalog: 3 },
    });
  });

  it('checks only the files named, relative to where it runs', async () => {
    const result = await cli(['incidents/2025/2025-07-16-imports-node-fs.mdx', 'reading-lists'], { cwd: BROKEN });
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      '  error   incidents/2025/2025-07-16-imports-node-fs.mdx:64:1 expected no import or export: a post-mortem body is Markdown and runs no code, found "import fs from \'node:fs\'". Remove it. The components a body may use need no import: <Internal>. [mdx-safety]',
      '  error   reading-lists/on-call-habits.mdx:7:5 items[1].incident: expected each incident once per list, found "2025-01-22-unknown-severity". Remove the repeated item. [reference]',
      '  error   reading-lists/payments-onboarding.mdx:7:5 items[1].incident: expected the id of an incident from incidents/, found "2025-03-02-acquirer-slow". Add it to incidents/ first, or use one of the ids listed there. [reference]',
      '  error   reading-lists/release-lessons.mdx:6:30 items[0].why: expected blameless language, found "dropped the ball". The idiom pins the outcome on one person and hides the hand-over that failed. Say which hand-over or signal was missing, e.g. "the page went to a rota nobody was on that week". [blameless-language]',
    ]);
  });

  it.each([
    [['incidents/2025/nope.mdx'], 'incidents/2025/nope.mdx: no such file or folder.'],
    [
      ['README.md'],
      'README.md: not a file the check reads; it reads incidents/<yyyy>/*.mdx, reading-lists/*.mdx and catalog/*.yaml (names starting with _ are skipped).',
    ],
    [['--format', 'xml'], '--format: expected pretty, json, github or markdown, found "xml".'],
    [['--changed', 'main', 'incidents'], '--changed chooses the files itself; give either paths or --changed, not both.'],
    [['--verbose'], '--verbose: unknown option.'],
    [['--format'], '--format: expected a value after it.'],
    [['--explain', 'blameless'], '--explain: no rule "blameless". npm run check -- --list-rules lists them.'],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const result = await cli(args, { cwd: BROKEN });
    expect(result).toEqual({ status: 2, stdout: '', stderr: `npm run check: ${message}\n\n${USAGE}` });
  });

  it('refuses a folder outside the archive', async () => {
    const result = await cli(['../archive/incidents'], { cwd: BROKEN });
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'npm run check: ../archive/incidents: not inside the archive at .; name .mdx files one by one, or use --root to check another archive.',
    );
  });

  it("writes the reviewer's summary of the files named with --format markdown", async () => {
    const root = copyArchive(FIXTURE);
    const file = join(root, 'incidents/2025/2025-06-21-checkout-500s.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nObviously nobody looked.\n`);
    const result = await cli(['incidents/2025/2025-06-21-checkout-500s.mdx', '--format', 'markdown'], { cwd: root });
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toBe(
      [
        '## Post-mortems checked',
        '',
        '### Checkout returned 500s after a flag config push',
        '',
        '`incidents/2025/2025-06-21-checkout-500s.mdx`: status published, severity SEV2, type incident.',
        '',
        '| time to detect | time to mitigate | time to resolve |',
        '| --- | --- | --- |',
        // started 13:55, detected 14:02, mitigated 14:40, resolved 16:05 (all Z).
        '| 7 min | 45 min | 2 h 10 min |',
        '',
        '| SLO | bad minutes | error budget | budget consumed |',
        '| --- | --- | --- | --- |',
        '| `checkout-availability` | 38 min | 43.2 min (99.9% over 30 days) | 88% |',
        '',
        "Action items: 1 open, 0 in progress, 1 done, 0 won't do.",
        '',
        '| status | action item | owner | due |',
        '| --- | --- | --- | --- |',
        '| Open | Alert on checkout 5xx above 1% for two minutes | payments | 2025-08-01 |',
        '| Done | Stage flag pushes through one canary region first | platform | 2025-07-15 |',
        '',
        '| where | severity | field | problem | fix | rule |',
        '| --- | --- | --- | --- | --- | --- |',
        '| `incidents/2025/2025-06-21-checkout-500s.mdx:55:1` | warning |  | expected an account of what was known at the time, found "Obviously" | What is obvious now was one possibility among several at the time. Say what the evidence was and when it became available. | `hindsight-bias` |',
        '',
        'Found 0 errors and 1 warning in 1 file.',
        '',
      ].join('\n'),
    );
  });

  it('checks a post-mortem from outside the archive as if it were added to it', async () => {
    const outside = join(copyArchive(join(BROKEN, 'incidents/2025')), '2025-08-30-engineer-forgot.mdx');
    const result = await cli([outside, '--format', 'json'], { cwd: FIXTURE });
    expect(result.status).toBe(1);
    // Against the fixture archive's catalog: its services and teams exist there, and it is not in a year folder, which is fine.
    expect(JSON.parse(result.stdout).problems.map((p: { file: string; line: number; rule: string }) => [p.file, p.line, p.rule])).toEqual([
      [relative(FIXTURE, outside), 35, 'blameless-language'],
    ]);
  });

  it('explains a rule, with its setting here', async () => {
    const { status, stdout } = await cli(['--explain', 'hindsight-bias']);
    expect(status).toBe(0);
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      'hindsight-bias: Hindsight phrasing: "should have known", "should have caught", "obviously", "if only".',
      'Setting: warning here, warning by default.',
    ]);
    expect((await cli(['--explain', 'schema'])).stdout.split('\n')[1]).toBe('Setting: always an error (enforced by the build).');
  });

  it('lists every rule', async () => {
    const { stdout } = await cli(['--list-rules']);
    expect(
      stdout
        .split('\n')
        .slice(0, ALL_RULES.length)
        .map((l) => l.split(/\s+/).slice(0, 2).join(' ')),
    ).toEqual([
      'yaml error*',
      'schema error*',
      'consistency error*',
      'reference error*',
      'mdx-syntax error*',
      'mdx-safety error*',
      'unfinished error*',
      'config error*',
      'blameless-language error',
      'hindsight-bias warning',
      'action-item-quality warning',
      'secrets error',
      'personal-data warning',
      'ignore-comment error',
      'unused-ignore warning',
    ]);
  });

  it('prints its usage', async () => {
    expect(await cli(['--help'])).toEqual({ status: 0, stdout: USAGE, stderr: '' });
  });

  it('sets the exit status and never prints a stack trace, as a real process', () => {
    const root = copyArchive(FIXTURE);
    writeFileSync(join(root, 'incidents/2025/2025-03-02-flag-cache-stale.mdx'), '---\ntitle: [broken\n---\n\n{unclosed\n');
    const result = spawnSync(TSX, [join(PROJECT, 'scripts/check.ts')], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    // "title: [broken" is 14 characters: the YAML parser stops at the end of line 2. The MDX parser reports
    // the unclosed brace (line 5) where it runs out of file: line 6, after the final line break.
    expect(result.stdout.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      '  error   incidents/2025/2025-03-02-flag-cache-stale.mdx:2:15 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]. Check indentation and quote values that contain ": " or start with a special character. [yaml]',
      '  error   incidents/2025/2025-03-02-flag-cache-stale.mdx:6:1 MDX syntax error: Unexpected end of file in expression, expected a corresponding closing brace for `{`. In prose, write { } < > as \\{ \\} &lt; &gt; or put them in `inline code` or a fenced code block. [mdx-syntax]',
    ]);
  });
});
