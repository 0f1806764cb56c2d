import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { FREE_TEXT_FIELDS } from '../../../src/check/prose/fields.ts';
import { blamelessLanguage } from '../../../src/check/rules/blameless-language.ts';
import { field, isTextField, listSchemaFields, type SchemaField } from '../../../src/schema/fields.ts';
import {
  DEFAULT_PUBLIC_STRIP,
  INCIDENT_FIELDS,
  PROSE_FIELDS,
  SEARCH_FILTERS,
  STRIPPABLE_FIELDS,
} from '../../../src/schema/incident-fields.ts';
import { OrganisationSchema } from '../../../src/schema/catalog.ts';
import { DEFAULT_TAXONOMY } from '../../../src/schema/taxonomy.ts';

const ROOT = join(import.meta.dirname, '../../..');

/** The text fields that say neither `prose: true` nor `prose: false`. */
const unclassifiedText = (fields: readonly SchemaField[]) =>
  fields.filter((f) => isTextField(f) && typeof f.meta?.prose !== 'boolean').map((f) => f.pattern);

describe('the incident schema as the one place that describes a field', () => {
  it('gives every field, nested ones included, a label and a line of help', () => {
    expect(INCIDENT_FIELDS.filter((f) => !f.meta?.label || !f.meta.help).map((f) => f.pattern)).toEqual([]);
    expect(INCIDENT_FIELDS).toHaveLength(49);
  });

  it('classifies every text field as prose or not, so a new one cannot slip past the prose rules', () => {
    expect(unclassifiedText(INCIDENT_FIELDS)).toEqual([]);
  });

  it('notices a text field that is not classified', () => {
    const schema = z.strictObject({
      named: field(z.string(), { label: 'Named', help: 'Classified.', prose: false }),
      bare: z.string().optional(),
      labelled: field(z.array(z.string()).default([]), { label: 'Labelled', help: 'Forgot to say.' }),
      nested: z.array(z.strictObject({ note: z.string(), count: z.number() })),
      kind: field(z.enum(['a', 'b']), { label: 'Kind', help: 'An enum is not text.' }),
    });
    expect(unclassifiedText(listSchemaFields(schema))).toEqual(['bare', 'labelled', 'nested[].note']);
  });

  it('marks prose only on text, strippable fields only where the site copes without them, and filters only on values', () => {
    expect(INCIDENT_FIELDS.filter((f) => f.meta?.prose === true && !isTextField(f)).map((f) => f.pattern)).toEqual([]);
    // A required field a public build strips must be optional in what the site reads (IncidentInput in src/lib/incidents.ts).
    expect(INCIDENT_FIELDS.filter((f) => f.meta?.strip !== undefined && f.required).map((f) => f.pattern)).toEqual([
      'action_items[].owner',
    ]);
    const objectLike = (f: SchemaField) =>
      f.core instanceof z.ZodObject || (f.core instanceof z.ZodArray && f.core.element instanceof z.ZodObject);
    expect(INCIDENT_FIELDS.filter((f) => f.meta?.filter && objectLike(f)).map((f) => f.pattern)).toEqual([]);
  });

  it("derives the prose rules' fields, which the blameless-language docs name", () => {
    expect(PROSE_FIELDS).toEqual([
      'title',
      'summary',
      'response.rationale',
      'customer_impact.description',
      'contributing_factors[].description',
      'action_items[].title',
      'timeline[].text',
    ]);
    expect(FREE_TEXT_FIELDS.incident).toBe(PROSE_FIELDS);
    const docs = blamelessLanguage.docs.replace(/\s+/g, ' ');
    expect(PROSE_FIELDS.filter((f) => !docs.includes(f))).toEqual([]);
  });

  it('derives what a public build may strip and strips by default', () => {
    expect(STRIPPABLE_FIELDS).toEqual([
      'authors',
      'tags',
      'release.ref',
      'response.rationale',
      'response.helped_by',
      'customer_impact.users_affected',
      'action_items.owner',
      'action_items.ticket',
      'timeline',
    ]);
    expect(DEFAULT_PUBLIC_STRIP).toEqual(['authors', 'response.helped_by', 'action_items.owner', 'action_items.ticket']);
    const org = { name: 'Pantrybox', title: 'Post-mortems', time_zone: 'UTC' };
    expect(OrganisationSchema.parse(org).public_strip).toEqual([
      'authors',
      'response.helped_by',
      'action_items.owner',
      'action_items.ticket',
    ]);
    expect(OrganisationSchema.safeParse({ ...org, public_strip: ['title'] }).error?.issues[0]?.message).toBe(
      'expected one of authors, tags, release.ref, response.rationale, response.helped_by, customer_impact.users_affected, action_items.owner, action_items.ticket, timeline',
    );
  });

  it('derives the search filters', () => {
    expect(SEARCH_FILTERS.map((f) => [f.path, f.name, f.shows])).toEqual([
      ['type', 'type', 'value'],
      ['severity', 'severity', 'value'],
      ['services', 'service', 'service-name'],
      ['teams', 'team', 'team-name'],
      ['started', 'year', 'year'],
      ['trigger', 'trigger', 'value'],
      ['response.decision', 'decision', 'value'],
      ['contributing_factors.category', 'contributing factor', 'category-name'],
    ]);
  });
});

