import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/validation/sources.ts';
import { formatProblem } from '../../../src/validation/problems.ts';
import { copyFixture, problemsAfter, replaceOnce } from './helpers.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LINKS = '  team: payments\n  links:\n';
const withLinks = (lines: string) => replaceOnce('  team: payments\n', `${LINKS}${lines}`);
const catalogProblems = (edit: (text: string) => string) =>
  problemsAfter('catalog/services.yaml', edit).filter((p) => p.startsWith('catalog/services.yaml:'));

describe('a service lists where the person on call goes next', () => {
  it('reads links as labels and http(s) addresses', () => {
    const root = copyFixture();
    const file = join(root, 'catalog/services.yaml');
    writeFileSync(
      file,
      withLinks(
        '    - { label: Runbook, url: "https://wiki.example.com/runbooks/checkout" }\n    - { label: Dashboard, url: "http://grafana.example.com/d/checkout" }\n',
      )(readFileSync(file, 'utf8')),
    );
    const catalog = loadCatalog(root);
    expect(catalog.problems.map(formatProblem)).toEqual([]);
    expect(catalog.services[0]!.links).toEqual([
      { label: 'Runbook', url: 'https://wiki.example.com/runbooks/checkout' },
      { label: 'Dashboard', url: 'http://grafana.example.com/d/checkout' },
    ]);
    expect(catalog.services[1]!.links).toBeUndefined();
  });

  it('rejects an address that is not http(s)', () => {
    expect(catalogProblems(withLinks('    - { label: Runbook, url: "javascript:alert(1)" }\n'))).toEqual([
      'catalog/services.yaml:5:25 [0].links[0].url: expected an http(s) URL, e.g. https://wiki.example.com/runbooks/checkout, found "javascript:alert(1)"',
    ]);
  });

  it('rejects markup in a label and a link without its address', () => {
    expect(
      catalogProblems(withLinks('    - { label: "<b>Runbook</b>", url: "https://wiki.example.com/r" }\n    - label: Dashboard\n')),
    ).toEqual([
      'catalog/services.yaml:5:9 [0].links[0].label: expected a name in plain text, without < or >: write words or brackets instead of markup, e.g. Payments or Search (beta), found "<b>Runbook</b>"',
      'catalog/services.yaml:7:7 [0].links[1].url: required field is missing: expected an http(s) URL, e.g. https://wiki.example.com/runbooks/checkout. Add url: here, after label.',
    ]);
  });

  it('rejects links written as a single address', () => {
    expect(catalogProblems(replaceOnce('  team: payments\n', '  team: payments\n  links: https://wiki.example.com/r\n'))).toEqual([
      'catalog/services.yaml:4:3 [0].links: expected a list of links, each { label, url }, found "https://wiki.example.com/r"',
    ]);
  });
});
