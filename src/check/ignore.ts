import type { Program } from 'estree';
import type { Nodes as MdastNodes, Parent as MdastParent } from 'mdast';
import { closestMatch, describeValue } from '../validation/problems.ts';
import type { LintDocument, LintFinding } from './types.ts';

/** A `hindsight-ignore` comment that names known rules and gives a reason. */
export interface IgnoreDirective {
  line: number;
  column: number;
  rules: string[];
  reason: string;
  /** The file lines it covers, inclusive; undefined when nothing follows it. */
  lines: { from: number; to: number } | undefined;
  /** The rules it has suppressed a problem of. */
  used: Set<string>;
}

/** What the comments of a document say, and what is wrong with them. */
export interface IgnoreComments {
  directives: IgnoreDirective[];
  /** Malformed comments: rule `ignore-comment`. */
  malformed: LintFinding[];
}

/** The rule ids a comment may name, and those it may not (the build's own rules). */
export interface IgnorableRules {
  ignorable: readonly string[];
  enforced: readonly string[];
}

const SYNTAX = 'hindsight-ignore <rule>[, <rule>]: <reason>';

/** Parses one comment's text; undefined when it is not meant for Hindsight at all. */
export function parseIgnoreComment(
  text: string,
  rules: IgnorableRules,
): { rules: string[]; reason: string } | { error: Omit<LintFinding, 'line' | 'column'> } | undefined {
  const trimmed = text.trim();
  if (!/^hindsight-/i.test(trimmed)) return undefined;
  const match = /^hindsight-ignore(?=\s|:|$)\s*([^:]*?)\s*(?::\s*([\s\S]*))?$/.exec(trimmed);
  if (!match) {
    const word = trimmed.split(/[\s:]/)[0]!;
    return { error: { message: 'expected a hindsight-ignore comment', found: describeValue(word), hint: `Write ${SYNTAX}.` } };
  }
  const ids = match[1]!.split(/[\s,]+/).filter(Boolean);
  const reason = (match[2] ?? '').trim();
  if (ids.length === 0)
    return {
      error: {
        message: 'expected the id of the rule to ignore',
        found: 'none',
        hint: `Write ${SYNTAX}; npm run check -- --list-rules lists the ids.`,
      },
    };
  for (const id of ids) {
    if (rules.enforced.includes(id)) {
      return {
        error: {
          message: `expected a rule that can be ignored; ${id} is enforced by the build`,
          found: describeValue(id),
          hint: 'Fix the problem instead: the build fails on it whatever the comment says.',
        },
      };
    }
    if (!rules.ignorable.includes(id)) {
      const suggestion = closestMatch(id, rules.ignorable);
      return {
        error: {
          message: 'expected the id of a rule',
          found: describeValue(id),
          hint: suggestion ? `Did you mean "${suggestion}"?` : `The rules are ${rules.ignorable.join(', ')}.`,
        },
      };
    }
  }
  if (reason === '')
    return {
      error: {
        message: 'expected a reason after the rule id',
        found: 'none',
        hint: `Write ${SYNTAX}: an exception without a reason cannot be reviewed.`,
      },
    };
  return { rules: ids, reason };
}

function commentsOf(node: { data?: unknown }): string[] | undefined {
  const program = (node.data as { estree?: Program & { comments?: { value: string }[] } } | undefined)?.estree;
  // Only an expression that is nothing but comments is a directive.
  if (!program || program.body.length > 0) return undefined;
  return (program.comments ?? []).map((c) => c.value);
}

/**
 * For each problem, the first directive (in the order `directives` lists them) that names its rule and
 * covers its line; undefined when none does. A sweep over the lines with a heap per rule, so a file
 * with tens of thousands of comments and problems is matched in time n log n, not n times n.
 */
export function matchIgnoreDirectives(
  problems: readonly { rule: string; line: number }[],
  directives: readonly IgnoreDirective[],
): (IgnoreDirective | undefined)[] {
  const matched: (IgnoreDirective | undefined)[] = new Array(problems.length).fill(undefined);
  const listOf = (map: Map<string, number[]>, key: string) => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    return list;
  };
  const byRule = new Map<string, number[]>();
  directives.forEach((d, index) => {
    if (d.lines) for (const rule of d.rules) listOf(byRule, rule).push(index);
  });
  const problemsByRule = new Map<string, number[]>();
  problems.forEach((p, index) => {
    if (byRule.has(p.rule)) listOf(problemsByRule, p.rule).push(index);
  });
  for (const [rule, problemIndices] of problemsByRule) {
    const starting = byRule.get(rule)!.sort((a, b) => directives[a]!.lines!.from - directives[b]!.lines!.from || a - b);
    problemIndices.sort((a, b) => problems[a]!.line - problems[b]!.line || a - b);
    // A min-heap of directive indices: the directives that have started, earliest-listed first.
    const heap: number[] = [];
    const push = (value: number) => {
      let i = heap.push(value) - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent]! <= heap[i]!) break;
        [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
        i = parent;
      }
    };
    const pop = () => {
      const last = heap.pop()!;
      if (heap.length === 0) return;
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < heap.length && heap[l]! < heap[smallest]!) smallest = l;
        if (r < heap.length && heap[r]! < heap[smallest]!) smallest = r;
        if (smallest === i) break;
        [heap[smallest], heap[i]] = [heap[i]!, heap[smallest]!];
        i = smallest;
      }
    };
    let next = 0;
    for (const p of problemIndices) {
      const line = problems[p]!.line;
      while (next < starting.length && directives[starting[next]!]!.lines!.from <= line) push(starting[next++]!);
      // Lines only grow: a directive that ended before this line is done for good.
      while (heap.length > 0 && directives[heap[0]!]!.lines!.to < line) pop();
      matched[p] = heap.length > 0 ? directives[heap[0]!] : undefined;
    }
  }
  return matched;
}

