import type { List, RootContent } from 'mdast';
import { plainText, sourceOf } from '../markdown.ts';
import { guessCategory } from '../vocabulary.ts';
import { comment, note, sectionOf, type ImportContext } from '../context.ts';
import { firstParagraph } from './summary.ts';

/** The text of a section's top-level list items, or of its first paragraph when it has no list. */
export function factorTexts(body: string, nodes: readonly RootContent[]): string[] {
  const lists = nodes.filter((n): n is List => n.type === 'list');
  if (lists.length > 0)
    return lists
      .flatMap((l) => l.children.map((item) => plainText(sourceOf(body, item).replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''))))
      .filter(Boolean);
  const paragraph = firstParagraph(body, nodes);
  return paragraph ? [paragraph] : [];
}

/** `contributing_factors`: the list items (or first paragraph) of the root-cause section, each category guessed from its words. */
export function mapFactors(ctx: ImportContext): void {
  const section = sectionOf(ctx, 'factors');
  const categories = ctx.catalog.taxonomy.categories.map((c) => c.id);
  const texts = section ? factorTexts(ctx.body, section.nodes) : ctx.prose.get('factors') ? [plainText(ctx.prose.get('factors')!)] : [];
  ctx.out.factorTexts = texts;
  ctx.out.factors = texts.map((description) => ({ category: guessCategory(description, categories), description }));
  if (ctx.out.factors.length > 0)
    note(ctx, 50, `contributing factors: ${ctx.out.factors.length} imported; categories guessed from the text: check them`);
  ctx.out.factors.forEach((f, i) =>
    comment(
      ctx,
      ['contributing_factors', i, 'category'],
      f.category === 'other' ? ' TODO: choose a category' : ' TODO: guessed from the text; check it',
    ),
  );
}
