/**
 * `npm run check`: validates every incident, the catalog and every reading list with the same schemas
 * and rules the build uses, and reports every problem in one run. Exit 1 on errors.
 */
import { parseArgs } from 'node:util';
import { checkArchive } from '../src/validation/archive.ts';
import { archiveRoot } from '../src/validation/sources.ts';
import { formatProblem, sortProblems, summariseProblems } from '../src/validation/problems.ts';

const { values } = parseArgs({ options: { root: { type: 'string' }, quiet: { type: 'boolean' } } });
const root = values.root ?? archiveRoot(process.cwd());
const { problems, incidents, readingLists } = checkArchive(root);
if (problems.length === 0) {
  if (!values.quiet) console.log(`Checked ${incidents.length} post-mortem${incidents.length === 1 ? '' : 's'} and ${readingLists.length} reading list${readingLists.length === 1 ? '' : 's'}: no problems.`);
} else {
  for (const problem of sortProblems(problems)) console.error(formatProblem(problem));
  console.error(summariseProblems(problems));
  if (problems.some((p) => p.severity === 'error')) process.exitCode = 1;
}
