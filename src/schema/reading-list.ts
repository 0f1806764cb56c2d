import { z } from 'astro/zod';
import { TextSchema } from './common.ts';

/** `reading-lists/<slug>.mdx` frontmatter; the intro is the body. */
export const ReadingListSchema = z.strictObject({
  /** e.g. `Your first week on Payments`. */
  title: TextSchema,
  /** Who it is for, e.g. `New engineers joining the payments team`. */
  audience: TextSchema,
  /** Position on the reading-lists page, lowest first. */
  order: z.number({ error: 'expected a number such as 1' }).int({ error: 'expected a whole number such as 1' }).optional(),
  /** The incidents to read, in order, each with why. */
  items: z
    .array(
      z.strictObject({
        /** An incident id, e.g. `2025-06-21-checkout-500s`. */
        incident: TextSchema,
        /** Why this one, one sentence. */
        why: TextSchema,
      }),
    )
    .min(1, { error: 'expected at least one item' }),
});

export type ReadingListData = z.output<typeof ReadingListSchema>;
