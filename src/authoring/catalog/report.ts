import type { CatalogImportResult } from './import-catalog.ts';
import type { ImportFinding, Origin } from './mappers/types.ts';

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
const where = (o: { file: string; line: number; column: number }) => `${o.file}:${o.line}:${o.column}`;

/** Rows of columns, each padded to its longest cell but the last. */
function table(all: readonly string[][]): string[] {
  // A column empty in every row (no team has a contact) takes no room.
  const keep = (all[0] ?? []).map((_, i) => all.some((row) => row[i] !== ''));
  const rows = all.map((row) => row.filter((_, i) => keep[i]));
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  return rows.map((row) => `  + ${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')}`.trimEnd());
}

function from(origin: Origin, extra?: string): string {
  return `${where(origin)}${extra ? ` (${extra})` : ''}`;
}

/** One finding on a line: `file:line:column field: message. hint`. */
export function formatFinding(f: ImportFinding): string {
  return `${where(f)}${f.field ? ` ${f.field}:` : ''} ${f.message}${f.hint ? `. ${f.hint}` : ''}`;
}

/**
 * The report of `npm run catalog -- import`: what was read, each team, service and SLO added with the
 * file and line it came from, what the catalog already had (and how the import differs), what could
 * not be mapped and why, and what was written.
 */
export function formatCatalogReport(result: CatalogImportResult): string {
  const { sources, plan, findings } = result;
  const lines = [`Read ${plural(sources.files.length, 'file')}: ${plural(sources.documents.length, 'document')}.`, ''];
  const kept = (n: number, file: string) => (n > 0 ? `, ${n} already in ${file}` : '');

  lines.push(`Teams: ${plan.teams.length} added${kept(plan.kept.teams, 'catalog/teams.yaml')}`);
  lines.push(
    ...table(
      plan.teams.map((t) => [
        t.team.id,
        t.team.name,
        t.team.contact ?? '',
        t.fromOwnerOf
          ? from(t.origin, `the owner of ${t.fromOwnerOf}; no Group ${t.team.id} was read`)
          : from(t.origin, t.writtenAs ? `Group ${JSON.stringify(t.writtenAs)}` : 'Group'),
      ]),
    ),
  );
  lines.push(`Services: ${plan.services.length} added${kept(plan.kept.services, 'catalog/services.yaml')}`);
  lines.push(
    ...table(
      plan.services.map((s) => {
        const links = s.service.links?.length ?? 0;
        return [
          s.service.id,
          s.service.name,
          `team ${s.team}${links > 0 ? `, ${plural(links, 'link')}` : ''}`,
          from(s.origin, s.writtenAs ? `Component ${JSON.stringify(s.writtenAs)}` : undefined),
        ];
      }),
    ),
  );
  const toExisting = plan.slos.filter((s) => s.toExistingService).length;
  lines.push(
    `SLOs: ${plan.slos.length} added${toExisting > 0 ? ` (${toExisting} to services already in the catalog)` : ''}${kept(plan.kept.slos, 'catalog/services.yaml')}`,
  );
  lines.push(
    ...table(plan.slos.map((s) => [s.slo.id, `${s.slo.objective}% over ${s.slo.window_days} days`, s.service, from(s.origin, s.note)])),
  );

  if (plan.conflicts.length > 0) {
    lines.push('', `Kept as written (${plan.conflicts.length}): the catalog's values win; change them by hand where the import is right`);
    for (const c of plan.conflicts) lines.push(`  ${c.where} ${c.what}: ${c.differences.join('; ')} (${where(c.origin)})`);
  }
  if (findings.length > 0) {
    lines.push('', `Not mapped (${findings.length}):`);
    for (const f of findings) lines.push(`  ${formatFinding(f)}`);
  }
  lines.push('');
  if (result.changed.length === 0) lines.push('Nothing to add: catalog/ already holds everything these files map to. Nothing was written.');
  else if (result.dryRun) lines.push(`Dry run: nothing was written. Without --dry-run this writes ${result.changed.join(' and ')}.`);
  else
    lines.push(
      `Wrote ${result.changed.join(' and ')}. Next: npm run check, then npm run build to see the budgets at /trends/decision-guide/.`,
    );
  return `${lines.join('\n')}\n`;
}
