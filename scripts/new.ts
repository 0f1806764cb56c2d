/**
 * `npm run new`: starts a draft post-mortem from templates/postmortem.mdx, or templates/postmortem-light.mdx
 * for a near-miss or a minor incident. Asks on a terminal; takes --title, --date, --severity, --services
 * (and --type, --template, --slug) when not interactive.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import * as p from '@clack/prompts';
import { chooseTemplate, createPostmortem, NewPostmortemError, type NewPostmortemAnswers } from '../src/authoring/new-postmortem.ts';
import { loadCatalog } from '../src/validation/sources.ts';
import { isCalendarDate } from '../src/schema/common.ts';
import { TEMPLATE_FILES } from '../src/schema/templates.ts';
import { commandConfig } from '../src/config/cli.ts';
import { withBase } from '../src/lib/base-path.ts';

const USAGE = `Usage: npm run new -- --title "Checkout returned 500s" --date 2025-06-21 --severity SEV2 --services checkout-api,payment-gateway
                      [--type incident|near-miss] [--template full|light] [--slug checkout-500s] [--root DIR]
--type defaults to incident. --template defaults to light for a near-miss or the lowest severity
(\`templates\` in catalog/organisation.yaml), else full. On a terminal, any value left out is asked for.`;

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
  const title =
    given.title ??
    (await p.text({
      message: 'Title: what happened, in one line',
      placeholder: 'Checkout returned 500s after a flag config push',
      validate: (v) => (!v?.trim() ? 'A title is required.' : v.length > 120 ? 'At most 120 characters.' : undefined),
    }));
  if (cancelled(title)) return undefined;
  const date =
    given.date ??
    (await p.text({
      message: 'Date impact began (YYYY-MM-DD)',
      initialValue: today(),
      validate: (v) => (v && isCalendarDate(v) ? undefined : 'Write the date as YYYY-MM-DD.'),
    }));
  if (cancelled(date)) return undefined;
  const severity =
    given.severity ??
    (await p.select({
      message: 'Severity',
      options: catalog.taxonomy.severities.map((s) => ({ value: s.id, label: s.id, hint: s.name })),
    }));
  if (cancelled(severity)) return undefined;
  const type =
    given.type ??
    (await p.select({
      message: 'Type',
      options: [
        { value: 'incident', label: 'incident', hint: 'it hurt users or an SLO' },
        { value: 'near-miss', label: 'near-miss', hint: 'caught before it hurt anyone' },
      ],
      initialValue: 'incident',
    }));
  if (cancelled(type)) return undefined;
  const services =
    given.services ??
    (await p.multiselect({
      message: 'Services affected (space to select, enter to confirm)',
      options: catalog.services.map((s) => ({ value: s.id, label: s.name, hint: s.id })),
      required: true,
    }));
  if (cancelled(services)) return undefined;
  const answers = {
    title: String(title),
    date: String(date),
    severity: String(severity),
    services: services as string[],
    type: String(type),
    slug: given.slug,
    template: given.template,
  };
  if (!answers.template) p.note(`${TEMPLATE_FILES[chooseTemplate(answers, catalog)]} (--template full|light chooses another)`, 'Template');
  return answers;
}

/** Where the draft went, and the commands that show and check it. */
function nextSteps(path: string, templateFile: string, otherRoot: string | undefined, base: string): string {
  // Relative to where the command runs when inside it, else absolute.
  const shown = (file: string) => {
    const near = relative(process.cwd(), file);
    return near.startsWith('..') || isAbsolute(near) ? resolve(file) : near.split(sep).join('/') || '.';
  };
  const file = otherRoot === undefined ? path : shown(`${otherRoot}/${path}`);
  const id = path
    .split('/')
    .pop()!
    .replace(/\.mdx$/, '');
  const dev = otherRoot === undefined ? 'npm run dev' : `HINDSIGHT_ARCHIVE=${shown(otherRoot)} npm run dev`;
  const check = otherRoot === undefined ? `npm run check -- ${file}` : `npm run check -- --root ${shown(otherRoot)} ${file}`;
  return [
    `Created ${file} from ${templateFile} (status: draft).`,
    'Next:',
    "  1. Replace the TODOs and the template's examples and guidance with what happened.",
    `  2. ${dev} shows it at http://localhost:4321${withBase(`/incidents/${id}/`, base)} as you write.`,
    `  3. ${check} checks it; from status: in-review on it also refuses what is unfinished.`,
    '  4. Set status: in-review and open a pull request.',
  ].join('\n');
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        title: { type: 'string' },
        date: { type: 'string' },
        severity: { type: 'string' },
        services: { type: 'string' },
        type: { type: 'string' },
        template: { type: 'string' },
        slug: { type: 'string' },
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
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
    title: values.title,
    date: values.date,
    severity: values.severity,
    slug: values.slug,
    type: values.type,
    template: values.template,
    services: values.services
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
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
    const created = createPostmortem(root, answers, config.projectRoot);
    console.log(nextSteps(created.path, created.templateFile, root === config.archiveRoot ? undefined : root, config.base));
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
