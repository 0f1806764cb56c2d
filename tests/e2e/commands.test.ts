import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT } from '../support/build-site.ts';

// The commands as processes: exit statuses, what goes to stderr, and what only the script itself decides
// (flags, usage, not asking when there is no terminal). Their behaviour is tested in-process in tests/unit/.
const TSX = join(PROJECT, 'node_modules/.bin/tsx');
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
delete env.HINDSIGHT_ARCHIVE;

/** Runs `scripts/<name>.ts` with these arguments from the project folder, stdin not a terminal. */
function run(name: 'new' | 'import' | 'check', args: string[], cwd = PROJECT) {
  return spawnSync(TSX, [join(PROJECT, `scripts/${name}.ts`), ...args], { cwd, env, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A temporary archive with a copy of a fixture's catalog, and the template. */
function archiveWith(catalogOf: string): string {
  const root = mkdtempSync(join(tmpdir(), 'hindsight-command-'));
  cpSync(join(PROJECT, catalogOf, 'catalog'), join(root, 'catalog'), { recursive: true });
  cpSync(join(PROJECT, 'templates'), join(root, 'templates'), { recursive: true });
  return root;
}

describe('npm run new, as a process', () => {
  const USAGE =
    'Usage: npm run new -- --title "Checkout returned 500s" --date 2025-06-21 --severity SEV2 --services checkout-api,payment-gateway\n' +
    '                      [--type incident|near-miss] [--template full|light] [--slug checkout-500s] [--root DIR]\n' +
    '--type defaults to incident. --template defaults to light for a near-miss or the lowest severity\n' +
    '(`templates` in catalog/organisation.yaml), else full. On a terminal, any value left out is asked for.\n';

  it('says which flags are missing when it cannot ask, and exits 2', () => {
    const result = run('new', ['--root', archiveWith('tests/fixtures/site'), '--title', 'Search timed out']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`Missing --date, --severity, --services (not on a terminal, so nothing can be asked).\n${USAGE}`);
  });

  it('exits 1 with the reasons on stderr when the answers do not fit the catalog, and writes nothing', () => {
    const root = archiveWith('tests/fixtures/site');
    const result = run('new', [
      '--root',
      root,
      '--title',
      'x',
      '--date',
      '2026-07-01',
      '--severity',
      'SEV3',
      '--services',
      'customer-portl',
    ]);
    expect([result.status, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toBe('services: "customer-portl" is not in catalog/services.yaml. Did you mean "customer-portal"?\n');
    expect(existsSync(join(root, 'incidents'))).toBe(false);
  });

  it('prints its usage with --help', () => {
    expect(run('new', ['--help'])).toMatchObject({ status: 0, stdout: USAGE, stderr: '' });
  });
});

describe('npm run import, as a process', () => {
  const USAGE =
    'Usage: npm run import -- <folder or file>... [--root DIR] [--dry-run]\n' +
    'Writes one draft per post-mortem to incidents/<yyyy>/<yyyy-mm-dd>-<slug>.mdx under --root (default: HINDSIGHT_ARCHIVE, else the current folder),\n' +
    'and its local images to public/incidents/<id>/, never over an existing file, and prints what needs a human. A file that cannot be\n' +
    'imported is reported with the fix while the others are written; the exit status is then 1. --dry-run prints the same report and writes nothing.\n';

  it('exits 1 with the message on stderr and no stack trace when a file cannot be imported', () => {
    const failed = run('import', ['--root', archiveWith('tests/fixtures/import'), 'tests/fixtures/import/broken/no-date']);
    expect([failed.status, failed.stdout]).toEqual([
      1,
      'Imported no post-mortems as drafts. 1 file was not imported: fix it as said on stderr and import it again.\n',
    ]);
    expect(failed.stderr).toBe(
      'Not imported: tests/fixtures/import/broken/no-date/notes-from-the-outage.md: no date found. Add a line such as "Date: 2024-03-14" under the title (or "date: 2024-03-14" in its frontmatter), then run the import again.\n',
    );
  });

  it('exits 2 with its usage when the command itself is wrong', () => {
    expect(run('import', [])).toMatchObject({ status: 2, stderr: `Missing the folder or files to import.\n${USAGE}` });
    expect(run('import', ['--overwrite', 'tests/fixtures/import/sources'])).toMatchObject({
      status: 2,
      stderr: `Unknown option '--overwrite'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- "--overwrite"\n${USAGE}`,
    });
  });
});

describe('npm run check, as a process', () => {
  it('exits 1 on errors and 0 on a clean archive, printing the summary to stdout', () => {
    const root = mkdtempSync(join(tmpdir(), 'hindsight-command-'));
    cpSync(join(PROJECT, 'tests/fixtures/archive'), root, { recursive: true });
    const clean = run('check', [], root);
    expect(clean).toMatchObject({
      status: 0,
      stdout: 'Checked 2 post-mortems, 1 reading list and 3 catalog files: no problems.\n',
      stderr: '',
    });
    const file = join(root, 'incidents/2025/2025-06-21-checkout-500s.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('severity: SEV2', 'severity: SEV22'));
    const broken = run('check', ['--quiet'], root);
    expect([broken.status, broken.stderr]).toEqual([1, '']);
    expect(broken.stdout.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      '  error   incidents/2025/2025-06-21-checkout-500s.mdx:7:1 severity: expected one of SEV1, SEV2, SEV3, SEV4, found "SEV22". Did you mean "SEV2"? [schema]',
    ]);
  });
});
