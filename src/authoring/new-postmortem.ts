import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isCalendarDate } from '../schema/common.ts';
import { TEMPLATE_FILES, TEMPLATE_NAMES, type TemplateName } from '../schema/templates.ts';
import { loadCatalog, type Catalog } from '../validation/sources.ts';
import { closestMatch, formatProblem } from '../validation/problems.ts';
import { FrontmatterEditor, type LineValue } from './frontmatter-edit.ts';

/** What a post-mortem is about: `incident`, or `near-miss` for one caught before it hurt anyone. */
export type IncidentType = 'incident' | 'near-miss';
const TYPES: readonly IncidentType[] = ['incident', 'near-miss'];

/** What `npm run new` needs to know. */
export interface NewPostmortemAnswers {
  title: string;
  /** YYYY-MM-DD, the day impact began. */
  date: string;
  severity: string;
  services: string[];
  /** Defaults to the title, lower-cased and hyphenated. */
  slug?: string;
  /** `incident` (the default) or `near-miss`. */
  type?: string;
  /** `full` or `light`; chosen from the type and severity (`templates` in catalog/organisation.yaml) when left out. */
  template?: string;
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
  else if (answers.title.length > 120)
    problems.push(`title: expected at most 120 characters, found ${answers.title.length}. Shorten it; detail goes in the summary.`);
  if (!isCalendarDate(answers.date))
    problems.push(`date: expected a date written YYYY-MM-DD, found "${answers.date}". Pass --date 2025-06-21.`);
  const severities = catalog.taxonomy.severities.map((s) => s.id);
  if (!severities.includes(answers.severity)) {
    const suggestion =
      closestMatch(answers.severity, severities) ?? severities.find((s) => s.toLowerCase() === answers.severity.toLowerCase());
    problems.push(
      `severity: expected one of ${severities.join(', ')}, found "${answers.severity}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    );
  }
  const serviceIds = catalog.services.map((s) => s.id);
  if (answers.services.length === 0)
    problems.push(`services: expected at least one service id from catalog/services.yaml (${serviceIds.join(', ')}).`);
  for (const id of answers.services) {
    if (serviceIds.includes(id)) continue;
    const suggestion = closestMatch(id, serviceIds);
    problems.push(
      `services: "${id}" is not in catalog/services.yaml. ${suggestion ? `Did you mean "${suggestion}"?` : `Known services: ${serviceIds.join(', ')}.`}`,
    );
  }
  if (answers.type !== undefined && !TYPES.includes(answers.type as IncidentType)) {
    const suggestion = closestMatch(answers.type, TYPES);
    problems.push(`type: expected ${TYPES.join(' or ')}, found "${answers.type}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`);
  }
  if (answers.template !== undefined && !TEMPLATE_NAMES.includes(answers.template as TemplateName)) {
    const suggestion = closestMatch(answers.template, TEMPLATE_NAMES);
    problems.push(
      `template: expected ${TEMPLATE_NAMES.join(' or ')}, found "${answers.template}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    );
  }
  if (answers.slug !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(answers.slug)) {
    problems.push(`slug: expected lower-case letters, digits and single hyphens, found "${answers.slug}".`);
  }
  return problems;
}

/** The template a draft starts from: the one asked for, else light for the types and severities `templates` lists, else full. */
export function chooseTemplate(
  answers: Pick<NewPostmortemAnswers, 'type' | 'severity' | 'template'>,
  catalog: Pick<Catalog, 'organisation' | 'taxonomy'>,
): TemplateName {
  if (answers.template === 'full' || answers.template === 'light') return answers.template;
  const light = catalog.organisation.templates?.light ?? { types: ['near-miss'] };
  const severities = light.severities ?? catalog.taxonomy.severities.slice(-1).map((s) => s.id);
  return light.types.includes(typeOf(answers)) || severities.includes(answers.severity) ? 'light' : 'full';
}

const typeOf = (answers: Pick<NewPostmortemAnswers, 'type'>): IncidentType => (answers.type === 'near-miss' ? 'near-miss' : 'incident');

/**
 * The file `npm run new` would write: its path relative to the root, and its text. The template's
 * frontmatter is edited in place, so every comment that explains a field stays in the draft; optional
 * blocks the draft cannot fill yet (mitigated, resolved, release, customer impact, responders, a
 * ticket) become comments to uncomment later.
 */
export function renderPostmortem(
  templateText: string,
  answers: NewPostmortemAnswers,
  catalog: Catalog,
  templateFile: string = TEMPLATE_FILES.full,
): { path: string; text: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(templateText);
  if (!match) throw new NewPostmortemError(`${templateFile}: expected a frontmatter block between two --- lines at the top.`);
  const slug = answers.slug ?? slugify(answers.title);
  const id = `${answers.date}-${slug}`;
  const type = typeOf(answers);
  const offset = offsetOn(answers.date, catalog.organisation.time_zone);
  const at = (time: string) => `${answers.date}T${time}:00${offset}`;
  const services = answers.services.map((sid) => catalog.services.find((s) => s.id === sid)!);
  const teams = [...new Set(services.map((s) => s.team))];
  const slos = type === 'incident' ? services.flatMap((s) => s.slos.map((slo) => slo.id)) : [];
  const due = new Date(Date.parse(`${answers.date}T00:00:00Z`) + 28 * 86_400_000).toISOString().slice(0, 10);

  const e = new FrontmatterEditor(match[1]!);
  const ifPresent = (path: (string | number)[], value: LineValue) => (e.has(path) ? e.set(path, value) : e);
  e.afterHeader([
    '#',
    `# This draft was started by \`npm run new\` from ${templateFile}.`,
    '# Replace every marked placeholder and example, fill in the fields left as comments (mitigated',
    '# first) once they are known, and set status: in-review when it is ready.',
  ]);
  e.set(['title'], answers.title);
  e.set(['summary'], 'TODO: one to three sentences on what happened and what it cost.');
  e.set(['status'], 'draft');
  e.set(['type'], type);
  e.set(['severity'], answers.severity);
  e.set(['services'], answers.services);
  e.set(['teams'], teams);
  ifPresent(['tags'], []);
  for (const key of ['started', 'detected']) e.set([key], at('00:00')).note([key], 'TODO: the real time, with its offset');
  e.commentOut(['mitigated'], at('00:00')).commentOut(['resolved'], at('00:00'));
  e.commentOut(['release']).commentOut(['customer_impact']);
  ifPresent(['response', 'rationale'], 'TODO: why this response, weighed against the error budget.');
  ifPresent(['response', 'helped_by'], []);
  e.commentOut(['response', 'responders']);
  if (slos.length === 0) e.commentOut(['slo_impact']);
  else if (e.has(['slo_impact', 0])) {
    e.set(['slo_impact', 0, 'slo'], slos[0]!).set(['slo_impact', 0, 'bad_minutes'], 0).truncate(['slo_impact'], 1);
    e.append(
      ['slo_impact'],
      slos.slice(1).flatMap((slo) => [`- slo: ${slo}`, '  bad_minutes: 0']),
    );
  }
  if (e.has(['contributing_factors', 0])) {
    e.set(['contributing_factors', 0, 'category'], 'other').set(
      ['contributing_factors', 0, 'description'],
      'TODO: a system condition that made this possible.',
    );
    e.truncate(['contributing_factors'], 1);
  }
  if (e.has(['action_items', 0])) {
    e.set(['action_items', 0, 'title'], 'TODO: a specific, bounded follow-up');
    ifPresent(['action_items', 0, 'owner'], teams[0]!);
    ifPresent(['action_items', 0, 'due'], due);
    ifPresent(['action_items', 0, 'status'], 'open');
    e.commentOut(['action_items', 0, 'ticket']).truncate(['action_items'], 1);
  }
  if (e.has(['timeline', 0])) {
    e.set(['timeline', 0, 'at'], at('00:00')).set(['timeline', 0, 'text'], 'TODO: what set it off.');
    ifPresent(['timeline', 0, 'kind'], 'trigger');
    e.truncate(['timeline'], 1);
  }
  ifPresent(['related'], []);
  ifPresent(['featured'], false);

  const body = templateText.slice(match[0].length);
  return { path: `incidents/${answers.date.slice(0, 4)}/${id}.mdx`, text: `---\n${e.toString().trimEnd()}\n---\n${body}` };
}

/** What `createPostmortem` wrote: the draft's path relative to the root, and the template it started from. */
export interface CreatedPostmortem {
  path: string;
  template: TemplateName;
  templateFile: string;
}

/** Writes a new draft post-mortem under `root` from the chosen template (the archive's own, else the project's); never overwrites. */
export function createPostmortem(root: string, answers: NewPostmortemAnswers, projectRoot: string = root): CreatedPostmortem {
  const catalog = loadCatalog(root);
  if (catalog.problems.some((p) => p.severity === 'error')) {
    throw new NewPostmortemError(
      `The catalog has problems; fix them first:\n${catalog.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
  }
  const problems = checkAnswers(answers, catalog);
  if (problems.length > 0) throw new NewPostmortemError(problems.join('\n'));
  const template = chooseTemplate(answers, catalog);
  const templateFile = TEMPLATE_FILES[template];
  // An archive kept apart from the project may carry its own templates.
  const templatePath = [root, projectRoot].map((dir) => join(dir, templateFile)).find((path) => existsSync(path));
  if (!templatePath) throw new NewPostmortemError(`${templateFile} is missing; restore it from git.`);
  const { path, text } = renderPostmortem(readFileSync(templatePath, 'utf8'), answers, catalog, templateFile);
  const target = join(root, path);
  if (existsSync(target))
    throw new NewPostmortemError(`${path} already exists; it was left untouched. Choose another title or pass --slug.`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text, { flag: 'wx' });
  return { path, template, templateFile };
}
