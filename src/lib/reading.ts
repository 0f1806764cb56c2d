/** Words a reader gets through per minute; post-mortems are dense, so a little under the usual 238. */
export const WORDS_PER_MINUTE = 200;

/** Words in a Markdown/MDX body: prose and code alike, without markup, comments or import lines. */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/^(?:import|export)\s.*$/gm, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`|~-]+/g, ' ');
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,:/]*/gu);
  return words ? words.length : 0;
}

/** Whole minutes to read `words`, at least 1: `ceil(words / 200)`. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/** Where an incident sits in a reading list, with its neighbours. */
export interface ListPosition {
  /** The list's key: its id for a curated list, `start-here/teams/<id>` for a generated one; `?list=` on an incident's address. */
  listId: string;
  listTitle: string;
  /** The list's own page. */
  listHref: string;
  /** A curated reading list (reading-lists/) or a generated "Start here" list. */
  kind: 'curated' | 'start-here';
  /** 1-based. */
  position: number;
  total: number;
  previous?: string;
  next?: string;
}

/** A list as `indexListPositions` reads it; a list without `href` is a curated one at `/reading-lists/<id>/`. */
export interface PositionedList {
  id: string;
  title: string;
  href?: string;
  kind?: ListPosition['kind'];
  items: readonly { incident: { id: string } }[];
}

/** Every list an incident appears in, with its position and neighbours in each: computed once for all incidents. */
export function indexListPositions(lists: readonly PositionedList[]): Map<string, ListPosition[]> {
  const positions = new Map<string, ListPosition[]>();
  for (const list of lists) {
    list.items.forEach((item, i) => {
      const entry: ListPosition = {
        listId: list.id,
        listTitle: list.title,
        listHref: list.href ?? `/reading-lists/${list.id}/`,
        kind: list.kind ?? 'curated',
        position: i + 1,
        total: list.items.length,
        previous: list.items[i - 1]?.incident.id,
        next: list.items[i + 1]?.incident.id,
      };
      const existing = positions.get(item.incident.id);
      if (existing) existing.push(entry);
      else positions.set(item.incident.id, [entry]);
    });
  }
  return positions;
}
