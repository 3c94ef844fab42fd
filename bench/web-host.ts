// Web host start to first paint: from spawning the built web host to the browser's first
// contentful paint of the app, and to the app's sidebar being on screen.
import { chromiumPath, launchBrowser } from '../test/support/browser.js';
import { startApp } from '../test/support/app.js';
import type { BenchRow } from './types.js';

export async function benchWebHost(runs = 5): Promise<BenchRow[]> {
  if (!chromiumPath) return [{ name: 'web host start to first paint', value: NaN, unit: 'ms', note: 'skipped: no Chromium' }];
  const browser = await launchBrowser();
  const paints: number[] = [];
  const ready: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const app = await startApp();
      const page = await browser.newPage();
      const navStart = performance.now();
      await page.goto(app.url);
      // The app is on screen once its sidebar is (an empty workspace has no tree rows yet).
      await page.getByRole('tablist', { name: 'Sidebar panels' }).waitFor();
      const treeAt = performance.now();
      const fcp = await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? performance.now(),
      );
      paints.push(navStart - started + fcp);
      ready.push(treeAt - started);
      await page.close();
      await app.stop();
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return [
    { name: 'web host start to first paint (median)', value: median(paints), unit: 'ms', note: `${runs} runs` },
    { name: 'web host start to app on screen (median)', value: median(ready), unit: 'ms', note: `${runs} runs` },
  ];
}
