import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { isCalendarDate } from '../schema/common.ts';
import { loadCatalog, type Catalog } from '../validation/sources.ts';
import { closestMatch, formatProblem } from '../validation/problems.ts';

/** What `npm run new` needs to know. */
export interface NewPostmortemAnswers {
  title: string;
  /** YYYY-MM-DD, the day impact began. */
  date: string;
  severity: string;
  services: string[];
  /** Defaults to the title, lower-cased and hyphenated. */
  slug?: string;
}

/** A mistake in the answers, with a message that says how to fix it. */
export class NewPostmortemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NewPostmortemError';
  }
}

/** `Checkout returned 500s!` becomes `checkout-returned-500s`; at most 60 characters, cut at a hyphen. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 61);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : 60).replace(/-+$/, '');
}

/** The UTC offset of a time zone at noon on a date, as `+01:00` or `Z`. */
export function offsetOn(date: string, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')!.value;
  const offset = name.replace('GMT', '');
  return offset === '' || offset === '+00:00' ? 'Z' : offset;
}

/** Checks the answers against the catalog and taxonomy; returns the problems as sentences. */
export function checkAnswers(answers: NewPostmortemAnswers, catalog: Catalog): string[] {
  const problems: string[] = [];
  if (answers.title.trim() === '') problems.push('title: expected a one-line title, found nothing. Pass --title "What happened".');
  else if (answers.title.length > 120) problems.push(`title: expected at most 120 characters, found ${answers.title.length}. Shorten it; detail goes in the summary.`);
  if (!isCalendarDate(answers.date)) problems.push(`date: expected a date written YYYY-MM-DD, found "${answers.date}". Pass --date 2025-06-21.`);
  const severities = catalog.taxonomy.severities.map((s) => s.id);
  if (!severities.includes(answers.severity)) {
    const suggestion = closestMatch(answers.severity, severities) ?? severities.find((s) => s.toLowerCase() === answers.severity.toLowerCase());
    problems.push(`severity: expected one of ${severities.join(', ')}, found "${answers.severity}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`);
  }
  const serviceIds = catalog.services.map((s) => s.id);
  if (answers.services.length === 0) problems.push(`services: expected at least one service id from catalog/services.yaml (${serviceIds.join(', ')}).`);
  for (const id of answers.services) {
    if (serviceIds.includes(id)) continue;
    const suggestion = closestMatch(id, serviceIds);
    problems.push(`services: "${id}" is not in catalog/services.yaml. ${suggestion ? `Did you mean "${suggestion}"?` : `Known services: ${serviceIds.join(', ')}.`}`);
  }
  if (answers.slug !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(answers.slug)) {
    problems.push(`slug: expected lower-case letters, digits and single hyphens, found "${answers.slug}".`);
  }
  return problems;
}

/** The file `npm run new` would write: its path relative to the root, and its text. */
export function renderPostmortem(templateText: string, answers: NewPostmortemAnswers, catalog: Catalog): { path: string; text: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(templateText);
  if (!match) throw new NewPostmortemError('templates/postmortem.mdx: expected a frontmatter block between two --- lines at the top.');
  const doc = parseDocument(match[1]!);
  const slug = answers.slug ?? slugify(answers.title);
  const id = `${answers.date}-${slug}`;
  const offset = offsetOn(answers.date, catalog.organisation.time_zone);
  const at = (time: string) => `${answers.date}T${time}:00${offset}`;
  const services = answers.services.map((sid) => catalog.services.find((s) => s.id === sid)!);
  const teams = [...new Set(services.map((s) => s.team))];
  const due = new Date(Date.parse(`${answers.date}T00:00:00Z`) + 28 * 86_400_000).toISOString().slice(0, 10);

  doc.set('title', answers.title);
  doc.set('summary', 'TODO: one to three sentences on what happened and what it cost.');
  doc.set('status', 'draft');
  doc.set('severity', answers.severity);
  doc.set('services', doc.createNode(answers.services, { flow: true }));
  doc.set('teams', doc.createNode(teams, { flow: true }));
  doc.set('tags', doc.createNode([], { flow: true }));
  doc.set('started', at('00:00'));
  doc.set('detected', at('00:00'));
  doc.delete('mitigated');
  doc.delete('resolved');
  doc.delete('release');
  doc.delete('customer_impact');
  doc.setIn(['response', 'rationale'], 'TODO: why this response, weighed against the error budget.');
  doc.setIn(['response', 'helped_by'], doc.createNode([], { flow: true }));
  doc.set('slo_impact', services.flatMap((s) => s.slos.map((slo) => ({ slo: slo.id, bad_minutes: 0 }))));
  doc.set('contributing_factors', [{ category: 'other', description: 'TODO: a system condition that made this possible.' }]);
  doc.setIn(['action_items', 0, 'title'], 'TODO: a specific, bounded follow-up');
  doc.setIn(['action_items', 0, 'owner'], teams[0]);
  doc.setIn(['action_items', 0, 'due'], due);
  doc.setIn(['action_items', 0, 'status'], 'open');
  doc.deleteIn(['action_items', 0, 'ticket']);
  doc.set('timeline', [{ at: at('00:00'), kind: 'trigger', text: 'TODO: what set it off.' }]);
  doc.set('related', doc.createNode([], { flow: true }));
  doc.set('featured', false);

  doc.commentBefore = ' Draft started by `npm run new`. Replace every marked placeholder, add mitigated (and resolved) once known,\n and set status: in-review when it is ready. templates/postmortem.mdx explains every field.';
  for (const key of ['started', 'detected']) {
    const node = doc.get(key, true) as { comment?: string } | undefined;
    if (node) node.comment = ' TODO: the real time, with its offset';
  }
  const frontmatter = doc.toString({ lineWidth: 0 }).trimEnd();
  const body = templateText.slice(match[0].length);
  return { path: `incidents/${answers.date.slice(0, 4)}/${id}.mdx`, text: `---\n${frontmatter}\n---\n${body}` };
}

/** Writes a new draft post-mortem under `root`; never overwrites. Returns the path written. */
export function createPostmortem(root: string, answers: NewPostmortemAnswers): string {
  const catalog = loadCatalog(root);
  if (catalog.problems.some((p) => p.severity === 'error')) {
    throw new NewPostmortemError(`The catalog has problems; fix them first:\n${catalog.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  }
  const problems = checkAnswers(answers, catalog);
  if (problems.length > 0) throw new NewPostmortemError(problems.join('\n'));
  const templatePath = join(root, 'templates/postmortem.mdx');
  if (!existsSync(templatePath)) throw new NewPostmortemError('templates/postmortem.mdx is missing; restore it from git.');
  const { path, text } = renderPostmortem(readFileSync(templatePath, 'utf8'), answers, catalog);
  const target = join(root, path);
  if (existsSync(target)) throw new NewPostmortemError(`${path} already exists; it was left untouched. Choose another title or pass --slug.`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text, { flag: 'wx' });
  return path;
}
