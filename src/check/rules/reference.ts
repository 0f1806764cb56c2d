import type { FixedRule } from '../types.ts';

/** Every id a post-mortem, reading list or service cites must exist. */
export const referenceRule: FixedRule = {
  id: 'reference',
  type: 'fixed',
  enforcedBy: 'build',
  summary: 'A service, team, SLO, related incident or reading-list item that does not exist, or a duplicate catalog id.',
  docs: `Post-mortems name services and teams from catalog/services.yaml and catalog/teams.yaml, SLOs by
their id, and other incidents by their id (the file name). Reading lists name incidents. Services
name their owning team. All of them must exist; the message suggests the nearest id when one is close.
Ids of teams, services and SLOs are unique (SLO ids across all services), and a reading list names
each incident once.

Renamed a service or deleted an incident? Every file that still uses the old id is listed, so one
run shows everything to update.

Enforced by the build: always an error, and no comment can ignore it.`,
  examples: [
    {
      in: 'frontmatter',
      bad: 'services: [checkout-api, feature-flag]',
      good: 'services: [checkout-api, feature-flags]',
      finding: {
        line: 1,
        column: 26,
        field: 'services[1]',
        message: 'expected a service id from catalog/services.yaml',
        found: '"feature-flag"',
      },
    },
  ],
};
