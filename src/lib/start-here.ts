/** What the "Start here" score looks at for one incident. */
export interface InstructiveFeatures {
  id: string;
  /** YYYY-MM-DD. */
  started: string;
  /** 0 for the most severe level of the taxonomy. */
  severityRank: number;
  /** How many severity levels the taxonomy has. */
  severityLevels: number;
  featured: boolean;
  actionItems: number;
  contributingFactors: number;
  /** Words in the body's "Lessons" section. */
  lessonsWords: number;
}

/** How many incidents a generated "Start here" list holds. */
export const START_HERE_LENGTH = 7;

/**
 * How instructive an incident is for a newcomer, documented in the README:
 * severity (levels - rank: SEV1 4 .. SEV4 1 with the default taxonomy)
 * + what was written (0.5 per action item up to 5, 0.5 per contributing factor up to 3, 1 for a Lessons section of 50+ words)
 * + recency (2 halving every 365 days of age).
 */
export function scoreInstructive(incident: InstructiveFeatures, today: string): number {
  const severity = incident.severityLevels - incident.severityRank;
  const written =
    0.5 * Math.min(incident.actionItems, 5) + 0.5 * Math.min(incident.contributingFactors, 3) + (incident.lessonsWords >= 50 ? 1 : 0);
  const ageDays = Math.max(0, (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${incident.started}T00:00:00Z`)) / 86_400_000);
  const recency = 2 * 0.5 ** (ageDays / 365);
  return severity + written + recency;
}

/** A "Start here" list: featured incidents first, then the most instructive; each group by score, then newest. */
export function buildStartHere(
  incidents: readonly InstructiveFeatures[],
  today: string,
  length = START_HERE_LENGTH,
): { id: string; score: number; featured: boolean }[] {
  return incidents
    .map((i) => ({ id: i.id, featured: i.featured, started: i.started, score: scoreInstructive(i, today) }))
    .sort((a, b) => Number(b.featured) - Number(a.featured) || b.score - a.score || b.started.localeCompare(a.started))
    .slice(0, length)
    .map(({ id, score, featured }) => ({ id, score, featured }));
}

/** Words in the body section headed "Lessons" (any heading level), up to the next heading of that level or higher. */
export function countSectionWords(markdown: string, heading: string, countWords: (text: string) => number): number {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^#{1,6}\\s+${heading}\\s*$`, 'i').test(l));
  if (start < 0) return 0;
  const level = /^#+/.exec(lines[start]!)![0].length;
  const end = lines.findIndex((l, i) => i > start && new RegExp(`^#{1,${level}}\\s`).test(l));
  return countWords(lines.slice(start + 1, end < 0 ? undefined : end).join('\n'));
}

/** The key of a generated "Start here" list, as `?list=` on an incident's address: `start-here/teams/billing`. */
export function startHereKey(kind: 'teams' | 'services', id: string): string {
  return `start-here/${kind}/${id}`;
}
