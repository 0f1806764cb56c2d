import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import type { TimelineEvent } from '../../schema/incident.ts';
import { formatProblem } from '../../validation/problems.ts';
import { parseYamlSource } from '../../validation/source.ts';
import { validateWithSchema } from '../../validation/sources.ts';

/** A kind the words of a message can suggest; `trigger` is left to the author. */
export type GuessedKind = Exclude<TimelineEvent['kind'], 'trigger'>;

const Words = z.array(z.string().trim().toLowerCase().min(1, { error: 'expected a word' }));

/** One entry of `words/kinds.yaml`. */
export const KindWordsSchema = z.strictObject({
  kind: z.enum(['resolve', 'mitigate', 'escalate', 'detect', 'action'], {
    error: 'expected resolve, mitigate, escalate, detect or action',
  }),
  /** Lower-case phrases; a word ending in `*` matches any ending of letters. */
  phrases: Words.min(1, { error: 'expected at least one phrase' }),
  /** Words that, in the same sentence, cancel the phrases. */
  unless: Words.default([]),
});

interface CompiledEntry {
  kind: Exclude<GuessedKind, 'note'>;
  phrases: { phrase: string; pattern: RegExp }[];
  unless: RegExp[];
}

/** A guess and the phrase it rests on (none for a note). */
export interface KindGuess {
  kind: GuessedKind;
  because?: string;
  /** Why it is a note when words alone would not say: a question. */
  question?: boolean;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase as a whole-word pattern: words may be split by any spaces, `*` ends a word with any letters. */
function compile(phrase: string): RegExp {
  const words = phrase.split(/\s+/).map((w) => (w.endsWith('*') ? `${escape(w.slice(0, -1))}[a-z']*` : escape(w)));
  return new RegExp(`(?<![\\w'-])${words.join('\\s+')}(?![\\w'-])`);
}

/** Reads and validates a word list of kinds; a broken list is a fault in Hindsight itself, so it throws. */
export function loadKindWords(url: URL): CompiledEntry[] {
  const name = url.pathname.split('/').slice(-4).join('/');
  const result = validateWithSchema(parseYamlSource(name, readFileSync(url, 'utf8')), z.array(KindWordsSchema));
  if (!result.data) throw new Error(`Invalid word list:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.data.map((entry) => ({
    kind: entry.kind,
    phrases: entry.phrases.map((phrase) => ({ phrase, pattern: compile(phrase) })),
    unless: entry.unless.map(compile),
  }));
}

let words: CompiledEntry[] | undefined;

/** The sentences of a message, lower-cased: split at full stops, semicolons, exclamation and question marks, and "but". */
function sentences(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .split(/(?<=[.;!?])\s+|\s*;\s*|,?\s+but\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The kind of a timeline event, guessed from a message's words with `words/kinds.yaml`: the first
 * entry with a phrase in a sentence that none of its `unless` words cancel. Questions do not count;
 * a message of questions only, or that nothing matches, is a note.
 */
export function guessKind(
  text: string,
  list: CompiledEntry[] = (words ??= loadKindWords(new URL('./words/kinds.yaml', import.meta.url))),
): KindGuess {
  // A question is not an event yet ("should we roll back?"), so only statements count.
  const all = sentences(text);
  const said = all.filter((s) => !s.endsWith('?'));
  if (said.length === 0 && all.length > 0) return { kind: 'note', question: true };
  for (const entry of list) {
    for (const sentence of said) {
      if (entry.unless.some((u) => u.test(sentence))) continue;
      const hit = entry.phrases.find((p) => p.pattern.test(sentence));
      if (hit) return { kind: entry.kind, because: sentence.match(hit.pattern)![0] };
    }
  }
  return { kind: 'note' };
}
