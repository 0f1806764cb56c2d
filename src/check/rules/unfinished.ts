import type { FixedRule } from '../types.ts';

/** Nothing unfinished from in-review on: the check refuses it for in-review and published, the build for published. */
export const unfinishedRule: FixedRule = {
  id: 'unfinished',
  type: 'fixed',
  enforcedBy: 'build',
  summary: "TODO markers, the template's example text and guidance, zero bad minutes on a listed SLO, empty sections, from in-review on.",
  docs: `A draft may be rough; a post-mortem under review is read as finished, and a published one is read
for years. From status in-review on, none of these may remain:
  - TODO anywhere in the frontmatter (values and comments: npm run new marks the times it guessed
    with one) or in the body's prose (a fenced log excerpt may quote one);
  - the example values of templates/postmortem.mdx and templates/postmortem-light.mdx (their title,
    summary, rationale, factor, action item and timeline texts, and the author your-handle) and the
    guidance paragraphs of their bodies, whichever template the draft started from;
  - an slo_impact entry with bad_minutes: 0 on an incident (npm run new lists every SLO of the
    services at zero): write the real minutes or remove the entry;
  - a section heading with nothing under it.

npm run check refuses these for in-review and published post-mortems; the build refuses them for
published ones. No comment or catalog/check.yaml setting changes that.`,
  examples: [
    {
      in: { field: 'summary' },
      bad: 'TODO say what happened and what it cost',
      good: 'A flag bundle went to every region at once and checkout failed for 45 minutes.',
      finding: {
        line: 1,
        column: 1,
        field: 'summary',
        message: 'expected finished text from in-review on',
        found: '"TODO say what happened and what it cost"',
      },
    },
    {
      in: 'body',
      bad: '## What went well\n\n## What went wrong\n\nThe canary stage was skipped.',
      good: '## What went well\n\nThe rollback took four minutes.\n\n## What went wrong\n\nThe canary stage was skipped.',
      finding: { line: 1, column: 1, message: 'expected text under "## What went well"', found: 'an empty section' },
    },
  ],
};
