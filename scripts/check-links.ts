/**
 * `npm run check:links`: every address in a built site resolves to a file of the site, and every
 * `#fragment` to an element. `-- --dir dist` (default) `--base /x/` (the base path it is served under).
 * Exit 1 when a link is broken.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkLinks, formatBrokenLink } from '../src/tooling/link-check.ts';

let values: { dir: string; base: string };
try {
  ({ values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, base: { type: 'string', default: '/' } } }) as {
    values: { dir: string; base: string };
  });
} catch (error) {
  console.error(`npm run check:links: ${(error as Error).message}\nUsage: npm run check:links -- [--dir dist] [--base /x/]`);
  process.exit(2);
}
if (!existsSync(values.dir)) {
  console.error(`npm run check:links: ${values.dir} does not exist; run npm run build first, or pass --dir.`);
  process.exitCode = 2;
} else {
  const broken = checkLinks(values.dir, values.base);
  for (const link of broken) console.log(formatBrokenLink(link));
  console.log(
    broken.length === 0
      ? `Every link in ${values.dir} resolves.`
      : `Found ${broken.length} broken ${broken.length === 1 ? 'link' : 'links'}.`,
  );
  if (broken.length > 0) process.exitCode = 1;
}
