import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A mistake in how the check was called (a bad path, an unknown git ref); exit code 2. */
export class CheckUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckUsageError';
  }
}

/** True for a file the check reads: a post-mortem, a reading list or a catalog YAML file (archive-relative, `/`). */
export function isArchiveFile(file: string): boolean {
  const name = file.split('/').pop()!;
  if (/^(incidents|reading-lists)\//.test(file)) return name.endsWith('.mdx') && !name.startsWith('_');
  return /^catalog\/[^/]+\.ya?ml$/.test(file);
}

/** The catalog YAML files under `root`, archive-relative. */
export function listCatalogFiles(root: string): string[] {
  const dir = join(root, 'catalog');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `catalog/${name}`);
}

function toArchivePath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

function walkFiles(absolute: string): string[] {
  return (readdirSync(absolute, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

/** What the command line names: archive files (archive-relative) and post-mortems outside the archive (absolute). */
export interface Selection {
  files: string[];
  outside: string[];
}

/** The files named on the command line (files or folders, relative to `cwd`). */
export function selectPaths(root: string, cwd: string, paths: readonly string[]): Selection {
  const selected = new Set<string>();
  const outside = new Set<string>();
  for (const path of paths) {
    const absolute = isAbsolute(path) ? path : resolve(cwd, path);
    if (!existsSync(absolute)) throw new CheckUsageError(`${path}: no such file or folder.`);
    const inside = toArchivePath(root, absolute);
    const directory = statSync(absolute).isDirectory();
    if (inside.startsWith('..') || isAbsolute(inside)) {
      // A post-mortem from elsewhere is checked as if it were added to this archive.
      if (!directory && absolute.endsWith('.mdx')) outside.add(absolute);
      else
        throw new CheckUsageError(
          `${path}: not inside the archive at ${relative(cwd, root) || '.'}; name .mdx files one by one, or use --root to check another archive.`,
        );
    } else if (directory) {
      for (const file of walkFiles(absolute).map((f) => toArchivePath(root, f))) if (isArchiveFile(file)) selected.add(file);
    } else if (isArchiveFile(inside)) {
      selected.add(inside);
    } else {
      throw new CheckUsageError(
        `${path}: not a file the check reads; it reads incidents/<yyyy>/*.mdx, reading-lists/*.mdx and catalog/*.yaml (names starting with _ are skipped).`,
      );
    }
  }
  return { files: [...selected].sort(), outside: [...outside].sort() };
}

function git(root: string, args: string[]): string {
  try {
    return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '')
      .trim()
      .split('\n')[0];
    throw new CheckUsageError(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

function refExists(root: string, ref: string): boolean {
  try {
    execFileSync('git', ['-C', root, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The ref `--changed` compares against when none is given: the pull request's base branch on GitHub
 * Actions (origin/$GITHUB_BASE_REF), else origin/main, main, origin/master or master, whichever exists.
 */
export function defaultBaseRef(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [
    env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : undefined,
    'origin/main',
    'main',
    'origin/master',
    'master',
  ].filter((r): r is string => !!r);
  const found = candidates.find((ref) => refExists(root, ref));
  if (!found) throw new CheckUsageError(`--changed: none of ${candidates.join(', ')} exists; name the base, e.g. --changed origin/main.`);
  return found;
}

/**
 * The archive files changed on this branch against `base`: committed since the merge base, staged,
 * unstaged and untracked; deleted files are left out (what referred to them is still checked).
 */
export function changedFiles(root: string, base: string): string[] {
  if (!refExists(root, base))
    throw new CheckUsageError(
      `--changed: ${base} is not a git ref or commit here; try origin/main, or fetch it first (git fetch origin main).`,
    );
  const mergeBase = git(root, ['merge-base', base, 'HEAD']).trim();
  const changed = git(root, ['diff', '--name-only', '-z', '--relative', '--diff-filter=ACMRT', mergeBase, '--']).split('\0');
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0');
  return [...new Set([...changed, ...untracked])].filter((f) => f !== '' && isArchiveFile(f) && existsSync(join(root, f))).sort();
}

/**
 * The archive files deleted on this branch against `base` (a rename counts as deleting the old name):
 * what an unchanged file could still name.
 */
export function removedFiles(root: string, base: string): string[] {
  const mergeBase = git(root, ['merge-base', base, 'HEAD']).trim();
  return git(root, ['diff', '--name-only', '-z', '--relative', '--no-renames', '--diff-filter=D', mergeBase, '--'])
    .split('\0')
    .filter((f) => f !== '' && isArchiveFile(f))
    .sort();
}
