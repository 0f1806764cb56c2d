import { Document, isScalar, type Node as YamlNode, type Pair } from 'yaml';
import type { TimelineEvent } from '../../../schema/incident.ts';
import type { ImportContext } from '../context.ts';

/** The draft's frontmatter from what the mappers found, with their `# TODO` comments, in the template's order. */
export function buildFrontmatter(ctx: ImportContext): Document {
  const o = ctx.out;
  const data: Record<string, unknown> = {
    title: o.title,
    summary: o.summary ?? 'TODO: one to three sentences on what happened and what it cost.',
    status: 'draft',
    visibility: o.visibility,
    type: o.type,
    severity: o.severity,
    services: o.services,
    teams: o.teams,
    authors: o.authors,
    tags: o.tags,
    started: o.started,
    detected: o.detected,
    ...(o.mitigated ? { mitigated: o.mitigated } : {}),
    ...(o.resolved ? { resolved: o.resolved } : {}),
    detection: o.detection ?? 'other',
    trigger: o.trigger ?? 'unknown',
    response: { decision: o.decision ?? 'other' },
    ...(o.factors.length > 0 ? { contributing_factors: o.factors } : {}),
    ...(o.actionItems.length > 0 ? { action_items: o.actionItems } : {}),
    ...(o.timeline.length > 0 ? { timeline: o.timeline.map((e): TimelineEvent => ({ at: e.at, kind: e.kind, text: e.text })) } : {}),
  };
  const yaml = new Document(data);
  for (const key of ['services', 'teams', 'authors', 'tags']) yaml.set(key, yaml.createNode(data[key], { flow: true }));
  yaml.commentBefore = [
    ` Imported by \`npm run import\` from ${ctx.source}.`,
    ' Every TODO marks what the source did not say or what the import guessed; templates/postmortem.mdx',
    ' explains every field. Resolve them, add mitigated (and resolved) if missing, run `npm run check`,',
    ' then set status: in-review.',
  ].join('\n');
  for (const { path, text } of ctx.comments.values()) {
    const node = yaml.getIn(path, true) as YamlNode | undefined;
    if (node) node.comment = text;
  }
  for (const { path, text } of ctx.commentsBefore.values()) {
    const pair = (yaml.contents as { items: Pair[] }).items.find((p) => isScalar(p.key) && p.key.value === path[0]);
    if (pair && isScalar(pair.key)) pair.key.commentBefore = text;
  }
  return yaml;
}
