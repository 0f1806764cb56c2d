/**
 * `npm run new`: starts a draft post-mortem from templates/postmortem.mdx.
 * Asks on a terminal; takes --title, --date, --severity, --services (and --slug) when not interactive.
 */
import { parseArgs } from 'node:util';
import * as p from '@clack/prompts';
import { createPostmortem, NewPostmortemError, type NewPostmortemAnswers } from '../src/authoring/new-postmortem.ts';
import { loadCatalog } from '../src/validation/sources.ts';
import { isCalendarDate } from '../src/schema/common.ts';
import { commandConfig } from '../src/config/cli.ts';

const USAGE = `Usage: npm run new -- --title "Checkout returned 500s" --date 2025-06-21 --severity SEV2 --services checkout-api,payment-gateway [--slug checkout-500s] [--root DIR]
On a terminal, any value left out is asked for.`;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

async function ask(root: string, given: Partial<NewPostmortemAnswers>): Promise<NewPostmortemAnswers | undefined> {
  const catalog = loadCatalog(root);
  p.intro('New post-mortem');
  const cancelled = (value: unknown): value is symbol => {
    if (p.isCancel(value)) {
      p.cancel('Nothing was written.');
      return true;
    }
    return false;
  };
  const title = given.title ?? (await p.text({
    message: 'Title: what happened, in one line',
    placeholder: 'Checkout returned 500s after a flag config push',
    validate: (v) => (!v?.trim() ? 'A title is required.' : v.length > 120 ? 'At most 120 characters.' : undefined),
  }));
  if (cancelled(title)) return undefined;
  const date = given.date ?? (await p.text({
    message: 'Date impact began (YYYY-MM-DD)',
    initialValue: today(),
    validate: (v) => (v && isCalendarDate(v) ? undefined : 'Write the date as YYYY-MM-DD.'),
  }));
  if (cancelled(date)) return undefined;
  const severity = given.severity ?? (await p.select({
    message: 'Severity',
    options: catalog.taxonomy.severities.map((s) => ({ value: s.id, label: s.id, hint: s.name })),
  }));
  if (cancelled(severity)) return undefined;
  const services = given.services ?? (await p.multiselect({
    message: 'Services affected (space to select, enter to confirm)',
    options: catalog.services.map((s) => ({ value: s.id, label: s.name, hint: s.id })),
    required: true,
  }));
  if (cancelled(services)) return undefined;
  return { title: String(title), date: String(date), severity: String(severity), services: services as string[], slug: given.slug };
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        title: { type: 'string' }, date: { type: 'string' }, severity: { type: 'string' },
        services: { type: 'string' }, slug: { type: 'string' }, root: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const config = commandConfig();
  if (!config) return;
  const root = values.root ?? config.archiveRoot;
  const given: Partial<NewPostmortemAnswers> = {
    title: values.title, date: values.date, severity: values.severity, slug: values.slug,
    services: values.services?.split(',').map((s) => s.trim()).filter(Boolean),
  };
  const missing = (['title', 'date', 'severity', 'services'] as const).filter((k) => given[k] === undefined);
  let answers: NewPostmortemAnswers | undefined;
  if (missing.length === 0) answers = given as NewPostmortemAnswers;
  else if (process.stdin.isTTY && process.stdout.isTTY) answers = await ask(root, given);
  else {
    console.error(`Missing ${missing.map((m) => `--${m}`).join(', ')} (not on a terminal, so nothing can be asked).\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (!answers) {
    process.exitCode = 1;
    return;
  }
  try {
    const path = createPostmortem(root, answers);
    console.log(`Created ${path} (status: draft).\nNext: fill in the TODOs, run \`npm run dev\` to see it at /incidents/${path.split('/').pop()!.replace(/\.mdx$/, '')}/, then open a pull request.`);
  } catch (error) {
    if (error instanceof NewPostmortemError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

await main();
