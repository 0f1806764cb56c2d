import { asRecord, humanise, toId } from '../ids.ts';
import { checkSlo } from './slo-values.ts';
import { emptyMapped, findingAt, originOf, type Mapper } from './types.ts';

/** The window Sloth uses when its file sets none (its default SLO period). */
export const SLOTH_DEFAULT_WINDOW_DAYS = 30;

/**
 * A Sloth `prometheus/v1` file gives SLOs of the service `service` names: each `slos[].name` an SLO
 * id (`<service>-<name>`, as Sloth names them), its `objective` (percent) the objective, and 30 days
 * the window, Sloth's default, since the file has no window of its own; the report says so.
 */
export const slothMapper: Mapper = {
  id: 'sloth-prometheus',
  summary:
    "A Sloth prometheus/v1 file gives SLOs of its service: <service>-<slos[].name> the id, slos[].objective (percent) the objective, 30 days the window (Sloth's default; the report says so).",
  accepts: (data) => data.version === 'prometheus/v1',
  map(doc, data) {
    const out = emptyMapped();
    const service = typeof data.service === 'string' ? toId(data.service) : '';
    if (service === '') {
      out.findings.push(
        findingAt(
          doc,
          ['service'],
          'expected the service the SLOs belong to, found nothing',
          "Set service to the service's id in catalog/services.yaml.",
        ),
      );
      return out;
    }
    const slos = Array.isArray(data.slos) ? data.slos : [];
    if (slos.length === 0) out.findings.push(findingAt(doc, ['slos'], 'expected a list of SLOs, found none'));
    slos.forEach((raw, i) => {
      const entry = asRecord(raw) ?? {};
      const name = typeof entry.name === 'string' ? toId(entry.name) : '';
      if (name === '') {
        out.findings.push(findingAt(doc, ['slos', i, 'name'], "expected the SLO's name, found nothing", 'The SLO was left out.'));
        return;
      }
      if (typeof entry.objective !== 'number') {
        out.findings.push(
          findingAt(
            doc,
            ['slos', i, 'objective'],
            `expected a percentage such as 99.9, found ${entry.objective === undefined ? 'nothing' : JSON.stringify(entry.objective)}`,
            'The SLO was left out.',
          ),
        );
        return;
      }
      const id = name.startsWith(`${service}-`) ? name : `${service}-${name}`;
      const slo = checkSlo(
        doc,
        ['slos', i, 'objective'],
        { id, name: humanise(name), objective: entry.objective, window_days: SLOTH_DEFAULT_WINDOW_DAYS },
        out.findings,
      );
      if (slo)
        out.slos.push({
          service,
          serviceAt: { field: 'service', ...doc.at(['service']) },
          slo,
          origin: originOf(doc, 'Sloth SLO', ['slos', i]),
          note: `${SLOTH_DEFAULT_WINDOW_DAYS} days: Sloth's default, the file sets no window`,
        });
    });
    return out;
  },
};
