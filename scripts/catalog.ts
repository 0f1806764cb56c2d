/**
 * `npm run catalog -- import <paths...>`: teams, services and SLOs from Backstage, OpenSLO and Sloth
 * files into catalog/. `--help` lists the options; exit 1 when an input or the catalog cannot be
 * used, 2 when the command itself is wrong.
 */
import { runCatalogCli } from '../src/authoring/catalog/cli.ts';

process.exitCode = runCatalogCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
