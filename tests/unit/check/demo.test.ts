import { mkdtempSync, cpSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPostmortem } from '../../../src/authoring/new-postmortem.ts';
import { runCheck } from '../../../src/check/engine.ts';
import { formatProblem } from '../../../src/validation/problems.ts';
import { FIXTURE, PROJECT } from './helpers.ts';

describe('the archives the project ships', () => {
  it('the demo archive checks clean: no errors and no warnings', async () => {
    const { problems, checked } = await runCheck({ root: PROJECT });
    expect(problems.map(formatProblem)).toEqual([]);
    expect(checked).toEqual({ incidents: 28, readingLists: 3, catalog: 4 });
  });

  it('the fixture archive the validation tests use checks clean', async () => {
    expect((await runCheck({ root: FIXTURE })).problems).toEqual([]);
  });

  it('a fresh draft from npm run new passes, though the template quotes what not to write', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hindsight-draft-'));
    cpSync(join(PROJECT, 'catalog'), join(root, 'catalog'), { recursive: true });
    cpSync(join(PROJECT, 'templates'), join(root, 'templates'), { recursive: true });
    const file = createPostmortem(root, { title: 'Basket totals ignored vouchers', date: '2026-07-01', severity: 'SEV3', services: ['checkout-api'] });
    expect(readFileSync(join(root, file), 'utf8')).toContain('not "the engineer forgot"');
    expect((await runCheck({ root })).problems).toEqual([]);
  });
});
