import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writeEditorManifest } from '../../../src/check/editor.ts';
import { buildJsonSchemas, readFieldDocs, schemaFileText } from '../../../src/check/json-schema.ts';
import { listMdxFiles } from '../../../src/validation/sources.ts';
import { BROKEN, copyArchive, FIXTURE, PROJECT, SITE } from './helpers.ts';

type Schema = { [key: string]: unknown };

/**
 * The part of JSON Schema draft 7 the generated schemas use, enough to tell whether an editor would
 * accept a file: type, enum, pattern, lengths, bounds, items, properties, required,
 * additionalProperties and anyOf. Returns the paths that fail.
 */
function validate(schema: Schema, value: unknown, path = ''): string[] {
  if (Array.isArray(schema.anyOf)) {
    return (schema.anyOf as Schema[]).some((option) => validate(option, value, path).length === 0) ? [] : [`${path}: no option of anyOf`];
  }
  const type = schema.type as string | undefined;
  const is = {
    string: typeof value === 'string',
    number: typeof value === 'number',
    integer: Number.isInteger(value),
    boolean: typeof value === 'boolean',
    array: Array.isArray(value),
    object: value !== null && typeof value === 'object' && !Array.isArray(value),
  };
  if (type && !is[type as keyof typeof is]) return [`${path}: expected ${type}`];
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) return [`${path}: not in enum`];
  const errors: string[] = [];
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern as string).test(value)) errors.push(`${path}: pattern`);
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) errors.push(`${path}: minLength`);
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) errors.push(`${path}: maxLength`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: maximum`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) errors.push(`${path}: exclusiveMinimum`);
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) errors.push(`${path}: exclusiveMaximum`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${path}: minItems`);
    if (schema.items) value.forEach((item, i) => errors.push(...validate(schema.items as Schema, item, `${path}[${i}]`)));
  }
  if (is.object) {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in object)) errors.push(`${path}.${key}: required`);
    for (const [key, item] of Object.entries(object)) {
      if (properties[key]) errors.push(...validate(properties[key]!, item, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
    }
  }
  return errors;
}

const committed = (name: string): Schema => JSON.parse(readFileSync(join(PROJECT, 'schemas', name), 'utf8'));
const frontmatter = (root: string, file: string): unknown =>
  parse(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(root, file), 'utf8'))![1]!);

