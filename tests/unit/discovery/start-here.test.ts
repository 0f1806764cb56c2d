import { describe, expect, it } from 'vitest';
import { buildStartHere, scoreInstructive, type InstructiveFeatures } from '../../../src/lib/start-here.ts';

const TODAY = '2026-11-26';
const sev = (rank: number) => ({ severityRank: rank, severityLevels: 4 });
const incident = (over: Partial<InstructiveFeatures> & { id: string }): InstructiveFeatures => ({
  started: '2025-11-26',
  ...sev(1),
  featured: false,
  actionItems: 4,
  contributingFactors: 2,
  lessonsWords: 120,
  ...over,
});

describe('how instructive an incident is', () => {
  it('adds severity, what was written and recency', () => {
    // SEV2 of 4 levels: 3. Written: 0.5 * 4 + 0.5 * 2 + 1 = 4. A year old: 2 * 0.5 = 1. Total 8.
    expect(scoreInstructive(incident({ id: 'a' }), TODAY)).toBe(8);
    // SEV1: 4. Written capped: 0.5 * 5 + 0.5 * 3 + 0 (lessons under 50 words) = 4. Today: 2. Total 10.
    expect(
      scoreInstructive(incident({ id: 'b', started: TODAY, ...sev(0), actionItems: 9, contributingFactors: 5, lessonsWords: 49 }), TODAY),
    ).toBe(10);
  });

  it('puts featured incidents first, then the rest by score', () => {
    const list = buildStartHere(
      [
        incident({ id: 'minor-but-featured', ...sev(3), featured: true }),
        incident({ id: 'sev1', ...sev(0) }),
        incident({ id: 'sev2-old', started: '2024-11-26' }),
        incident({ id: 'sev2' }),
      ],
      TODAY,
    );
    // minor-but-featured: 1 + 4 + 1 = 6; sev1: 4 + 4 + 1 = 9; sev2: 8; sev2-old: 3 + 4 + 0.5 = 7.5.
    expect(list).toEqual([
      { id: 'minor-but-featured', score: 6, featured: true },
      { id: 'sev1', score: 9, featured: false },
      { id: 'sev2', score: 8, featured: false },
      { id: 'sev2-old', score: 7.5, featured: false },
    ]);
  });

  it('keeps at most seven and copes with none', () => {
    const many = Array.from({ length: 10 }, (_, n) => incident({ id: `i${n}` }));
    expect(buildStartHere(many, TODAY)).toHaveLength(7);
    expect(buildStartHere([], TODAY)).toEqual([]);
  });
});
