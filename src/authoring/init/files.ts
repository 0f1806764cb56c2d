import { Document, isMap, isSeq } from 'yaml';
import type { InitAnswers } from './answers.ts';

/** Where the starter reading list goes: the leading `_` keeps it out of the site and the check until it is renamed. */
export const STARTER_READING_LIST = 'reading-lists/_start-here.mdx';

/** What the starter's one item names until an author replaces it. */
export const STARTER_PLACEHOLDER = 'yyyy-mm-dd-your-first-post-mortem';

/** Comment lines, `#` alone for an empty one. */
function comment(lines: readonly string[]): string {
  return lines.map((line) => (line === '' ? '#' : `# ${line}`)).join('\n');
}

function yamlText(value: unknown, flowItems = false): string {
  const doc = new Document(value);
  if (isSeq(doc.contents)) {
    if (doc.contents.items.length === 0) doc.contents.flow = true;
    for (const item of doc.contents.items) if (isMap(item)) item.flow = flowItems;
  }
  return doc.toString({ lineWidth: 0 });
}

/** `catalog/organisation.yaml`: the name, the site's title and the time zone, with the optional settings named in a comment. */
export function renderOrganisation(answers: Pick<InitAnswers, 'name' | 'title' | 'time_zone'>): string {
  return [
    comment(['Who this archive belongs to. Every time on the site is shown in time_zone, an IANA zone.']),
    yamlText({ name: answers.name, title: answers.title, time_zone: answers.time_zone }).trimEnd(),
    comment([
      'Optional, see docs/configuration.md: tagline (one sentence on the home page), decision_guide',
      '(roll_back_below and investigate_from, in percent of error budget left; 25 and 50 unless set)',
      'and public_strip (the incident fields a public build removes).',
    ]),
    '',
  ].join('\n');
}

/** A list file: one entry per item, or `[]` after an example in the comment when there are none. */
function renderList(items: readonly object[], header: string[], example: string[]): string {
  return `${comment(items.length === 0 ? [...header, '', ...example] : header)}\n${yamlText(items)}`;
}

/** `catalog/teams.yaml`. */
export function renderTeams(answers: Pick<InitAnswers, 'teams'>): string {
  return renderList(
    answers.teams.map((t) => ({ id: t.id, name: t.name })),
    [
      'The teams that own services and action items. Incidents name them in teams,',
      'action_items[].owner and response.helped_by. contact (optional) says where to reach one.',
    ],
    ['No team yet. Add one per team, e.g.', '  - id: payments', '    name: Payments', '    contact: "#payments-oncall"'],
  );
}

/** `catalog/services.yaml`. */
export function renderServices(answers: Pick<InitAnswers, 'services'>): string {
  return renderList(
    answers.services.map((s) => ({ id: s.id, name: s.name, team: s.team })),
    [
      'The services incidents name, each owned by a team of catalog/teams.yaml, with their SLOs',
      '(ids unique across all services) and, optionally, a description and links, e.g.',
      '  slos:',
      '    - { id: checkout-availability, name: Checkout availability, objective: 99.9, window_days: 30 }',
      '  links:',
      '    - { label: Runbook, url: "https://wiki.example.com/runbooks/checkout" }',
      'npm run catalog -- import reads them from Backstage, OpenSLO and Sloth files.',
    ],
    ['No service yet. Add one per service, e.g.', '  - id: checkout-api', '    name: Checkout API', '    team: payments'],
  );
}

/**
 * `reading-lists/_start-here.mdx`: a reading list needs at least one post-mortem, and a new archive
 * has none, so the starter is kept out of the site (the leading `_`) until an author fills in its item
 * and renames it `start-here.mdx`.
 */
export function renderStarterReadingList(answers: Pick<InitAnswers, 'name'>): string {
  const frontmatter = yamlText({
    title: 'Start here',
    audience: `Everyone joining ${answers.name.trim()}'s on-call rota`,
    order: 1,
    items: [{ incident: STARTER_PLACEHOLDER, why: 'What it teaches someone new to the rota, in one sentence.' }],
  });
  const note = comment([
    'A starter reading list. The _ at the start of its file name keeps it out of the site and out of',
    'npm run check: a reading list needs at least one post-mortem, and this archive has none yet.',
    'Once it has one worth reading first, put its id under items in place of the placeholder, say',
    'why, and rename this file to start-here.mdx.',
  ]);
  const body = [
    'The post-mortems to read first, in this order. Each one says what happened, what the people',
    'responding knew at the time, and what changed afterwards; read them as stories about the',
    'systems, not about the people in them.',
    '',
  ].join('\n');
  return `---\n${note}\n${frontmatter}---\n\n${body}`;
}
