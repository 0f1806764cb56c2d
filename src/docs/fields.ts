import { z } from 'astro/zod';
import { CalendarDateSchema, IdSchema, TimestampSchema } from '../schema/common.ts';
import { derivesFrom, isTextField, unwrapField, type FilterShows, type SchemaField } from '../schema/fields.ts';
import { INCIDENT_FIELDS } from '../schema/incident-fields.ts';
import { DEFAULT_TAXONOMY } from '../schema/taxonomy.ts';
import type { GeneratedBlock } from './blocks.ts';

const code = (value: unknown) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
// A table cell: a pipe would end it.
const cell = (text: string) => text.replace(/\|/g, '\\|');

const TAXONOMY_LISTS = [
  { what: 'a severity of the taxonomy', ids: DEFAULT_TAXONOMY.severities.map((s) => s.id) },
  { what: 'a contributing-factor category of the taxonomy', ids: DEFAULT_TAXONOMY.categories.map((c) => c.id) },
];

/** What a value of a schema looks like, in a few words, e.g. `text, 1-120 characters` or `one of `a`, `b``; `plural` for a list's items. */
export function describeValue(schema: z.ZodType, plural = false): string {
  const { core } = unwrapField(schema);
  const def = core._zod.def as { type: string; format?: string; checks?: { _zod: { def: { check: string; pattern?: RegExp } } }[] };
  const s = (one: string, many: string) => (plural ? many : one);
  if (core instanceof z.ZodEnum) {
    const values = core.options as string[];
    const taxonomy = TAXONOMY_LISTS.find((list) => list.ids.join() === values.join());
    return taxonomy ? `${taxonomy.what} (default ${values.map(code).join(', ')})` : `one of ${values.map(code).join(', ')}`;
  }
  if (core instanceof z.ZodArray) {
    const element = unwrapField(core.element as z.ZodType).core;
    const items = element instanceof z.ZodObject ? 'objects (fields below)' : describeValue(element, true);
    return `list of ${items}${def.checks?.some((c) => c._zod.def.check === 'min_length') ? ', at least one' : ''}`;
  }
  if (core instanceof z.ZodObject) return 'object (fields below)';
  if (core instanceof z.ZodBoolean) return '`true` or `false`';
  if (core instanceof z.ZodNumber)
    return `${s(core.isInt ? 'whole number' : 'number', core.isInt ? 'whole numbers' : 'numbers')}${core.minValue === 0 ? ', 0 or more' : ''}`;
  if (def.type === 'string') {
    if (derivesFrom(core, TimestampSchema)) return s('ISO 8601 timestamp with an offset', 'ISO 8601 timestamps with an offset');
    if (derivesFrom(core, CalendarDateSchema)) return s('date, `YYYY-MM-DD`', 'dates, `YYYY-MM-DD`');
    if (derivesFrom(core, IdSchema)) return s('id', 'ids');
    if (def.format === 'url') return s('http(s) URL', 'http(s) URLs');
    const pattern = def.checks?.map((c) => c._zod.def.pattern).find((p) => p !== undefined);
    if (pattern) return `${s('text', 'strings')} matching ${code(pattern.source)}`;
    const { minLength, maxLength } = core as z.ZodString;
    return `${s('text', 'strings')}${maxLength === null ? '' : `, ${minLength ?? 0}-${maxLength} characters`}`;
  }
  return def.type;
}

const SHOWS: Record<FilterShows, string> = {
  value: '',
  year: ' (the year)',
  'service-name': ' (the service name)',
  'team-name': ' (the team name)',
  'category-name': ' (the category name)',
};

function row(f: SchemaField): string {
  const meta = f.meta;
  const required = f.required ? 'yes' : f.defaultValue === undefined ? 'no' : `no, default ${code(f.defaultValue)}`;
  const prose = isTextField(f) ? (meta?.prose ? 'yes' : 'no') : '';
  const strip = meta?.strip === 'default' ? 'by default' : meta?.strip === 'allowed' ? 'yes' : '';
  const filter = meta?.filter ? `${code(meta.filter.name)}${SHOWS[meta.filter.shows ?? 'value']}` : '';
  const help = meta ? `**${meta.label}**: ${meta.help}` : '';
  return `| ${[code(f.key), describeValue(f.schema), required, help, prose, strip, filter].map(cell).join(' | ')} |`;
}

/** The field reference of docs/fields.md: one table per object of the incident frontmatter, from the schema's metadata. */
export function renderFieldReference(fields: readonly SchemaField[] = INCIDENT_FIELDS): string {
  const objects = [...new Set(fields.map((f) => f.parent))];
  const header = [
    '| field | type or allowed values | required | label: help | prose | strippable | search filter |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  return objects
    .map((parent) =>
      [`### ${parent === '' ? 'Top level' : code(parent)}`, '', ...header, ...fields.filter((f) => f.parent === parent).map(row)].join(
        '\n',
      ),
    )
    .join('\n\n');
}

export const fieldsBlock: GeneratedBlock = { file: 'docs/fields.md', name: 'fields', render: () => renderFieldReference() };
