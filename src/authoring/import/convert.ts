import { isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { Catalog } from '../../validation/sources.ts';
import { slugify } from '../new-postmortem.ts';
import { incidentIdFromPath } from '../../validation/incident-rules.ts';
import { createContext, sortedNotes, type ImportContext } from './context.ts';
import { mapActionItems } from './fields/actions.ts';
import { buildBody } from './fields/body.ts';
import { mapFactors } from './fields/factors.ts';
import { buildFrontmatter } from './fields/frontmatter.ts';
import { mapPeopleAndTags, mapStatus, mapTypeAndVisibility } from './fields/labels.ts';
import { mapKeyMoments } from './fields/moments.ts';
import { mapResponse } from './fields/response.ts';
import { mapServices } from './fields/services.ts';
import { mapSeverityField } from './fields/severity.ts';
import { mapStartDate } from './fields/start-date.ts';
import { mapSummary } from './fields/summary.ts';
import { mapTimeline } from './fields/timeline.ts';
import { mapTitle, titleFromFileName } from './fields/title.ts';
import { assetFolder, mapImages, type DraftAsset } from './images.ts';

/** One source post-mortem turned into a draft: where it goes, its frontmatter (with comments), its body and what needs a human. */
export interface Draft {
  /** The source as the user named it, e.g. `old-postmortems/unlock.md`. */
  source: string;
  /** Where the draft goes, relative to the archive root, e.g. `incidents/2024/2024-03-14-unlock-timeouts.mdx`. */
  path: string;
  frontmatter: Document;
  body: string;
  /** What a person must check or complete, one sentence each. */
  notes: string[];
  /** Local images of the source, copied next to the site with the draft. */
  assets: DraftAsset[];
}

/** What the converter may ask of the file system: the local image a source links to, if there is one. */
export interface ConvertOptions {
  /** The image file a relative URL of the source names (an absolute path), or undefined when there is none. */
  findFile?: (url: string) => string | undefined;
}

/** The text of a draft: frontmatter between `---` lines, then the body. */
export function renderDraft(draft: Pick<Draft, 'frontmatter' | 'body'>): string {
  return `---\n${draft.frontmatter.toString({ lineWidth: 0 }).trimEnd()}\n---\n\n${draft.body}`;
}

/**
 * The mappers in the order they run: each fills its fields of the context and may read the ones before it
 * (the timeline needs the day, the key moments the timeline, the services the title and summary, ...).
 */
export const MAPPERS: readonly ((ctx: ImportContext) => void)[] = [
  mapTitle,
  mapStartDate,
  mapTimeline,
  mapKeyMoments,
  mapSeverityField,
  mapSummary,
  mapServices,
  mapPeopleAndTags,
  mapStatus,
  mapTypeAndVisibility,
  mapFactors,
  mapResponse,
  mapActionItems,
];

/** Where a draft goes: `incidents/<yyyy>/<yyyy-mm-dd>-<slug>.mdx`, from the day it started and its title. */
export function draftPath(ctx: ImportContext): string {
  const date = ctx.out.started.slice(0, 10);
  const slug = slugify(ctx.out.title) || slugify(titleFromFileName(ctx.fileName)) || 'post-mortem';
  return `incidents/${date.slice(0, 4)}/${date}-${slug}.mdx`;
}

/** Runs every mapper over a source read into a context, then builds the draft's frontmatter and body. */
export function convertContext(ctx: ImportContext, options: ConvertOptions = {}): Draft {
  for (const map of MAPPERS) map(ctx);
  const path = draftPath(ctx);
  const assets = mapImages(ctx, incidentIdFromPath(path), options.findFile ?? (() => undefined));
  const frontmatter = buildFrontmatter(ctx);
  const body = buildBody(ctx);
  return { source: ctx.source, path, frontmatter, body, notes: sortedNotes(ctx), assets };
}

/**
 * Turns one source post-mortem into a draft: maps every field it can, marks with `TODO` what the format
 * needs and the source lacks, and keeps the body (headings renamed, images kept, MDX-safe). Throws
 * ImportError when the file has no date at all or its frontmatter is not YAML.
 */
export function convertPostmortem(source: string, fileName: string, text: string, catalog: Catalog, options: ConvertOptions = {}): Draft {
  return convertContext(createContext(source, fileName, text, catalog), options);
}

/** Gives a draft another path (`<id>-2.mdx` when two sources share a date and title), moving its images' folder with it. */
export function moveDraft(draft: Draft, path: string): void {
  const [from, to] = [incidentIdFromPath(draft.path), incidentIdFromPath(path)];
  const [oldFolder, newFolder] = [assetFolder(from), assetFolder(to)];
  const move = (text: string) =>
    text
      .split(`${oldFolder}/`)
      .join(`${newFolder}/`)
      .split(`${oldFolder.replace(/^public/, '')}/`)
      .join(`${newFolder.replace(/^public/, '')}/`);
  draft.path = path;
  draft.body = move(draft.body);
  draft.notes = draft.notes.map(move);
  for (const asset of draft.assets) asset.to = move(asset.to);
}

/** Adds YAML comments before frontmatter fields and MDX comments before body blocks (for hindsight-ignore). */
export function addIgnoreComments(
  draft: Draft,
  body: { line: number; text: string }[],
  frontmatter: { path: (string | number)[]; text: string }[],
): void {
  for (const { path, text } of frontmatter) {
    const parent = path.length > 1 ? draft.frontmatter.getIn(path.slice(0, -1), true) : draft.frontmatter.contents;
    const last = path[path.length - 1]!;
    if (isSeq(parent) && typeof last === 'number') {
      const item = parent.items[last] as YamlNode | undefined;
      if (item) item.commentBefore = item.commentBefore ? `${item.commentBefore}\n${text}` : text;
    } else if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
      if (pair && isScalar(pair.key)) pair.key.commentBefore = pair.key.commentBefore ? `${pair.key.commentBefore}\n${text}` : text;
    }
  }
  if (body.length === 0) return;
  const lines = draft.body.split('\n');
  for (const { line, text } of [...body].sort((a, b) => b.line - a.line)) lines.splice(line - 1, 0, `{/* ${text} */}`);
  draft.body = lines.join('\n');
}
