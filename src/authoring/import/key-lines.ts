import { plainText } from './markdown.ts';
import { fieldOfKey, sectionKind, type SectionKind, type SourceField } from './vocabulary.ts';

/** A value written on a "Key: value" line or a two-column table row, with the range of the line (removed once mapped). */
export interface KeyLine {
  key: string;
  value: unknown;
  range?: [number, number];
}

// Fields whose "Key: value" lines leave the body once they are in the frontmatter; prose-like ones stay.
const LINE_FIELDS = new Set<SourceField>([
  'title',
  'date',
  'time',
  'detected',
  'mitigated',
  'resolved',
  'duration',
  'severity',
  'services',
  'teams',
  'authors',
  'status',
  'tags',
  'type',
  'visibility',
]);

/** A "Key: value" line: `**Date:** 2024-03-14`, `- Severity: SEV2`, `Owner - @ana`. */
export const KEY_LINE =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z0-9 ()/&_-]{0,40}?)\s*(?:(?::|\s[-–—])\s*(?:\*\*|__)|(?:\*\*|__)\s*(?::|[-–—])|:)\s*(.*?)\s*$/;

/** True for a "Key: value" line whose key is a field, such as `**Date:** 2024-03-14`. */
export function isFieldLine(line: string): boolean {
  return fieldOfKey(KEY_LINE.exec(line)?.[1] ?? '') !== undefined;
}

/**
 * Reads "Key: value" lines and two-column tables out of the given ranges of the body (`code` is the body
 * with code blanked out): the values of fields, and the prose of lines whose key names a section.
 */
export function readKeyLines(
  body: string,
  code: string,
  ranges: readonly [number, number][],
): { written: KeyLine[]; prose: Map<SectionKind, string> } {
  const written: KeyLine[] = [];
  const prose = new Map<SectionKind, string>();
  for (const [from, to] of ranges) {
    const text = code.slice(from, to);
    const lines = text.split('\n');
    let offset = from;
    let open: { kind: SectionKind; parts: string[] } | undefined;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const start = offset;
      offset += line.length + 1;
      const cells = /^\s*\|(.*)\|\s*$/
        .exec(line)?.[1]
        ?.split('|')
        .map((c) => c.trim());
      if (cells && cells.length === 2 && !/^:?-+:?$/.test(cells[0]!)) {
        const field = fieldOfKey(plainText(cells[0]!));
        if (field) written.push({ key: plainText(cells[0]!), value: cells[1]!, range: [start, Math.min(offset, body.length)] });
        continue;
      }
      const m = KEY_LINE.exec(line);
      if (m) {
        const key = plainText(m[1]!);
        const field = fieldOfKey(key);
        const kind = sectionKind(key);
        if (field && LINE_FIELDS.has(field) && m[2] !== '') {
          written.push({
            key,
            value: body
              .slice(start, start + line.length)
              .replace(KEY_LINE, '$2')
              .trim(),
            range: [start, Math.min(offset, body.length)],
          });
          open = undefined;
          continue;
        }
        if ((field === 'summary' || field === 'detection' || field === 'trigger') && m[2] !== '') written.push({ key, value: m[2]! });
        if (kind) {
          open = { kind, parts: [m[2]!] };
          prose.set(kind, m[2]!);
          continue;
        }
      }
      if (open && line.trim() !== '') {
        open.parts.push(line.trim());
        prose.set(open.kind, open.parts.join(' '));
      } else open = undefined;
    }
  }
  return { written, prose };
}
