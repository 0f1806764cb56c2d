import type { Position } from '../../../validation/problems.ts';
import type { ServiceLink, Slo } from '../../../schema/catalog.ts';
import type { SourceDocument } from '../sources.ts';

/** Where a catalog entry came from: the document, and what it was there. */
export interface Origin extends Position {
  file: string;
  /** e.g. `Group`, `Component`, `OpenSLO SLO`, `Sloth SLO`. */
  what: string;
}

/** Something the import could not map, with where it is written and what to do about it. */
export interface ImportFinding extends Position {
  file: string;
  /** The field path in the source document, e.g. `spec.timeWindow[0]`; empty for the whole document. */
  field: string;
  message: string;
  hint?: string;
}

/** A team read from a document. */
export interface TeamCandidate {
  team: { id: string; name: string; contact?: string };
  origin: Origin;
  /** A Backstage Group's `spec.type` and where it is written; only `team` groups are imported unless one owns a service. */
  groupType?: { type: string; at: Position };
  /** The name as written, when the id had to be changed to fit the catalog. */
  writtenAs?: string;
}

/** A service read from a document; its team is resolved from `owner` once every document is read. */
export interface ServiceCandidate {
  service: { id: string; name: string; description?: string; links?: ServiceLink[] };
  /** The owning group's name made an id, as `spec.owner` gives it (`group:default/payments` or `payments`). */
  owner: string;
  origin: Origin;
  writtenAs?: string;
}

/** An SLO read from a document, for the service it names. */
export interface SloCandidate {
  /** The service's id, as the document names it (made to fit the catalog), and where. */
  service: string;
  serviceAt: { field: string } & Position;
  slo: Slo;
  origin: Origin;
  /** Something the report should say about how it was mapped, e.g. a default window. */
  note?: string;
}

/** What one document maps to. */
export interface Mapped {
  teams: TeamCandidate[];
  services: ServiceCandidate[];
  slos: SloCandidate[];
  findings: ImportFinding[];
}

/** Reads one kind of document: a Backstage Component, a Group, an OpenSLO SLO, a Sloth file. */
export interface Mapper {
  /** Kebab-case, e.g. `backstage-component`. */
  id: string;
  /** One line: what it reads and what it makes of it, for docs/adopting.md. */
  summary: string;
  /** True when this mapper reads the document. */
  accepts(data: Record<string, unknown>): boolean;
  map(doc: SourceDocument, data: Record<string, unknown>): Mapped;
}

/** An empty result to add to. */
export function emptyMapped(): Mapped {
  return { teams: [], services: [], slos: [], findings: [] };
}

/** A finding at a field of a document. */
export function findingAt(doc: SourceDocument, path: readonly (string | number)[], message: string, hint?: string): ImportFinding {
  const field = path.reduce<string>(
    (out, segment) => (typeof segment === 'number' ? `${out}[${segment}]` : out === '' ? segment : `${out}.${segment}`),
    '',
  );
  return { file: doc.file, ...doc.at(path), field, message, ...(hint === undefined ? {} : { hint }) };
}

/** The origin of an entry: the start of its document, or a field of it. */
export function originOf(doc: SourceDocument, what: string, path: readonly (string | number)[] = []): Origin {
  return { file: doc.file, ...(path.length === 0 ? doc.start : doc.at(path)), what };
}
