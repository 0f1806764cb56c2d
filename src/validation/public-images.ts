import { lstatSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describeValue, type Problem } from './problems.ts';

/** The images a post-mortem may show from the site itself, by file extension. */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif'] as const;

const FOLDER = 'public/incidents';

/**
 * Files under `public/incidents/` (where a post-mortem's images live) are served from the site's own
 * address, so a page or a script there would run as the site, under its Content-Security-Policy.
 * Anything but an image file (and any link) is an error, in the check and in the build.
 */
export function checkPublicImages(root: string): Problem[] {
  const problems: Problem[] = [];
  let entries: string[];
  try {
    entries = readdirSync(join(root, FOLDER), { recursive: true, encoding: 'utf8' }) as string[];
  } catch {
    return problems;
  }
  for (const entry of entries.sort()) {
    const file = `${FOLDER}/${entry.split(sep).join('/')}`;
    const stat = lstatSync(join(root, file));
    if (stat.isDirectory()) continue;
    const image = IMAGE_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(ext));
    if (image && stat.isFile()) continue;
    problems.push({
      file,
      line: 1,
      column: 1,
      field: '',
      rule: 'consistency',
      severity: 'error',
      message: `expected only image files (${IMAGE_EXTENSIONS.join(', ')}) under ${FOLDER}/`,
      found: stat.isSymbolicLink() ? 'a symbolic link' : describeValue(entry.split(sep).pop()!),
      hint: "Files there are served from the site's own address, where a page or script would run as the site: remove it; an SVG diagram can be exported as a PNG.",
    });
  }
  return problems;
}
