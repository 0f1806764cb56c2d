import { NameSchema } from '../../../schema/common.ts';
import type { SourceDocument } from '../sources.ts';
import { asRecord, asText, toId } from '../ids.ts';
import { findingAt, type ImportFinding } from './types.ts';

/** True for a Backstage catalog entity (`apiVersion: backstage.io/...`) of this kind. */
export function isBackstageEntity(data: Record<string, unknown>, kind?: string): boolean {
  return typeof data.apiVersion === 'string' && data.apiVersion.startsWith('backstage.io/') && (kind === undefined || data.kind === kind);
}

/** An entity's `metadata.name` made into a catalog id, and the name as written when that changed it. */
export function entityId(
  doc: SourceDocument,
  data: Record<string, unknown>,
  findings: ImportFinding[],
): { id: string; writtenAs?: string } | undefined {
  const name = asRecord(data.metadata)?.name;
  const id = typeof name === 'string' ? toId(name) : '';
  if (id === '') {
    findings.push(
      findingAt(
        doc,
        ['metadata', 'name'],
        `expected the ${String(data.kind)}'s name, found ${name === undefined ? 'nothing' : JSON.stringify(name)}`,
        'Every Backstage entity has metadata.name; the catalog id is made from it.',
      ),
    );
    return undefined;
  }
  return id === name ? { id } : { id, writtenAs: name as string };
}

/** A display name from the first of `candidates` (field paths) that is plain text, else the id; a finding for each that is not. */
export function displayName(
  doc: SourceDocument,
  data: Record<string, unknown>,
  candidates: readonly (readonly string[])[],
  fallback: string,
  findings: ImportFinding[],
): string {
  for (const path of candidates) {
    let value: unknown = data;
    for (const key of path) value = asRecord(value)?.[key];
    const text = asText(value);
    if (text === undefined) continue;
    const checked = NameSchema.safeParse(text);
    if (checked.success) return checked.data;
    findings.push(
      findingAt(
        doc,
        path,
        `${checked.error.issues[0]!.message}, found ${JSON.stringify(text)}`,
        `The name ${JSON.stringify(fallback)} is used instead.`,
      ),
    );
  }
  return fallback;
}
