/** A block of a Markdown file under docs/ that is generated from the code, between two markers. */
export interface GeneratedBlock {
  /** The file, relative to the project, e.g. `docs/checking.md`. */
  file: string;
  /** The block's name in its markers: `<!-- generated:rules -->` ... `<!-- /generated:rules -->`. */
  name: string;
  /** The block's text, from the code's own metadata. */
  render: () => string;
}

/** The markers around a generated block. */
export function markers(name: string): { start: string; end: string } {
  return { start: `<!-- generated:${name} (npm run docs) -->`, end: `<!-- /generated:${name} -->` };
}

/** A file's text with the block replaced by `content`; throws when the markers are missing. */
export function replaceBlock(text: string, file: string, name: string, content: string): string {
  const { start, end } = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file}: expected the markers ${start} and ${end} around the generated block "${name}".`);
  return `${text.slice(0, from + start.length)}\n${content.trimEnd()}\n${text.slice(to)}`;
}
