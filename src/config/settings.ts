import { z } from 'astro/zod';
import { isCalendarDate } from '../schema/common.ts';

/** Every environment variable Hindsight reads starts with this prefix. */
export const ENV_PREFIX = 'HINDSIGHT_';

export type { Audience } from '../lib/audience.ts';

/** What the settings table says about one variable, beside its zod schema. */
interface SettingMeta {
  /** The name it was read under before the prefix was unified; still read, with a deprecation notice. */
  legacy?: string;
  /** A value that works, for error messages and docs. */
  example: string;
  /** What it does, one sentence, for `docs/configuration.md`. */
  description: string;
  /** What applies when it is unset, for the docs. */
  unset: string;
}

const audience = z.enum(['internal', 'public'], { error: 'expected internal or public' });
const day = z.string().refine(isCalendarDate, { error: 'expected a real calendar day written YYYY-MM-DD' });
const path = z.string().min(1, { error: 'expected a path' });
const siteUrl = z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) address' });
const basePath = z.string().regex(/^\/(?:[A-Za-z0-9._~-]+\/?)*$/, { error: 'expected a path starting with /, such as /postmortems/' });

/**
 * The environment settings, each declared once: its schema and what the docs and error messages say
 * of it. Keys are the variable names.
 */
export const ENV_SETTINGS = {
  HINDSIGHT_AUDIENCE: {
    schema: audience.default('internal'),
    meta: {
      legacy: 'KB_AUDIENCE',
      example: 'public',
      description:
        'Which site to build: `internal` (every incident but drafts) or `public` (only `visibility: public` incidents, redacted).',
      unset: '`internal`',
    },
  },
  HINDSIGHT_TODAY: {
    schema: day.optional(),
    meta: {
      example: '2026-11-26',
      description:
        'The reference day that overdue action items, budgets left and "this week in history" are judged against, so a build can be reproduced.',
      unset: 'the day of the build (UTC)',
    },
  },
  HINDSIGHT_ARCHIVE: {
    schema: path.optional(),
    meta: {
      example: 'tests/fixtures/archive',
      description:
        'The folder holding `catalog/`, `incidents/` and `reading-lists/`, relative to the project; lets one site build another archive.',
      unset: 'the project folder',
    },
  },
  HINDSIGHT_CACHE_DIR: {
    schema: path.optional(),
    meta: {
      example: '/tmp/hindsight-cache',
      description: 'Where Astro keeps its content-layer and incremental-build cache; separate folders let builds run side by side.',
      unset: '`node_modules/.astro`',
    },
  },
  HINDSIGHT_SITE_URL: {
    schema: siteUrl.optional(),
    meta: {
      legacy: 'SITE_URL',
      example: 'https://postmortems.example.com',
      description: 'The address the built site is served from: used for the sitemap, the feed and canonical links.',
      unset: '`http://localhost:4321`',
    },
  },
  HINDSIGHT_BASE: {
    schema: basePath.optional(),
    meta: {
      example: '/postmortems/',
      description:
        'The path the site is served under, e.g. a GitHub Pages project site at /<repository>/; every link, asset, feed, sitemap entry and _headers path follows it. `npm run build -- --base /x/` does the same for one build.',
      unset: '`/`',
    },
  },
  HINDSIGHT_CHROMIUM_PATH: {
    schema: path.optional(),
    meta: {
      legacy: 'CHROMIUM_PATH',
      example: '/usr/bin/chromium',
      description: 'The Chromium that browser tests, screenshots and Lighthouse drive.',
      unset: 'the headless Chromium of `@sparticuz/chromium` on Linux x64; required elsewhere',
    },
  },
} satisfies Record<string, { schema: z.ZodType; meta: SettingMeta }>;

/** A variable Hindsight reads. */
export type SettingName = keyof typeof ENV_SETTINGS;

/** The one schema of the environment: every variable above, parsed together. */
export const EnvSchema = z.object(
  Object.fromEntries(Object.entries(ENV_SETTINGS).map(([name, s]) => [name, s.schema])) as {
    [K in SettingName]: (typeof ENV_SETTINGS)[K]['schema'];
  },
);

/** The environment after parsing. */
export type EnvSettings = z.output<typeof EnvSchema>;

/** A setting with a wrong value: the message names the variable, what was expected and an example. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The parsed environment and the one-line notices about deprecated names that were used. */
export interface ParsedEnv {
  settings: EnvSettings;
  notices: string[];
}

/**
 * Parses the environment once. Unset and empty variables take their default; old names (`KB_AUDIENCE`,
 * `SITE_URL`, `CHROMIUM_PATH`) are read when the new one is unset, each with a deprecation notice. Every
 * wrong value is reported together in one ConfigError.
 */
export function parseEnv(env: Readonly<Record<string, string | undefined>>): ParsedEnv {
  const notices: string[] = [];
  const input: Record<string, string> = {};
  const origin = new Map<string, string>();
  for (const [name, { meta }] of Object.entries(ENV_SETTINGS) as [SettingName, { meta: SettingMeta }][]) {
    const current = env[name];
    const legacy = meta.legacy ? env[meta.legacy] : undefined;
    if (current !== undefined && current !== '') {
      input[name] = current;
      origin.set(name, name);
    } else if (meta.legacy && legacy !== undefined && legacy !== '') {
      input[name] = legacy;
      origin.set(name, meta.legacy);
      notices.push(`${meta.legacy} is deprecated: rename it to ${name} (same values).`);
    }
  }
  const result = EnvSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0]) as SettingName;
      const read = origin.get(name) ?? name;
      return `${read}: ${issue.message}, found ${JSON.stringify(input[name])}. Example: ${read}=${ENV_SETTINGS[name].meta.example}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  return { settings: result.data, notices };
}
