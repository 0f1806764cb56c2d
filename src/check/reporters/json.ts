import { shownProblems, type Reporter } from './types.ts';

/**
 * For tools: one JSON document, `{ summary: { errors, warnings, files, checked }, problems: [...] }`,
 * each problem with file, line, column, field, rule, severity, message, found, hint and docs.
 */
export const jsonReporter: Reporter = {
  name: 'json',
  format(input) {
    const problems = shownProblems(input);
    const errors = problems.filter((p) => p.severity === 'error').length;
    const summary = {
      errors,
      warnings: problems.length - errors,
      files: new Set(problems.map((p) => p.file)).size,
      checked: input.checked,
    };
    const rows = problems.map((p) => ({
      file: p.file,
      line: p.line,
      column: p.column,
      field: p.field,
      rule: p.rule,
      severity: p.severity,
      message: p.message,
      found: p.found ?? null,
      hint: p.hint ?? null,
      docs: p.docs ?? null,
    }));
    return `${JSON.stringify({ summary, problems: rows }, null, 2)}\n`;
  },
};
