import { describe, expect, it } from 'vitest';
import { FrontmatterEditor, formatLineValue } from '../../../src/authoring/frontmatter-edit.ts';

const BLOCK = [
  '# What this file is.',
  '',
  'title: Checkout returned 500s     # one line',
  'summary: >-        # 1-3 sentences',
  '  A bundle went everywhere.',
  'services: [checkout-api]          # ids from the catalog',
  'mitigated: 2025-06-21T14:33:00Z   # impact stopped',
  'release:                          # optional: the change',
  '  ref: flags-812',
  'response:',
  '  responders: 4                   # optional: how many',
  'timeline:                         # key events',
  '  - at: 2025-06-21T13:55:00Z',
  '    kind: trigger                 # trigger | detect',
  '  - at: 2025-06-21T14:02:00Z',
  '    kind: detect',
  'featured: false',
].join('\n');

describe('editing a frontmatter block as text', () => {
  it('replaces values and keeps every comment in its column, a block scalar keeping its header', () => {
    const edited = new FrontmatterEditor(BLOCK)
      .set(['title'], 'Usage graphs showed yesterday twice')
      .set(['summary'], 'TODO: what happened.')
      .set(['services'], ['customer-portal', 'meter-ingest'])
      .set(['featured'], true)
      .toString();
    expect(edited.split('\n').slice(2, 6)).toEqual([
      'title: Usage graphs showed yesterday twice # one line',
      'summary: >-        # 1-3 sentences',
      '  TODO: what happened.',
      'services: [customer-portal, meter-ingest] # ids from the catalog',
    ]);
    expect(edited.split('\n').at(-1)).toBe('featured: true');
  });

  it('keeps a comment where it was when the new value is shorter, and adds a note to it', () => {
    expect(
      new FrontmatterEditor('started: 2025-06-21T13:55:00+01:00 # impact began\ndetected: x\n')
        .set(['started'], '2026-07-01T00:00:00Z')
        .note(['started'], 'TODO: the real time')
        .note(['detected'], 'TODO: too')
        .toString(),
    ).toBe('started: 2026-07-01T00:00:00Z      # impact began. TODO: the real time\ndetected: x # TODO: too\n');
  });

  it('turns a key and what is under it into comments at its column, taking the two characters from the gap before a comment', () => {
    const edited = new FrontmatterEditor(BLOCK)
      .commentOut(['mitigated'], '2026-07-01T00:00:00+02:00')
      .commentOut(['release'])
      .commentOut(['response', 'responders'])
      .toString();
    expect(edited.split('\n').slice(6, 11)).toEqual([
      '# mitigated: 2026-07-01T00:00:00+02:00 # impact stopped',
      '# release:                        # optional: the change',
      '#   ref: flags-812',
      'response:',
      '  # responders: 4                 # optional: how many',
    ]);
  });

  it('drops list items after the first with their lines, and appends items indented like the rest', () => {
    const edited = new FrontmatterEditor(BLOCK)
      .truncate(['timeline'], 1)
      .append(['timeline'], ['- at: 2026-07-01T00:00:00Z', '  kind: note'])
      .toString();
    expect(edited.split('\n').slice(11)).toEqual([
      'timeline:                         # key events',
      '  - at: 2025-06-21T13:55:00Z',
      '    kind: trigger                 # trigger | detect',
      '  - at: 2026-07-01T00:00:00Z',
      '    kind: note',
      'featured: false',
    ]);
  });

  it('adds a missing top-level key at the end, and lines after the header comments', () => {
    expect(new FrontmatterEditor('# Header.\n# Two lines.\n\ntitle: x').afterHeader(['# Added.']).set(['status'], 'draft').toString()).toBe(
      '# Header.\n# Two lines.\n# Added.\n\ntitle: x\nstatus: draft',
    );
  });

  it('leaves the text alone when nothing is asked, and ignores paths that are not there', () => {
    expect(
      new FrontmatterEditor(BLOCK).commentOut(['customer_impact']).truncate(['timeline'], 5).set(['response', 'rationale'], 'x').toString(),
    ).toBe(BLOCK);
  });

  it('writes values on one line, quoted only where YAML needs it', () => {
    expect([
      formatLineValue('TODO: what set it off.'),
      formatLineValue('plain words'),
      formatLineValue([]),
      formatLineValue(['a', 'b']),
      formatLineValue(0),
      formatLineValue(false),
    ]).toEqual(['"TODO: what set it off."', 'plain words', '[]', '[a, b]', '0', 'false']);
  });
});
