import { mapSeverity } from '../vocabulary.ts';
import { comment, keep, mapped, note, quote, show, take, type ImportContext } from '../context.ts';

/** `severity`: the written value mapped to the taxonomy; otherwise the lowest level with a TODO saying what the source said. */
export function mapSeverityField(ctx: ImportContext): void {
  const severities = ctx.catalog.taxonomy.severities;
  const written = take(ctx, 'severity');
  const mapping = written ? mapSeverity(show(written.value), severities) : undefined;
  const severity = mapping?.id ?? severities[severities.length - 1]!.id;
  const ids = severities.map((s) => s.id).join(', ');
  if (written && mapping) {
    mapped(ctx, written);
    if (!mapping.exact) {
      note(ctx, 20, `severity ${quote(show(written.value))} mapped to ${severity}: check it`);
      comment(ctx, ['severity'], ` TODO: check it; the source said ${quote(show(written.value))}`);
    }
  } else {
    if (written) keep(ctx, written, `not a severity of ${ids}`);
    note(ctx, 20, written
      ? `severity ${quote(show(written.value))} matches none of ${ids}: set to ${severity} with a TODO`
      : `severity: not in the source; set to ${severity} with a TODO`);
    comment(ctx, ['severity'], ` TODO: ${written ? `the source said ${quote(show(written.value))}` : 'not in the source'}; choose one of ${ids}`);
  }
  ctx.out.severity = severity;
}
