import type { FixedRule } from '../types.ts';

/** The body must parse as MDX. */
export const mdxSyntaxRule: FixedRule = {
  id: 'mdx-syntax',
  type: 'fixed',
  enforcedBy: 'build',
  summary: 'A body that does not parse as MDX: an unclosed { or <, or a JSX tag that is not closed.',
  docs: `The body of a post-mortem is MDX, so { and < start code and components. A stray brace or angle
bracket in prose stops the build; the error is reported at its line and column. Write them as
&lt; and \\{ \\}, or put the value in \`inline code\`.

Log excerpts belong in fenced code blocks (\`\`\`text ... \`\`\`), where nothing is interpreted.

Enforced by the build: always an error, and no comment can ignore it.`,
  examples: [
    {
      in: 'body',
      bad: 'Latency went from <200 ms to {900 ms}.',
      good: 'Latency went from &lt;200 ms to \\{900 ms\\}.',
      finding: {
        line: 1,
        column: 20,
        message:
          'MDX syntax error: Unexpected character `2` (U+0032) before name, expected a character that can start a name, such as a letter, `$`, or `_`',
      },
    },
    {
      in: 'body',
      bad: 'Latency went from <200 ms to 900 ms.',
      good: 'Latency went from `<200 ms` to 900 ms.',
      finding: {
        line: 1,
        column: 20,
        message:
          'MDX syntax error: Unexpected character `2` (U+0032) before name, expected a character that can start a name, such as a letter, `$`, or `_`',
      },
    },
  ],
};
