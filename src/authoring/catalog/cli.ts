import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, resolveEnvConfig } from '../../config/config.ts';
import { CatalogImportError, CatalogUsageError } from './errors.ts';
import { importCatalog } from './import-catalog.ts';
import { formatCatalogReport } from './report.ts';

/** Where the command writes and what it knows about its surroundings. */
export interface CatalogIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The usage text of `npm run catalog`. */
export const USAGE = `Usage: npm run catalog -- import <file or folder>... [options]

Adds the teams, services and SLOs that Backstage catalog-info.yaml files (Components and Groups),
OpenSLO v1 SLOs and Sloth prometheus/v1 files describe to catalog/teams.yaml and
catalog/services.yaml. Entries already there keep their values, comments stay, and the report
lists what was mapped, what differs from the catalog and what could not be mapped, by file and line.
A folder is read for every .yaml and .yml file under it.

  --dry-run      print the report, and write nothing
  --root <dir>   the archive (default: HINDSIGHT_ARCHIVE, else the current folder)
  --help         show this text

Exit status: 0 when done, 1 when an input or the catalog cannot be used, 2 when the command itself is wrong.
`;

const OPTIONS = {
  'dry-run': { type: 'boolean', default: false },
  root: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(--?[^' ]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) throw new CatalogUsageError(`${option}: unknown option.`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) throw new CatalogUsageError(`${option}: expected a value after it.`);
    throw new CatalogUsageError(message);
  }
}

/** Runs `npm run catalog` with these arguments; returns the exit status. */
export function runCatalogCli(argv: readonly string[], io: CatalogIO): number {
  try {
    const { values, positionals } = parse(argv);
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const [command, ...inputs] = positionals;
    if (command === undefined) throw new CatalogUsageError('missing the command: npm run catalog -- import <file or folder>...');
    if (command !== 'import') throw new CatalogUsageError(`unknown command ${JSON.stringify(command)}; the one command is import.`);
    if (inputs.length === 0)
      throw new CatalogUsageError('missing the files or folders to import, e.g. npm run catalog -- import ../backstage/catalog-info.yaml');
    const root =
      values.root !== undefined ? resolve(io.cwd, values.root) : resolveEnvConfig({ env: io.env, projectRoot: io.cwd }).archiveRoot;
    io.stdout(formatCatalogReport(importCatalog({ root, inputs, cwd: io.cwd, dryRun: values['dry-run'] })));
    return 0;
  } catch (error) {
    if (error instanceof CatalogUsageError || error instanceof ConfigError) {
      io.stderr(`npm run catalog: ${error.message}\nnpm run catalog -- --help lists the options.\n`);
      return 2;
    }
    if (error instanceof CatalogImportError) {
      io.stderr(`npm run catalog: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
