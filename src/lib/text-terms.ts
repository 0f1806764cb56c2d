// Common English words and post-mortem boilerplate that say nothing about what an incident was about.
const STOPWORDS = new Set(
  `
about above after again against all also although among another any anyone are around because been before
being below between both but came can cannot could did does doing done down during each either else even
ever every few first for from further had has have having her here hers him his how however into its itself
just last least less let like made make many may might more most much must near need never next nor not now
off often once one only onto other others our ours out over own part per perhaps put rather really same
second see seen several shall she should since some still such than that the their theirs them then there
these they this those though three through thus till too toward two under until upon very via was way
were what when where whether which while who whom whose why will with within without would yet you your
minutes minute hours hour time times first second third team teams engineer engineers incident incidents
impact impacted went wrong well lucky lessons lesson timeline supporting information response decision
taken contributing factor factors action actions item items customer customers service services
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-case words of four or more letters, without stopwords: the vocabulary for text similarity. */
export function tokenize(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z][a-z0-9-]{3,}/g) ?? [];
  return words.filter((w) => !STOPWORDS.has(w));
}

/**
 * The `k` most distinctive terms of each document by tf-idf (term frequency times log(N / document
 * frequency)), in one pass over all words: linear in the size of the archive.
 */
export function distinctiveTerms(documents: readonly string[], k = 8): string[][] {
  const tokenized = documents.map(tokenize);
  const df = new Map<string, number>();
  for (const tokens of tokenized) for (const t of new Set(tokens)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = documents.length;
  return tokenized.map((tokens) => {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    return [...tf]
      .filter(([t]) => df.get(t)! < n || n === 1)
      .map(([t, f]) => [t, f * Math.log(n / df.get(t)!)] as const)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, k)
      .map(([t]) => t);
  });
}
