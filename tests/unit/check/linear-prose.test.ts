import { describe, expect, it } from 'vitest';
import { matchIgnoreDirectives, type IgnoreDirective } from '../../../src/check/ignore.ts';
import { bodyPosition, cutPoint, proseChunks, textChunks } from '../../../src/check/prose/chunks.ts';
import { compileWordList, findPhrases, type Token } from '../../../src/check/prose/phrases.ts';
import { parseMdxBody } from '../../../src/validation/mdx-syntax.ts';
import { BODY_LINE, lint, postmortem, rows } from './helpers.ts';

// The prose rules hand text to parse-latin, which reads all it is given as one sentence and merges
// words in it with Array#splice: quadratic in what it is given. These tests pin down the algorithms
// that keep the work in proportion to the body: bounded, disjoint chunks; one scan per sentence and
// phrase; a sweep to match ignore comments. They count what is done; none of them measures time.

const SENTENCE = 'The on-call engineer rolled the flag bundle back, and checkout recovered. ';
const treeOf = (body: string) => parseMdxBody('x.mdx', body, 1).tree!;
/** How many characters of prose a chunk holds: what the parser works on. */
const proseIn = (chunk: { tree: { children: unknown[] } }) => {
  let n = 0;
  const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (node.type === 'text' && node.value) n += node.value.length;
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(chunk.tree as never);
  return n;
};

describe('chunks of prose', () => {
  it('hand every character of a long body to the parser once, in disjoint pieces of bounded size', () => {
    const body = Array.from({ length: 150 }, (_, i) => `## Section ${i}\n\n${SENTENCE.repeat(3)}\n\n- ${SENTENCE}\n  - ${SENTENCE}`).join(
      '\n\n',
    );
    const chunks = proseChunks(treeOf(body), body, 1000);
    expect(chunks.every((c) => proseIn(c) <= 1000)).toBe(true);
    // Disjoint and in order: together no longer than the body, so the parsers' work adds up to its length.
    expect(chunks.reduce((n, c) => n + c.text.length, 0)).toBeLessThanOrEqual(body.length);
    const words = (text: string) => text.match(/[A-Za-z]+/g)?.length ?? 0;
    expect(chunks.reduce((n, c) => n + words(c.text), 0)).toBe(words(body));
  });

  it('cut one very long paragraph on one line at sentence ends, and keep its columns', () => {
    const body = SENTENCE.repeat(2000);
    const chunks = proseChunks(treeOf(body), body, 1000);
    expect(chunks.length).toBeGreaterThan(body.length / 1000);
    expect(chunks.every((c) => proseIn(c) <= 1000 && /^The on-call/.test(c.text))).toBe(true);
    expect(chunks.reduce((n, c) => n + c.text.length, 0)).toBeLessThanOrEqual(body.length);
    const second = chunks[1]!;
    expect(second.text.startsWith(body.slice(chunks[0]!.text.length, chunks[0]!.text.length + 40))).toBe(true);
    expect(bodyPosition(second, { line: 1, column: 5 })).toEqual({ line: 1, column: chunks[0]!.text.length + 5 });
  });

  it('cut where it must, at least half a piece on, never inside a UTF-16 pair', () => {
    expect(cutPoint('One two. Three four five', 0, 12)).toBe(9);
    expect(cutPoint('One. Two three. Four', 0, 12)).toBe(9);
    expect(cutPoint('aaaaaaa bbbbbbbbbbbbbbbbbbbb', 0, 12)).toBe(8);
    expect(cutPoint('a aaaaaaaaaaaaaaaaaaaaa', 0, 12)).toBe(12);
    expect(cutPoint(`${'x'.repeat(11)}😀yyyy`, 0, 12)).toBe(11);
    const ranges = textChunks('word '.repeat(1000), 100);
    expect(ranges.every(([from, to], i) => to - from <= 100 && (i === ranges.length - 1 || to - from >= 50))).toBe(true);
    expect(ranges.at(-1)![1]).toBe(5000);
  });

  it('report a phrase deep in a long body at its line and column', async () => {
    const filler = Array.from({ length: 300 }, () => SENTENCE.repeat(2)).join('\n\n');
    const long = `${SENTENCE.repeat(200)}It was Sam's fault. ${SENTENCE.repeat(10)}`;
    const text = postmortem(`${filler}\n\n${long}\n\n- A list item: he forgot.`);
    const line = BODY_LINE + 600;
    expect(rows(await lint(text), 'blameless-language')).toEqual([
      `${line}:${SENTENCE.length * 200 + 8} blameless-language "Sam's fault"`,
      `${line + 2}:${'- A list item: he '.length + 1} blameless-language "forgot"`,
    ]);
  });
});

