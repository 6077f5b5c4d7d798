// First contentful paint of the dashboard's list page in headless Debian
// chromium, N times, each in a fresh browser context (no cache), one browser.
//
//   node bench/dashboard-paint.mjs http://127.0.0.1:43127/ 20
//
// Prints {"fcp":[ms, …],"ttfb":[ms, …],"rows":R} on stdout: ttfb is when
// the page's first byte arrived (the server's share of the paint), R the
// number of task rows the page showed. BenchmarkDashboardFirstPaint
// (bench/dashboard_test.go) starts the dashboard and runs this.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
// playwright-core is installed for the browser tests (scripts/bootstrap.sh).
const require = createRequire(path.join(here, '..', 'tests', 'browser', 'package.json'));
const { chromium } = require('playwright-core');

const [url, nArg] = process.argv.slice(2);
if (!url) {
  console.error('usage: node bench/dashboard-paint.mjs <dashboard URL> [samples]');
  process.exit(2);
}
const samples = Math.max(1, Number(nArg ?? 10));

const browser = await chromium.launch({
  executablePath: process.env.ORC_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const fcp = [];
const ttfb = [];
let rows = 0;
try {
  // One untimed load first: the browser's own start-up is not the page's.
  {
    const context = await browser.newContext();
    await (await context.newPage()).goto(url, { waitUntil: 'load' });
    await context.close();
  }
  for (let i = 0; i < samples; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    // The entry appears once the paint happened; wait for it, bounded.
    const v = await page.waitForFunction(() => {
      const e = performance.getEntriesByName('first-contentful-paint')[0];
      return e ? e.startTime : null;
    }, null, { timeout: 10000 });
    fcp.push(await v.jsonValue());
    ttfb.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].responseStart));
    if (i === 0) {
      await page.locator('[data-testid="task-row"]').first().waitFor({ timeout: 10000 });
      rows = await page.locator('[data-testid="task-row"]').count();
    }
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify({ fcp, ttfb, rows }) + '\n');
