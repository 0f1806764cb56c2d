import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../../../src/authoring/new-postmortem.ts';
import { closestMatch } from '../../../src/validation/problems.ts';
import { loadCatalog } from '../../../src/validation/sources.ts';
import { join } from 'node:path';

describe('did you mean', () => {
  it('suggests the one candidate a typo is closest to, ignoring case', () => {
    expect(closestMatch('configuraton', ['capacity', 'configuration', 'communication'])).toBe('configuration');
    expect(closestMatch('sev2', ['SEV1', 'SEV2', 'SEV3', 'SEV4'])).toBe('SEV2');
  });

  it('suggests nothing when two candidates are as close, or none is close', () => {
    expect(closestMatch('SEV5', ['SEV1', 'SEV2', 'SEV3', 'SEV4'])).toBeUndefined();
    expect(closestMatch('billing', ['checkout-api', 'feature-flags'])).toBeUndefined();
  });

  it('helps npm run new with a severity written in lower case', () => {
    const catalog = loadCatalog(join(import.meta.dirname, '../../fixtures/archive'));
    expect(
      checkAnswers({ title: 'Flag evaluations failed', date: '2026-11-20', severity: 'sev2', services: ['feature-flags'] }, catalog),
    ).toEqual(['severity: expected one of SEV1, SEV2, SEV3, SEV4, found "sev2". Did you mean "SEV2"?']);
  });
});
