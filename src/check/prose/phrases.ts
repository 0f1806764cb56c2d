import type { Nodes, Root, Word } from 'nlcst';
import type { VFile } from 'vfile';
import type { WordListEntry } from './word-list.ts';

declare module 'vfile' {
  interface DataMap {
    /** The text being checked: `''` for the MDX body, else a frontmatter field path. */
    field: string;
    /** The text is a later piece of a longer one (see chunks.ts): its first words are not the start of the text. */
    continued: boolean;
  }
}

/** A word of a sentence, as matched against word lists. */
export interface Token {
  /** Lower-case, with curly apostrophes made straight; a plural possessive keeps its apostrophe (`carriers'`). */
  text: string;
  /** As written. */
  written: string;
  node: Word;
  /** Inside quotation marks: a mention or reported speech, never matched. */
  quoted: boolean;
  /** Only white space separates it from the previous word. */
  joined: boolean;
}

/** The text of an nlcst node, as written. */
export function textOf(node: Nodes): string {
  return 'value' in node ? node.value : node.children.map((child) => textOf(child as Nodes)).join('');
}

/** Lower-cases a word and straightens its apostrophes. */
export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/[’‘]/g, "'");
}

const sentenceCache = new WeakMap<Root, Token[][]>();

/** The words of every sentence in a tree, paragraph by paragraph, noting which are quoted. */
export function sentencesOf(tree: Root): Token[][] {
  const cached = sentenceCache.get(tree);
  if (cached) return cached;
  const sentences: Token[][] = [];
  // nlcst nests root > paragraph > sentence; a plain loop is far cheaper than a generic visit over every word.
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    let quoted = false;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue;
      const tokens: Token[] = [];
      let joined = false;
      const nodes = sentence.children;
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i]!;
        if (node.type === 'WordNode') {
          let written = textOf(node);
          const next = nodes[i + 1];
          // A plural possessive (carriers') is split into a word and an apostrophe; keep them together.
          if (next?.type === 'PunctuationNode' && /^['’]$/.test(next.value) && /s$/i.test(written)) {
            written += next.value;
            i += 1;
          }
          tokens.push({ text: normaliseWord(written), written, node, quoted, joined: tokens.length > 0 && joined });
          joined = true;
        } else if (node.type !== 'WhiteSpaceNode') {
          if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') {
            if (node.value === '"') quoted = !quoted;
            else if (node.value === '“' || node.value === '‘' || node.value === '«') quoted = true;
            else if (node.value === '”' || node.value === '’' || node.value === '»') quoted = false;
          }
          joined = false;
        }
      }
      if (tokens.length > 0) sentences.push(tokens);
    }
  }
  sentenceCache.set(tree, sentences);
  return sentences;
}

/** A word-list entry with its phrases split into words. */
export interface CompiledEntry {
  entry: WordListEntry;
  phrases: string[][];
  unless: string[][];
  context: string[][];
}

/** A word list ready for matching: its entries, and its phrases indexed by their first word. */
export interface CompiledWordList {
  entries: CompiledEntry[];
  /** Phrases by first word; `*'s` and `*` phrases are under those keys. */
  byFirstWord: Map<string, { entry: CompiledEntry; phrase: string[] }[]>;
}

const split = (phrase: string) => normaliseWord(phrase).split(/\s+/);

/** Splits every phrase of a word list into words once, and indexes them. */
export function compileWordList(list: readonly WordListEntry[]): CompiledWordList {
  const entries = list.map((entry) => ({
    entry,
    phrases: entry.phrases.map(split),
    unless: entry.unless.map(split),
    context: entry.context.map(split),
  }));
  const byFirstWord = new Map<string, { entry: CompiledEntry; phrase: string[] }[]>();
  for (const entry of entries) {
    for (const phrase of entry.phrases) {
      const key = phrase[0]!;
      byFirstWord.set(key, [...(byFirstWord.get(key) ?? []), { entry, phrase }]);
    }
  }
  return { entries, byFirstWord };
}

