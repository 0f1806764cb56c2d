import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

/** Every source file of a folder, relative to the project with `/`. */
function sources(folder: string): string[] {
  return (readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => /\.(ts|mts|astro|mjs)$/.test(f))
    .map((f) => `${folder}/${f.split(sep).join('/')}`)
    .sort();
}

/** One import of a file: what it names, resolved to a project path when relative, and whether it is type-only. */
interface Import {
  from: string;
  target: string;
  typeOnly: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = m[3]!;
    const target = spec.startsWith('.')
      ? relative(ROOT, resolve(dirname(join(ROOT, file)), spec))
          .split(sep)
          .join('/')
      : spec;
    return { from: file, target, typeOnly: m[2] !== undefined };
  });
}

const ALL = [...sources('src'), ...sources('scripts'), 'astro.config.mjs'];
const edges = ALL.flatMap(importsOf);
const offending = (rule: (edge: Import) => boolean) => edges.filter(rule).map((e) => `${e.from} -> ${e.target}`);

describe('the layers of the code', () => {
  it('finds the imports it checks', () => {
    expect(edges.filter((e) => e.from === 'src/content.config.ts').map((e) => e.target)).toContain('src/loaders/archive-loaders.ts');
  });

  it('keeps the schemas free of everything but zod and each other', () => {
    expect(offending((e) => e.from.startsWith('src/schema/') && !e.target.startsWith('src/schema/') && e.target !== 'astro/zod')).toEqual(
      [],
    );
  });

  it('keeps src/lib pure: no file system, no Astro modules, no data or loaders', () => {
    expect(
      offending(
        (e) =>
          e.from.startsWith('src/lib/') &&
          (/^(node:)?fs(\/|$)/.test(e.target) ||
            e.target.startsWith('astro:') ||
            e.target.startsWith('virtual:') ||
            /^src\/(data|loaders|integrations|config|check|validation|authoring|tooling)\//.test(e.target)),
      ),
    ).toEqual([]);
  });

  it('lets no component or layout load the archive itself: pages pass what they show as props', () => {
    expect(offending((e) => /^src\/(components|layouts)\//.test(e.from) && e.target.startsWith('src/data/') && !e.typeOnly)).toEqual([]);
  });

  it('keeps getCollection and getEntry inside src/data', () => {
    const calls = sources('src').filter(
      (f) => !f.startsWith('src/data/') && /\b(getCollection|getEntry)\s*\(/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(calls).toEqual([]);
  });

  it('reads the environment only in src/config and the command-line entry points', () => {
    const readers = sources('src').filter(
      (f) =>
        /^src\/(validation|lib|schema|data|loaders|components|layouts|pages|integrations)\//.test(f) &&
        /process\.env\b/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(readers).toEqual([]);
  });

  it('never imports the tests from the source or the scripts', () => {
    expect(offending((e) => e.target.startsWith('tests/'))).toEqual([]);
  });
});
