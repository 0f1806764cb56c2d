import type { FixedRule } from '../types.ts';

/** The body must parse as MDX. */
export const mdxSyntaxRule: FixedRule = {
  id: 'mdx-syntax',
  type: 'fixed',
  enforcedBy: 'build',
  summary: 'A body that does not parse as MDX: an unclosed { or <, or a JSX tag that is not closed.',
  docs: `The body of a post-mortem is MDX, so { and < start code and components. A stray brace or angle
bracket in prose stops the build; the error is reported at its line and column.

  Bad:  Latency went from <200 ms to {900 ms}.
  Good: Latency went from &lt;200 ms to \\{900 ms\\}.   or   Latency went from \`<200 ms\` to 900 ms.

Log excerpts belong in fenced code blocks (\`\`\`text ... \`\`\`), where nothing is interpreted.

Enforced by the build: always an error, and no comment can ignore it.`,
};
