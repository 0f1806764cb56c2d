/**
 * `npm run init`: replaces the demo archive with the organisation's own catalog. `--help` lists the
 * options; on a terminal it asks for what they leave out. Exit 1 when the archive holds more than the
 * demo, 2 when the command or an answer is wrong.
 */
import { runInitCli } from '../src/authoring/init/cli.ts';
import { clackPrompter } from '../src/authoring/init/prompts.ts';

process.exitCode = await runInitCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  prompter: process.stdin.isTTY && process.stdout.isTTY ? clackPrompter : undefined,
});
