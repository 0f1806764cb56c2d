import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Organisation } from '../schema/catalog.ts';
import { ArchiveError } from '../validation/problems.ts';
import { loadCatalog } from '../validation/sources.ts';
import { ConfigError, parseEnv, type Audience } from './settings.ts';

export { ConfigError, type Audience } from './settings.ts';

/** Every setting of one run, parsed once: the environment and `catalog/organisation.yaml`. */
export interface HindsightConfig {
  /** Which site to build. */
  audience: Audience;
  /** The reference day, YYYY-MM-DD: HINDSIGHT_TODAY, else the day of the run in UTC. */
  today: string;
  /** True when HINDSIGHT_TODAY pinned the reference day. */
  todayPinned: boolean;
  /** The project folder (where package.json is). */
  projectRoot: string;
  /** The folder holding catalog/, incidents/ and reading-lists/. */
  archiveRoot: string;
  /** Astro's cache folder, absolute. */
  cacheDir: string;
  /** Where the built site is served. */
  siteUrl: string;
  /** The path it is served under, `/` unless HINDSIGHT_BASE says otherwise. */
  base: string;
  /** A Chromium to drive, when one was named. */
  chromiumPath: string | undefined;
  /** `catalog/organisation.yaml`, validated (defaults when the file is absent). */
  organisation: Organisation;
}

/** What `loadConfig` needs from its caller; `now` is for tests. */
export interface ConfigInput {
  env: Readonly<Record<string, string | undefined>>;
  projectRoot: string;
  now?: Date;
}

/** The environment part of the configuration, without reading any file. */
export function resolveEnvConfig({
  env,
  projectRoot,
  now = new Date(),
}: ConfigInput): Omit<HindsightConfig, 'organisation'> & { notices: string[] } {
  const { settings, notices } = parseEnv(env);
  const archiveRoot = settings.HINDSIGHT_ARCHIVE ? resolve(projectRoot, settings.HINDSIGHT_ARCHIVE) : projectRoot;
  if (!existsSync(archiveRoot) || !statSync(archiveRoot).isDirectory()) {
    throw new ConfigError(
      `HINDSIGHT_ARCHIVE: expected a folder holding catalog/, incidents/ and reading-lists/, found ${JSON.stringify(settings.HINDSIGHT_ARCHIVE)} (no such folder). Example: HINDSIGHT_ARCHIVE=tests/fixtures/archive`,
    );
  }
  return {
    audience: settings.HINDSIGHT_AUDIENCE,
    today: settings.HINDSIGHT_TODAY ?? now.toISOString().slice(0, 10),
    todayPinned: settings.HINDSIGHT_TODAY !== undefined,
    projectRoot,
    archiveRoot,
    cacheDir: resolve(projectRoot, settings.HINDSIGHT_CACHE_DIR ?? 'node_modules/.astro'),
    siteUrl: settings.HINDSIGHT_SITE_URL ?? 'http://localhost:4321',
    base: settings.HINDSIGHT_BASE ?? '/',
    chromiumPath: settings.HINDSIGHT_CHROMIUM_PATH,
    notices,
  };
}

/**
 * Parses every setting of a run once: the environment (see ENV_SETTINGS) and the archive's
 * `catalog/organisation.yaml`. A wrong value throws ConfigError in the project's error format, naming
 * the variable or the file and line, what was expected and an example.
 */
export function loadConfig(input: ConfigInput): HindsightConfig & { notices: string[] } {
  const base = resolveEnvConfig(input);
  const catalog = loadCatalog(base.archiveRoot);
  const problems = catalog.problems.filter((p) => p.file === 'catalog/organisation.yaml' && p.severity === 'error');
  if (problems.length > 0) throw new ConfigError(new ArchiveError(problems).message);
  return { ...base, organisation: catalog.organisation };
}
