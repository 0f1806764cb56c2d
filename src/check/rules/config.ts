import type { FixedRule } from '../types.ts';

/** catalog/check.yaml must be valid. */
export const configRule: FixedRule = {
  id: 'config',
  type: 'fixed',
  enforcedBy: 'check',
  summary: 'An invalid catalog/check.yaml: an unknown rule, a severity other than error, warning or off, or a bad option.',
  docs: `catalog/check.yaml sets how npm run check treats each rule. It is optional; without it every rule
has its default severity. Each entry under rules is either a severity or a mapping with severity and
the rule's options:

  rules:
    hindsight-bias: error          # error | warning | off
    personal-data:
      severity: warning
      allow: ["@pantrybox.example"]

The rules the build enforces (yaml, schema, consistency, reference, mdx-syntax) cannot be set here.
docs_url, when set, is an address with {rule} in it; every problem then links to its rule's page.

Always an error: a check that silently ignored its own configuration would pass what it should not.`,
};
