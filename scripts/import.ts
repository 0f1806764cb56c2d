/**
 * `npm run import`: turns existing Markdown post-mortems into draft post-mortems of this archive.
 * Takes folders or files; --root DIR (the archive, default HINDSIGHT_ARCHIVE or the current folder), --dry-run (report only).
 * Exits 1 when some file could not be imported (the others are written), 2 for a wrong option.
 */
import { parseArgs } from 'node:util';
import { formatFailures, formatImportReport, importPostmortems, ImportError } from '../src/authoring/import/import-postmortems.ts';
import { commandConfig } from '../src/config/cli.ts';

const USAGE = `Usage: npm run import -- <folder or file>... [--root DIR] [--dry-run]
Writes one draft per post-mortem to incidents/<yyyy>/<yyyy-mm-dd>-<slug>.mdx under --root (default: HINDSIGHT_ARCHIVE, else the current folder),
and its local images to public/incidents/<id>/, never over an existing file, and prints what needs a human. A file that cannot be
imported is reported with the fix while the others are written; the exit status is then 1. --dry-run prints the same report and writes nothing.`;

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: { root: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length === 0) {
    console.error(`Missing the folder or files to import.\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const config = commandConfig();
  if (!config) return;
  try {
    const result = await importPostmortems({
      root: values.root ?? config.archiveRoot,
      inputs: positionals,
      cwd: process.cwd(),
      dryRun: values['dry-run'],
    });
    // The report on stdout; each file that could not be imported, with its fix, on stderr. The files that
    // converted are written; any that did not make the run fail, so a script notices.
    process.stdout.write(formatImportReport(result, { withFailures: false }));
    process.stderr.write(formatFailures(result));
    if (result.failed.length > 0) process.exitCode = 1;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

await main();
