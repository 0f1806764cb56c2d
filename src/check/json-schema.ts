import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import ts from 'typescript';
import * as catalogSchemas from '../schema/catalog.ts';
import { CalendarDateSchema, DATE_PATTERN, TIMESTAMP_PATTERN, TimestampSchema } from '../schema/common.ts';
import { derivesFrom, FIELD_META_KEYWORD } from '../schema/fields.ts';
import * as incidentSchemas from '../schema/incident.ts';
import * as readingListSchemas from '../schema/reading-list.ts';
import * as taxonomySchemas from '../schema/taxonomy.ts';
import { incidentSchemaFor, loadCatalog } from '../validation/sources.ts';
import { createCheckConfigSchema } from './config.ts';

const SCHEMA_SOURCES = fileURLToPath(new URL('../schema/', import.meta.url));

type JsonObject = { [key: string]: unknown };

/** The JSDoc lines of the fields of the object schemas in some source files. */
export interface FieldDocs {
  /** By the name of the constant an object schema is assigned to, e.g. `ActionItemSchema`. */
  byName: Map<string, Record<string, string>>;
  /** By the object's sorted field names, for objects written inline; absent when two objects disagree. */
  byFields: Map<string, Record<string, string>>;
}

/**
 * The JSDoc line of every field of every object schema in the TypeScript files of a folder: the
 * catalog, taxonomy and reading-list schemas carry no descriptions at run time, but their source
 * documents every field. Incident fields carry theirs in `field()` metadata.
 */
export function readFieldDocs(dir = SCHEMA_SOURCES): FieldDocs {
  const byName = new Map<string, Record<string, string>>();
  const byFields = new Map<string, Record<string, string>>();
  const conflicting = new Set<string>();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.ts'))
    .sort()) {
    const file = ts.createSourceFile(name, readFileSync(join(dir, name), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        /(?:strictObject|object)$/.test(node.expression.getText(file)) &&
        node.arguments[0] &&
        ts.isObjectLiteralExpression(node.arguments[0])
      ) {
        const fields: Record<string, string> = {};
        const names: string[] = [];
        for (const property of node.arguments[0].properties) {
          if (!ts.isPropertyAssignment(property)) continue;
          const key = property.name.getText(file).replace(/^['"]|['"]$/g, '');
          names.push(key);
          const comment = ts
            .getJSDocCommentsAndTags(property)
            .filter(ts.isJSDoc)
            .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
            .join(' ')
            .trim();
          if (comment) fields[key] = comment;
        }
        if (ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) byName.set(node.parent.name.text, fields);
        const key = [...names].sort().join(',');
        const seen = byFields.get(key);
        // Objects with the same fields but other meanings (severities and categories) must not lend each other docs.
        if (seen && Object.keys(fields).some((f) => seen[f] !== undefined && seen[f] !== fields[f])) conflicting.add(key);
        byFields.set(key, { ...fields, ...seen });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  for (const key of conflicting) byFields.delete(key);
  return { byName, byFields };
}

// Puts the field docs of inline objects on their properties, and keeps zod's integer bound out of the output.
function describe(node: unknown, docs: FieldDocs): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((item) => describe(item, docs));
    return;
  }
  const schema = node as JsonObject;
  if (schema.maximum === Number.MAX_SAFE_INTEGER) delete schema.maximum;
  const properties = schema.properties as Record<string, JsonObject> | undefined;
  if (properties) addDescriptions(properties, docs.byFields.get(Object.keys(properties).sort().join(',')));
  for (const value of Object.values(schema)) describe(value, docs);
}

// Replaces each property with a described copy: zod shares one JSON object between every use of a schema such as TextSchema.
function addDescriptions(properties: Record<string, JsonObject>, fields: Record<string, string> | undefined): void {
  for (const [key, property] of Object.entries(properties)) {
    if (fields?.[key] && property.description === undefined) properties[key] = { ...property, description: fields[key] };
  }
}

function toJsonSchema(
  schema: z.ZodType,
  title: string,
  description: string,
  docs: FieldDocs,
  named: Map<unknown, Record<string, string>>,
): JsonObject {
  const json = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      // Refinements are invisible to JSON Schema; these two are patterns, so the editor can check them too.
      if (derivesFrom(ctx.zodSchema, TimestampSchema)) Object.assign(ctx.jsonSchema, { pattern: TIMESTAMP_PATTERN.source });
      if (derivesFrom(ctx.zodSchema, CalendarDateSchema)) Object.assign(ctx.jsonSchema, { pattern: DATE_PATTERN.source });
      if (FIELD_META_KEYWORD in ctx.jsonSchema) {
        // Labels and classifications are for Hindsight's own use; editors need only the description,
        // which goes last, where a field's JSDoc line goes.
        const { [FIELD_META_KEYWORD]: _, description, ...rest } = ctx.jsonSchema;
        for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
        Object.assign(ctx.jsonSchema, rest, description === undefined ? {} : { description });
      }
      const fields = named.get(ctx.zodSchema);
      if (fields && ctx.jsonSchema.properties) addDescriptions(ctx.jsonSchema.properties as Record<string, JsonObject>, fields);
    },
  }) as JsonObject;
  const { $schema, ...rest } = JSON.parse(JSON.stringify(json)) as JsonObject;
  const result: JsonObject = { $schema, title, description, ...rest };
  describe(result, docs);
  return result;
}

