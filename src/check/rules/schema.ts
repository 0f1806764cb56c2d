import type { FixedRule } from '../types.ts';

/** The frontmatter and catalog schemas: types, enums, required fields and unknown keys. */
export const schemaRule: FixedRule = {
  id: 'schema',
  type: 'fixed',
  enforcedBy: 'build',
  summary: 'A field of the wrong type, an unknown enum value, a missing required field or an unknown key.',
  docs: `The frontmatter of every post-mortem and reading list, and every catalog file, is validated with
the zod schemas in src/schema/, the same schemas the site build uses. Unknown keys are errors at
every level, because a misspelt field would silently vanish from the trends; the message suggests
the field or value you probably meant.

Timestamps need an offset (2025-06-21T14:02:00Z or 2025-06-21T15:02:00+01:00); dates are YYYY-MM-DD.
The JSON Schema in schemas/ gives the same checks and completions in the editor (docs/checking.md,
"Editor help: JSON Schemas").

Enforced by the build: always an error, and no comment can ignore it.`,
  examples: [
    {
      in: 'frontmatter',
      bad: 'severity: SEV22',
      good: 'severity: SEV2',
      finding: { line: 1, column: 1, field: 'severity', message: 'expected one of SEV1, SEV2, SEV3, SEV4', found: '"SEV22"' },
    },
    {
      in: 'frontmatter',
      bad: 'tag: [config, feature-flags]',
      good: 'tags: [config, feature-flags]',
      finding: { line: 1, column: 1, field: 'tag', message: 'unknown key' },
    },
  ],
};
