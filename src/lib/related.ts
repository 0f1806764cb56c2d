/** What the related-incident scoring looks at for one incident. */
export interface RelatedFeatures {
  id: string;
  /** Sort key for ties: newer first. */
  started: string;
  services: readonly string[];
  /** Contributing-factor categories. */
  factors: readonly string[];
  tags: readonly string[];
  /** Distinctive words of the body (see distinctiveTerms). */
  terms: readonly string[];
  /** Explicit `related` ids, which are shown anyway and so never suggested. */
  related: readonly string[];
}

/** Points per shared feature. A shared service and factor together earn the bonus on top of both. */
export const RELATED_WEIGHTS = { service: 3, factor: 2, serviceAndFactor: 2, tag: 1, term: 0.5 } as const;
/** A suggestion needs at least this score: one shared service alone is not enough. */
export const RELATED_MIN_SCORE = 4;
/** Features shared by more incidents than this say little, and are skipped so the work stays near-linear. */
export const RELATED_MAX_POSTING = 150;

/** A suggested related incident, the score and what the two share. */
export interface RelatedSuggestion {
  id: string;
  score: number;
  shared: { services: string[]; factors: string[]; tags: string[]; terms: string[] };
}

type Kind = 'service' | 'factor' | 'serviceAndFactor' | 'tag' | 'term';

/**
 * Suggests up to `limit` related incidents for every incident. Incidents meet through an inverted index
 * of their features, each posting list capped at RELATED_MAX_POSTING, so the whole archive costs
 * O(N · features · cap) to score plus O(N log N) to rank: no pairwise comparison of all incidents.
 */
export function suggestRelated(incidents: readonly RelatedFeatures[], limit = 3): Map<string, RelatedSuggestion[]> {
  const postings = new Map<string, number[]>();
  const featuresOf = (incident: RelatedFeatures): [Kind, string, string][] => {
    const out: [Kind, string, string][] = [];
    for (const s of new Set(incident.services)) out.push(['service', `s:${s}`, s]);
    for (const f of new Set(incident.factors)) out.push(['factor', `f:${f}`, f]);
    for (const s of new Set(incident.services)) for (const f of new Set(incident.factors)) out.push(['serviceAndFactor', `sf:${s}|${f}`, `${s}|${f}`]);
    for (const t of new Set(incident.tags)) out.push(['tag', `t:${t}`, t]);
    for (const w of new Set(incident.terms)) out.push(['term', `w:${w}`, w]);
    return out;
  };
  const features = incidents.map(featuresOf);
  features.forEach((list, i) => {
    for (const [, key] of list) {
      const posting = postings.get(key);
      if (posting) posting.push(i);
      else postings.set(key, [i]);
    }
  });

  const result = new Map<string, RelatedSuggestion[]>();
  incidents.forEach((incident, i) => {
    const excluded = new Set([incident.id, ...incident.related]);
    const candidates = new Map<number, RelatedSuggestion>();
    for (const [kind, key, value] of features[i]!) {
      const posting = postings.get(key)!;
      if (posting.length > RELATED_MAX_POSTING) continue;
      for (const j of posting) {
        if (j === i || excluded.has(incidents[j]!.id)) continue;
        let candidate = candidates.get(j);
        if (!candidate) {
          candidate = { id: incidents[j]!.id, score: 0, shared: { services: [], factors: [], tags: [], terms: [] } };
          candidates.set(j, candidate);
        }
        candidate.score += RELATED_WEIGHTS[kind];
        if (kind === 'service') candidate.shared.services.push(value);
        else if (kind === 'factor') candidate.shared.factors.push(value);
        else if (kind === 'tag') candidate.shared.tags.push(value);
        else if (kind === 'term') candidate.shared.terms.push(value);
      }
    }
    const ranked = [...candidates.entries()]
      .filter(([, c]) => c.score >= RELATED_MIN_SCORE)
      .sort(([ja, a], [jb, b]) => b.score - a.score || incidents[jb]!.started.localeCompare(incidents[ja]!.started) || a.id.localeCompare(b.id))
      .slice(0, limit)
      .map(([, c]) => c);
    result.set(incident.id, ranked);
  });
  return result;
}

/** "Same service and contributing factor", "same service", "shared tag", "similar wording": why it is suggested. */
export function describeRelatedReason(shared: RelatedSuggestion['shared']): string {
  const parts: string[] = [];
  if (shared.services.length > 0 && shared.factors.length > 0) parts.push('same service and factor');
  else if (shared.services.length > 0) parts.push(shared.services.length > 1 ? 'same services' : 'same service');
  else if (shared.factors.length > 0) parts.push(shared.factors.length > 1 ? 'same factors' : 'same factor');
  if (shared.tags.length > 0) parts.push(`shared ${shared.tags.length > 1 ? 'tags' : 'tag'} ${shared.tags.join(', ')}`);
  if (shared.terms.length >= 2) parts.push('similar wording');
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
