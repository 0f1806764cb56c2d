import type { Problem } from '../../validation/problems.ts';
import type { CheckResult } from '../engine.ts';
import type { PostmortemReview } from '../review.ts';

/** What a reporter is given: the result, with every path already relative to where the command ran. */
export interface ReportInput {
  problems: Problem[];
  checked: CheckResult['checked'];
  /** Only errors are shown (`--quiet`). */
  quiet: boolean;
  /** Colour is wanted (pretty only). */
  color: boolean;
  /** The post-mortems checked, for the reviewer's summary (markdown only); paths as in `problems`. */
  postmortems?: PostmortemReview[];
}

/** Turns a check result into the text written to standard output. */
export interface Reporter {
  /** `pretty`, `json`, `github` or `markdown`. */
  name: string;
  format(input: ReportInput): string;
}

/** The problems a reporter shows: errors only under `--quiet`. */
export function shownProblems(input: ReportInput): Problem[] {
  return input.quiet ? input.problems.filter((p) => p.severity === 'error') : input.problems;
}

/** "Checked 28 post-mortems, 3 reading lists and 4 catalog files". */
export function describeChecked(checked: CheckResult['checked']): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [plural(checked.incidents, 'post-mortem', 'post-mortems'), plural(checked.readingLists, 'reading list', 'reading lists')];
  if (checked.catalog > 0) parts.push(plural(checked.catalog, 'catalog file', 'catalog files'));
  return `Checked ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
