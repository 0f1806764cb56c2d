import { basename, dirname } from 'node:path';
import type { ArchiveFile, CheckedArchive } from '../validation/archive.ts';
import { incidentIdFromPath } from '../validation/incident-rules.ts';
import type { Problem } from '../validation/problems.ts';
import { checkIncidentReferences, checkReadingListReferences } from '../validation/references.ts';
import { parseFrontmatterSource } from '../validation/source.ts';
import { incidentSchemaFor, validateIncidentSource, validateReadingListSource, type ValidateOptions } from '../validation/sources.ts';

/**
 * Validates a post-mortem (or, inside a folder named reading-lists, a reading list) that lives outside
 * the archive, as if it were added to it: the same schema, consistency rules and references, against
 * the archive's catalog and incidents. Its problems name it by the path given.
 */
export function checkOutsideFile(
  archive: CheckedArchive,
  path: string,
  text: string,
  options: ValidateOptions = {},
): { problems: Problem[]; file: ArchiveFile } {
  if (basename(dirname(path)) === 'reading-lists') {
    const result = validateReadingListSource(path, text, { imageHosts: archive.catalog.organisation.image_hosts, ...options });
    const references = result.data ? result.source.toProblems(checkReadingListReferences(result.data, archive.index)) : [];
    return {
      problems: [...result.problems, ...references],
      file: { file: path, kind: 'reading-list', text, source: result.source, tree: result.tree },
    };
  }
  // Validated where it would be added, incidents/<year of started>/: the folder rule holds, the file-name rules still apply.
  const name = basename(path);
  const started = (parseFrontmatterSource(path, text).data as { started?: unknown } | undefined)?.started;
  const year = typeof started === 'string' && /^\d{4}-/.test(started) ? started.slice(0, 4) : name.slice(0, 4);
  const virtual = `incidents/${year}/${name}`;
  const result = validateIncidentSource(virtual, text, incidentSchemaFor(archive.catalog), {
    imageHosts: archive.catalog.organisation.image_hosts,
    ...options,
  });
  const index = { ...archive.index, incidents: new Set([...archive.index.incidents, incidentIdFromPath(path)]) };
  const references = result.data ? result.source.toProblems(checkIncidentReferences(result.data, index)) : [];
  const problems = [...result.problems, ...references].map((p) => ({ ...p, file: path }));
  return { problems, file: { file: path, kind: 'incident', text, source: result.source, tree: result.tree } };
}
