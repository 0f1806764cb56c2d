import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCheckConfig } from '../../../src/check/config.ts';
import { runCheck } from '../../../src/check/engine.ts';
import { formatProblem } from '../../../src/validation/problems.ts';
import { copyArchive, FIXTURE, postmortem, SITE } from './helpers.ts';

/** A copy of the fixture archive with this catalog/check.yaml. */
function withConfig(yaml: string): string {
  const root = copyArchive(FIXTURE);
  writeFileSync(join(root, 'catalog/check.yaml'), yaml);
  return root;
}

describe('catalog/check.yaml', () => {
  it('is optional: every rule keeps its default', () => {
    const config = loadCheckConfig(FIXTURE);
    expect(config.problems).toEqual([]);
    expect(Object.fromEntries([...config.rules].map(([id, c]) => [id, c.severity]))).toEqual({
      'blameless-language': 'error',
      'hindsight-bias': 'warning',
      'action-item-quality': 'warning',
      secrets: 'error',
      'personal-data': 'warning',
      'ignore-comment': 'error',
      'unused-ignore': 'warning',
    });
    expect(config.rules.has('mdx-safety')).toBe(false);
  });

  it('written out in full, as the fixture site does, sets the defaults explicitly and is valid', () => {
    const config = loadCheckConfig(SITE);
    expect(config.problems).toEqual([]);
    expect(config.rules.get('personal-data')).toEqual({ severity: 'warning', options: { allow: [] } });
    // The same settings as an archive without the file.
    expect(config.rules).toEqual(loadCheckConfig(FIXTURE).rules);
  });

  it('reports every mistake in one run, at its line, with a suggestion', () => {
    const root = withConfig(
      'rules:\n  blameless-languag: error\n  schema: warning\n  hindsight-bias: eror\n  personal-data:\n    severity: warning\n    allow: 3\n    extra: 1\ndocs_url: https://wiki.pantrybox.com/check\n',
    );
    expect(loadCheckConfig(root).problems.map(formatProblem)).toEqual([
      'catalog/check.yaml:9:1 docs_url: expected an address with {rule} in it, e.g. https://wiki.example.com/hindsight/{rule}, found "https://wiki.pantrybox.com/check"',
      'catalog/check.yaml:2:3 rules.blameless-languag: expected the id of a rule, found "blameless-languag". Did you mean "blameless-language"?',
      'catalog/check.yaml:3:3 rules.schema: expected no setting for schema: it is enforced by the build and is always an error. Remove it.',
      'catalog/check.yaml:4:3 rules.hindsight-bias: expected error, warning or off, found "eror". Did you mean "error"?',
      'catalog/check.yaml:7:5 rules.personal-data.allow: expected a list of addresses or domains, e.g. ["@pantrybox.example"], found 3',
      'catalog/check.yaml:8:5 rules.personal-data.extra: unknown key. Remove it; the keys allowed here are severity, allow.',
    ]);
  });

  it('reports a YAML syntax error in it like any other', () => {
    const root = withConfig('rules:\n  hindsight-bias: [warning\n');
    const problems = loadCheckConfig(root).problems;
    expect(problems.map((p) => [p.file, p.line, p.rule])).toEqual([['catalog/check.yaml', 3, 'config']]);
  });

  it('changes what the check reports: severities, off, and links to the docs', async () => {
    const root = withConfig(
      'rules:\n  hindsight-bias: error\n  blameless-language: off\ndocs_url: https://wiki.pantrybox.com/hindsight/{rule}\n',
    );
    mkdirSync(join(root, 'incidents/2025'), { recursive: true });
    writeFileSync(join(root, 'incidents/2025/2025-06-21-checkout-500s.mdx'), postmortem("Obviously it was Sam's fault."));
    const { problems } = await runCheck({ root });
    expect(problems.map((p) => [p.line, p.rule, p.severity, p.docs])).toEqual([
      [28, 'hindsight-bias', 'error', 'https://wiki.pantrybox.com/hindsight/hindsight-bias'],
    ]);
  });
});
