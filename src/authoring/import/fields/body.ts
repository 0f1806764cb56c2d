import { escapeForMdx } from '../mdx.ts';
import { parseMarkdown, sectionsOf } from '../markdown.ts';
import { TEMPLATE_SECTIONS } from '../vocabulary.ts';
import type { ImportContext } from '../context.ts';

/** Applies edits to a text: each range replaced by its text, in order; an edit inside an earlier one is skipped. */
export function applyEdits(text: string, edits: readonly { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue;
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** Renames and levels the headings: sections start at `##`, and one that clearly is a template section gets its name. */
export function levelHeadings(ctx: ImportContext): void {
  const { body, bodySections, kinds, edits } = ctx;
  const remaining = bodySections.map((s) => s.heading.depth);
  const shift = remaining.length > 0 ? 2 - Math.min(...remaining) : 0;
  const used = new Set<string>();
  for (const section of bodySections) {
    const kind = kinds.get(section);
    const name = kind ? TEMPLATE_SECTIONS[kind] : undefined;
    const heading = section.heading;
    const depth = Math.min(6, Math.max(1, heading.depth + shift + (ctx.demoted.has(section) ? 1 : 0)));
    const [start, headingEnd] = [heading.position!.start.offset!, heading.position!.end.offset!];
    const children = heading.children;
    const content =
      children.length > 0 ? body.slice(children[0]!.position!.start.offset!, children[children.length - 1]!.position!.end.offset!) : '';
    let text = content.trim();
    if (name && !used.has(name)) {
      used.add(name);
      const aside = /\(([^)]*)\)\s*$/.exec(section.title);
      text = aside ? `${name} (${aside[1]})` : name;
    }
    const atx = /^#{1,6}(?:\s|$)/.test(body.slice(start, headingEnd));
    if (!atx || depth !== heading.depth || text !== content.trim())
      edits.push({ start, end: headingEnd, text: `${'#'.repeat(depth)} ${text}` });
  }
}

/** A details section whose every line went into the frontmatter leaves the body. */
function dropEmptiedDetails(ctx: ImportContext): void {
  const { body, edits } = ctx;
  for (const section of ctx.bodySections.filter((s) => ctx.kinds.get(s) === 'details')) {
    const left = body
      .slice(section.contentStart, section.end)
      .split('\n')
      .reduce((count, line, i, all) => {
        const offset = section.contentStart + all.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
        const removed = edits.some((e) => e.text === '' && e.start <= offset && offset < e.end);
        return (
          count +
          (line.trim() !== '' &&
          !removed &&
          !/^\s*\|?\s*(?:field|key|item|property)?\s*\|\s*(?:value|details?)?\s*\|?\s*$/i.test(line) &&
          !/^\s*\|?[\s:|-]+\|?\s*$/.test(line)
            ? 1
            : 0)
        );
      }, 0);
    if (left === 0) {
      for (let i = edits.length - 1; i >= 0; i--) if (edits[i]!.start >= section.start && edits[i]!.end <= section.end) edits.splice(i, 1);
      edits.push({ start: section.start, end: section.end, text: '' });
    }
  }
}

/** Adds "From the original post-mortem" under Supporting information: everything the import had no place for. */
function appendUnmapped(ctx: ImportContext, edited: string): string {
  if (ctx.unmapped.length === 0) return edited;
  const block = [
    `### From the original post-mortem`,
    '',
    `Imported from \`${ctx.source.replace(/`/g, "'")}\`; the import had no place for these:`,
    '',
    ...ctx.unmapped.map((u) => `- ${u.key}: ${u.value.replace(/\n+/g, ' ')}${u.why ? ` (${u.why})` : ''}`),
  ].join('\n');
  const supporting = sectionsOf(edited, parseMarkdown(edited)).find((s) => s.heading.depth === 2 && s.title === 'Supporting information');
  if (supporting) return `${edited.slice(0, supporting.end).trimEnd()}\n\n${block}\n\n${edited.slice(supporting.end)}`.trimEnd();
  return `${edited}\n\n## Supporting information\n\n${block}`.trimStart();
}

/** The draft's body: the source's, with mapped lines and the title out, headings levelled and renamed, what had no place appended, made MDX-safe. */
export function buildBody(ctx: ImportContext): string {
  levelHeadings(ctx);
  dropEmptiedDetails(ctx);
  let edited = applyEdits(ctx.body, ctx.edits);
  // A two-column table whose rows all went into the frontmatter leaves only its header: drop that too.
  edited = edited.replace(
    /^\|[^|\n]*\|[^|\n]*\|[ \t]*\n\|?[ \t]*:?-{2,}:?[ \t]*\|[ \t]*:?-{2,}:?[ \t]*\|?[ \t]*(?:\n(?![ \t]*\|)|(?![\s\S]))/gm,
    '',
  );
  edited = edited
    .replace(/^(?:[ \t]*\n)+/, '')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
  edited = appendUnmapped(ctx, edited);
  return `${escapeForMdx(edited).trimEnd()}\n`;
}