/** The comment of each key in the template's frontmatter, by field pattern (`action_items[].kind`). */
function templateComments(text: string): Map<string, string> {
  const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!;
  const comments = new Map<string, string>();
  const open: { column: number; pattern: string }[] = [];
  for (const line of frontmatter.split('\n')) {
    const m = /^(\s*)(- )?([a-z_]+):(.*)$/.exec(line);
    if (!m) continue;
    const column = m[1]!.length + (m[2] ? 2 : 0);
    while (open.length > 0 && open.at(-1)!.column >= column) open.pop();
    const parent = open.at(-1);
    // A key after `- `, or indented deeper than a nested map's, is a field of a list item.
    const item = m[2] !== undefined || (parent !== undefined && column > parent.column + 2);
    const pattern = parent === undefined ? m[3]! : `${parent.pattern}${item ? '[]' : ''}.${m[3]}`;
    open.push({ column, pattern });
    const comment = / #\s*(.*)$/.exec(m[4]!);
    if (comment) comments.set(pattern, comment[1]!);
  }
  return comments;
}

const fromTaxonomy = (values: readonly string[]) =>
  [DEFAULT_TAXONOMY.severities, DEFAULT_TAXONOMY.categories].some((list) => list.map((e) => e.id).join() === values.join());
const ENUMS = INCIDENT_FIELDS.filter((f) => f.core instanceof z.ZodEnum && !fromTaxonomy(f.core.options as string[]));

describe('the template', () => {
  const comments = templateComments(readFileSync(join(ROOT, 'templates/postmortem.mdx'), 'utf8'));
  const enums = ENUMS;

  it('reads the comments of nested and listed keys', () => {
    expect(comments.get('response.decision')).toMatch(/^rollback \| hotfix/);
    expect(comments.get('action_items[].kind')).toBe('prevent | mitigate | detect | process | learn');
    expect(comments.get('timeline[].kind')).toMatch(/^trigger \| detect/);
  });

  it.each(enums.map((f) => [f.pattern, f] as const))('lists the allowed values of %s in its comment, as the schema does', (pattern, f) => {
    const listed = /^([A-Za-z0-9-]+(?:\s*(?:\||->)\s*[A-Za-z0-9-]+)+)/.exec(comments.get(pattern) ?? '')?.[1]?.split(/\s*(?:\||->)\s*/);
    expect(listed).toEqual((f.core as z.ZodEnum).options);
  });
});

describe('the light template', () => {
  const comments = templateComments(readFileSync(join(ROOT, 'templates/postmortem-light.mdx'), 'utf8'));

  it('leaves the optional blocks out', () => {
    expect(
      ['release.ref', 'slo_impact[].slo', 'customer_impact.description', 'timeline[].kind', 'resolved', 'tags'].filter((p) =>
        comments.has(p),
      ),
    ).toEqual([]);
  });

  it.each(ENUMS.filter((f) => f.pattern !== 'timeline[].kind').map((f) => [f.pattern, f] as const))(
    'lists the allowed values of %s in its comment, as the schema does',
    (pattern, f) => {
      const listed = /^([A-Za-z0-9-]+(?:\s*(?:\||->)\s*[A-Za-z0-9-]+)+)/.exec(comments.get(pattern) ?? '')?.[1]?.split(/\s*(?:\||->)\s*/);
      expect(listed).toEqual((f.core as z.ZodEnum).options);
    },
  );
});
