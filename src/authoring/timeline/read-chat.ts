import { existsSync, statSync } from 'node:fs';
import type { ChatLog } from './chat.ts';
import { TimelineError, TimelineUsageError } from './errors.ts';
import { readText } from './files.ts';
import { isSlackExport, readSlackExport } from './slack.ts';
import { readTranscript } from './transcript.ts';

/** What reading the conversation needs beyond its path. */
export interface ReadChatOptions {
  /** How the report names a file, given its absolute path. */
  show: (path: string) => string;
  /** The channel of a workspace export. */
  channel?: string;
  /** A word the incident's channel name probably holds, for suggesting --channel. */
  channelHint?: string;
  /** The zone a transcript's times are written in. */
  transcriptZone: string;
  /** The day of a transcript's lines before its first date. */
  transcriptDay: string;
}

/**
 * Reads the conversation at `path`: a Slack export (a workspace folder, a channel folder or a day
 * file) or, for any other file, a pasted transcript.
 */
export function readChat(path: string, options: ReadChatOptions): ChatLog {
  const shown = options.show(path);
  if (!existsSync(path)) {
    throw new TimelineError(
      `${shown}: no such file or folder. Pass the folder the Slack export was unzipped into, a channel folder inside it, or a text file holding a pasted transcript.`,
    );
  }
  if (/\.zip$/i.test(path) && statSync(path).isFile()) {
    throw new TimelineError(`${shown}: is a zip archive. Unzip it first (unzip "${shown}" -d slack-export), then pass the folder.`);
  }
  if (isSlackExport(path)) return readSlackExport(path, { channel: options.channel, hint: options.channelHint, show: options.show });
  if (statSync(path).isDirectory()) {
    throw new TimelineError(
      `${shown}: not a Slack export: expected users.json and channels.json with a folder per channel, or a channel folder of YYYY-MM-DD.json day files. Pass the folder the export was unzipped into.`,
    );
  }
  if (/\.json$/i.test(path)) {
    throw new TimelineError(
      `${shown}: a JSON file that is not a Slack day file (named YYYY-MM-DD.json). Pass the export's folder, or the channel's folder inside it.`,
    );
  }
  if (options.channel !== undefined) {
    throw new TimelineUsageError(`--channel: ${shown} is a pasted transcript, which has no channels; leave out --channel.`);
  }
  const text = readText(path, shown, 'Save the transcript as UTF-8 text.');
  return readTranscript(text, { shown, timeZone: options.transcriptZone, day: options.transcriptDay });
}
