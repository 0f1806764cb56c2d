import { renderBody, withoutInternal, type RenderedBody } from '../lib/render-body.ts';
import type { Audience } from '../lib/audience.ts';
import type { Problem } from '../validation/problems.ts';
import {
  incidentSchemaFor,
  loadCatalog,
  loadPlaceholders,
  validateIncidentSource,
  validateReadingListSource,
} from '../validation/sources.ts';

/** What preparing a file needs: plain values, so a worker thread can be handed them. */
export interface PrepareOptions {
  kind: 'incident' | 'reading-list';
  /** The archive folder. */
  archiveRoot: string;
  /** The project folder, where the templates are. */
  projectRoot: string;
  audience: Audience;
  /** `image_hosts` from catalog/organisation.yaml. */
  imageHosts: readonly string[];
}

/** One file validated and, when valid, rendered: what the loader stores for it. */
export interface Prepared {
  problems: Problem[];
  entry?: {
    data: Record<string, unknown>;
    /** The body as written, without `<Internal>` blocks in a public build. */
    body: string;
    rendered: Pick<RenderedBody, 'html' | 'headings' | 'sections'>;
  };
}

/**
 * The validation and rendering of one post-mortem or reading list, for the content loaders: the same
 * rules `npm run check` applies (a published post-mortem may hold nothing unfinished), then the body
 * rendered to sanitised HTML for the audience. Pure: text in, result out.
 */
export function preparer(options: PrepareOptions): (file: string, text: string) => Prepared {
  const imageHosts = options.imageHosts;
  const validate =
    options.kind === 'incident'
      ? (() => {
          const schema = incidentSchemaFor(loadCatalog(options.archiveRoot));
          // A published post-mortem may hold nothing unfinished: no TODO, no template text, no empty section.
          const gate = { unfinished: { from: 'published' as const, placeholders: loadPlaceholders(options.projectRoot) }, imageHosts };
          return (file: string, text: string) => validateIncidentSource(file, text, schema, gate);
        })()
      : (file: string, text: string) => validateReadingListSource(file, text, { imageHosts });
  return (file, text) => {
    const result = validate(file, text);
    if (result.problems.some((p) => p.severity === 'error') || !result.tree || result.data === undefined)
      return { problems: result.problems };
    const rendered = renderBody(result.tree, options.audience);
    const body = options.audience === 'public' ? withoutInternal(result.body, result.tree) : result.body;
    return {
      problems: result.problems,
      entry: {
        data: result.data as Record<string, unknown>,
        body,
        // An incident page shows a body cut into sections from them: its whole HTML would be a second
        // copy in the content store, which `astro dev` writes out and reads back on every save.
        rendered: {
          html: options.kind === 'incident' && rendered.sections.length > 0 ? '' : rendered.html,
          headings: rendered.headings,
          sections: rendered.sections,
        },
      },
    };
  };
}
