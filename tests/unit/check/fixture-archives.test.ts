import { mkdtempSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPostmortem } from '../../../src/authoring/new-postmortem.ts';
import { runCheck } from '../../../src/check/engine.ts';
import { formatProblem } from '../../../src/validation/problems.ts';
import { FIXTURE, PROJECT, SITE } from './helpers.ts';

describe('the archives the tests build on', () => {
  it('the fixture site checks clean: no errors and no warnings', async () => {
    const { problems, checked } = await runCheck({ root: SITE });
    expect(problems.map(formatProblem)).toEqual([]);
    expect(checked).toEqual({ incidents: 13, readingLists: 2, catalog: 4 });
  });

  it('the fixture archive the validation tests use checks clean', async () => {
    expect((await runCheck({ root: FIXTURE })).problems).toEqual([]);
  });

  it.each(['full', 'light'])(
    'a fresh draft from the %s template passes, though the template quotes what not to write, and is refused once in review',
    async (template) => {
      const root = mkdtempSync(join(tmpdir(), 'hindsight-draft-'));
      cpSync(join(SITE, 'catalog'), join(root, 'catalog'), { recursive: true });
      cpSync(join(PROJECT, 'templates'), join(root, 'templates'), { recursive: true });
      const { path } = createPostmortem(root, {
        title: 'Bill PDFs rendered without fonts',
        date: '2026-07-01',
        severity: 'SEV3',
        services: ['billing-engine'],
        template,
      });
      const file = join(root, path);
      expect(readFileSync(file, 'utf8')).toContain('not "the engineer forgot"');
      expect((await runCheck({ root })).problems).toEqual([]);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^status: draft /m, 'status: in-review'));
      const rules = (await runCheck({ root })).problems.map((p) => p.rule);
      // mitigated is missing (consistency); the rest is what the draft left unfinished.
      expect(new Set(rules)).toEqual(new Set(['consistency', 'unfinished']));
      expect(rules.filter((r) => r === 'consistency')).toHaveLength(1);
    },
  );
});
