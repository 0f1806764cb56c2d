import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { formatProblem } from '../../validation/problems.ts';
import { parseYamlSource } from '../../validation/source.ts';
import { validateWithSchema } from '../../validation/sources.ts';

const Words = z.array(z.string().trim().min(1, { error: 'expected a word' }));

/** One entry of a word list in `src/check/words/*.yaml`. */
export const WordListEntrySchema = z.strictObject({
  /** Lower-case phrases; `*` is any one word and `*'s` any possessive. */
  phrases: Words.min(1, { error: 'expected at least one phrase' }),
  /** Why the phrase is a problem. */
  note: z.string().trim().min(1),
  /** A rewrite to offer instead. */
  suggestion: z.string().trim().min(1),
  /** Words that, anywhere in the sentence, make the phrase a denial. */
  unless: Words.default([]),
  /** When not empty, one of these words must be in the sentence... */
  context: Words.default([]),
  /** ...or the text must be one of these frontmatter fields (a prefix of its path). */
  context_fields: Words.default([]),
  /** Counts only as the first words of the text. */
  at_start: z.boolean().default(false),
  /** A text that also says something measurable is exempt. */
  measurable_exempts: z.boolean().default(false),
});

/** A word-list entry as read. */
export type WordListEntry = z.output<typeof WordListEntrySchema>;

/** Reads and validates a word list; a broken list is a fault in Hindsight itself, so it throws. */
export function loadWordList(url: URL): WordListEntry[] {
  const name = url.pathname.split('/').slice(-3).join('/');
  const source = parseYamlSource(name, readFileSync(url, 'utf8'));
  const result = validateWithSchema(source, z.array(WordListEntrySchema));
  if (!result.data) throw new Error(`Invalid word list:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.data;
}
