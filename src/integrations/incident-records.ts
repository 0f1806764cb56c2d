import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Writes `/api/incidents/<id>.json` from `/api/incidents.json` once the site is built: the same
 * record, formatted the same way, as `src/pages/api/incidents/[id].json.ts` serves under `astro dev`.
 * Rendering them as pages cost a millisecond each (10 s of a 10,000-incident build) for a copy of
 * what the archive-wide file already holds.
 */
export default function incidentRecords(): AstroIntegration {
  return {
    name: 'hindsight-incident-records',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const api = join(fileURLToPath(dir), 'api');
        const all = JSON.parse(readFileSync(join(api, 'incidents.json'), 'utf8')) as { incidents: { id: string }[] };
        mkdirSync(join(api, 'incidents'), { recursive: true });
        for (const record of all.incidents) writeFileSync(join(api, 'incidents', `${record.id}.json`), JSON.stringify(record, null, 2));
        logger.info(`${all.incidents.length} incident records written to /api/incidents/.`);
      },
    },
  };
}
