import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../../src/check/rules/index.ts';
import { renderRulesReference } from '../../../src/docs/rules.ts';

const reference = renderRulesReference();

describe('the rule reference of docs/checking.md', () => {
  it('has one row per rule, with its default and a link to its examples', () => {
    const rows = reference.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(ALL_RULES.length);
    expect(rows).toContain(
      '| `reference` | error, always (build) | A service, team, SLO, related incident or reading-list item that does not exist, or a duplicate catalog id. | [1](#reference) |',
    );
    expect(rows).toContain(
      '| `config` | error, always (check) | An invalid catalog/check.yaml: an unknown rule, a severity other than error, warning or off, or a bad option. |  |',
    );
  });

  it('shows each example as the text, what the check reports and the fix', () => {
    expect(reference).toContain(
      [
        '### `reference`',
        '',
        '| | text | `npm run check` reports |',
        '| --- | --- | --- |',
        '| bad, in the frontmatter | `services: [checkout-api, feature-flag]` | `1:26 services[1]: expected a service id from catalog/services.yaml, found "feature-flag"` |',
        '| good | `services: [checkout-api, feature-flags]` | nothing |',
      ].join('\n'),
    );
  });

  it('keeps HTML, pipes and backticks in a cell literal, one code span per line', () => {
    expect(reference).toContain('| bad, as `action_items[0].title` | `Improve monitoring` |');
    expect(reference).toMatch(
      /\| bad, in the body \| ```` ```text ````<br>`postgres:\/\/orders:hunter2@db-orders\.internal:5432\/orders`<br>```` ``` ```` \|/,
    );
    expect(reference).not.toMatch(/\| [^`|]*<(?!br>)[a-z]/);
  });
});
