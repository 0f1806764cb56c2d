import { describe, expect, it } from 'vitest';
import { renderEnforcedRules } from '../../../src/docs/pull-request.ts';

describe('the pull-request template', () => {
  it('names every rule the check enforces, the fixed ones apart from those catalog/check.yaml can turn off', () => {
    expect(renderEnforcedRules()).toBe(
      [
        'Already checked on this pull request, so not on this list: always `yaml`, `schema`, `consistency`, `reference`, `mdx-syntax`, `mdx-safety`, `unfinished` and `config`;',
        'unless `catalog/check.yaml` turns them off, `blameless-language`, `hindsight-bias`, `action-item-quality`, `secrets`, `personal-data`, `ignore-comment` and `unused-ignore`',
        '(`npm run check -- --explain <rule>` says what each one finds). What follows is what no tool can judge.',
      ].join('\n'),
    );
  });
});