describe('the JSON Schemas for editors', () => {
  it('are up to date with the zod schemas and the taxonomy (run npm run schema when this fails)', () => {
    for (const [name, schema] of Object.entries(buildJsonSchemas(PROJECT))) {
      expect(readFileSync(join(PROJECT, 'schemas', name), 'utf8'), `schemas/${name}`).toBe(schemaFileText(schema));
    }
  });

  it('accept every post-mortem, reading list and catalog file of the fixture site', () => {
    const failures: string[] = [];
    for (const file of listMdxFiles(SITE, 'incidents'))
      failures.push(...validate(committed('incident.schema.json'), frontmatter(SITE, file)).map((e) => `${file}${e}`));
    for (const file of listMdxFiles(SITE, 'reading-lists'))
      failures.push(...validate(committed('reading-list.schema.json'), frontmatter(SITE, file)).map((e) => `${file}${e}`));
    for (const name of ['services', 'teams', 'organisation', 'check']) {
      failures.push(
        ...validate(committed(`${name}.schema.json`), parse(readFileSync(join(SITE, `catalog/${name}.yaml`), 'utf8'))).map(
          (e) => `catalog/${name}.yaml${e}`,
        ),
      );
    }
    expect([listMdxFiles(SITE, 'incidents').length, listMdxFiles(SITE, 'reading-lists').length]).toEqual([13, 2]);
    expect(failures).toEqual([]);
  });

  it('reject what the schema rule rejects, at the same field', () => {
    const schema = committed('incident.schema.json');
    const at = (file: string) => validate(schema, frontmatter(BROKEN, `incidents/2025/${file}.mdx`));
    expect(at('2025-01-22-unknown-severity')).toEqual(['.severity: not in enum']);
    expect(at('2025-01-27-detected-misspelt')).toEqual(['.detected: required', '.detcted: not allowed']);
    expect(at('2025-02-06-mitigated-without-offset')).toEqual(['.mitigated: pattern']);
    expect(at('2025-02-26-due-date-not-a-day')).toEqual([]); // 30 February matches YYYY-MM-DD: only the check knows calendars.
    expect(at('2025-03-13-tag-in-capitals')).toEqual(['.tags[0]: pattern']);
  });

  it('describe each field with its JSDoc line from src/schema', () => {
    const incident = committed('incident.schema.json') as {
      properties: Record<string, Schema & { items?: Schema & { properties: Record<string, Schema> } }>;
    };
    expect(incident.properties.services!.description).toBe('Service ids from `catalog/services.yaml`, at least one.');
    expect(incident.properties.action_items!.items!.properties.title!.description).toBe('What will be done, specific and bounded.');
    const docs = readFieldDocs();
    expect(docs.byName.get('CategorySchema')).toEqual({
      id: 'The value authors write in `contributing_factors[].category`.',
      name: 'Display name, e.g. `Release size`.',
      description: 'What belongs in it.',
    });
    // Severities have the same three fields with other meanings, so neither lends the other its docs by field names.
    expect(docs.byFields.has('description,id,name')).toBe(false);
    const taxonomy = committed('taxonomy.schema.json') as { properties: Record<string, { items: { properties: Record<string, Schema> } }> };
    expect(taxonomy.properties.severities!.items.properties.name!.description).toBe('Display name, e.g. `Critical`.');
    expect(taxonomy.properties.categories!.items.properties.name!.description).toBe('Display name, e.g. `Release size`.');
  });

  it('are mapped for the Astro extension to every post-mortem, reading list and both templates, keeping what Astro wrote', () => {
    const project = copyArchive(FIXTURE);
    mkdirSync(join(project, '.astro/collections'), { recursive: true });
    mkdirSync(join(project, 'templates'));
    writeFileSync(join(project, 'templates/postmortem.mdx'), '');
    writeFileSync(join(project, 'templates/postmortem-light.mdx'), '');
    writeFileSync(
      join(project, '.astro/collections/collections.json'),
      JSON.stringify({ collections: [{ name: 'incidents', hasSchema: true }], entries: { 'file:///elsewhere.mdx': 'incidents' } }),
    );
    // 2 incidents, 1 reading list and the two templates.
    expect(writeEditorManifest(project, project, join(PROJECT, 'schemas'))).toBe(5);
    const manifest = JSON.parse(readFileSync(join(project, '.astro/collections/collections.json'), 'utf8'));
    expect(manifest.collections).toEqual([
      { name: 'incidents', hasSchema: true },
      { name: 'hindsight-incident', hasSchema: true },
      { name: 'hindsight-reading-list', hasSchema: true },
    ]);
    expect(manifest.entries['file:///elsewhere.mdx']).toBe('incidents');
    expect(manifest.entries[pathToFileURL(join(project, 'incidents/2025/2025-06-21-checkout-500s.mdx')).href]).toBe('hindsight-incident');
    expect(manifest.entries[pathToFileURL(join(project, 'templates/postmortem.mdx')).href]).toBe('hindsight-incident');
    expect(manifest.entries[pathToFileURL(join(project, 'templates/postmortem-light.mdx')).href]).toBe('hindsight-incident');
    expect(manifest.entries[pathToFileURL(join(project, 'reading-lists/flags.mdx')).href]).toBe('hindsight-reading-list');
    expect(readFileSync(join(project, '.astro/collections/hindsight-incident.schema.json'), 'utf8')).toBe(
      readFileSync(join(PROJECT, 'schemas/incident.schema.json'), 'utf8'),
    );
  });
});
