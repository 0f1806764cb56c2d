import { closestMatch } from '../../../validation/problems.ts';
import type { Catalog } from '../../../validation/sources.ts';
import { slugify } from '../../new-postmortem.ts';
import { comment, list, mapped, note, quote, take, type ImportContext } from '../context.ts';

/** A service the source named, matched to the catalog: by id, name or slug, by a missing suffix, or by the closest spelling. */
export function matchService(name: string, catalog: Catalog): { id: string; exact: boolean } | undefined {
  const lower = name.trim().toLowerCase();
  for (const s of catalog.services) {
    if (s.id === lower || s.name.toLowerCase() === lower || slugify(name) === s.id) return { id: s.id, exact: true };
  }
  const bare = catalog.services.find((s) => s.id.replace(/-(?:api|service|svc|web|app|backend|server)$/, '') === slugify(name));
  if (bare) return { id: bare.id, exact: false };
  // "Telemetry" for telemetry-ingest: the only id that starts with the name as a whole word.
  const prefixed = catalog.services.filter((s) => s.id.startsWith(`${slugify(name)}-`));
  if (prefixed.length === 1 && slugify(name) !== '') return { id: prefixed[0]!.id, exact: false };
  const byId = closestMatch(
    slugify(name),
    catalog.services.map((s) => s.id),
  );
  if (byId) return { id: byId, exact: false };
  const byName = closestMatch(
    lower,
    catalog.services.map((s) => s.name),
  );
  if (byName) return { id: catalog.services.find((s) => s.name === byName)!.id, exact: false };
  return undefined;
}

/** A team the source named, by id or name (`Billing`, `billing team`, `@billing`). */
export function matchTeam(name: string, catalog: Catalog): string | undefined {
  const lower = name.trim().replace(/^@/, '').toLowerCase();
  return catalog.teams.find(
    (t) => t.id === lower || t.name.toLowerCase() === lower || slugify(name) === t.id || slugify(`${name}`).replace(/-team$/, '') === t.id,
  )?.id;
}

/** `services` matched to the catalog (else catalog names in the title or summary, else a placeholder), and `teams`: their owners plus the teams named. */
export function mapServices(ctx: ImportContext): void {
  const { catalog, out } = ctx;
  const written = take(ctx, 'services');
  const services: string[] = [];
  const comments: string[] = [];
  if (written) {
    mapped(ctx, written);
    for (const name of list(written.value)) {
      const match = matchService(name, catalog);
      if (match && !match.exact) {
        note(ctx, 25, `service ${quote(name)} matched to ${match.id}: check it`);
        comments.push(`${quote(name)} read as ${match.id}`);
      }
      if (match) {
        if (!services.includes(match.id)) services.push(match.id);
        continue;
      }
      ctx.unmapped.push({ key: written.key, value: name, why: 'not in catalog/services.yaml' });
      note(ctx, 25, `service ${quote(name)} not in catalog/services.yaml: left as TODO`);
      comments.push(`${quote(name)} is not in catalog/services.yaml`);
    }
  } else {
    // No services named: look for a catalog service's name or id in the title and summary.
    const haystack = ` ${out.title} ${out.summary ?? ''} `.toLowerCase();
    for (const s of catalog.services) {
      const pattern = (word: string) => new RegExp(`[^a-z0-9-]${word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^a-z0-9-]`);
      // "unlock" for unlock-service: an id without its suffix, when that leaves a word of five letters or more.
      const stem = s.id.replace(/-(?:api|service|svc|web|app|backend|server|ingest)$/, '');
      if (
        pattern(s.name).test(haystack) ||
        pattern(s.id).test(haystack) ||
        (stem !== s.id && stem.length >= 5 && pattern(stem).test(haystack))
      )
        services.push(s.id);
    }
    if (services.length > 0) {
      note(ctx, 25, `services: none named; ${services.join(', ')} found in the title or summary: check them`);
      comments.push('found in the title or summary');
    }
  }
  if (services.length === 0) {
    services.push(catalog.services[0]!.id);
    note(
      ctx,
      25,
      `services: ${written ? 'none of those named is in catalog/services.yaml' : 'none named in the source'}; set to ${services[0]} as a placeholder with a TODO`,
    );
    comments.push(`placeholder; choose the right ids from catalog/services.yaml`);
  }
  if (comments.length > 0) comment(ctx, ['services'], ` TODO: ${comments.join('; ')}`);
  const teams = [...new Set(services.map((id) => catalog.services.find((s) => s.id === id)!.team))];
  const writtenTeams = take(ctx, 'teams');
  if (writtenTeams) {
    mapped(ctx, writtenTeams);
    for (const name of list(writtenTeams.value)) {
      const team = matchTeam(name, catalog);
      if (team && !teams.includes(team)) teams.push(team);
      if (!team) {
        ctx.unmapped.push({ key: writtenTeams.key, value: name, why: 'not in catalog/teams.yaml' });
        note(ctx, 26, `team ${quote(name)} not in catalog/teams.yaml: kept under Supporting information`);
      }
    }
  }
  out.services = services;
  out.teams = teams;
}