function wordMatches(pattern: string, word: string): boolean {
  if (pattern === '*') return true;
  if (pattern === "*'s") return /.'s$|.s'$/.test(word);
  return pattern === word;
}

function phraseAt(tokens: readonly Token[], at: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const token = tokens[at + k];
    if (!token || (k > 0 && !token.joined) || !wordMatches(phrase[k]!, token.text)) return false;
  }
  return true;
}

/**
 * Whether a sentence contains a phrase anywhere, remembered per sentence and phrase: a sentence with a
 * match at every word asks about the same few `unless` and `context` phrases each time, and scanning the
 * sentence anew for each would make the work quadratic in its length.
 */
function containsIn(memo: Map<readonly string[], boolean>, tokens: readonly Token[], phrase: readonly string[]): boolean {
  let found = memo.get(phrase);
  if (found === undefined) {
    found = tokens.some((_, i) => phraseAt(tokens, i, phrase));
    memo.set(phrase, found);
  }
  return found;
}

/** A phrase of a word list found in a text. */
export interface PhraseMatch {
  entry: WordListEntry;
  tokens: Token[];
  /** The words as written, e.g. `Sam's fault`. */
  written: string;
}

const POSSESSIVE = /.'s$|.s'$/;

/**
 * Every unquoted phrase of the word list in the text, honouring `unless`, `context` and `at_start`
 * (which never holds in a `continued` piece of a longer text).
 */
export function findPhrases(sentences: readonly Token[][], list: CompiledWordList, field: string, continued = false): PhraseMatch[] {
  const matches: PhraseMatch[] = [];
  const wildcard = list.byFirstWord.get('*') ?? [];
  const possessive = list.byFirstWord.get("*'s") ?? [];
  sentences.forEach((tokens, s) => {
    let coveredUntil = -1;
    const memo = new Map<readonly string[], boolean>();
    const contains = (phrase: readonly string[]) => containsIn(memo, tokens, phrase);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (i <= coveredUntil || token.quoted) continue;
      const candidates = [...(list.byFirstWord.get(token.text) ?? []), ...(POSSESSIVE.test(token.text) ? possessive : []), ...wildcard]
        .filter(({ entry, phrase }) => !(entry.entry.at_start && (continued || s > 0 || i > 0)) && phraseAt(tokens, i, phrase))
        .sort((a, b) => b.phrase.length - a.phrase.length);
      for (const { entry, phrase } of candidates) {
        const span = tokens.slice(i, i + phrase.length);
        if (span.some((t) => t.quoted)) continue;
        if (entry.unless.some((u) => contains(u))) continue;
        if (
          entry.context.length > 0 &&
          !entry.context.some((c) => contains(c)) &&
          !entry.entry.context_fields.some((f) => field.startsWith(f))
        )
          continue;
        matches.push({ entry: entry.entry, tokens: span, written: span.map((t) => t.written).join(' ') });
        coveredUntil = i + phrase.length - 1;
        break;
      }
    }
  });
  return matches;
}

/** Reports each match on the file as a message of `ruleId`, with what was found and how to fix it. */
export function reportPhrases(tree: Root, file: VFile, list: CompiledWordList, ruleId: string, reason: string): void {
  for (const match of findPhrases(sentencesOf(tree), list, file.data.field ?? '', file.data.continued ?? false)) {
    const first = match.tokens[0]!.node.position;
    const last = match.tokens[match.tokens.length - 1]!.node.position;
    const message = file.message(reason, {
      place: first && last ? { start: first.start, end: last.end } : undefined,
      ruleId,
      source: 'hindsight',
    });
    message.actual = match.written;
    message.expected = [match.entry.suggestion];
    message.note = `${match.entry.note} ${match.entry.suggestion}`;
  }
}

const NUMBER_WORDS =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|half|twice|hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually)\b/i;

/** Says something measurable: a number, a percentage or a cadence such as weekly. */
export function isMeasurable(text: string): boolean {
  return /\d/.test(text) || NUMBER_WORDS.test(text);
}
