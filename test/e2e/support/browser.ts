import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The system Chromium; playwright-core ships no browser of its own. */
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

// Quiet, offline, reproducible: no sandbox (containers run as root), no GPU, no background
// traffic that could race the page under test. --disable-quic keeps every request plain HTTP/1.1.
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export class MissingBrowserError extends Error {
  override name = 'MissingBrowserError';
}

/** Where the Chromium binary is expected: `CHROMIUM_PATH`, else `/usr/bin/chromium`. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

/** Launch headless Chromium, or fail saying how to install it. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new MissingBrowserError(
      `Chromium was not found at ${executablePath}.\n` +
        'Install it (with the CJK fonts the reader needs) by running:\n' +
        '    apt-get install -y chromium fonts-noto-cjk\n' +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  return chromium.launch({ executablePath, headless: true, args: ARGS });
}
