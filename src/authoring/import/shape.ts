import type { ImportContext } from './context.ts';
import type { SectionKind, SourceField } from './vocabulary.ts';

/** Sections only an incident write-up has; a summary or an appendix alone says nothing. */
const INCIDENT_SECTIONS = new Set<SectionKind>([
  'impact',
  'timeline',
  'factors',
  'response',
  'actions',
  'lessons',
  'well',
  'wrong',
  'lucky',
  'detection',
  'trigger',
  'severity',
]);
/** Fields only an incident has. */
const INCIDENT_FIELDS: readonly SourceField[] = [
  'severity',
  'time',
  'detected',
  'mitigated',
  'resolved',
  'duration',
  'services',
  'actions',
  'detection',
  'trigger',
];
/** A line that starts with a time of day, after a list marker, a table pipe, emphasis or a date: `- 14:05`, `| Jan 14, 10:18 AM |`, `**09:02**`. */
export const TIMED_LINE =
  /^\s*(?:[-*+]\s+|\d+[.)]\s+|\|\s*|#{1,6}\s+)?(?:\*\*|__|`)?\s*(?:[~±≈]\s*)?(?:(?:\d{4}-\d{2}-\d{2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?)[,\sT]+(?:at\s+)?)?\d{1,2}[:.]\d{2}(?!\d)/;

/** Words of an incident write-up: what broke, for whom, and what was done. */
const INCIDENT_WORDS =
  /\b(outage|incident|impact(?:ed)?|root cause|mitigat\w*|degraded|failed|failures?|errors?|downtime|could not|unavailable|rolled back|on-?call|alert(?:ed)?|affected)\b/gi;

/** What makes a source look like a post-mortem: its incident sections, incident fields, time-stamped lines and incident words. */
export function incidentSignals(ctx: ImportContext): {
  sections: SectionKind[];
  fields: SourceField[];
  timedLines: number;
  words: string[];
} {
  const sections = [
    ...new Set(ctx.bodySections.map((s) => ctx.kinds.get(s)).filter((k): k is SectionKind => k !== undefined && INCIDENT_SECTIONS.has(k))),
  ];
  const fields = INCIDENT_FIELDS.filter((f) => ctx.fields.has(f) || ctx.lineFields.has(f));
  const timedLines = ctx.code.split('\n').filter((line) => TIMED_LINE.test(line)).length;
  const words = [...new Set([...ctx.code.matchAll(INCIDENT_WORDS)].map((m) => m[1]!.toLowerCase().replace(/-/g, '')))];
  return { sections, fields, timedLines, words };
}

/**
 * True when a file found in a folder reads as a post-mortem, by its shape rather than its name: two kinds of
 * signal among an incident section, an incident field (severity, key moments, services), time-stamped events
 * and two different incident words ("outage", "failed", "rolled back"); or two incident sections, two
 * incident fields or three time-stamped lines. A README, an index of links or a list of sources falls short.
 */
export function looksLikePostmortem(ctx: ImportContext): boolean {
  const { sections, fields, timedLines, words } = incidentSignals(ctx);
  const kinds = (sections.length > 0 ? 1 : 0) + (fields.length > 0 ? 1 : 0) + (timedLines >= 2 ? 1 : 0) + (words.length >= 2 ? 1 : 0);
  return kinds >= 2 || sections.length >= 2 || fields.length >= 2 || timedLines >= 3;
}
