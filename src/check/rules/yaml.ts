import type { FixedRule } from '../types.ts';

/** YAML syntax and file structure: frontmatter present, keys unique, required catalog files there. */
export const yamlRule: FixedRule = {
  id: 'yaml',
  type: 'fixed',
  enforcedBy: 'build',
  summary: 'YAML that does not parse, a duplicate key, a missing frontmatter block or a missing catalog file.',
  docs: `Every post-mortem and reading list starts with a frontmatter block between two --- lines, and
catalog/services.yaml and catalog/teams.yaml must exist. A YAML syntax error is reported once, at its
line and column, and the file's other frontmatter rules wait until it parses.

Common causes: a value containing ": " or starting with a special character ([ { & * ! | > ' " % @)
that is not quoted; a list item indented differently from its siblings; a tab used for indentation;
the same key written twice in one mapping.

Enforced by the build: always an error, and no comment can ignore it.`,
  examples: [
    {
      in: { field: 'response.rationale' },
      bad: 'Rolled back: the budget was spent',
      good: '"Rolled back: the budget was spent"',
      finding: { line: 1, column: 1, message: 'YAML syntax error: Nested mappings are not allowed in compact mappings' },
    },
  ],
};