/** The object schemas exported by these modules, each with the docs of its fields. */
function namedSchemas(docs: FieldDocs, modules: readonly Record<string, unknown>[]): Map<unknown, Record<string, string>> {
  const named = new Map<unknown, Record<string, string>>();
  for (const module of modules)
    for (const [name, value] of Object.entries(module)) if (docs.byName.has(name)) named.set(value, docs.byName.get(name)!);
  return named;
}

/** The JSON Schemas for editors, by file name under `schemas/`, generated from the zod schemas and the archive's taxonomy. */
export function buildJsonSchemas(root: string): Record<string, JsonObject> {
  const docs = readFieldDocs();
  const named = namedSchemas(docs, [catalogSchemas, incidentSchemas, readingListSchemas, taxonomySchemas]);
  const generated = 'Generated from the zod schemas in src/schema by `npm run schema`; do not edit.';
  const build = (schema: z.ZodType, title: string, description: string) =>
    toJsonSchema(schema, title, `${description} ${generated}`, docs, named);
  const configDocs = readFieldDocs(fileURLToPath(new URL('./', import.meta.url)));
  return {
    'incident.schema.json': build(
      incidentSchemaFor(loadCatalog(root)),
      'Hindsight post-mortem frontmatter',
      'The frontmatter of incidents/<yyyy>/<yyyy-mm-dd>-<slug>.mdx, with the severities and categories of catalog/taxonomy.yaml.',
    ),
    'reading-list.schema.json': build(
      readingListSchemas.ReadingListSchema,
      'Hindsight reading list frontmatter',
      'The frontmatter of reading-lists/<slug>.mdx.',
    ),
    'services.schema.json': build(catalogSchemas.ServicesFileSchema, 'Hindsight service catalog', 'catalog/services.yaml.'),
    'teams.schema.json': build(catalogSchemas.TeamsFileSchema, 'Hindsight teams', 'catalog/teams.yaml.'),
    'taxonomy.schema.json': build(
      taxonomySchemas.TaxonomyFileSchema,
      'Hindsight taxonomy',
      'catalog/taxonomy.yaml: each list, when present, replaces the default.',
    ),
    'organisation.schema.json': build(catalogSchemas.OrganisationSchema, 'Hindsight organisation', 'catalog/organisation.yaml.'),
    'check.schema.json': toJsonSchema(
      createCheckConfigSchema(),
      'Hindsight check configuration',
      `catalog/check.yaml: how npm run check treats each rule. ${generated.replace('src/schema', 'src/check/config.ts')}`,
      configDocs,
      new Map(),
    ),
  };
}

/** A schema file's text as committed: two-space JSON with a final newline. */
export function schemaFileText(schema: JsonObject): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
