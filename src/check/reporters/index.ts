import { githubReporter } from './github.ts';
import { jsonReporter } from './json.ts';
import { markdownReporter } from './markdown.ts';
import { prettyReporter } from './pretty.ts';
import type { Reporter } from './types.ts';

/** The reporters `--format` chooses between. */
export const REPORTERS: Record<'pretty' | 'json' | 'github' | 'markdown', Reporter> = {
  pretty: prettyReporter,
  json: jsonReporter,
  github: githubReporter,
  markdown: markdownReporter,
};

/** The reporter interface and its input. */
export type { Reporter, ReportInput } from './types.ts';
