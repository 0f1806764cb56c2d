import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, resolveEnvConfig } from '../../../src/config/config.ts';
import { ENV_PREFIX, ENV_SETTINGS, parseEnv } from '../../../src/config/settings.ts';

const NOW = new Date('2026-11-30T23:30:00Z');

function archive(organisation?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'hindsight-config-'));
  mkdirSync(join(root, 'catalog'));
  writeFileSync(join(root, 'catalog/services.yaml'), '- { id: checkout-api, name: Checkout API, team: payments }\n');
  writeFileSync(join(root, 'catalog/teams.yaml'), '- { id: payments, name: Payments }\n');
  if (organisation !== undefined) writeFileSync(join(root, 'catalog/organisation.yaml'), organisation);
  return root;
}

describe('the environment', () => {
  it('has one prefix for every variable', () => {
    expect(Object.keys(ENV_SETTINGS).filter((name) => !name.startsWith(ENV_PREFIX))).toEqual([]);
  });

  it('takes defaults when nothing is set, and treats empty values as unset', () => {
    expect(parseEnv({ HINDSIGHT_AUDIENCE: '', HINDSIGHT_TODAY: '' })).toEqual({
      settings: { HINDSIGHT_AUDIENCE: 'internal' },
      notices: [],
    });
  });

  it('reads every variable', () => {
    const root = archive();
    const config = resolveEnvConfig({
      env: {
        HINDSIGHT_AUDIENCE: 'public',
        HINDSIGHT_TODAY: '2026-02-28',
        HINDSIGHT_ARCHIVE: root,
        HINDSIGHT_CACHE_DIR: '/tmp/c',
        HINDSIGHT_SITE_URL: 'https://pm.example.com',
        HINDSIGHT_BASE: '/postmortems/',
        HINDSIGHT_CHROMIUM_PATH: '/usr/bin/chromium',
      },
      projectRoot: '/srv/hindsight',
      now: NOW,
    });
    expect(config).toEqual({
      audience: 'public',
      today: '2026-02-28',
      todayPinned: true,
      projectRoot: '/srv/hindsight',
      archiveRoot: root,
      cacheDir: '/tmp/c',
      siteUrl: 'https://pm.example.com',
      base: '/postmortems/',
      chromiumPath: '/usr/bin/chromium',
      notices: [],
    });
  });

  it('falls back to the day of the run in UTC and to the project folder', () => {
    const root = archive();
    const config = resolveEnvConfig({ env: {}, projectRoot: root, now: NOW });
    expect([config.today, config.todayPinned, config.archiveRoot, config.cacheDir, config.siteUrl, config.chromiumPath]).toEqual([
      '2026-11-30',
      false,
      root,
      join(root, 'node_modules/.astro'),
      'http://localhost:4321',
      undefined,
    ]);
  });

  it('still reads the old names, with a one-line deprecation notice each', () => {
    const { settings, notices } = parseEnv({ KB_AUDIENCE: 'public', SITE_URL: 'https://pm.example.com', CHROMIUM_PATH: '/opt/chrome' });
    expect(settings).toEqual({
      HINDSIGHT_AUDIENCE: 'public',
      HINDSIGHT_SITE_URL: 'https://pm.example.com',
      HINDSIGHT_CHROMIUM_PATH: '/opt/chrome',
    });
    expect(notices).toEqual([
      'KB_AUDIENCE is deprecated: rename it to HINDSIGHT_AUDIENCE (same values).',
      'SITE_URL is deprecated: rename it to HINDSIGHT_SITE_URL (same values).',
      'CHROMIUM_PATH is deprecated: rename it to HINDSIGHT_CHROMIUM_PATH (same values).',
    ]);
  });

  it('prefers the new name when both are set', () => {
    expect(parseEnv({ KB_AUDIENCE: 'public', HINDSIGHT_AUDIENCE: 'internal' })).toEqual({
      settings: { HINDSIGHT_AUDIENCE: 'internal' },
      notices: [],
    });
  });

  it('stops on a day that does not exist, naming the variable, what was expected and an example', () => {
    expect(() => parseEnv({ HINDSIGHT_TODAY: '2026-13-45' })).toThrow(
      new ConfigError(
        'HINDSIGHT_TODAY: expected a real calendar day written YYYY-MM-DD, found "2026-13-45". Example: HINDSIGHT_TODAY=2026-11-26',
      ),
    );
    expect(() => parseEnv({ HINDSIGHT_TODAY: '26/11/2026' })).toThrow(
      new ConfigError(
        'HINDSIGHT_TODAY: expected a real calendar day written YYYY-MM-DD, found "26/11/2026". Example: HINDSIGHT_TODAY=2026-11-26',
      ),
    );
  });

  it('reports every wrong value in one message, under the name that was used', () => {
    expect(() => parseEnv({ KB_AUDIENCE: 'Public', HINDSIGHT_SITE_URL: 'postmortems.example.com' })).toThrow(
      new ConfigError(
        [
          'KB_AUDIENCE: expected internal or public, found "Public". Example: KB_AUDIENCE=public',
          'HINDSIGHT_SITE_URL: expected an absolute http(s) address, found "postmortems.example.com". Example: HINDSIGHT_SITE_URL=https://postmortems.example.com',
        ].join('\n'),
      ),
    );
  });

  it('stops on a base path that is not a path', () => {
    expect(() => parseEnv({ HINDSIGHT_BASE: 'postmortems' })).toThrow(
      new ConfigError(
        'HINDSIGHT_BASE: expected a path starting with /, such as /postmortems/, found "postmortems". Example: HINDSIGHT_BASE=/postmortems/',
      ),
    );
  });

  it('stops when the archive folder does not exist', () => {
    expect(() => resolveEnvConfig({ env: { HINDSIGHT_ARCHIVE: 'no/such/archive' }, projectRoot: tmpdir() })).toThrow(
      new ConfigError(
        'HINDSIGHT_ARCHIVE: expected a folder holding catalog/, incidents/ and reading-lists/, found "no/such/archive" (no such folder). Example: HINDSIGHT_ARCHIVE=tests/fixtures/archive',
      ),
    );
  });
});

describe('catalog/organisation.yaml', () => {
  it('is parsed with the environment into one configuration', () => {
    const root = archive('name: Pantrybox\ntitle: Pantrybox post-mortems\ntime_zone: Europe/London\n');
    const config = loadConfig({ env: { HINDSIGHT_ARCHIVE: root }, projectRoot: '/srv/hindsight', now: NOW });
    expect(config.organisation).toEqual({
      name: 'Pantrybox',
      title: 'Pantrybox post-mortems',
      time_zone: 'Europe/London',
      public_strip: ['authors', 'response.helped_by', 'action_items.owner', 'action_items.ticket'],
      image_hosts: [],
    });
  });

  it('takes defaults when the file is absent', () => {
    expect(loadConfig({ env: {}, projectRoot: archive(), now: NOW }).organisation.time_zone).toBe('UTC');
  });

  it('stops on a wrong value with the file, line and field', () => {
    const root = archive('name: Pantrybox\ntitle: Pantrybox post-mortems\ntime_zone: Europe/Londn\n');
    expect(() => loadConfig({ env: {}, projectRoot: root })).toThrow(
      new ConfigError(
        [
          'The post-mortem archive has problems:',
          '  catalog/organisation.yaml:3:1 time_zone: expected an IANA time zone such as Europe/London or UTC, found "Europe/Londn"',
          'Found 1 error in 1 file.',
        ].join('\n'),
      ),
    );
  });
});
