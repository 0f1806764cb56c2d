import { isAbsolute, join } from 'node:path';
import type { ArchiveFile } from '../validation/archive.ts';
import { formatFieldPath, type Position } from '../validation/problems.ts';
import { parseYamlSource } from '../validation/source.ts';
import type { LintDocument } from './types.ts';

/** Turns offsets in a text into 1-based lines and columns. */
export function positionsOf(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

/** A post-mortem or reading list, as read by the validation, made ready for the document and prose rules. */
export function documentFromArchiveFile(root: string, file: ArchiveFile): LintDocument {
  const { source } = file;
  // The frontmatter's YAML starts on the line after the opening --- (after a byte-order mark, if any).
  const yamlOffset = /^\uFEFF?---/.test(file.text) ? file.text.indexOf('\n') + 1 : 0;
  return {
    file: file.file,
    absolutePath: isAbsolute(file.file) ? file.file : join(root, file.file),
    kind: file.kind,
    text: file.text,
    source,
    yamlOffset,
    body: file.tree ? { text: source.body, line: source.bodyLine, tree: file.tree } : undefined,
    positionAt: positionsOf(file.text),
  };
}

/** A catalog YAML file (services, teams, ...), for the rules that read every file. */
export function catalogDocument(root: string, file: string, text: string): LintDocument {
  return {
    file,
    absolutePath: join(root, file),
    kind: 'catalog',
    text,
    source: parseYamlSource(file, text),
    yamlOffset: 0,
    positionAt: positionsOf(text),
  };
}

/** The frontmatter field written at an offset of the file, e.g. `action_items[0].ticket`; empty outside the YAML. */
export function fieldAtOffset(doc: LintDocument, offset: number): string {
  const end = doc.body ? doc.text.length - doc.body.text.length : doc.text.length;
  if (offset < doc.yamlOffset || (doc.kind !== 'catalog' && offset >= end)) return '';
  return formatFieldPath(doc.source.pathAt(offset - doc.yamlOffset));
}
