import { isMap, isSeq, parseDocument, Scalar, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Slo } from '../../schema/catalog.ts';
import { renderServices, renderTeams } from '../init/files.ts';
import { CatalogImportError } from './errors.ts';
import type { ImportPlan } from './merge.ts';

function listOf(doc: Document, file: string): YAMLSeq {
  const seq = doc.contents;
  if (!isSeq(seq)) throw new CatalogImportError(`${file}: expected a list at the top of the file; fix it by hand first.`);
  // An empty `[]` (as npm run init writes it) becomes a block list once it has items.
  seq.flow = false;
  return seq;
}

function sloNode(doc: Document, slo: Slo): YAMLMap {
  return doc.createNode({ id: slo.id, name: slo.name, objective: slo.objective, window_days: slo.window_days }) as YAMLMap;
}

/** A new service as the format writes it: block keys, SLOs as block entries, links as `{ label, url: "..." }`. */
function serviceNode(doc: Document, service: ImportPlan['services'][number], slos: readonly Slo[]): YAMLMap {
  const node = doc.createNode({
    id: service.service.id,
    name: service.service.name,
    team: service.team,
    ...(service.service.description === undefined ? {} : { description: service.service.description }),
  }) as YAMLMap;
  if (slos.length > 0) node.set('slos', doc.createNode(slos.map((slo) => sloNode(doc, slo))));
  if (service.service.links && service.service.links.length > 0) {
    const links = doc.createNode(
      service.service.links.map((link) => {
        const map = doc.createNode({ label: link.label }) as YAMLMap;
        const url = new Scalar(link.url);
        url.type = Scalar.QUOTE_DOUBLE;
        map.set('url', url);
        map.flow = true;
        return map;
      }),
    ) as YAMLSeq;
    node.set('links', links);
  }
  return node;
}

/**
 * The new text of `catalog/teams.yaml` and `catalog/services.yaml` with the plan applied through the
 * yaml Document API: entries appended, SLOs added under the services that get them, and every comment
 * and entry already written kept. A file with nothing to add is left out of the result.
 */
export function applyPlan(
  texts: { teams: string | undefined; services: string | undefined },
  plan: ImportPlan,
): { teams?: string; services?: string } {
  const out: { teams?: string; services?: string } = {};
  if (plan.teams.length > 0) {
    const doc = parseDocument(texts.teams ?? renderTeams({ teams: [] }));
    const seq = listOf(doc, 'catalog/teams.yaml');
    for (const { team } of plan.teams)
      seq.add(doc.createNode({ id: team.id, name: team.name, ...(team.contact === undefined ? {} : { contact: team.contact }) }));
    out.teams = doc.toString({ lineWidth: 0 });
  }
  if (plan.services.length > 0 || plan.slos.length > 0) {
    const doc = parseDocument(texts.services ?? renderServices({ services: [] }));
    const seq = listOf(doc, 'catalog/services.yaml');
    for (const slo of plan.slos.filter((s) => s.toExistingService)) {
      const entry = seq.items.find((item) => isMap(item) && item.get('id') === slo.service);
      if (!isMap(entry)) continue;
      const slos = entry.get('slos', true);
      if (isSeq(slos)) {
        slos.flow = false;
        slos.add(sloNode(doc, slo.slo));
      } else entry.set('slos', doc.createNode([sloNode(doc, slo.slo)]));
    }
    for (const service of plan.services) {
      seq.add(
        serviceNode(
          doc,
          service,
          plan.slos.filter((s) => !s.toExistingService && s.service === service.service.id).map((s) => s.slo),
        ),
      );
    }
    out.services = doc.toString({ lineWidth: 0 });
  }
  return out;
}
