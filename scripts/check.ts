/**
 * `npm run check`: validates every incident, the catalog and every reading list with the same schemas
 * and rules the build uses, lints their prose, secrets and MDX, and reports every problem in one run.
 * Exit 1 on errors, 0 with warnings only, 2 when the command itself is wrong. `--help` lists the options.
 */
import { runCli } from '../src/check/cli.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
});
