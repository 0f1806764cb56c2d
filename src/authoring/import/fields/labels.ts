import { slugify } from '../../new-postmortem.ts';
import { keep, list, mapped, note, quote, show, take, type ImportContext } from '../context.ts';

/** `authors` and `tags` as written (handles without `@`, tags lower-cased and hyphenated). */
export function mapPeopleAndTags(ctx: ImportContext): void {
  const authors = take(ctx, 'authors');
  mapped(ctx, authors);
  ctx.out.authors = authors ? list(authors.value).map((a) => a.replace(/^@/, '')) : [];
  const tags = take(ctx, 'tags');
  mapped(ctx, tags);
  ctx.out.tags = tags
    ? [
        ...new Set(
          list(tags.value)
            .map((t) => slugify(t.replace(/^#/, '')))
            .filter(Boolean),
        ),
      ]
    : [];
}

/** The source's own status: every import is a draft, so any other status is kept under Supporting information. */
export function mapStatus(ctx: ImportContext): void {
  const status = take(ctx, 'status');
  if (!status) return;
  mapped(ctx, status);
  if (!/^draft$/i.test(show(status.value))) {
    ctx.unmapped.push({ key: status.key, value: show(status.value), why: 'every import starts as a draft' });
    note(ctx, 12, `status ${quote(show(status.value))} in the source: imported as a draft`);
  }
}

/** `type` (incident, or near-miss when written or in the title) and `visibility` (internal unless written public). */
export function mapTypeAndVisibility(ctx: ImportContext): void {
  const type = take(ctx, 'type');
  if (type) {
    const v = show(type.value).toLowerCase();
    if (/near[-\s_]?miss/.test(v)) ctx.out.type = 'near-miss';
    if (/near[-\s_]?miss|^(?:incident|outage)$/.test(v)) mapped(ctx, type);
    else {
      keep(ctx, type, 'neither incident nor near-miss');
      note(ctx, 13, `type ${quote(show(type.value))} is neither incident nor near-miss: kept under Supporting information`);
    }
  } else if (/\bnear[-\s]?miss\b/i.test(ctx.out.rawTitle)) {
    ctx.out.type = 'near-miss';
    note(ctx, 13, 'type: near-miss, from the title: check it');
  }
  const visibility = take(ctx, 'visibility');
  if (visibility) {
    const v = show(visibility.value).toLowerCase();
    if (/^(?:public|external)$/.test(v)) ctx.out.visibility = 'public';
    if (/^(?:public|external|internal|private|confidential|restricted)$/.test(v)) mapped(ctx, visibility);
    else {
      keep(ctx, visibility, 'neither internal nor public');
      note(
        ctx,
        14,
        `visibility ${quote(show(visibility.value))} is neither internal nor public: set to internal, kept under Supporting information`,
      );
    }
  }
}
