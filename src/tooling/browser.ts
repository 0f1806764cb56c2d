import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';
import { ConfigError } from '../config/settings.ts';

/** Flags this machine's Chromium needs: headless, as root, and no network beyond loopback. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const WEAKENING = new Set([
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--single-process',
]);

/**
 * The Chromium to drive: HINDSIGHT_CHROMIUM_PATH when it is set, else on Linux x64 the headless Chromium
 * that the `@sparticuz/chromium` package ships (unpacked into the temp folder on first use), so
 * `npm install` is all a machine needs. Elsewhere the path has to be given.
 */
export async function chromiumExecutable(
  chromiumPath: string | undefined,
  platform = `${process.platform}-${process.arch}`,
): Promise<{ executablePath: string; args: string[] }> {
  if (chromiumPath) return { executablePath: chromiumPath, args: FLAGS };
  if (platform !== 'linux-x64') {
    throw new ConfigError(
      `HINDSIGHT_CHROMIUM_PATH: expected the path of a Chromium or Chrome executable on ${platform} (the bundled one runs on Linux x64 only), found nothing. Example: HINDSIGHT_CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"`,
    );
  }
  // Its Lambda-oriented flags that would weaken what the tests check (same-origin rules, mixed content) stay off.
  const args = chromium.args.filter((flag) => !WEAKENING.has(flag) && !flag.startsWith('--headless'));
  return { executablePath: await chromium.executablePath(), args: [...new Set([...args, ...FLAGS])] };
}

/** Starts a headless Chromium for tests, screenshots and Lighthouse. */
export async function launchChromium(chromiumPath: string | undefined): Promise<Browser> {
  const { executablePath, args } = await chromiumExecutable(chromiumPath);
  return playwright.launch({ executablePath, args });
}
