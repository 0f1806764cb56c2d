import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, resolveEnvConfig } from '../../config/config.ts';
import { OrganisationSchema, TeamSchema, ServiceSchema } from '../../schema/catalog.ts';
import { defaultTitle, parseServiceFlag, parseTeamFlag, type InitAnswers, type InitService, type InitTeam } from './answers.ts';
import { loadDemoManifest, type DemoManifest } from './demo-archive.ts';
import { describeDemo, initArchive, InitError, InitUsageError, inspectArchive, type DemoContent, type InitResult } from './init-archive.ts';

/** One question put to the person running init; `validate` returns the reason an answer is refused. */
export interface Question {
  message: string;
  placeholder?: string;
  initialValue?: string;
  validate?: (value: string) => string | undefined;
}

/** How init asks on a terminal (clack prompts in scripts/init.ts; a script of answers in tests). Undefined means cancelled. */
export interface InitPrompter {
  intro(title: string): void;
  text(question: Question): Promise<string | undefined>;
  confirm(message: string): Promise<boolean | undefined>;
}

/** Where init writes and what it knows about its surroundings. */
export interface InitIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Asks for what the flags leave out; absent when not on a terminal. */
  prompter?: InitPrompter | undefined;
  /** The demo to recognise; the repository's own by default. */
  manifest?: DemoManifest;
}

/** The usage text of `npm run init`. */
export const USAGE = `Usage: npm run init -- [options]

Makes the archive your own: deletes the demo (its post-mortems, reading lists and catalog), writes
catalog/organisation.yaml, teams.yaml and services.yaml from your answers, and a starter reading list.
It changes nothing in an archive that holds anything but the demo, and nothing the second time.
On a terminal, whatever the options leave out is asked for.

  --name <name>              the organisation, e.g. --name "Fernhill Transit"
  --title <title>            the site's title (default: "<name> post-mortems")
  --time-zone <zone>         the IANA time zone every time is shown in, e.g. Europe/London
  --team <id:Name>           a team, e.g. --team ticketing:Ticketing (may be repeated)
  --service <id:Name:team>   a service and its team, e.g. --service "fare-engine:Fare Engine:ticketing"
                             (may be repeated)
  --yes                      delete the demo without asking (needed when not on a terminal)
  --root <dir>               the archive (default: HINDSIGHT_ARCHIVE, else the current folder)
  --help                     show this text

Exit status: 0 when done or already done, 1 when the archive holds more than the demo, 2 when the
command or an answer is wrong.
`;

