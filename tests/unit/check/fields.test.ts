import { describe, expect, it } from 'vitest';
import { freeTextFields, rawOffset } from '../../../src/check/prose/fields.ts';
import { isArchiveFile } from '../../../src/check/select.ts';

describe('finding a character of a YAML value in the text as written', () => {
  it.each([
    // [value, raw, word]: the word must be found at the same characters in the raw text.
    ['A long folded "text" here', '>-\n  A long\n  folded "text" here\n', 'here'],
    ['say "hi" now', '"say \\"hi\\" now"', 'now'],
    ["it's Sam's", "'it''s Sam''s'", 'Sam'],
    ['line one\nline two', '|\n  line one\n  line two\n', 'two'],
    ['plain multi line', 'plain\n  multi\n  line', 'line'],
  ])('finds the word in %j', (value, raw, word) => {
    const at = rawOffset(value, raw, value.indexOf(word));
    expect(raw.slice(at, at + word.length)).toBe(word);
  });
});

describe('the free-text fields of a frontmatter', () => {
  it('are read as written, with their paths, whatever else is wrong', () => {
    const data = {
      title: 'T',
      summary: '  ',
      severity: 'SEV5',
      response: { rationale: 'R' },
      contributing_factors: [{ description: 'C0' }, { category: 'x' }, 'not an object'],
      action_items: 'not a list',
      timeline: [{ text: 'E0' }],
    };
    expect(freeTextFields('incident', data).map((f) => [f.field, f.value])).toEqual([
      ['title', 'T'],
      ['response.rationale', 'R'],
      ['contributing_factors[0].description', 'C0'],
      ['timeline[0].text', 'E0'],
    ]);
    expect(freeTextFields('reading-list', { title: 'L', audience: 'A', items: [{ why: 'W' }] }).map((f) => f.field)).toEqual([
      'title',
      'audience',
      'items[0].why',
    ]);
  });
});

describe('the files the check reads', () => {
  it.each([
    ['incidents/2025/2025-06-21-x.mdx', true],
    ['incidents/2025/_draft.mdx', false],
    ['incidents/2025/notes.md', false],
    ['reading-lists/first-week.mdx', true],
    ['catalog/check.yaml', true],
    ['catalog/sub/x.yaml', false],
    ['templates/postmortem.mdx', false],
  ])('%s: %s', (file, expected) => {
    expect(isArchiveFile(file)).toBe(expected);
  });
});
