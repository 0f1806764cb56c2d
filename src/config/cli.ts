import { ConfigError, resolveEnvConfig, type HindsightConfig } from './config.ts';

/**
 * The environment part of the configuration for a command-line entry point: parsed once, deprecation
 * notices printed to stderr. A wrong value prints the message and returns undefined (exit status 2 set).
 */
export function commandConfig(cwd = process.cwd()): Omit<HindsightConfig, 'organisation'> | undefined {
  try {
    const { notices, ...config } = resolveEnvConfig({ env: process.env, projectRoot: cwd });
    for (const notice of notices) console.error(notice);
    return config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
    return undefined;
  }
}
