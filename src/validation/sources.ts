import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { OrganisationSchema, ServicesFileSchema, TeamsFileSchema, type Organisation, type Service, type Team } from '../schema/catalog.ts';
import { createIncidentSchema, type IncidentData } from '../schema/incident.ts';
import { ReadingListSchema, type ReadingListData } from '../schema/reading-list.ts';
import { resolveTaxonomy, TaxonomyFileSchema, type Taxonomy } from '../schema/taxonomy.ts';
import { ID_PATTERN } from '../schema/common.ts';
import { TEMPLATE_FILES } from '../schema/templates.ts';
import { archivePathExists, listArchiveFolder, readArchiveText } from './files.ts';
import { checkIncidentConsistency, incidentIdFromPath } from './incident-rules.ts';
import { checkDateRanges, checkTextCharacters, systemClock, type Clock } from './limits.ts';
import { isAboutTouched, parseWithoutInvalid } from './lenient.ts';
import { parseMdxBody } from './mdx-syntax.ts';
import type { Root as MdastRoot } from 'mdast';
import { describeValue, type Finding, type Problem } from './problems.ts';
import { checkCatalog, checkTemplateChoice } from './references.ts';
import { parseFrontmatterSource, parseYamlSource, type FrontmatterSource, type YamlSource } from './source.ts';
import { zodIssuesToFindings } from './zod-findings.ts';
import { checkUnfinished, mergePlaceholders, templatePlaceholders, type Placeholders, type UnfinishedFrom } from './unfinished.ts';

/** The outcome of validating one file: its data when valid, every problem, and its positions. */
export interface Validated<T> {
  data: T | undefined;
  problems: Problem[];
  source: YamlSource;
}

/**
 * Validates parsed YAML data against a schema; problems carry positions from `source`. Every string in
 * it, keys included, must be free of control characters, whatever the schema says of the field.
 */
export function validateWithSchema<S extends z.ZodType>(source: YamlSource, schema: S): Validated<z.output<S>> {
  if (source.problems.length > 0) return { data: undefined, problems: source.problems, source };
  const characters = source.toProblems(checkTextCharacters(source.data));
  const result = schema.safeParse(source.data);
  if (result.success) return { data: result.data, problems: characters, source };
  return {
    data: undefined,
    problems: [...characters, ...source.toProblems(zodIssuesToFindings(result.error.issues, source.data, schema))],
    source,
  };
}

/** What validating a post-mortem may depend on beyond its text. */
export interface ValidateOptions {
  /** The real time, for the latest date a key moment may have (tomorrow); the system clock by default. */
  now?: Clock;
  /**
   * Refuse unfinished work (src/validation/unfinished.ts) in files at or past this status: `npm run
   * check` passes `in-review`, the build `published`. Left out, nothing is checked for it.
   */
  unfinished?: { from: UnfinishedFrom; placeholders: Placeholders };
  /** Origins whose images a body may show (`image_hosts` in catalog/organisation.yaml); none by default. */
  imageHosts?: readonly string[];
}

const STAGES = ['draft', 'in-review', 'published'];

/**
 * The templates' placeholders, read from `templates/postmortem.mdx` and `templates/postmortem-light.mdx`
 * under the project: a draft from either is unfinished while it holds the examples or guidance of
 * either. A template that is absent adds none.
 */
export function loadPlaceholders(projectRoot: string): Placeholders {
  return mergePlaceholders(
    Object.values(TEMPLATE_FILES).map((file) => {
      const path = join(projectRoot, file);
      const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
      return templatePlaceholders(text, (body) => parseMdxBody(file, body, 1).tree);
    }),
  );
}

function unfinishedProblems(
  file: string,
  text: string,
  source: FrontmatterSource,
  tree: MdastRoot | undefined,
  status: unknown,
  options: ValidateOptions,
): Problem[] {
  const gate = options.unfinished;
  if (!gate || typeof status !== 'string' || STAGES.indexOf(status) < STAGES.indexOf(gate.from)) return [];
  return checkUnfinished(file, text, source, tree, gate.placeholders);
}

/** A validated `.mdx` file: its frontmatter source (with positions), its body and the body's MDX tree when it parses. */
export type ValidatedMdx<T> = Validated<T> & {
  source: FrontmatterSource;
  body: string;
  tree: MdastRoot | undefined;
  /** When the schema failed: the data without its invalid parts, and the paths changed to get it. */
  partial?: { data: T; touched: (string | number)[][] } | undefined;
};

/**
 * The rules within one incident: dates in range, then consistency, leaving out what consistency says
 * about a date already out of range (a file name or folder of the year 9999 is no fix).
 */
function withinFile(relativePath: string, data: IncidentData, now: Date): Finding[] {
  const ranges = checkDateRanges(data, now);
  const outOfRange = new Set(ranges.map((f) => JSON.stringify(f.path)));
  return [...ranges, ...checkIncidentConsistency(relativePath, data).filter((f) => !outOfRange.has(JSON.stringify(f.path)))];
}

