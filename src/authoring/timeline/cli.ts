import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../config/config.ts';
import { loadCatalog } from '../../validation/sources.ts';
import { runTimeline } from './build.ts';
import { TimelineError, TimelineUsageError } from './errors.ts';
import { formatTimelineReport } from './report.ts';

/** Where the command writes and what it knows about its surroundings. */
export interface TimelineIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The usage text of `npm run timeline`. */
export const USAGE = `Usage: npm run timeline -- <export> --incident <id> [options]

Adds the messages of an incident channel to a post-mortem's timeline, in order, without duplicates,
leaving the rest of the file as it was. <export> is the folder of an unzipped Slack export (or a
channel folder inside it), or a text file holding a pasted transcript ("14:05 Sam: rolled back").

  --incident <id>     the post-mortem, e.g. 2026-10-13-checkout-card-payments-declined (or its .mdx path)
  --channel <name>    the channel, when the export holds several
  --pinned            take pinned messages
  --reaction <name>   take messages with this reaction, e.g. --reaction timeline (may be repeated)
  --all               take every message in the window
                      (none of the three: pinned messages and :timeline: reactions; a transcript: --all)
  --from <time>       the window's start, e.g. 2026-10-13T13:45 (default: the incident's started)
  --to <time>         the window's end (default: resolved, else mitigated); times without an offset
                      are read in the archive's time zone
  --bots              take bot messages too (skipped by default)
  --people <how>      roles (default: "the on-call engineer", "an engineer from Payments"), handles,
                      or a mapping file (.yaml) of who is called what
  --on-call <who>     who held the pager: a handle, user id or name (may be repeated)
  --zone <zone>       the time zone a transcript's times are written in (default: the archive's)
  --date <day>        the day a transcript without dates starts, YYYY-MM-DD (default: started's day)
  --root <dir>        the archive (default: HINDSIGHT_ARCHIVE, else the current folder)
  --dry-run           print what would be added, and write nothing
  --help              show this text

Exit status: 0 when done, 1 when an input cannot be used, 2 when the command itself is wrong.
`;

const OPTIONS = {
  incident: { type: 'string' },
  channel: { type: 'string' },
  pinned: { type: 'boolean', default: false },
  reaction: { type: 'string', multiple: true },
  all: { type: 'boolean', default: false },
  from: { type: 'string' },
  to: { type: 'string' },
  bots: { type: 'boolean', default: false },
  people: { type: 'string' },
  'on-call': { type: 'string', multiple: true },
  zone: { type: 'string' },
  date: { type: 'string' },
  root: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(--?[^' ]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) throw new TimelineUsageError(`${option}: unknown option.`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) throw new TimelineUsageError(`${option}: expected a value after it.`);
    throw new TimelineUsageError(message);
  }
}

/** Runs `npm run timeline` with these arguments; returns the exit status. */
export async function runTimelineCli(argv: readonly string[], io: TimelineIO): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (positionals.length === 0) throw new TimelineUsageError('missing the Slack export folder or the transcript file to read.');
    if (positionals.length > 1)
      throw new TimelineUsageError(
        `expected one export or transcript, found ${positionals.length} (${positionals.join(', ')}); run once per channel.`,
      );
    if (values.incident === undefined) throw new TimelineUsageError('missing --incident: the id of the post-mortem to add the events to.');
    if (values.root !== undefined && !statSync(resolve(io.cwd, values.root), { throwIfNoEntry: false })?.isDirectory()) {
      throw new TimelineUsageError(
        `--root: expected the archive's folder (holding catalog/ and incidents/), found "${values.root}" (no such folder).`,
      );
    }
    const env = values.root !== undefined ? { ...io.env, HINDSIGHT_ARCHIVE: resolve(io.cwd, values.root) } : io.env;
    const config = loadConfig({ env, projectRoot: io.cwd });
    for (const notice of config.notices) io.stderr(`${notice}\n`);
    const result = await runTimeline({
      root: config.archiveRoot,
      cwd: io.cwd,
      input: positionals[0]!,
      incident: values.incident,
      timeZone: config.organisation.time_zone,
      teams: loadCatalog(config.archiveRoot).teams,
      channel: values.channel,
      pinned: values.pinned,
      reactions: values.reaction,
      all: values.all,
      from: values.from,
      to: values.to,
      bots: values.bots,
      people: values.people,
      onCall: values['on-call'],
      zone: values.zone,
      date: values.date,
      dryRun: values['dry-run'],
    });
    io.stdout(formatTimelineReport(result));
    return 0;
  } catch (error) {
    if (error instanceof TimelineUsageError) {
      io.stderr(`npm run timeline: ${error.message}\nnpm run timeline -- --help lists the options.\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr(`npm run timeline: ${error.message}\n`);
      return 2;
    }
    if (error instanceof TimelineError) {
      io.stderr(`npm run timeline: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
