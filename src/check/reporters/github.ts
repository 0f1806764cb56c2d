import { summariseProblems } from '../../validation/problems.ts';
import { describeChecked, shownProblems, type Reporter } from './types.ts';

// Workflow commands: data escapes %, CR and LF; properties also escape : and ,.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * For GitHub Actions: one `::error` or `::warning` workflow command per problem, which GitHub shows
 * as an annotation on the pull request's diff, then the count as a plain line.
 */
export const githubReporter: Reporter = {
  name: 'github',
  format(input) {
    const problems = shownProblems(input);
    const lines = problems.map((p) => {
      const properties = `file=${escapeProperty(p.file)},line=${p.line},col=${p.column},title=${escapeProperty(`hindsight ${p.rule}`)}`;
      const field = p.field ? `${p.field}: ` : '';
      const found = p.found !== undefined ? `, found ${p.found}` : '';
      const hint = p.hint ? `. ${p.hint}` : '';
      const docs = p.docs ? ` (${p.docs})` : '';
      return `::${p.severity} ${properties}::${escapeData(`${field}${p.message}${found}${hint}${docs}`)}`;
    });
    lines.push(problems.length === 0 ? `${describeChecked(input.checked)}: no problems.` : summariseProblems(problems));
    return `${lines.join('\n')}\n`;
  },
};
