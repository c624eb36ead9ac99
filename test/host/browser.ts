// Headless Debian Chromium through playwright-core (Playwright's own browsers can't be
// downloaded here). Flags from /work/shared/docs/vscode-host-testing.md.
import * as fs from 'fs';
import { chromium, type Browser } from 'playwright-core';

/** Chromium binary: $IAMKEYS_CHROMIUM or Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.IAMKEYS_CHROMIUM || '/usr/bin/chromium';
}

export function isChromiumInstalled(): boolean {
  return fs.existsSync(chromiumPath());
}

export async function launchChromium(): Promise<Browser> {
  if (!isChromiumInstalled()) {
    throw new Error(`Chromium not found at ${chromiumPath()}: run 'bash scripts/install-system-deps.sh' (or set IAMKEYS_CHROMIUM).`);
  }
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox', // we run as root in CI
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage', // small /dev/shm in containers
    ],
  });
}
