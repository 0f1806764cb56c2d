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
/**
 * For a feature shared by more incidents than this, only the this-many nearest in time are considered,
 * so the work per incident stays bounded however large the archive grows.
 */
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
 * of their features, whose posting lists are in time order; from a long list only the RELATED_MAX_POSTING
 * incidents nearest in time are read (found by binary search). The whole archive costs
 * O(N · features · (cap + log N)), plus O(N log N) to sort: no pairwise comparison of all incidents.
 */
export function suggestRelated(
  incidents: readonly RelatedFeatures[],
  { limit = 3, maxPosting = RELATED_MAX_POSTING }: { limit?: number; maxPosting?: number } = {},
): Map<string, RelatedSuggestion[]> {
  const postings = new Map<string, number[]>();
  const featuresOf = (incident: RelatedFeatures): [Kind, string, string][] => {
    const out: [Kind, string, string][] = [];
    for (const s of new Set(incident.services)) out.push(['service', `s:${s}`, s]);
    for (const f of new Set(incident.factors)) out.push(['factor', `f:${f}`, f]);
    for (const s of new Set(incident.services))
      for (const f of new Set(incident.factors)) out.push(['serviceAndFactor', `sf:${s}|${f}`, `${s}|${f}`]);
    for (const t of new Set(incident.tags)) out.push(['tag', `t:${t}`, t]);
    for (const w of new Set(incident.terms)) out.push(['term', `w:${w}`, w]);
    return out;
  };
  const features = incidents.map(featuresOf);
  // rank[i] is incident i's place in time order; postings hold indices in that order.
  const byTime = incidents.map((_, i) => i).sort((a, b) => incidents[a]!.started.localeCompare(incidents[b]!.started) || a - b);
  const rank = new Array<number>(incidents.length);
  byTime.forEach((i, r) => (rank[i] = r));
  for (const i of byTime) {
    for (const [, key] of features[i]!) {
      const posting = postings.get(key);
      if (posting) posting.push(i);
      else postings.set(key, [i]);
    }
  }
  const nearest = (posting: number[], i: number): number[] => {
    if (posting.length <= maxPosting) return posting;
    let low = 0;
    let high = posting.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (rank[posting[mid]!]! < rank[i]!) low = mid + 1;
      else high = mid;
    }
    const from = Math.max(0, Math.min(low - Math.floor(maxPosting / 2), posting.length - maxPosting - 1));
    return posting.slice(from, from + maxPosting + 1);
  };

  const result = new Map<string, RelatedSuggestion[]>();
  incidents.forEach((incident, i) => {
    const excluded = new Set([incident.id, ...incident.related]);
    const candidates = new Map<number, RelatedSuggestion>();
    for (const [kind, key, value] of features[i]!) {
      for (const j of nearest(postings.get(key)!, i)) {
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
      .sort(
        ([ja, a], [jb, b]) => b.score - a.score || incidents[jb]!.started.localeCompare(incidents[ja]!.started) || a.id.localeCompare(b.id),
      )
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
