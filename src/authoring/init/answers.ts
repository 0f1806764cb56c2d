import type { z } from 'astro/zod';
import { OrganisationSchema, ServiceSchema, TeamSchema } from '../../schema/catalog.ts';
import { closestMatch, describeValue, formatFieldPath } from '../../validation/problems.ts';

/** A team as `npm run init` takes it: `--team payments:Payments`. */
export interface InitTeam {
  id: string;
  name: string;
}

/** A service as `npm run init` takes it: `--service checkout-api:"Checkout API":payments`. */
export interface InitService {
  id: string;
  name: string;
  team: string;
}

/** Everything `npm run init` writes the catalog from. */
export interface InitAnswers {
  name: string;
  /** Default: the name followed by "post-mortems". */
  title: string;
  time_zone: string;
  teams: InitTeam[];
  services: InitService[];
}

/** The title the site gets when none is given: `Fernhill Transit post-mortems`. */
export function defaultTitle(name: string): string {
  return `${name.trim()} post-mortems`;
}

/** A flag value that could not be split into its parts. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Reads `id:Name` (the name may hold colons); a problem when either part is missing. */
export function parseTeamFlag(raw: string): Parsed<InitTeam> {
  const at = raw.indexOf(':');
  if (at <= 0 || at === raw.length - 1)
    return { ok: false, problem: `--team ${JSON.stringify(raw)}: expected id:Name, e.g. --team payments:Payments` };
  return { ok: true, value: { id: raw.slice(0, at).trim(), name: raw.slice(at + 1).trim() } };
}

/** Reads `id:Name:team`: the id before the first colon, the team after the last, the name between them. */
export function parseServiceFlag(raw: string): Parsed<InitService> {
  const first = raw.indexOf(':');
  const last = raw.lastIndexOf(':');
  if (first <= 0 || last === first || last === raw.length - 1 || last === first + 1) {
    return {
      ok: false,
      problem: `--service ${JSON.stringify(raw)}: expected id:Name:team, e.g. --service "checkout-api:Checkout API:payments"`,
    };
  }
  return { ok: true, value: { id: raw.slice(0, first).trim(), name: raw.slice(first + 1, last).trim(), team: raw.slice(last + 1).trim() } };
}

/** The schema's messages for one value, each as `field: message, found X`. */
function schemaProblems(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const field = formatFieldPath(issue.path);
    const found = describeValue((value as Record<string, unknown>)[String(issue.path[0])]);
    return `${field}: ${issue.message}, found ${found}`;
  });
}

const FLAG_OF: Record<string, string> = { name: '--name', title: '--title', time_zone: '--time-zone' };

/**
 * Checks the answers with the catalog's own schemas: the organisation, each team and service, unique
 * ids, and that every service's team is one of the teams given. Every problem, one sentence each,
 * starting with the flag it is about.
 */
export function checkInitAnswers(answers: InitAnswers): string[] {
  const problems: string[] = [];
  const organisation = OrganisationSchema.safeParse({ name: answers.name, title: answers.title, time_zone: answers.time_zone });
  if (!organisation.success) {
    for (const issue of organisation.error.issues) {
      const key = String(issue.path[0]);
      const value = (answers as unknown as Record<string, unknown>)[key];
      problems.push(`${FLAG_OF[key] ?? key} ${JSON.stringify(value)}: ${issue.message}`);
    }
  }
  const teamIds = new Set<string>();
  for (const team of answers.teams) {
    const flag = `--team ${JSON.stringify(`${team.id}:${team.name}`)}`;
    for (const problem of schemaProblems(TeamSchema, team)) problems.push(`${flag}: ${problem}`);
    if (teamIds.has(team.id))
      problems.push(`${flag}: id: expected a unique team id, found ${describeValue(team.id)}. Give each team once.`);
    teamIds.add(team.id);
  }
  const serviceIds = new Set<string>();
  for (const service of answers.services) {
    const flag = `--service ${JSON.stringify(`${service.id}:${service.name}:${service.team}`)}`;
    for (const problem of schemaProblems(ServiceSchema, service)) problems.push(`${flag}: ${problem}`);
    if (serviceIds.has(service.id))
      problems.push(`${flag}: id: expected a unique service id, found ${describeValue(service.id)}. Give each service once.`);
    serviceIds.add(service.id);
    if (!teamIds.has(service.team)) {
      const known = [...teamIds];
      const suggestion = closestMatch(service.team, known);
      const hint = suggestion
        ? ` Did you mean "${suggestion}"?`
        : known.length > 0
          ? ` The teams given are ${known.join(', ')}.`
          : ' Give the team with --team id:Name too.';
      problems.push(`${flag}: team: expected one of the teams given with --team, found ${describeValue(service.team)}.${hint}`);
    }
  }
  return problems;
}