/** Validates one incident file: frontmatter syntax, schema, then the rules within the file. */
export function validateIncidentSource(
  relativePath: string,
  text: string,
  schema: z.ZodType<IncidentData>,
  options: ValidateOptions = {},
): ValidatedMdx<IncidentData> {
  const now = (options.now ?? systemClock)();
  const source = parseFrontmatterSource(relativePath, text);
  const result = validateWithSchema(source, schema);
  const mdx = parseMdxBody(relativePath, source.body, source.bodyLine, { imageHosts: options.imageHosts ?? [] });
  const common = { source, body: source.body, tree: mdx.tree };
  if (!result.data) {
    // Report the rules within the file too, on the data as it would be without the schema's problems.
    const lenient = source.problems.length === 0 ? parseWithoutInvalid(schema, source.data) : undefined;
    const more = lenient
      ? source.toProblems(withinFile(relativePath, lenient.data, now).filter((f) => !isAboutTouched(f, lenient.touched)))
      : [];
    const unfinished = unfinishedProblems(
      relativePath,
      text,
      source,
      mdx.tree,
      (source.data as { status?: unknown } | undefined)?.status,
      options,
    );
    return { ...result, ...common, problems: [...result.problems, ...more, ...mdx.problems, ...unfinished], partial: lenient };
  }
  // The data is schema-valid here, so callers can still check its references after a consistency error.
  const consistency = source.toProblems(withinFile(relativePath, result.data, now));
  const unfinished = unfinishedProblems(relativePath, text, source, mdx.tree, result.data.status, options);
  return { ...result, ...common, problems: [...result.problems, ...consistency, ...mdx.problems, ...unfinished] };
}

/**
 * A reading list's id is its file name, which becomes its address: lower-case letters, digits and
 * single hyphens, like every other id (`..mdx` or `Start Here.mdx` would make no usable page).
 */
export function checkReadingListFileName(relativePath: string): Problem[] {
  const id = incidentIdFromPath(relativePath);
  if (ID_PATTERN.test(id)) return [];
  const suggestion =
    id
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'reading-list';
  return [
    {
      file: relativePath,
      line: 1,
      column: 1,
      field: '',
      rule: 'consistency',
      severity: 'error',
      message: 'expected the file name to be <slug>.mdx with a lower-case, hyphenated slug',
      found: describeValue(relativePath.split('/').pop()),
      hint: `Rename it, e.g. to ${suggestion}.mdx: the name is the reading list's id and address.`,
    },
  ];
}

/** Validates one reading-list file: its name, its frontmatter and its body. */
export function validateReadingListSource(
  relativePath: string,
  text: string,
  options: Pick<ValidateOptions, 'imageHosts'> = {},
): ValidatedMdx<ReadingListData> {
  const source = parseFrontmatterSource(relativePath, text);
  const result = validateWithSchema(source, ReadingListSchema);
  const mdx = parseMdxBody(relativePath, source.body, source.bodyLine, { imageHosts: options.imageHosts ?? [] });
  return {
    ...result,
    source,
    problems: [...checkReadingListFileName(relativePath), ...result.problems, ...mdx.problems],
    body: source.body,
    tree: mdx.tree,
  };
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
  if (!archivePathExists(root, file)) {
    if (!required) return undefined;
    const source = parseYamlSource(file, '');
    return {
      data: undefined,
      source,
      problems: [
        {
          file,
          line: 1,
          column: 1,
          field: '',
          rule: 'yaml',
          severity: 'error',
          message: 'expected this file to exist',
          hint: 'Create it; see the README section "Configuration".',
        },
      ],
    };
  }
  const read = readArchiveText(root, file);
  if (read.text === undefined || read.problems.length > 0)
    return { data: undefined, source: parseYamlSource(file, ''), problems: read.problems };
  return validateWithSchema(parseYamlSource(file, read.text), schema);
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
  const resolved = resolveTaxonomy(taxonomy?.data);
  if (organisation?.data)
    problems.push(
      ...organisation.source.toProblems(
        checkTemplateChoice(
          organisation.data,
          resolved.severities.map((s) => s.id),
        ),
      ),
    );
  return {
    organisation: organisation?.data ?? DEFAULT_ORGANISATION,
    services: services.data ?? [],
    teams: teams.data ?? [],
    taxonomy: resolved,
    problems,
  };
}

/** The incident schema for the taxonomy in `catalog/taxonomy.yaml`. */
export function incidentSchemaFor(catalog: Pick<Catalog, 'taxonomy'>) {
  return createIncidentSchema(catalog.taxonomy);
}

/**
 * Relative paths (with `/`) of the `.mdx` files under `dir`, skipping names that start with `_`; a
 * symbolic link inside the archive counts as the file it names. listArchiveFolder also says what else is there.
 */
export function listMdxFiles(root: string, dir: string): string[] {
  return listArchiveFolder(root, dir).files;
}
