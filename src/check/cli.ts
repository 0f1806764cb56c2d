import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { Clock } from '../validation/limits.ts';
import { closestMatch } from '../validation/problems.ts';
import { ConfigError, resolveEnvConfig } from '../config/config.ts';
import { loadCheckConfig } from './config.ts';
import { runCheck } from './engine.ts';
import { REPORTERS } from './reporters/index.ts';
import { explainExamples } from './rules/examples.ts';
import { ALL_RULES, findRule } from './rules/index.ts';
import { changedFiles, CheckUsageError, defaultBaseRef, removedFiles, selectPaths } from './select.ts';

/** Where the command writes and what it knows about its surroundings. */
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard output is a terminal (for colour). */
  isTTY: boolean;
  /** The real time (key moments may not lie after tomorrow); the system clock when not given. */
  now?: Clock;
}

/** The usage text of `npm run check`. */
export const USAGE = `Usage: npm run check -- [paths...] [options]

Checks post-mortems, reading lists and the catalog: the format the build enforces, and the prose,
secrets and MDX rules. With no paths, checks the whole archive.

  paths                 files or folders to check (the rest of the archive is still read for references);
                        a post-mortem outside the archive is checked as if it were added to it
  --changed [ref]       check the files changed against a git ref (default: the pull request's base,
                        else origin/main or main); errors the build would fail on are reported everywhere
  --format <name>       pretty (default), json, github (annotations on a pull request) or markdown
                        (a summary of each post-mortem checked, for the pull request's reviewer)
  --quiet               report errors only, and print nothing when there are none
  --root <dir>          check the archive in another folder (default: HINDSIGHT_ARCHIVE or the project)
  --list-rules          list every rule with its setting
  --explain <rule>      say what a rule checks, why, and how to fix what it finds
  --help                show this text

Exit status: 0 without errors (warnings allowed), 1 with errors, 2 when the command itself is wrong.
`;

/** Splits off `--changed [ref]`, whose value is optional, before the rest is parsed. */
function takeChanged(argv: readonly string[]): { rest: string[]; changed: boolean; base: string | undefined } {
  const rest: string[] = [];
  let changed = false;
  let base: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--changed') {
      changed = true;
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('-')) {
        base = next;
        i += 1;
      }
    } else if (arg.startsWith('--changed=')) {
      changed = true;
      base = arg.slice('--changed='.length) || undefined;
    } else rest.push(arg);
  }
  return { rest, changed, base };
}

function explain(id: string, root: string): string {
  const rule = findRule(id);
  if (!rule) {
    const suggestion = closestMatch(
      id,
      ALL_RULES.map((r) => r.id),
    );
    throw new CheckUsageError(
      `--explain: no rule "${id}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} npm run check -- --list-rules lists them.`,
    );
  }
  const setting =
    rule.type === 'fixed'
      ? `always an error (enforced by the ${rule.enforcedBy})`
      : `${loadCheckConfig(root).rules.get(rule.id)!.severity} here, ${rule.defaultSeverity} by default`;
  const examples = explainExamples(rule);
  return `${rule.id}: ${rule.summary}\nSetting: ${setting}.\n\n${rule.docs}\n${examples ? `\n${examples}` : ''}`;
}

function listRules(root: string): string {
  const config = loadCheckConfig(root);
  const width = Math.max(...ALL_RULES.map((r) => r.id.length));
  const rows = ALL_RULES.map((rule) => {
    const setting = rule.type === 'fixed' ? 'error*' : config.rules.get(rule.id)!.severity;
    return `${rule.id.padEnd(width)}  ${setting.padEnd(7)}  ${rule.summary}`;
  });
  return `${rows.join('\n')}\n\n* always an error: enforced by the build (configuration errors: by the check).\nSettings come from catalog/check.yaml; npm run check -- --explain <rule> says more.\n`;
}

/** Runs `npm run check` with these arguments; returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const { rest, changed, base } = takeChanged(argv);
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          format: { type: 'string', default: 'pretty' },
          quiet: { type: 'boolean', default: false },
          root: { type: 'string' },
          'list-rules': { type: 'boolean', default: false },
          explain: { type: 'string' },
          help: { type: 'boolean', default: false },
        },
      });
    } catch (error) {
      const { code, message } = error as { code?: string; message: string };
      const option = /'(--?[^' ]+)/.exec(message)?.[1];
      if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) throw new CheckUsageError(`${option}: unknown option.`);
      if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) throw new CheckUsageError(`${option}: expected a value after it.`);
      throw new CheckUsageError(message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const settings = resolveEnvConfig({ env: io.env, projectRoot: io.cwd });
    for (const notice of settings.notices) io.stderr(`${notice}\n`);
    const root = values.root ? resolve(io.cwd, values.root) : settings.archiveRoot;
    if (values.explain !== undefined) {
      io.stdout(explain(values.explain, root));
      return 0;
    }
    if (values['list-rules']) {
      io.stdout(listRules(root));
      return 0;
    }
    const reporter = REPORTERS[values.format as keyof typeof REPORTERS];
    if (!reporter) throw new CheckUsageError(`--format: expected pretty, json, github or markdown, found "${values.format}".`);
    if (changed && positionals.length > 0)
      throw new CheckUsageError('--changed chooses the files itself; give either paths or --changed, not both.');

    const selection = positionals.length > 0 ? selectPaths(root, io.cwd, positionals) : undefined;
    const against = changed ? (base ?? defaultBaseRef(root, io.env)) : undefined;
    const files = against ? changedFiles(root, against) : selection?.files;
    const removed = against ? removedFiles(root, against) : undefined;
    const result = await runCheck({ root, files, removed, outside: selection?.outside, changed, now: io.now });
    // Paths in the output are relative to where the command ran, so terminals and GitHub can link them.
    const shown = (file: string) => relative(io.cwd, resolve(root, file)).split(sep).join('/');
    const problems = result.problems.map((p) => ({ ...p, file: shown(p.file) }));
    const color = !io.env.NO_COLOR && (io.isTTY || !!io.env.FORCE_COLOR);
    const postmortems = result.postmortems.map((r) => ({ ...r, file: shown(r.file) }));
    io.stdout(
      reporter.format({ problems, checked: result.checked, quiet: values.quiet, color: reporter.name === 'pretty' && color, postmortems }),
    );
    return problems.some((p) => p.severity === 'error') ? 1 : 0;
  } catch (error) {
    if (error instanceof CheckUsageError) {
      io.stderr(`npm run check: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr(`npm run check: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
