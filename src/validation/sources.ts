import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'astro/zod';
import { OrganisationSchema, ServicesFileSchema, TeamsFileSchema, type Organisation, type Service, type Team } from '../schema/catalog.ts';
import { createIncidentSchema, type IncidentData } from '../schema/incident.ts';
import { ReadingListSchema, type ReadingListData } from '../schema/reading-list.ts';
import { resolveTaxonomy, TaxonomyFileSchema, type Taxonomy } from '../schema/taxonomy.ts';
import { checkIncidentConsistency } from './incident-rules.ts';
import { isAboutTouched, parseWithoutInvalid } from './lenient.ts';
import { parseMdxBody } from './mdx-syntax.ts';
import type { Root as MdastRoot } from 'mdast';
import type { Problem } from './problems.ts';
import { checkCatalog } from './references.ts';
import { parseFrontmatterSource, parseYamlSource, type FrontmatterSource, type YamlSource } from './source.ts';
import { zodIssuesToFindings } from './zod-findings.ts';

/** The outcome of validating one file: its data when valid, every problem, and its positions. */
export interface Validated<T> {
  data: T | undefined;
  problems: Problem[];
  source: YamlSource;
}

/** Validates parsed YAML data against a schema; problems carry positions from `source`. */
export function validateWithSchema<S extends z.ZodType>(source: YamlSource, schema: S): Validated<z.output<S>> {
  if (source.problems.length > 0) return { data: undefined, problems: source.problems, source };
  const result = schema.safeParse(source.data);
  if (result.success) return { data: result.data, problems: [], source };
  return { data: undefined, problems: source.toProblems(zodIssuesToFindings(result.error.issues, source.data, schema)), source };
}

/** A validated `.mdx` file: its frontmatter source (with positions), its body and the body's MDX tree when it parses. */
export type ValidatedMdx<T> = Validated<T> & {
  source: FrontmatterSource;
  body: string;
  tree: MdastRoot | undefined;
  /** When the schema failed: the data without its invalid parts, and the paths changed to get it. */
  partial?: { data: T; touched: (string | number)[][] } | undefined;
};

/** Validates one incident file: frontmatter syntax, schema, then the rules within the file. */
export function validateIncidentSource(relativePath: string, text: string, schema: z.ZodType<IncidentData>): ValidatedMdx<IncidentData> {
  const source = parseFrontmatterSource(relativePath, text);
  const result = validateWithSchema(source, schema);
  const mdx = parseMdxBody(relativePath, source.body, source.bodyLine);
  const common = { source, body: source.body, tree: mdx.tree };
  if (!result.data) {
    // Report the rules within the file too, on the data as it would be without the schema's problems.
    const lenient = source.problems.length === 0 ? parseWithoutInvalid(schema, source.data) : undefined;
    const more = lenient
      ? source.toProblems(checkIncidentConsistency(relativePath, lenient.data).filter((f) => !isAboutTouched(f, lenient.touched)))
      : [];
    return { ...result, ...common, problems: [...result.problems, ...more, ...mdx.problems], partial: lenient };
  }
  // The data is schema-valid here, so callers can still check its references after a consistency error.
  const consistency = source.toProblems(checkIncidentConsistency(relativePath, result.data));
  return { ...result, ...common, problems: [...consistency, ...mdx.problems] };
}

/** Validates one reading-list file's frontmatter. */
export function validateReadingListSource(relativePath: string, text: string): ValidatedMdx<ReadingListData> {
  const source = parseFrontmatterSource(relativePath, text);
  const result = validateWithSchema(source, ReadingListSchema);
  const mdx = parseMdxBody(relativePath, source.body, source.bodyLine);
  return { ...result, source, problems: [...result.problems, ...mdx.problems], body: source.body, tree: mdx.tree };
}

/** The catalog: organisation, services, teams and taxonomy, with every problem found in them. */
export interface Catalog {
  organisation: Organisation;
  services: Service[];
  teams: Team[];
  taxonomy: Taxonomy;
  problems: Problem[];
}

const DEFAULT_ORGANISATION: Organisation = OrganisationSchema.parse({ name: 'Hindsight', title: 'Post-mortems', time_zone: 'UTC' });

function readYaml<S extends z.ZodType>(root: string, file: string, schema: S, required: boolean): Validated<z.output<S>> | undefined {
  const path = join(root, file);
  if (!existsSync(path)) {
    if (!required) return undefined;
    const source = parseYamlSource(file, '');
    return { data: undefined, source, problems: [{ file, line: 1, column: 1, field: '', rule: 'yaml', severity: 'error', message: 'expected this file to exist', hint: 'Create it; see the README section "Configuration".' }] };
  }
  return validateWithSchema(parseYamlSource(file, readFileSync(path, 'utf8')), schema);
}

/** Reads and validates `catalog/*.yaml` under `root`. */
export function loadCatalog(root: string): Catalog {
  const organisation = readYaml(root, 'catalog/organisation.yaml', OrganisationSchema, false);
  const services = readYaml(root, 'catalog/services.yaml', ServicesFileSchema, true)!;
  const teams = readYaml(root, 'catalog/teams.yaml', TeamsFileSchema, true)!;
  const taxonomy = readYaml(root, 'catalog/taxonomy.yaml', TaxonomyFileSchema, false);
  const problems = [...(organisation?.problems ?? []), ...services.problems, ...teams.problems, ...(taxonomy?.problems ?? [])];
  if (services.data && teams.data) {
    const findings = checkCatalog(services.data, teams.data);
    problems.push(...services.source.toProblems(findings.services), ...teams.source.toProblems(findings.teams));
  }
  return {
    organisation: organisation?.data ?? DEFAULT_ORGANISATION,
    services: services.data ?? [],
    teams: teams.data ?? [],
    taxonomy: resolveTaxonomy(taxonomy?.data),
    problems,
  };
}

/** The incident schema for the taxonomy in `catalog/taxonomy.yaml`. */
export function incidentSchemaFor(catalog: Pick<Catalog, 'taxonomy'>) {
  return createIncidentSchema(catalog.taxonomy);
}

/** Relative paths (with `/`) of the `.mdx` files under `dir`, skipping names that start with `_`. */
export function listMdxFiles(root: string, dir: string): string[] {
  const base = join(root, dir);
  if (!existsSync(base)) return [];
  return (readdirSync(base, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile() && d.name.endsWith('.mdx') && !d.name.startsWith('_'))
    .map((d) => relative(root, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}