/** Reads the `hindsight-ignore` comments of a document: `{/* ... *\/}` in the body, `# ...` in YAML. */
export function readIgnoreComments(doc: LintDocument, rules: IgnorableRules): IgnoreComments {
  const directives: IgnoreDirective[] = [];
  const malformed: LintFinding[] = [];
  const add = (text: string, line: number, column: number, lines: IgnoreDirective['lines']) => {
    const parsed = parseIgnoreComment(text, rules);
    if (!parsed) return;
    if ('error' in parsed) malformed.push({ line, column, ...parsed.error });
    else directives.push({ line, column, ...parsed, lines, used: new Set() });
  };

  if (doc.body) {
    const offset = doc.body.line - 1;
    const linesOf = (node: MdastNodes | undefined) =>
      node?.position ? { from: node.position.start.line + offset, to: node.position.end.line + offset } : undefined;
    // A comment on its own covers the next block; one inside a paragraph covers that paragraph.
    const walk = (parent: MdastParent, block: MdastNodes | undefined) => {
      parent.children.forEach((child, index) => {
        const comments = child.type === 'mdxFlowExpression' || child.type === 'mdxTextExpression' ? commentsOf(child) : undefined;
        if (comments) {
          const target = child.type === 'mdxFlowExpression' ? parent.children[index + 1] : block;
          for (const text of comments)
            add(text, (child.position?.start.line ?? 1) + offset, child.position?.start.column ?? 1, linesOf(target));
        }
        if ('children' in child) {
          const flow =
            child.type === 'listItem' || child.type === 'blockquote' || child.type === 'mdxJsxFlowElement' || child.type === 'list';
          walk(child as MdastParent, flow ? undefined : (block ?? child));
        }
      });
    };
    walk(doc.body.tree, undefined);
  }

  // YAML comments: one on its own line covers the next key or list item with everything under it; one after a value covers that value.
  const fileLines = doc.text.split('\n');
  const firstLine = doc.positionAt(doc.yamlOffset).line;
  const lastLine = doc.body ? doc.body.line - 2 : fileLines.length;
  const indent = (l: string) => l.length - l.trimStart().length;
  const blank = (l: string | undefined) => l === undefined || l.trim() === '' || l.trim().startsWith('#');
  const extent = (start: number) => {
    let end = start;
    for (let n = start + 1; n <= lastLine; n++) {
      const text = fileLines[n - 1]!;
      if (text.trim() === '') continue;
      if (indent(text) <= indent(fileLines[start - 1]!) && !text.trim().startsWith('#')) break;
      end = n;
    }
    return { from: start, to: end };
  };
  let lineOffset = 0;
  for (let n = 1; n <= fileLines.length; n++) {
    const text = fileLines[n - 1]!;
    const at = lineOffset;
    lineOffset += text.length + 1;
    if (n < firstLine || n > lastLine) continue;
    // The first # that starts a comment; a directive is a comment that begins with hindsight-. (The
    // comment's text is trimmed by hand: a lazy pattern before trailing white space is quadratic on a long line.)
    const match = /(^|\s)#/.exec(text);
    const comment = match ? text.slice(match.index + match[0].length).trim() : '';
    if (!match || !/^hindsight-/i.test(comment)) continue;
    const column = match.index + match[1]!.length + 1;
    // A # inside a quoted or block value is text, not a comment.
    const yamlOffset = at + column - 1 - doc.yamlOffset;
    const path = doc.source.pathAt(yamlOffset);
    const scalar = path.length > 0 ? doc.source.scalarAt(path) : undefined;
    if (scalar && yamlOffset >= scalar.offset && yamlOffset < scalar.offset + scalar.raw.trimEnd().length) continue;
    let lines: IgnoreDirective['lines'];
    if (text.slice(0, match.index).trim() === '') {
      let next = n + 1;
      while (next <= lastLine && blank(fileLines[next - 1])) next++;
      lines = next <= lastLine ? extent(next) : undefined;
    } else lines = extent(n);
    add(comment, n, column, lines);
  }
  return { directives, malformed };
}
