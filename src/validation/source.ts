import matter from 'gray-matter';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { formatFieldPath, type Finding, type Position, type Problem } from './problems.ts';

/** A parsed YAML document that can say where a field path is written. */
export interface YamlSource {
  /** The plain data (timestamps stay strings). */
  data: unknown;
  /** Syntax problems; when present, `data` is unreliable. */
  problems: Problem[];
  /** Where a field path is written: its key, or the nearest ancestor that exists. */
  locate(path: readonly (string | number)[]): Position;
  /** Turns path-based findings into positioned problems. */
  toProblems(findings: readonly Finding[]): Problem[];
}

/**
 * Parses YAML with positions. `lineOffset` is the number of lines before the YAML text in its file
 * (1 for frontmatter after the opening `---`).
 */
export function parseYamlSource(file: string, text: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const problems: Problem[] = doc.errors.map((error) => {
    const { line, column } = at(error.pos[0]);
    const duplicate = error.code === 'DUPLICATE_KEY';
    return {
      file, line, column, field: '', rule: 'yaml', severity: 'error',
      message: duplicate ? 'a key appears twice in the same mapping' : `YAML syntax error: ${firstLine(error.message)}`,
      hint: duplicate ? 'Keep one of them.' : 'Check indentation and quote values that contain ": " or start with a special character.',
    };
  });

  const locate = (path: readonly (string | number)[]): Position => {
    let node: unknown = doc.contents;
    let best: number = (doc.contents as Node | null)?.range?.[0] ?? 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        best = (pair.key as Node).range?.[0] ?? best;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) break;
        best = item.range?.[0] ?? best;
        node = item;
      } else break;
    }
    return at(best);
  };

  return {
    data: problems.length ? undefined : doc.toJS(),
    problems,
    locate,
    toProblems: (findings) =>
      findings.map((f) => {
        const { line, column } = locate(f.path);
        return {
          file, line, column,
          field: formatFieldPath(f.path),
          message: f.message,
          found: f.found,
          hint: f.hint,
          rule: f.rule,
          severity: f.severity ?? 'error',
        };
      }),
  };
}

/** An MDX or Markdown file split into its frontmatter (parsed with positions) and body. */
export interface FrontmatterSource extends YamlSource {
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

/** Splits a `.mdx` file into frontmatter and body; a missing frontmatter block is a problem. */
export function parseFrontmatterSource(file: string, text: string): FrontmatterSource {
  if (!/^---\r?\n/.test(text)) {
    const yaml = parseYamlSource(file, '', 0);
    return {
      ...yaml,
      data: undefined,
      problems: [{
        file, line: 1, column: 1, field: '', rule: 'yaml', severity: 'error',
        message: 'expected the file to start with a frontmatter block between two --- lines',
        hint: 'Copy the opening block from templates/postmortem.mdx.',
      }],
      body: text,
      bodyLine: 1,
    };
  }
  // gray-matter splits the file; `yaml` parses the block so every key keeps its position.
  const split = matter(text, { engines: { yaml: () => ({}) } });
  const yaml = parseYamlSource(file, split.matter.replace(/^\r?\n/, ''), 1);
  const bodyLine = text.slice(0, text.length - split.content.length).split('\n').length;
  const data = yaml.data === null ? {} : yaml.data;
  return { ...yaml, data, body: split.content, bodyLine };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
