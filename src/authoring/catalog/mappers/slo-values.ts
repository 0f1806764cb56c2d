import { SloSchema, type Slo } from '../../../schema/catalog.ts';
import type { SourceDocument } from '../sources.ts';
import { findingAt, type ImportFinding } from './types.ts';

/** Percent with float noise removed: 0.999 * 100 reads 99.9, not 99.90000000000001. */
export function toPercent(share: number): number {
  return Math.round(share * 100 * 1e9) / 1e9;
}

/** Checks a mapped SLO with the catalog's schema; a finding at `path` when it does not pass. */
export function checkSlo(doc: SourceDocument, path: readonly (string | number)[], slo: Slo, findings: ImportFinding[]): Slo | undefined {
  const result = SloSchema.safeParse(slo);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const value = (slo as Record<string, unknown>)[String(issue.path[0])];
  findings.push(
    findingAt(doc, path, `${String(issue.path[0])}: ${issue.message}, found ${JSON.stringify(value)}`, 'The SLO was left out.'),
  );
  return undefined;
}
