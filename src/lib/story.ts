import type { BodyPart, BodySection } from './render-body.ts';

/**
 * How an incident page tells its story once. The structured fields are the spine (impact, timeline,
 * contributing factors, response); the body section of the same name is the narrative placed inside
 * that part of the page, and each `###` under "Contributing factors" named after a factor's category
 * sits under that factor. Every other body section follows in the author's order, with the action
 * items before "Supporting information".
 */

/** The parts of the page the structured fields make, by the body headings that belong in each. */
export const SPINE = {
  impact: ['impact', 'customer impact'],
  timeline: ['timeline'],
  factors: ['contributing factors'],
  response: ['response and the decision taken', 'response', 'the decision taken'],
} as const;

/** The page's parts, in the order the page shows them. */
export type SpineKey = keyof typeof SPINE;

/** Body sections that come after the action items: appendices. */
const APPENDIX = ['supporting information'];

/** A body arranged for the page: narratives by spine part, the factors' own parts, and the other sections. */
export interface Story {
  /** Text before the body's first heading. */
  lead: BodyPart[];
  narrative: Record<SpineKey, BodyPart[]>;
  /** Parts of "Contributing factors" headed by a factor's category, by category id. */
  factorParts: Map<string, BodyPart[]>;
  /** The author's other sections before the action items, e.g. What went well, Lessons. */
  sections: BodySection[];
  /** Sections after the action items, e.g. Supporting information. */
  appendix: BodySection[];
}

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .replace(/[.:]$/, '')
    .trim();

/**
 * Arranges a rendered body's sections around the structured fields. `categories` are the incident's
 * contributing factors as category id and display name; a `###` matches either, in any case.
 */
export function arrangeStory(sections: readonly BodySection[], categories: readonly { id: string; name: string }[]): Story {
  const story: Story = {
    lead: [],
    narrative: { impact: [], timeline: [], factors: [], response: [] },
    factorParts: new Map(),
    sections: [],
    appendix: [],
  };
  const spineOf = (title: string) =>
    (Object.keys(SPINE) as SpineKey[]).find((key) => (SPINE[key] as readonly string[]).includes(normal(title)));
  const categoryOf = (title: string) => categories.find((c) => normal(c.name) === normal(title) || normal(c.id) === normal(title))?.id;
  for (const section of sections) {
    if (!section.heading) {
      story.lead.push(...section.parts);
      continue;
    }
    const key = spineOf(section.heading.text);
    if (key === undefined) {
      (APPENDIX.includes(normal(section.heading.text)) || story.appendix.length > 0 ? story.appendix : story.sections).push(section);
      continue;
    }
    for (const part of section.parts) {
      const category = key === 'factors' && part.heading ? categoryOf(part.heading.text) : undefined;
      if (category === undefined) story.narrative[key].push(part);
      else story.factorParts.set(category, [...(story.factorParts.get(category) ?? []), { html: part.html }]);
    }
  }
  return story;
}
