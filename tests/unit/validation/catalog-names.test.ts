import { describe, expect, it } from 'vitest';
import { NameSchema } from '../../../src/schema/common.ts';
import { problemsAfter, replaceOnce } from './helpers.ts';

const MARKUP = 'expected a name in plain text, without < or >: write words or brackets instead of markup, e.g. Payments or Search (beta)';

// An invalid catalog entry is left out of the reference checks, so the incidents citing it are
// reported too; these tests are about the catalog's own line.
const catalogProblems = (file: string, edit: (text: string) => string) => problemsAfter(file, edit).filter((p) => p.startsWith(`${file}:`));

describe('catalog and taxonomy names are plain text', () => {
  it('rejects markup in a service name, saying what to write instead', () => {
    expect(
      catalogProblems('catalog/services.yaml', replaceOnce('  name: Checkout API', '  name: <img src=x onerror=alert(1)>Checkout API')),
    ).toEqual([`catalog/services.yaml:2:3 [0].name: ${MARKUP}, found "<img src=x onerror=alert(1)>Checkout API"`]);
  });

  it('rejects markup in a team name', () => {
    expect(catalogProblems('catalog/teams.yaml', replaceOnce('  name: Payments', '  name: <b>Payments</b>'))).toEqual([
      `catalog/teams.yaml:2:3 [0].name: ${MARKUP}, found "<b>Payments</b>"`,
    ]);
  });

  it('rejects a character reference, which would show as typed', () => {
    expect(catalogProblems('catalog/teams.yaml', replaceOnce('  name: Payments', '  name: Payments &amp; Billing'))).toEqual([
      'catalog/teams.yaml:2:3 [0].name: expected a name in plain text, without character references: type the character itself, e.g. & rather than &amp;, found "Payments &amp; Billing"',
    ]);
  });

  it('rejects markup in severity and category names of catalog/taxonomy.yaml', () => {
    const taxonomy = [
      'severities:',
      '  - id: SEV1',
      '    name: Critical <script>alert(1)</script>',
      '  - id: SEV2',
      '    name: Major',
      'categories:',
      '  - id: testing',
      '    name: "Testing > review"',
      '',
    ].join('\n');
    expect(
      problemsAfter('catalog/teams.yaml', (text) => text, { 'catalog/taxonomy.yaml': taxonomy }).filter((p) =>
        p.startsWith('catalog/taxonomy.yaml:'),
      ),
    ).toEqual([
      `catalog/taxonomy.yaml:3:5 severities[0].name: ${MARKUP}, found "Critical <script>alert(1)</script>"`,
      `catalog/taxonomy.yaml:8:5 categories[0].name: ${MARKUP}, found "Testing > review"`,
    ]);
  });

  it('accepts names with ampersands, quotes, brackets and accents', () => {
    for (const name of ['R&D', 'Search & Discovery', 'Search (beta)', 'O’Brien’s “Ledger”', 'Paiements é', 'Tier-1 / edge']) {
      expect(NameSchema.safeParse(name).success, name).toBe(true);
    }
  });
});
