import { ENV_SETTINGS } from '../config/settings.ts';
import type { GeneratedBlock } from './blocks.ts';

/** The table of environment variables in docs/configuration.md, from ENV_SETTINGS. */
export function renderSettingsTable(): string {
  const rows = Object.entries(ENV_SETTINGS).map(([name, { meta }]) => {
    const legacy = 'legacy' in meta && meta.legacy ? `\`${meta.legacy}\`` : '';
    return `| \`${name}\` | ${meta.description} | ${meta.unset} | \`${name}=${meta.example}\` | ${legacy} |`;
  });
  return [
    '| variable | what it sets | when unset | example | old name (still read, deprecated) |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export const settingsBlock: GeneratedBlock = { file: 'docs/configuration.md', name: 'settings', render: renderSettingsTable };
