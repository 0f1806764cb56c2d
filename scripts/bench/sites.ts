/**
 * The two sites a benchmark builds: a copy of Hindsight (HEAD's files, or the working tree's) and the
 * smallest sensible Astro 7 + @astrojs/mdx + Pagefind site over the same files, one page per file,
 * the files compiled as `.mdx`. Both get their own node_modules folder of links to the project's
 * packages, so nothing they cache (Vite, Astro) lands in the project's node_modules.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT } from './generate.ts';

/** Links each package of the project's node_modules into `root/node_modules` (caches left out). */
function linkModules(root: string): void {
  const modules = join(root, 'node_modules');
  mkdirSync(modules, { recursive: true });
  for (const name of readdirSync(join(PROJECT, 'node_modules'))) {
    if (name === '.vite' || name === '.astro' || name === '.cache') continue;
    symlinkSync(join(PROJECT, 'node_modules', name), join(modules, name));
  }
}

/**
 * Copies Hindsight into `root`: the files of `source` (`head`: the last commit, so edits in progress
 * elsewhere in the tree cannot break a run; `worktree`: tracked and untracked files as they are now),
 * then the working tree's version of each path in `overlay`.
 */
export function copyHindsight(root: string, source: 'head' | 'worktree', overlay: readonly string[] = []): void {
  mkdirSync(root, { recursive: true });
  if (source === 'head') {
    const archive = execFileSync('git', ['-C', PROJECT, 'archive', '--format=tar', 'HEAD'], { maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', root], { input: archive });
  } else {
    const files = execFileSync('git', ['-C', PROJECT, 'ls-files', '-co', '--exclude-standard', '-z'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    })
      .split('\0')
      .filter(Boolean);
    for (const file of files) copyFile(file, root);
  }
  for (const file of overlay) copyFile(file, root);
  linkModules(root);
}

function copyFile(file: string, root: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  try {
    cpSync(join(PROJECT, file), join(root, file), { recursive: true });
  } catch (error) {
    // A file deleted in the working tree but still tracked.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Writes the bare site into `root`, reading `.mdx` files from `incidentsDir`. It caches in
 * BENCH_CACHE_DIR and keeps incremental builds on (pages keyed by the entry's digest), so its warm
 * and one-edit builds are the best plain Astro offers. `<Internal>` is given as a component that shows
 * its children; everything else is Astro's defaults (syntax highlighting included).
 */
export function writeBareSite(root: string, incidentsDir: string): void {
  mkdirSync(join(root, 'src/pages/incidents'), { recursive: true });
  mkdirSync(join(root, 'src/components'), { recursive: true });
  linkModules(root);
  writeFileSync(join(root, 'package.json'), '{ "name": "bare-bench-site", "private": true, "type": "module" }\n');
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

const cacheDir = process.env.BENCH_CACHE_DIR ?? './.cache';
export default defineConfig({
  cacheDir,
  vite: { cacheDir: cacheDir + '/vite' },
  experimental: { incrementalBuild: true },
  integrations: [mdx(), { name: 'pagefind', hooks: { 'astro:build:done': async ({ dir, logger }) => {
    const { index } = await pagefind.createIndex({});
    const added = await index.addDirectory({ path: fileURLToPath(dir) });
    await index.writeFiles({ outputPath: fileURLToPath(dir) + '/pagefind' });
    await pagefind.close();
    logger.info('Search index written (' + added.page_count + ' pages).');
  } } }],
});
`,
  );
  writeFileSync(
    join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = {
  incidents: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: ${JSON.stringify(incidentsDir)} }), schema: z.looseObject({ title: z.string() }) }),
};
`,
  );
  writeFileSync(join(root, 'src/components/Internal.astro'), '<div class="internal"><slot /></div>\n');
  writeFileSync(
    join(root, 'src/pages/incidents/[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';
import Internal from '../../components/Internal.astro';
export async function getStaticPaths() {
  return (await getCollection('incidents')).map((entry) => ({ params: { id: entry.id }, props: { entry }, cacheKey: entry.digest }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
<body><main data-pagefind-body><h1>{entry.data.title}</h1><Content components={{ Internal }} /></main></body></html>
`,
  );
  writeFileSync(
    join(root, 'src/pages/index.astro'),
    '<html lang="en"><head><meta charset="utf-8" /><title>Bare</title></head><body><p>Bare benchmark site.</p></body></html>\n',
  );
}