describe('phrase matching', () => {
  const list = compileWordList([
    {
      phrases: ['forgot'],
      unless: ['never'],
      context: ['migration'],
      context_fields: [],
      note: 'n',
      suggestion: 's',
      at_start: false,
      measurable_exempts: false,
    },
  ]);
  const token = (text: string): Token => ({ text, written: text, quoted: false, joined: true, node: { type: 'WordNode', children: [] } });

  it('scans a sentence once for each unless and context phrase, however many matches it has', () => {
    const tokens = [...Array.from({ length: 2000 }, () => token('forgot')), token('migration')];
    let reads = 0;
    const counted = new Proxy(tokens, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
        return Reflect.get(target, key, receiver);
      },
    });
    expect(findPhrases([counted], list, '')).toHaveLength(2000);
    // Each match reads its own word; the two phrases are looked for across the sentence once each.
    // Scanning anew for every match would read 2000 x 2 x 2001 words.
    expect(reads).toBeLessThan(10 * tokens.length);
  });

  it('never counts the first words of a later piece of a text as its start', () => {
    const atStart = compileWordList([
      {
        phrases: ['investigate'],
        unless: [],
        context: [],
        context_fields: [],
        note: 'n',
        suggestion: 's',
        at_start: true,
        measurable_exempts: false,
      },
    ]);
    expect(findPhrases([[token('investigate')]], atStart, 'action_items[0].title')).toHaveLength(1);
    expect(findPhrases([[token('investigate')]], atStart, 'action_items[0].title', true)).toHaveLength(0);
  });
});

describe('ignore comments', () => {
  const directive = (line: number, from: number, to: number, rules = ['blameless-language']): IgnoreDirective => ({
    line,
    column: 1,
    rules,
    reason: 'r',
    lines: { from, to },
    used: new Set(),
  });

  it('give each problem the first comment, in the order read, that names its rule and covers its line', () => {
    const outer = directive(1, 2, 20);
    const inner = directive(5, 6, 8);
    const other = directive(9, 10, 12, ['hindsight-bias']);
    const late = directive(30, 31, 31);
    const matched = matchIgnoreDirectives(
      [
        { rule: 'blameless-language', line: 7 },
        { rule: 'blameless-language', line: 25 },
        { rule: 'hindsight-bias', line: 11 },
        { rule: 'hindsight-bias', line: 7 },
        { rule: 'blameless-language', line: 31 },
      ],
      [inner, outer, other, late],
    );
    expect(matched).toEqual([inner, undefined, other, undefined, late]);
  });

  it('match tens of thousands of comments and problems with n log n reads, not n times n', () => {
    const n = 5000;
    const directives = Array.from({ length: n }, (_, i) => directive(3 * i + 1, 3 * i + 2, 3 * i + 2));
    let reads = 0;
    const counted = new Proxy(directives, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
        return Reflect.get(target, key, receiver);
      },
    });
    const problems = Array.from({ length: n }, (_, i) => ({ rule: 'blameless-language', line: 3 * (n - 1 - i) + 2 }));
    const matched = matchIgnoreDirectives(problems, counted);
    expect(matched.every((d, i) => d === directives[n - 1 - i])).toBe(true);
    // A search of every comment for every problem reads about n * n / 2 = 12.5 million times.
    expect(reads).toBeLessThan(40 * n * Math.log2(n));
  });
});

describe('positions in a long frontmatter value', () => {
  it('are found for every offset in one pass, the same as one at a time', async () => {
    const { rawOffset, rawOffsets } = await import('../../../src/check/prose/fields.ts');
    const value = 'It was Sam\'s fault, "quoted" and\nfolded. '.repeat(50);
    const raw = `>-\n  ${value.replace(/\n/g, '\n\n  ')}`;
    const offsets = Array.from({ length: value.length }, (_, i) => value.length - 1 - i);
    expect(rawOffsets(value, raw, offsets)).toEqual(offsets.map((o) => rawOffset(value, raw, o)));
  });

  it('place every phrase of a summary thousands of phrases long', async () => {
    const summary = "It was Sam's fault. ".repeat(3000);
    const found = rows(await lint(postmortem('Body.', (f) => f.replace(/^summary: .*$/m, `summary: ${summary}`))), 'blameless-language');
    expect(found).toHaveLength(3000);
    expect(found.at(-1)).toBe(`3:${'summary: '.length + 20 * 2999 + 8} blameless-language summary "Sam's fault"`);
  });
});
