/**
 * Words that change with a count, for everything the site says in English: "1 item", "2 items",
 * "1 person", "3 people", "an in-review post-mortem". One helper, so no page writes "1 items".
 */

// Nouns the site counts whose plural is not the singular plus "s".
const IRREGULAR: Readonly<Record<string, string>> = {
  person: 'people',
  'near-miss': 'near-misses',
  'SLO-month': 'SLO-months',
  is: 'are',
  was: 'were',
  has: 'have',
  its: 'their',
  this: 'these',
  that: 'those',
};

/** The plural of `singular`: the site's irregular words, -ss/-sh/-ch/-x/-s + "es", consonant + y → "ies", else + "s". */
export function pluralOf(singular: string): string {
  const known = IRREGULAR[singular];
  if (known) return known;
  if (/(?:ss|sh|ch|x|s)$/.test(singular)) return `${singular}es`;
  if (/[^aeiou]y$/.test(singular)) return `${singular.slice(0, -1)}ies`;
  return `${singular}s`;
}

/** `singular` for exactly one, its plural (or `pluralForm`) for any other count, 0 included. */
export function pluralWord(count: number, singular: string, pluralForm?: string): string {
  return count === 1 ? singular : (pluralForm ?? pluralOf(singular));
}

/** "1 incident", "3 incidents", "1,204 people": the count in en-GB digits and its noun. */
export function plural(count: number, singular: string, pluralForm?: string): string {
  return `${count.toLocaleString('en-GB')} ${pluralWord(count, singular, pluralForm)}`;
}

/** "a", or "an" before a vowel sound: "an in-review post-mortem", "an SLO", "a SEV2", "a user". */
export function indefiniteArticle(word: string): 'a' | 'an' {
  // Letters read one by one (SLO, SEV2, API, HTTP) take the article of their first letter's name.
  if (/^[A-Z]{2,}/.test(word)) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a';
  if (/^(?:uni|use|usu|eu|one|once)/i.test(word)) return 'a';
  if (/^(?:hour|honest|honour)/i.test(word)) return 'an';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** "an in-review post-mortem": the phrase with its indefinite article. */
export function withArticle(phrase: string): string {
  return `${indefiniteArticle(phrase)} ${phrase}`;
}
