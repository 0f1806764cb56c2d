/**
 * A problem with what the command was given to read (the export, the transcript, the mapping file,
 * the post-mortem): the message names the file, the line or field where it can, and how to fix it.
 * The command exits with status 1.
 */
export class TimelineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimelineError';
  }
}

/** A mistake on the command line (a missing or unknown option, a value that cannot be read); exit status 2. */
export class TimelineUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimelineUsageError';
  }
}
