import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isMap, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { Position } from '../../validation/problems.ts';
import { CatalogImportError } from './errors.ts';

/** One YAML document of an input file, as plain data, able to say where a field of it is written. */
export interface SourceDocument {
  /** The file as the report names it: relative to the folder the command runs in. */
  file: string;
  data: unknown;
  /** Where the document starts. */
  start: Position;
  /** Where a field path is written (its key), or the nearest part of it that is. */
  at(path: readonly (string | number)[]): Position;
}

/** What was read: every document in file order, and the files. */
export interface SourceSet {
  files: string[];
  documents: SourceDocument[];
}

const YAML_FILE = /\.ya?ml$/i;

/** The YAML files a path names: the file itself, or every .yaml and .yml file under a folder (hidden folders and node_modules skipped), sorted. */
function yamlFilesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const out: string[] = [];
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) out.push(...yamlFilesUnder(child));
    else if (entry.isFile() && YAML_FILE.test(entry.name)) out.push(child);
  }
  return out;
}

function locator(doc: Document, lines: LineCounter): (path: readonly (string | number)[]) => Position {
  const position = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  return (path) => {
    let node: unknown = doc.contents;
    let best = (doc.contents as Node | null)?.range?.[0] ?? 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === segment);
        if (!pair) break;
        best = (pair.key as Node).range?.[0] ?? best;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        node = node.items[segment];
        best = (node as Node).range?.[0] ?? best;
      } else break;
    }
    return position(best);
  };
}

/**
 * Reads every YAML document of the given files and folders. A path that does not exist, a folder
 * without YAML files, and YAML that does not parse are problems of the input: all of them are
 * reported together, with file and line, and nothing is read.
 */
export function readSources(inputs: readonly string[], cwd: string): SourceSet {
  const problems: string[] = [];
  const files: string[] = [];
  for (const input of inputs) {
    const path = resolve(cwd, input);
    if (!existsSync(path)) {
      problems.push(`${input}: no such file or folder.`);
      continue;
    }
    const found = yamlFilesUnder(path);
    if (found.length === 0) problems.push(`${input}: holds no .yaml or .yml file.`);
    for (const file of found) if (!files.includes(file)) files.push(file);
  }
  const documents: SourceDocument[] = [];
  for (const path of files) {
    const file = relative(cwd, path) || path;
    const lines = new LineCounter();
    const text = readFileSync(path, 'utf8');
    const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const list = Array.isArray(docs) ? docs : [];
    const errors = list.flatMap((doc) => doc.errors);
    if (errors.length > 0) {
      // The first error of a file is where to look; the ones after it often follow from it.
      const { line, col } = lines.linePos(errors[0]!.pos[0]);
      problems.push(`${file}:${line}:${col}: YAML that does not parse: ${errors[0]!.message.split('\n')[0]}`);
      continue;
    }
    for (const doc of list) {
      const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
      if (data === null || data === undefined) continue;
      const at = locator(doc, lines);
      documents.push({ file, data, start: at([]), at });
    }
  }
  if (problems.length > 0) {
    throw new CatalogImportError(
      `${problems.length === 1 ? 'an input it cannot read' : `${problems.length} inputs it cannot read`}; nothing was written:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
  return { files: files.map((f) => relative(cwd, f) || f), documents };
}
