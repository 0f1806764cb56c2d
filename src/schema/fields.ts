import type { z } from 'astro/zod';

/** How a search filter shows a field's value: as written, as the year of a timestamp, or as the catalog or taxonomy name of an id. */
export type FilterShows = 'value' | 'year' | 'service-name' | 'team-name' | 'category-name';

/** A Pagefind filter the incident page files a field's values under, e.g. `{ name: 'service', shows: 'service-name' }`. */
export interface SearchFilter {
  /** The filter's name as the search page shows it, e.g. `contributing factor`. */
  name: string;
  /** What the filter shows for a value; `value` (as written) unless given. */
  shows?: FilterShows;
}

/** What every consumer of the incident schema needs to know about one field, declared next to it. */
export interface FieldMeta {
  /** A human label, e.g. `Time detected`. */
  label: string;
  /** One line of help for authors; the JSON Schema's description, e.g. `Someone or something noticed.`. */
  help: string;
  /** Free text the prose rules read (blameless language, hindsight bias). Every text field says `true` or `false`. */
  prose?: boolean;
  /** A public build may strip it when `public_strip` lists it (`allowed`), or does unless told otherwise (`default`). */
  strip?: 'allowed' | 'default';
  /** A search filter the incident page sets from it. */
  filter?: SearchFilter;
}

// The key of `.meta()` that holds everything but the help text, which zod keeps as the JSON Schema description.
const KEY = 'field';

/** `schema` with its field metadata attached through zod's `.meta()`; a copy, so shared schemas stay bare. */
export function field<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  const { help, ...rest } = meta;
  return schema.meta({ description: help, [KEY]: rest });
}

/** The metadata `field()` attached to a schema, if any. */
export function readFieldMeta(schema: z.ZodType): FieldMeta | undefined {
  const meta = schema.meta();
  const rest = meta?.[KEY] as Omit<FieldMeta, 'help'> | undefined;
  return rest && { ...rest, help: meta?.description ?? '' };
}

/** The JSON Schema keyword `.meta()` adds besides the description; JSON Schema output leaves it out. */
export const FIELD_META_KEYWORD = KEY;

/** One field of an object schema, found by walking its shape. */
export interface SchemaField {
  /** Keys from the root, lists not marked, e.g. `action_items.owner`: the form of `public_strip`. */
  path: string;
  /** Keys from the root with `[]` after every list, e.g. `action_items[].owner`: the form of the prose rules. */
  pattern: string;
  /** The key in its object, e.g. `owner`. */
  key: string;
  /** The pattern of the object it belongs to, `''` for the root, e.g. `action_items[]`. */
  parent: string;
  /** The schema as declared, with its optional and default wrappers. */
  schema: z.ZodType;
  /** The schema under those wrappers. */
  core: z.ZodType;
  /** Whether it must be written: neither optional nor defaulted. */
  required: boolean;
  /** The value used when it is left out, when the schema has one. */
  defaultValue?: unknown;
  meta: FieldMeta | undefined;
}

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; defaultValue?: unknown; in?: z.ZodType };
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;

/** The schema under optional, default and similar wrappers, with whether one of them makes the field optional. */
export function unwrapField(schema: z.ZodType): { core: z.ZodType; required: boolean; defaultValue?: unknown } {
  let core = schema;
  let required = true;
  let defaultValue: unknown;
  for (;;) {
    const def = defOf(core);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') required = false;
    if (def.type === 'default' && defaultValue === undefined) defaultValue = def.defaultValue;
    if (def.innerType && ['optional', 'default', 'prefault', 'nullable', 'readonly', 'nonoptional'].includes(def.type))
      core = def.innerType;
    else if (def.type === 'pipe' && def.in) core = def.in;
    else return { core, required, defaultValue };
  }
}

/** The object schema a field holds, directly or as the items of a list, with whether it is a list. */
function objectOf(core: z.ZodType): { object: z.ZodObject; list: boolean } | undefined {
  const def = defOf(core);
  if (def.type === 'object') return { object: core as z.ZodObject, list: false };
  if (def.type === 'array' && def.element) {
    const element = unwrapField(def.element).core;
    if (defOf(element).type === 'object') return { object: element as z.ZodObject, list: true };
  }
  return undefined;
}

/** Every field of an object schema and of the objects inside it, depth first, in the order declared. */
export function listSchemaFields(object: z.ZodObject): SchemaField[] {
  const fields: SchemaField[] = [];
  const walk = (shape: Record<string, z.ZodType>, path: string[], pattern: string) => {
    for (const [key, schema] of Object.entries(shape)) {
      const { core, required, defaultValue } = unwrapField(schema);
      const own = pattern === '' ? key : `${pattern}.${key}`;
      fields.push({
        path: [...path, key].join('.'),
        pattern: own,
        key,
        parent: pattern,
        schema,
        core,
        required,
        defaultValue,
        meta: readFieldMeta(schema),
      });
      const inner = objectOf(core);
      if (inner) walk(inner.object.shape, [...path, key], inner.list ? `${own}[]` : own);
    }
  };
  walk(object.shape, [], '');
  return fields;
}

/** True when `schema` is `target` or a copy of it (`.meta()`, `.describe()` and the like keep a link to what they copied). */
export function derivesFrom(schema: z.core.$ZodType, target: z.core.$ZodType): boolean {
  for (let s: z.core.$ZodType | undefined = schema; s; s = s._zod.parent) if (s === target) return true;
  return false;
}

/** True when a field holds text: a string, or a list of strings (enums are not text: their values are fixed). */
export function isTextField(f: Pick<SchemaField, 'core'>): boolean {
  const def = defOf(f.core);
  if (def.type === 'array' && def.element) return defOf(unwrapField(def.element).core).type === 'string';
  return def.type === 'string';
}
