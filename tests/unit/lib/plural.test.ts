import { describe, expect, it } from 'vitest';
import { indefiniteArticle, plural, pluralOf, pluralWord, withArticle } from '../../../src/lib/plural.ts';

describe('plural', () => {
  it('says one in the singular and every other count, zero included, in the plural', () => {
    expect(plural(1, 'pull request')).toBe('1 pull request');
    expect(plural(3, 'pull request')).toBe('3 pull requests');
    expect(plural(0, 'item')).toBe('0 items');
    expect(plural(1, 'item')).toBe('1 item');
  });

  it('writes large counts with en-GB digit groups', () => {
    expect(plural(12000, 'user')).toBe('12,000 users');
  });

  it('knows the irregular words the site counts', () => {
    expect(plural(1, 'person')).toBe('1 person');
    expect(plural(4, 'person')).toBe('4 people');
    expect(plural(2, 'near-miss')).toBe('2 near-misses');
    expect(plural(3, 'SLO-month')).toBe('3 SLO-months');
    expect(pluralWord(2, 'is')).toBe('are');
    expect(pluralWord(1, 'is')).toBe('is');
  });

  it('forms regular plurals by their ending', () => {
    expect(pluralOf('incident')).toBe('incidents');
    expect(pluralOf('match')).toBe('matches');
    expect(pluralOf('box')).toBe('boxes');
    expect(pluralOf('category')).toBe('categories');
    expect(pluralOf('day')).toBe('days');
    expect(pluralOf('SLO')).toBe('SLOs');
  });

  it('takes an explicit plural over its own', () => {
    expect(plural(2, 'service', 'services named')).toBe('2 services named');
    expect(plural(1, 'service', 'services named')).toBe('1 service');
  });
});

describe('withArticle', () => {
  it('writes "an" before a vowel sound and "a" before a consonant sound', () => {
    expect(withArticle('in-review post-mortem')).toBe('an in-review post-mortem');
    expect(withArticle('draft')).toBe('a draft');
    expect(withArticle('incident')).toBe('an incident');
    expect(withArticle('near-miss')).toBe('a near-miss');
    expect(withArticle('hour')).toBe('an hour');
    expect(withArticle('user')).toBe('a user');
    expect(withArticle('one-off')).toBe('a one-off');
  });

  it('reads initialisms letter by letter', () => {
    expect(indefiniteArticle('SLO')).toBe('an');
    expect(indefiniteArticle('SEV2')).toBe('an');
    expect(indefiniteArticle('API')).toBe('an');
    expect(indefiniteArticle('P1')).toBe('a');
    expect(indefiniteArticle('CDN')).toBe('a');
  });
});
