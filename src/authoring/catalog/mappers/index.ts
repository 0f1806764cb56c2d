import type { SourceDocument } from '../sources.ts';
import { asRecord } from '../ids.ts';
import { backstageComponentMapper } from './backstage-component.ts';
import { backstageGroupMapper } from './backstage-group.ts';
import { isBackstageEntity } from './backstage-entity.ts';
import { openSloMapper } from './openslo-slo.ts';
import { slothMapper } from './sloth-prometheus.ts';
import { emptyMapped, findingAt, type Mapped, type Mapper } from './types.ts';

/** Every mapper, in the order the docs list them. */
export const MAPPERS: readonly Mapper[] = [backstageComponentMapper, backstageGroupMapper, openSloMapper, slothMapper];

/** Why a document no mapper reads was left out. */
function leftOut(data: Record<string, unknown>): { path: string[]; message: string; hint?: string } {
  const kind = typeof data.kind === 'string' ? data.kind : undefined;
  if (isBackstageEntity(data)) {
    if (kind === 'Location')
      return { path: ['kind'], message: 'a Backstage Location is not read', hint: 'Pass the files its spec.targets name instead.' };
    return {
      path: ['kind'],
      message: `a Backstage ${kind ?? 'entity without a kind'} is neither a service nor a team, so it was left out`,
    };
  }
  if (typeof data.apiVersion === 'string' && data.apiVersion.startsWith('openslo/')) {
    if (data.apiVersion !== 'openslo/v1')
      return {
        path: ['apiVersion'],
        message: `expected OpenSLO v1 (apiVersion: openslo/v1), found ${JSON.stringify(data.apiVersion)}`,
        hint: 'Convert it to v1 with the OpenSLO tools (oslo convert), then import it.',
      };
    return {
      path: ['kind'],
      message: `an OpenSLO ${kind ?? 'object without a kind'} is not read: only SLOs are`,
      hint: kind === 'Service' ? 'Services come from Backstage Components or catalog/services.yaml.' : undefined,
    };
  }
  if (typeof data.version === 'string' && /sloth|prometheus/i.test(data.version))
    return { path: ['version'], message: `expected a Sloth prometheus/v1 file, found version ${JSON.stringify(data.version)}` };
  return { path: [], message: 'not a Backstage Component or Group, an OpenSLO v1 SLO or a Sloth prometheus/v1 file, so it was left out' };
}

/** Maps one document with the mapper that reads it; a finding when none does. */
export function mapDocument(doc: SourceDocument): Mapped & { mapper: string | undefined } {
  const data = asRecord(doc.data);
  const mapper = data ? MAPPERS.find((m) => m.accepts(data)) : undefined;
  if (data && mapper) return { ...mapper.map(doc, data), mapper: mapper.id };
  const out = emptyMapped();
  const why = data ? leftOut(data) : { path: [], message: 'expected a mapping (key: value lines), found a list or a single value' };
  out.findings.push(findingAt(doc, why.path, why.message, why.hint));
  return { ...out, mapper: undefined };
}
