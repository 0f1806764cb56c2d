/**
 * `npm run timeline`: adds an incident channel's messages (a Slack export or a pasted transcript) to a
 * post-mortem's timeline. `--help` lists the options; exit 1 when an input cannot be used, 2 when the
 * command itself is wrong.
 */
import { runTimelineCli } from '../src/authoring/timeline/cli.ts';

process.exitCode = await runTimelineCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
