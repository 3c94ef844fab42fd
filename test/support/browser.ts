// Chromium for the browser tests: CHROME_PATH, /usr/bin/chromium, or Playwright's own download.
// Where none is found the browser tests are skipped with the reason printed — unless REQUIRE_E2E=1
// (as .ci/run sets), where that is a failure.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function findChromium(): string | null {
  for (const candidate of CANDIDATES) if (candidate && fs.existsSync(candidate)) return candidate;
  try {
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here.
  }
  return null;
}

export const chromiumPath = findChromium();
export const requireE2E = process.env.REQUIRE_E2E === '1';

if (!chromiumPath) {
  const why = 'no Chromium found (set CHROME_PATH or apt-get install chromium)';
  if (requireE2E) throw new Error(`REQUIRE_E2E=1 but ${why}`);
  console.log(`browser tests skipped: ${why}`);
}

/** True where browser tests cannot run (and may be skipped). */
export const skipE2E = !chromiumPath;

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error('no Chromium');
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_FLAGS });
}
