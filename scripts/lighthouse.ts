/**
 * `npm run lighthouse`: Lighthouse's performance, accessibility, best-practices and SEO scores of the
 * built site (dist/, or --dir), mobile and desktop, for home, the incident list, an incident, the
 * trends, a service, its on-call view and search, served on loopback and audited with the project's
 * headless Chromium. It reports; it does not pass or fail on a score. --json FILE also writes every
 * score and finding.
 *   npm run build && npm run lighthouse
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, resolveEnvConfig } from '../src/config/config.ts';
import { auditSite, formatBelow, formatTable } from '../src/tooling/lighthouse.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, json: { type: 'string' } } });
let chromiumPath: string | undefined;
try {
  chromiumPath = resolveEnvConfig({ env: process.env, projectRoot: process.cwd() }).chromiumPath;
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
if (!existsSync(join(values.dir, 'index.html'))) {
  console.error(`${values.dir}/index.html not found: run npm run build first (or pass --dir).`);
  process.exitCode = 1;
} else {
  const results = await auditSite(values.dir, {
    chromiumPath,
    onResult: (r) => console.error(`${r.formFactor} ${r.page.path}: ${Object.values(r.scores).join(' ')}`),
  });
  console.log(formatTable(results));
  const below = formatBelow(results);
  console.log(below.length === 0 ? '\nEvery score is 95 or more.' : `\nUnder 95:\n${below.map((line) => `- ${line}`).join('\n')}`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
}
