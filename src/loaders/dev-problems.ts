import type { Loader } from 'astro/loaders';
import { formatProblem, type Problem } from '../validation/problems.ts';

/** One file's problems as `npm run dev` shows them on its page. */
export interface FileProblems {
  /** The file, relative to the archive, e.g. `incidents/2026/2026-11-20-x.mdx`. */
  file: string;
  kind: 'incident' | 'reading-list';
  problems: (Pick<Problem, 'line' | 'column' | 'field' | 'message' | 'rule'> & { found?: string; hint?: string; text: string })[];
}

// The content loaders run in one process under `astro dev`: they report here, the devProblems
// collection reads from here, and a page shows what its file's entry says.
const current = new Map<string, FileProblems>();
let notify: (() => void) | undefined;

/** Records the errors of one file (none clears it); only `astro dev` calls this. */
export function reportFileProblems(id: string, file: string, kind: FileProblems['kind'], problems: readonly Problem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) current.delete(`${kind}:${id}`);
  else {
    current.set(`${kind}:${id}`, {
      file,
      kind,
      problems: errors.map((p) => ({
        line: p.line,
        column: p.column,
        field: p.field,
        message: p.message,
        rule: p.rule,
        ...(p.found ? { found: p.found } : {}),
        ...(p.hint ? { hint: p.hint } : {}),
        text: formatProblem(p),
      })),
    });
  }
  notify?.();
}

/** Forgets a file that was deleted. */
export function forgetFile(id: string, kind: FileProblems['kind']): void {
  if (current.delete(`${kind}:${id}`)) notify?.();
}

/** The `devProblems` collection: under `astro dev`, the current problems of each invalid file; empty in a build. */
export function devProblemsLoader(): Loader {
  return {
    name: 'hindsight-dev-problems',
    load: async ({ store, generateDigest }) => {
      // Entries are deleted and set one by one (never cleared wholesale), so each change reaches the
      // dev server as a change to this collection and the page showing it is rendered again.
      const sync = () => {
        for (const key of store.keys()) if (!current.has(key)) store.delete(key);
        for (const [key, entry] of current) store.set({ id: key, data: { ...entry }, digest: generateDigest({ ...entry }) });
      };
      sync();
      notify = sync;
    },
  };
}