const OPTIONS = {
  name: { type: 'string' },
  title: { type: 'string' },
  'time-zone': { type: 'string' },
  team: { type: 'string', multiple: true },
  service: { type: 'string', multiple: true },
  yes: { type: 'boolean', default: false },
  root: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: false, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(--?[^' ]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) throw new InitUsageError(`${option}: unknown option.`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) throw new InitUsageError(`${option}: expected a value after it.`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new InitUsageError(`expected only options, found ${JSON.stringify(/'([^']*)'/.exec(message)?.[1] ?? '')}.`);
    throw new InitUsageError(message);
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function listWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "28 post-mortems, 3 reading lists and its catalog (...)". */
export function describeContent(content: DemoContent): string {
  const parts = [
    content.postmortems > 0 ? plural(content.postmortems, 'post-mortem') : '',
    content.readingLists > 0 ? plural(content.readingLists, 'reading list') : '',
    content.catalog.length > 0 ? `its catalog (${content.catalog.map((f) => f.replace('catalog/', '')).join(', ')})` : '',
  ].filter(Boolean);
  return listWords(parts);
}

/** What init prints when it has done its work. */
export function formatInitReport(result: InitResult, answers: InitAnswers, organisation: string): string {
  const removed = describeContent(result.removed);
  const lines = [
    removed === '' ? 'The archive held none of the demo, so nothing was removed.' : `Removed the ${organisation} demo: ${removed}.`,
    `Wrote catalog/organisation.yaml (${answers.name}, times in ${answers.time_zone}), catalog/teams.yaml (${plural(answers.teams.length, 'team')}), ` +
      `catalog/services.yaml (${plural(answers.services.length, 'service')}) and reading-lists/_start-here.mdx (a starter reading list, kept out of the site until it names a post-mortem).`,
  ];
  if (result.kept.length > 0) lines.push(`Kept ${listWords(result.kept)}.`);
  lines.push(
    '',
    'Next:',
    '  npm run catalog -- import <files>   services, teams and SLOs from Backstage, OpenSLO or Sloth files',
    '  npm run new                         your first post-mortem (npm run import brings in those you have)',
    '  npm run check && npm run build',
    '',
  );
  return lines.join('\n');
}

const REASONS = {
  'not-in-demo': "not one of the demo's files",
  changed: 'changed since the demo',
  'not-a-file': 'a link or other entry where the demo has a file',
} as const;

/** Asks for each answer the flags left out; undefined when the person cancels. */
async function askAnswers(
  prompter: InitPrompter,
  given: Partial<InitAnswers>,
  teamsGiven: boolean,
  servicesGiven: boolean,
): Promise<InitAnswers | undefined> {
  const fieldCheck = (key: 'name' | 'title' | 'time_zone') => (value: string) => {
    const result = OrganisationSchema.shape[key].safeParse(value);
    return result.success ? undefined : result.error.issues[0]!.message;
  };
  const name =
    given.name ??
    (await prompter.text({ message: "The organisation's name", placeholder: 'Fernhill Transit', validate: fieldCheck('name') }));
  if (name === undefined) return undefined;
  const title =
    given.title ?? (await prompter.text({ message: "The site's title", initialValue: defaultTitle(name), validate: fieldCheck('title') }));
  if (title === undefined) return undefined;
  const zone =
    given.time_zone ??
    (await prompter.text({
      message: 'The time zone every time is shown in (IANA)',
      initialValue: Intl.DateTimeFormat().resolvedOptions().timeZone,
      validate: fieldCheck('time_zone'),
    }));
  if (zone === undefined) return undefined;

  const teams: InitTeam[] = [...(given.teams ?? [])];
  while (!teamsGiven) {
    const answer = await prompter.text({
      message: `A team as id:Name${teams.length > 0 ? ' (leave empty when done)' : ' (leave empty for none yet)'}`,
      placeholder: 'ticketing:Ticketing',
      validate: (v) => {
        if (v.trim() === '') return undefined;
        const parsed = parseTeamFlag(v);
        if (!parsed.ok) return 'Write the id, a colon and the name, e.g. ticketing:Ticketing.';
        const check = TeamSchema.safeParse(parsed.value);
        if (!check.success) return `${String(check.error.issues[0]!.path[0])}: ${check.error.issues[0]!.message}`;
        return teams.some((t) => t.id === parsed.value.id) ? `${parsed.value.id} is already given.` : undefined;
      },
    });
    if (answer === undefined) return undefined;
    if (answer.trim() === '') break;
    const team = parseTeamFlag(answer);
    if (team.ok) teams.push(team.value);
  }
  const services: InitService[] = [...(given.services ?? [])];
  while (!servicesGiven && teams.length > 0) {
    const answer = await prompter.text({
      message: `A service as id:Name:team${services.length > 0 ? ' (leave empty when done)' : ' (leave empty for none yet)'}`,
      placeholder: `fare-engine:Fare Engine:${teams[0]!.id}`,
      validate: (v) => {
        if (v.trim() === '') return undefined;
        const parsed = parseServiceFlag(v);
        if (!parsed.ok) return `Write the id, the name and the team, separated by colons, e.g. fare-engine:Fare Engine:${teams[0]!.id}.`;
        const check = ServiceSchema.safeParse(parsed.value);
        if (!check.success) return `${String(check.error.issues[0]!.path[0])}: ${check.error.issues[0]!.message}`;
        if (!teams.some((t) => t.id === parsed.value.team)) return `team: expected one of ${teams.map((t) => t.id).join(', ')}.`;
        return services.some((s) => s.id === parsed.value.id) ? `${parsed.value.id} is already given.` : undefined;
      },
    });
    if (answer === undefined) return undefined;
    if (answer.trim() === '') break;
    const service = parseServiceFlag(answer);
    if (service.ok) services.push(service.value);
  }
  return { name, title, time_zone: zone, teams, services };
}

/** Reads the flags into answers; a usage error names every flag that cannot be read. */
function givenAnswers(values: ReturnType<typeof parse>['values']): Partial<InitAnswers> {
  const problems: string[] = [];
  const teams = (values.team ?? []).map(parseTeamFlag).flatMap((p) => (p.ok ? [p.value] : (problems.push(p.problem), [])));
  const services = (values.service ?? []).map(parseServiceFlag).flatMap((p) => (p.ok ? [p.value] : (problems.push(p.problem), [])));
  if (problems.length > 0) throw new InitUsageError(problems.join('\n'));
  const name = values.name;
  return {
    name,
    title: values.title ?? (name !== undefined && values['time-zone'] !== undefined ? defaultTitle(name) : undefined),
    time_zone: values['time-zone'],
    teams,
    services,
  };
}

/** Runs `npm run init` with these arguments; returns the exit status. */
export async function runInitCli(argv: readonly string[], io: InitIO): Promise<number> {
  const fail = (error: unknown): number => {
    if (error instanceof InitUsageError || error instanceof ConfigError) {
      const lines = error.message.split('\n');
      const head =
        lines.length > 1 ? `${plural(lines.length, 'problem')}; nothing was changed:\n${lines.map((l) => `  ${l}`).join('\n')}` : lines[0];
      io.stderr(`npm run init: ${head}\nnpm run init -- --help lists the options.\n`);
      return 2;
    }
    if (error instanceof InitError) {
      io.stderr(`npm run init: ${error.message}\n`);
      return 1;
    }
    throw error;
  };
  try {
    const { values } = parse(argv);
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const root =
      values.root !== undefined ? resolve(io.cwd, values.root) : resolveEnvConfig({ env: io.env, projectRoot: io.cwd }).archiveRoot;
    const shown = relative(io.cwd, root) || '.';
    const manifest = io.manifest ?? loadDemoManifest();
    const state = inspectArchive(root, manifest);
    if (state.kind === 'initialised') {
      io.stdout(
        `The archive (${shown}) is already initialised: it holds none of the ${manifest.organisation} demo's files, so nothing was changed.\n` +
          'Change the organisation, teams and services in catalog/*.yaml, or bring services in with npm run catalog -- import (docs/adopting.md).\n',
      );
      return 0;
    }
    if (state.kind === 'mixed') {
      throw new InitError(
        `the archive (${shown}) holds files that are not the ${manifest.organisation} demo's, so nothing was changed:\n` +
          `${state.own.map((o) => `  ${o.file}: ${REASONS[o.reason]}`).join('\n')}\n` +
          `init deletes the demo only when nothing else is there. Move your own files out of the archive and run it again, or delete the demo's remaining ${plural(state.demo.length, 'file')} yourself.`,
      );
    }
    const given = givenAnswers(values);
    const missing = [given.name === undefined ? '--name' : '', given.time_zone === undefined ? '--time-zone' : ''].filter(Boolean);
    let answers: InitAnswers | undefined;
    if (missing.length === 0 && (values.team !== undefined || values.service !== undefined || !io.prompter)) answers = given as InitAnswers;
    else if (io.prompter) {
      io.prompter.intro('Make this archive your own');
      answers = await askAnswers(io.prompter, given, values.team !== undefined, values.service !== undefined);
      if (answers === undefined) throw new InitError('cancelled; nothing was changed.');
    } else throw new InitUsageError(`missing ${missing.join(', ')} (not on a terminal, so nothing can be asked).`);

    if (state.demo.length > 0 && !values.yes) {
      const what = `the ${manifest.organisation} demo: ${describeContent(describeDemo(state.demo))}`;
      if (!io.prompter) throw new InitUsageError(`--yes: needed to delete ${what} when not on a terminal; nothing was changed.`);
      const ok = await io.prompter.confirm(`Delete ${what}?`);
      if (ok !== true) throw new InitError('the demo was kept; nothing was changed.');
    }
    const result = initArchive(root, answers, state, manifest);
    io.stdout(formatInitReport(result, answers, manifest.organisation));
    return 0;
  } catch (error) {
    return fail(error);
  }
}
