import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { describeValue, renderFieldReference } from '../../../src/docs/fields.ts';
import { field, listSchemaFields } from '../../../src/schema/fields.ts';
import { IncidentSchema } from '../../../src/schema/incident.ts';

describe('the field reference in docs/fields.md', () => {
  it('describes each kind of value the incident schema uses', () => {
    const shape = IncidentSchema.shape;
    expect(describeValue(shape.title)).toBe('text, 1-120 characters');
    expect(describeValue(shape.services)).toBe('list of ids, at least one');
    expect(describeValue(shape.severity)).toBe('a severity of the taxonomy (default `SEV1`, `SEV2`, `SEV3`, `SEV4`)');
    expect(describeValue(shape.trigger)).toBe(
      'one of `deploy`, `config-change`, `infrastructure`, `dependency`, `traffic`, `data`, `security`, `unknown`',
    );
    expect(describeValue(shape.mitigated)).toBe('ISO 8601 timestamp with an offset');
    expect(describeValue(shape.tags)).toBe('list of strings matching `^[a-z0-9][a-z0-9-]*$`');
    expect(describeValue(shape.featured)).toBe('`true` or `false`');
    expect(describeValue(shape.action_items.unwrap().element.shape.ticket)).toBe('http(s) URL');
    expect(describeValue(shape.action_items.unwrap().element.shape.due)).toBe('date, `YYYY-MM-DD`');
    expect(describeValue(shape.slo_impact.unwrap().element.shape.bad_minutes)).toBe('number, 0 or more');
  });

  it('has a table per object, with one row per field and the columns the metadata fills', () => {
    const schema = z.strictObject({
      summary: field(z.string(), { label: 'Summary', help: 'One sentence.', prose: true }),
      owners: field(z.array(z.string()).default([]), {
        label: 'Owners',
        help: 'Who | what.',
        prose: false,
        strip: 'default',
        filter: { name: 'owner', shows: 'team-name' },
      }),
      steps: field(
        z.array(
          z.strictObject({ at: field(z.number().int().nonnegative().optional(), { label: 'At', help: 'Minute.', strip: 'allowed' }) }),
        ),
        { label: 'Steps', help: 'In order.' },
      ),
    });
    expect(renderFieldReference(listSchemaFields(schema))).toBe(
      [
        '### Top level',
        '',
        '| field | type or allowed values | required | label: help | prose | strippable | search filter |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| `summary` | text | yes | **Summary**: One sentence. | yes |  |  |',
        '| `owners` | list of strings | no, default `[]` | **Owners**: Who \\| what. | no | by default | `owner` (the team name) |',
        '| `steps` | list of objects (fields below) | yes | **Steps**: In order. |  |  |  |',
        '',
        '### `steps[]`',
        '',
        '| field | type or allowed values | required | label: help | prose | strippable | search filter |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| `at` | whole number, 0 or more | no | **At**: Minute. |  | yes |  |',
      ].join('\n'),
    );
  });
});
