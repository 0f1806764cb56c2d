import type { Browser } from 'playwright-core';
import { parseEnv } from '../../src/config/settings.ts';
import { launchChromium } from '../../src/tooling/browser.ts';

/** The tests' Chromium: HINDSIGHT_CHROMIUM_PATH when set, else the one bundled with the npm package. */
export function launchTestChromium(): Promise<Browser> {
  return launchChromium(parseEnv(process.env).settings.HINDSIGHT_CHROMIUM_PATH);
}
