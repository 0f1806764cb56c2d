import type { Nodes } from 'mdast';
import { parseMarkdown } from './markdown.ts';

interface Edit {
  start: number;
  end: number;
  /** The replacement; undefined keeps the range as it is (code). */
  text?: string;
}

function fence(value: string): string {
  const longest = Math.max(2, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(longest + 1);
}

/** An HTML comment as an MDX comment; `*\/` inside it would end the comment early, so it is split. */
function mdxComment(html: string): string {
  return html.replace(/<!--([\s\S]*?)-->/g, (_, inner: string) => `{/*${inner.replace(/\*\//g, '* /')}*/}`);
}

function collectEdits(body: string, node: Nodes, edits: Edit[]): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined) {
    const raw = body.slice(start, end);
    if (node.type === 'inlineCode') {
      edits.push({ start, end });
      return;
    }
    if (node.type === 'code') {
      if (/^(?:`{3,}|~{3,})/.test(raw)) edits.push({ start, end });
      else {
        // MDX has no indented code: make it fenced, keeping the prefix of its container (list indent, "> ").
        const lineStart = body.lastIndexOf('\n', start - 1) + 1;
        const prefix = body.slice(lineStart, start).replace(/[^\s>]/g, ' ');
        const ticks = fence(node.value);
        const lines = [ticks, ...node.value.split('\n'), ticks];
        edits.push({
          start,
          end,
          text: lines.map((line, i) => (i === 0 ? line : `${prefix}${line}`.trimEnd() || prefix.trimEnd())).join('\n'),
        });
      }
      return;
    }
    if (node.type === 'html' && /^<br\s*\/?>$/i.test(raw)) {
      // A line break (the only way to break a line in a table cell) is valid MDX once it is closed.
      edits.push({ start, end, text: '<br />' });
      return;
    }
    if (node.type === 'html' && raw.includes('<!--')) {
      // Comments become MDX comments; the rest of the HTML is shown as written.
      const text = raw
        .split(/(<!--[\s\S]*?-->)/)
        .map((part, i) => (i % 2 === 1 ? mdxComment(part) : escapeText(part)))
        .join('');
      edits.push({ start, end, text });
      return;
    }
    if (node.type === 'link' && raw.startsWith('<') && raw.endsWith('>')) {
      // MDX has no autolinks: <https://x> becomes [https://x](https://x).
      const label = raw.slice(1, -1);
      edits.push({ start, end, text: `[${escapeText(label)}](${node.url})` });
      return;
    }
  }
  if ('children' in node) for (const child of node.children) collectEdits(body, child as Nodes, edits);
}

/** Escapes what MDX reads as code or JSX in prose: `{`, `}` and `<`; backslash escapes already written are kept. */
function escapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1]!)) {
      out += c + text[i + 1];
      i++;
    } else if (c === '{' || c === '}' || c === '<') out += `\\${c}`;
    else out += c;
  }
  // A line starting with "import " or "export " is JavaScript to MDX; a character reference keeps the word.
  return out.replace(
    /(^|\n)([ \t]{0,3})(?=(?:import|export)\s)([ie])/g,
    (_m, start: string, indent: string, letter: string) => `${start}${indent}&#${letter === 'i' ? 105 : 101};`,
  );
}

/**
 * Makes Markdown safe to compile as MDX with the same meaning: `{`, `}` and `<` escaped outside code,
 * HTML comments turned into MDX comments, autolinks into links, indented code into fenced code.
 */
export function escapeForMdx(markdown: string): string {
  const edits: Edit[] = [];
  collectEdits(markdown, parseMarkdown(markdown), edits);
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue;
    out += escapeText(markdown.slice(at, edit.start));
    out += edit.text ?? markdown.slice(edit.start, edit.end);
    at = edit.end;
  }
  return out + escapeText(markdown.slice(at));
}
