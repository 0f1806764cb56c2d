import { PROSE_FIELDS } from '../../schema/incident-fields.ts';
import { formatFieldPath } from '../../validation/problems.ts';
import type { Position } from '../../validation/problems.ts';
import type { YamlSource } from '../../validation/source.ts';
import type { DocumentKind } from '../types.ts';

/** The frontmatter fields that hold prose, per kind of file; `[]` stands for every item of a list. Incidents say so in their schema. */
export const FREE_TEXT_FIELDS: Record<DocumentKind, readonly string[]> = {
  incident: PROSE_FIELDS,
  'reading-list': ['title', 'audience', 'items[].why'],
  catalog: [],
};

/** One free-text value as written, with its field path. */
export interface FreeText {
  path: (string | number)[];
  /** `action_items[1].title` */
  field: string;
  value: string;
}

/** The free-text strings of a frontmatter as written, whatever else is wrong with it. */
export function freeTextFields(kind: DocumentKind, data: unknown): FreeText[] {
  const found: FreeText[] = [];
  const walk = (value: unknown, segments: readonly string[], path: (string | number)[]) => {
    if (segments.length === 0) {
      if (typeof value === 'string' && value.trim() !== '') found.push({ path, field: formatFieldPath(path), value });
      return;
    }
    const [segment, ...rest] = segments as [string, ...string[]];
    const list = segment.endsWith('[]');
    const key = list ? segment.slice(0, -2) : segment;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const child = (value as Record<string, unknown>)[key];
    if (!list) walk(child, rest, [...path, key]);
    else if (Array.isArray(child)) child.forEach((item, i) => walk(item, rest, [...path, key, i]));
  };
  for (const pattern of FREE_TEXT_FIELDS[kind]) walk(data, pattern.split('.'), []);
  return found;
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * Where the characters at `offsets` of a scalar's value are written in its raw text. Folded lines,
 * indentation, quotes and escapes make the two differ; the value's characters are found in order, in
 * one pass for all the offsets (a pass per offset would be quadratic in a long value with many findings).
 */
export function rawOffsets(value: string, raw: string, offsets: readonly number[]): number[] {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const found = new Map<number, number>();
  let next = 0;
  let j = 0;
  if (raw.startsWith('|') || raw.startsWith('>')) j = raw.includes('\n') ? raw.indexOf('\n') + 1 : raw.length;
  else if (raw.startsWith('"') || raw.startsWith("'")) j = 1;
  while (isSpace(raw[j]) && !isSpace(value[0])) j++;
  for (let i = 0; i < value.length && j < raw.length && next < wanted.length; i++) {
    const c = value[i]!;
    const space = isSpace(c);
    const same = (r: string | undefined) => r === c || (space && isSpace(r));
    let k = j;
    // Escapes and quote doubling put a few extra characters in the raw text.
    while (k < raw.length && !same(raw[k]) && k - j < 4) k++;
    if (!same(raw[k])) k = j;
    while (next < wanted.length && wanted[next]! <= i) found.set(wanted[next++]!, k);
    j = k + 1;
    if (space) while (isSpace(raw[j]) && !isSpace(value[i + 1])) j++;
  }
  const rest = Math.min(j, raw.length);
  return offsets.map((offset) => found.get(offset) ?? rest);
}

/** Where the character at `offset` of a scalar's value is written in its raw text (see rawOffsets). */
export function rawOffset(value: string, raw: string, offset: number): number {
  return rawOffsets(value, raw, [offset])[0]!;
}

/** The positions in the file of characters of a frontmatter value; the field's key when the value is not a plain scalar. */
export function positionsInValue(source: YamlSource, path: readonly (string | number)[], offsets: readonly number[]): Position[] {
  const scalar = source.scalarAt(path);
  if (!scalar || typeof scalar.value !== 'string') return offsets.map(() => source.locate(path));
  return rawOffsets(scalar.value, scalar.raw, offsets).map((at) => source.positionAt(scalar.offset + at));
}

/** The position in the file of a character of a frontmatter value; the field's key when the value is not a plain scalar. */
export function positionInValue(source: YamlSource, path: readonly (string | number)[], offset: number): Position {
  return positionsInValue(source, path, [offset])[0]!;
}
