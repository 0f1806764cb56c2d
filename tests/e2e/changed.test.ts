// The pull-request mode runs git, a child process, so it is tested here rather than in the unit project.
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFiles, defaultBaseRef } from '../../src/check/select.ts';
import { cli, copyArchive, FIXTURE, postmortem } from '../unit/check/helpers.ts';

const git = (root: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=Hindsight tests', '-c', 'user.email=tests@pantrybox.example', '-c', 'init.defaultBranch=main', '-C', root, ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );

/** The fixture archive as a git repository on main, with a pull-request branch checked out. */
function repository(): string {
  const root = copyArchive(FIXTURE);
  git(root, 'init', '--quiet');
  git(root, 'add', '.');
  git(root, 'commit', '--quiet', '-m', 'Archive');
  git(root, 'checkout', '--quiet', '-b', 'postmortem');
  return root;
}

describe('--changed', () => {
  it('lists the files changed on the branch: committed, staged, unstaged and untracked, not deleted', () => {
    const root = repository();
    appendFileSync(join(root, 'incidents/2025/2025-03-02-flag-cache-stale.mdx'), '\nCommitted.\n');
    git(root, 'commit', '--quiet', '-am', 'Edit');
    appendFileSync(join(root, 'reading-lists/flags.mdx'), '\nUnstaged.\n');
    writeFileSync(join(root, 'incidents/2025/2025-07-01-new.mdx'), postmortem('Untracked.'));
    writeFileSync(join(root, 'notes.txt'), 'not an archive file');
    rmSync(join(root, 'catalog/organisation.yaml'));
    expect(changedFiles(root, 'main')).toEqual([
      'incidents/2025/2025-03-02-flag-cache-stale.mdx',
      'incidents/2025/2025-07-01-new.mdx',
      'reading-lists/flags.mdx',
    ]);
  });

  it('lints only the changed files, but reports errors the build would fail on anywhere', async () => {
    const root = repository();
    // The new post-mortem blames someone; deleting the checkout incident breaks the unchanged reading list.
    writeFileSync(join(root, 'incidents/2025/2025-06-21-checkout-retry.mdx'), postmortem("It was Sam's fault."));
    rmSync(join(root, 'incidents/2025/2025-06-21-checkout-500s.mdx'));
    appendFileSync(join(root, 'incidents/2025/2025-03-02-flag-cache-stale.mdx'), '\nObviously unchanged files are not linted.\n');
    // Everything but the new file is committed, so against HEAD only the new, untracked file has changed.
    git(root, 'commit', '--quiet', '-am', 'Earlier work');
    const result = await cli(['--changed', 'HEAD', '--format', 'github'], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      // postmortem() puts the body on line 28; "It was " is 7 characters.
      '::error file=incidents/2025/2025-06-21-checkout-retry.mdx,line=28,col=8,title=hindsight blameless-language::expected blameless language, found "Sam\'s fault". Fault language stops at who is to blame, and the conditions that made the slip possible go unexamined. Name what the system allowed, e.g. "the deploy tool accepted a config that had not been validated".',
      '::error file=reading-lists/flags.mdx,line=7,col=5,title=hindsight reference::items[1].incident: expected the id of an incident from incidents/, found "2025-06-21-checkout-500s". Did you mean "2025-06-21-checkout-retry"?',
      'Found 2 errors in 2 files.',
      '',
    ]);
  });

  it('takes the unchanged post-mortems as the base branch left them, and checks every file again when the catalog changes', async () => {
    const root = repository();
    // An unchanged post-mortem with a build error: only a catalog change could have caused it.
    const stale = join(root, 'incidents/2025/2025-03-02-flag-cache-stale.mdx');
    writeFileSync(stale, readFileSync(stale, 'utf8').replace('severity: SEV4\n', 'severity: SEV9\n'));
    git(root, 'commit', '--quiet', '-am', 'Earlier work');
    writeFileSync(join(root, 'incidents/2025/2025-06-21-checkout-retry.mdx'), postmortem('The retry budget ran out.'));
    const trusted = await cli(['--changed', 'HEAD', '--format', 'github'], { cwd: root });
    expect([trusted.status, trusted.stdout]).toEqual([0, 'Checked 1 post-mortem and 0 reading lists: no problems.\n']);

    appendFileSync(join(root, 'catalog/services.yaml'), '# owners reviewed in July\n');
    const again = await cli(['--changed', 'HEAD', '--format', 'github'], { cwd: root });
    expect(again.status).toBe(1);
    expect(again.stdout.split('\n')).toEqual([
      '::error file=incidents/2025/2025-03-02-flag-cache-stale.mdx,line=7,col=1,title=hindsight schema::severity: expected one of SEV1, SEV2, SEV3, SEV4, found "SEV9"',
      'Found 1 error in 1 file.',
      '',
    ]);
  });

  it('reports the unchanged files naming an incident the branch deleted', async () => {
    const root = repository();
    // The checkout incident names the flag-cache incident as related; the branch deletes the latter.
    rmSync(join(root, 'incidents/2025/2025-03-02-flag-cache-stale.mdx'));
    writeFileSync(join(root, 'incidents/2025/2025-06-21-checkout-retry.mdx'), postmortem('The retry budget ran out.'));
    const result = await cli(['--changed', 'main', '--format', 'github'], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      '::error file=incidents/2025/2025-06-21-checkout-500s.mdx,line=48,col=11,title=hindsight reference::related[0]: expected the id of an incident from incidents/, found "2025-03-02-flag-cache-stale". Add it to incidents/ first, or use one of the ids listed there.',
      '::error file=reading-lists/flags.mdx,line=5,col=5,title=hindsight reference::items[0].incident: expected the id of an incident from incidents/, found "2025-03-02-flag-cache-stale". Add it to incidents/ first, or use one of the ids listed there.',
      'Found 2 errors in 2 files.',
      '',
    ]);
  });

  it('summarises the changed post-mortems for the reviewer, with the errors it caused elsewhere under other files', async () => {
    const root = repository();
    writeFileSync(join(root, 'incidents/2025/2025-06-21-checkout-retry.mdx'), postmortem("It was Sam's fault."));
    rmSync(join(root, 'incidents/2025/2025-06-21-checkout-500s.mdx'));
    const result = await cli(['--changed', 'main', '--format', 'markdown'], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        '## Post-mortems checked',
        '',
        '### Checkout returned 500s after a flag config push',
        '',
        '`incidents/2025/2025-06-21-checkout-retry.mdx`: status published, severity SEV2, type incident.',
        '',
        '| time to detect | time to mitigate | time to resolve |',
        '| --- | --- | --- |',
        // postmortem(): started 13:55, detected 14:02, mitigated 14:40, no resolved.
        '| 7 min | 45 min | – |',
        '',
        'No SLO impact listed.',
        '',
        "Action items: 1 open, 0 in progress, 0 done, 0 won't do.",
        '',
        '| status | action item | owner | due |',
        '| --- | --- | --- | --- |',
        '| Open | Stage flag pushes through one canary region first | platform | 2025-07-15 |',
        '',
        '| where | severity | field | problem | fix | rule |',
        '| --- | --- | --- | --- | --- | --- |',
        '| `incidents/2025/2025-06-21-checkout-retry.mdx:28:8` | error |  | expected blameless language, found "Sam\'s fault" | Fault language stops at who is to blame, and the conditions that made the slip possible go unexamined. Name what the system allowed, e.g. "the deploy tool accepted a config that had not been validated". | `blameless-language` |',
        '',
        '### Other files',
        '',
        '| where | severity | field | problem | fix | rule |',
        '| --- | --- | --- | --- | --- | --- |',
        '| `reading-lists/flags.mdx:7:5` | error | `items[1].incident` | expected the id of an incident from incidents/, found "2025-06-21-checkout-500s" | Did you mean "2025-06-21-checkout-retry"? | `reference` |',
        '',
        'Found 2 errors in 2 files.',
        '',
      ].join('\n'),
    );
  });

  it('takes the pull request base from GitHub Actions, else main', () => {
    const root = repository();
    expect(defaultBaseRef(root, {})).toBe('main');
    git(root, 'update-ref', 'refs/remotes/origin/release', 'HEAD');
    expect(defaultBaseRef(root, { GITHUB_BASE_REF: 'release' })).toBe('origin/release');
  });

  it('says so when the base is not a ref', async () => {
    const root = repository();
    const result = await cli(['--changed', 'mian'], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'npm run check: --changed: mian is not a git ref or commit here; try origin/main, or fetch it first (git fetch origin main).',
    );
  });
});
