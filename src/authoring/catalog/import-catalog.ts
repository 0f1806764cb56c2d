import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProblem } from '../../validation/problems.ts';
import { parseYamlSource } from '../../validation/source.ts';
import { loadCatalog } from '../../validation/sources.ts';
import { assemble } from './assemble.ts';
import { CatalogImportError } from './errors.ts';
import { mapDocument } from './mappers/index.ts';
import type { ImportFinding } from './mappers/types.ts';
import { planImport, type ImportPlan } from './merge.ts';
import { readSources, type SourceSet } from './sources.ts';
import { applyPlan } from './write.ts';

/** What `npm run catalog -- import` needs to know. */
export interface CatalogImportOptions {
  /** The archive whose catalog/ is merged into. */
  root: string;
  /** Files and folders to read, as given on the command line. */
  inputs: readonly string[];
  /** The folder the command runs in: inputs and the report's file names are relative to it. */
  cwd: string;
  /** Report only; write nothing. */
  dryRun?: boolean;
}

/** What an import read, mapped, could not map, and wrote. */
export interface CatalogImportResult {
  sources: SourceSet;
  plan: ImportPlan;
  /** What could not be mapped, by file and position. */
  findings: ImportFinding[];
  /** The catalog files that change (written, or that would be on a dry run). */
  changed: string[];
  dryRun: boolean;
}

const FILES = { teams: 'catalog/teams.yaml', services: 'catalog/services.yaml' } as const;

function readIfThere(root: string, file: string): string | undefined {
  const path = join(root, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** The merged files must pass the same checks as the build before anything is written. */
function validateMerged(texts: Record<string, string | undefined>): string[] {
  const stage = mkdtempSync(join(tmpdir(), 'hindsight-catalog-'));
  try {
    mkdirSync(join(stage, 'catalog'));
    for (const [file, text] of Object.entries(texts)) if (text !== undefined) writeFileSync(join(stage, file), text);
    return loadCatalog(stage).problems.map(formatProblem);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * Reads Backstage, OpenSLO and Sloth files and merges what they describe into catalog/ under `root`:
 * new teams, services and SLOs are added, everything already written is kept as it is (a conflict
 * is reported instead), and the result passes loadCatalog before a byte is written.
 */
export function importCatalog(options: CatalogImportOptions): CatalogImportResult {
  const texts = { teams: readIfThere(options.root, FILES.teams), services: readIfThere(options.root, FILES.services) };
  const present = new Set<string>(
    Object.entries(FILES)
      .filter(([key]) => texts[key as keyof typeof texts] !== undefined)
      .map(([, file]) => file),
  );
  const catalog = loadCatalog(options.root);
  // A missing teams.yaml or services.yaml is created; any other problem must be fixed first.
  const problems = catalog.problems.filter(
    (p) => p.severity === 'error' && (present.has(p.file) || !(Object.values(FILES) as string[]).includes(p.file)),
  );
  if (problems.length > 0) {
    throw new CatalogImportError(
      `catalog/ has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} to fix first (npm run check lists them too); nothing was written:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
  }
  const sources = readSources(options.inputs, options.cwd);
  const mapped = sources.documents.map(mapDocument);
  const assembled = assemble(mapped, {
    teams: new Set(catalog.teams.map((t) => t.id)),
    services: new Set(catalog.services.map((s) => s.id)),
  });
  const plan = planImport(assembled, {
    teams: catalog.teams,
    services: catalog.services,
    teamsSource: parseYamlSource(FILES.teams, texts.teams ?? ''),
    servicesSource: parseYamlSource(FILES.services, texts.services ?? ''),
  });
  const updated = applyPlan(texts, plan);
  const invalid = validateMerged({ [FILES.teams]: updated.teams ?? texts.teams, [FILES.services]: updated.services ?? texts.services });
  if (invalid.length > 0)
    throw new CatalogImportError(
      `the merged catalog would not pass its own checks, so nothing was written:\n${invalid.map((p) => `  ${p}`).join('\n')}`,
    );

  const changed = (['teams', 'services'] as const).filter((key) => updated[key] !== undefined).map((key) => FILES[key]);
  if (!options.dryRun) {
    mkdirSync(join(options.root, 'catalog'), { recursive: true });
    for (const key of ['teams', 'services'] as const) {
      const text = updated[key];
      if (text !== undefined) writeFileSync(join(options.root, FILES[key]), text);
    }
  }
  const findings = [...assembled.findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { sources, plan, findings, changed, dryRun: options.dryRun === true };
}
