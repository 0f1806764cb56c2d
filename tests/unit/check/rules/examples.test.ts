import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRuleConfigs } from '../../../../src/check/config.ts';
import { lintText } from '../../../../src/check/engine.ts';
import { checkOutsideFile } from '../../../../src/check/outside.ts';
import { EXAMPLE_BODY, EXAMPLE_FILE, placeExample } from '../../../../src/check/rules/examples.ts';
import { ALL_RULES } from '../../../../src/check/rules/index.ts';
import type { ExampleFinding, Rule, RuleExample } from '../../../../src/check/types.ts';
import { checkArchive } from '../../../../src/validation/archive.ts';
import { loadPlaceholders } from '../../../../src/validation/sources.ts';
import { sortProblems, type Position, type Problem } from '../../../../src/validation/problems.ts';
import { cli, FIXTURE, PROJECT } from '../helpers.ts';

// The fixture archive (tests/fixtures/archive): the examples name its services and teams.
const archive = checkArchive(FIXTURE);
const DEFAULTS = { rules: defaultRuleConfigs(), docsUrl: undefined, problems: [] };

/** Every problem of every rule in a post-mortem added to the fixture archive, as `npm run check <file>` finds them. */
async function check(text: string): Promise<Problem[]> {
  const gate = { unfinished: { from: 'in-review' as const, placeholders: loadPlaceholders(PROJECT) } };
  const built = checkOutsideFile(archive, join(FIXTURE, EXAMPLE_FILE), text, gate).problems.map((p) => ({ ...p, file: EXAMPLE_FILE }));
  const linted = await lintText({ root: FIXTURE, file: EXAMPLE_FILE, text, config: DEFAULTS });
  return sortProblems([...built, ...linted]);
}

/** A problem as an example documents it: its position counted from where the example's text starts. */
function asFound(problem: Problem, start: Position): ExampleFinding & { rule: string; severity: string } {
  return {
    rule: problem.rule,
    severity: problem.severity,
    line: problem.line - start.line + 1,
    column: problem.line === start.line ? problem.column - start.column + 1 : problem.column,
    ...(problem.field ? { field: problem.field } : {}),
    message: problem.message,
    ...(problem.found !== undefined ? { found: problem.found } : {}),
  };
}

const severityOf = (rule: Rule) => (rule.type === 'fixed' ? 'error' : rule.defaultSeverity);
const EXAMPLES: [string, Rule, RuleExample][] = ALL_RULES.flatMap((rule) =>
  (rule.examples ?? []).map((example) => [`${rule.id}: ${JSON.stringify(example.bad)}`, rule, example] as [string, Rule, RuleExample]),
);

describe("the rules' documented examples", () => {
  it('are placed in a post-mortem that has no problems of its own', async () => {
    expect(await check(placeExample('body', EXAMPLE_BODY).text)).toEqual([]);
  });

  it('cover every rule that has Bad and Good cases to show', () => {
    expect(ALL_RULES.filter((r) => (r.examples ?? []).length === 0).map((r) => r.id)).toEqual(['config', 'ignore-comment']);
  });

  it.each(EXAMPLES)('%s yields exactly the documented finding', async (_, rule, example) => {
    const placed = placeExample(example.in, example.bad);
    const problems = await check(placed.text);
    expect(problems.map((p) => asFound(p, placed.start))).toEqual([{ rule: rule.id, severity: severityOf(rule), ...example.finding }]);
  });

  it.each(EXAMPLES)('%s, fixed, yields nothing', async (_, _rule, example) => {
    expect(await check(placeExample(example.in, example.good).text)).toEqual([]);
  });

  it('are what --explain shows, after the docs', async () => {
    const { stdout } = await cli(['--explain', 'reference']);
    expect(stdout.slice(stdout.indexOf('Enforced by the build')))
      .toBe(`Enforced by the build: always an error, and no comment can ignore it.

Examples (line:column count from the start of the example):

  In the frontmatter:
    Bad:  services: [checkout-api, feature-flag]
          -> 1:26 services[1]: expected a service id from catalog/services.yaml, found "feature-flag"
    Good: services: [checkout-api, feature-flags]
`);
  });

  it('live only as data: no rule writes Bad: and Good: lines in its docs', () => {
    expect(ALL_RULES.filter((r) => /^\s*(Bad|Good):/m.test(r.docs)).map((r) => r.id)).toEqual([]);
  });
});
