import { createColors } from 'picocolors';
import { formatProblem, summariseProblems } from '../../validation/problems.ts';
import { describeChecked, shownProblems, type Reporter } from './types.ts';

/**
 * For people: problems grouped by file, each as `file:line:column field: message, found X. hint`
 * with its severity and rule, then a count; colour when the output is a terminal.
 */
export const prettyReporter: Reporter = {
  name: 'pretty',
  format(input) {
    const c = createColors(input.color);
    const problems = shownProblems(input);
    if (problems.length === 0) return input.quiet ? '' : `${describeChecked(input.checked)}: no problems.\n`;
    const lines: string[] = [];
    let file: string | undefined;
    for (const p of problems) {
      if (p.file !== file) {
        if (file !== undefined) lines.push('');
        file = p.file;
        lines.push(c.underline(c.bold(p.file)));
      }
      const label = p.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      lines.push(`  ${label} ${formatProblem(p)} ${c.dim(`[${p.rule}]`)}${p.docs ? c.dim(` ${p.docs}`) : ''}`);
    }
    const summary = summariseProblems(problems);
    const errors = problems.some((p) => p.severity === 'error');
    lines.push('', errors ? c.red(c.bold(summary)) : c.yellow(c.bold(summary)));
    lines.push(c.dim('Why a rule exists and how to fix what it finds: npm run check -- --explain <rule>'));
    return `${lines.join('\n')}\n`;
  },
};
