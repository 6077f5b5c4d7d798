// Regenerates the dashboard's screenshots in docs/img from a seeded demo store
// (bench/dashboardgen -demo), registered with the cron backend into a
// throw-away crontab file, so the pictures show what a user sees.
//
//   node tests/browser/screenshots.mjs          (build.ps1 Screenshots runs it)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, module, orcExec, pwsh, requireTools, root, startDashboard } from './lib.mjs';

requireTools('screenshots');
const img = path.join(root, 'docs', 'img');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'orc-shots-'));
const home = path.join(tmp, 'home');
const env = { ...process.env, ORC_HOME: home, ORC_CRON_TARGET: path.join(tmp, 'crontab'), ORC_EXEC_PATH: orcExec };

function must(what, r) {
  if (r.status !== 0) {
    console.error(`screenshots: ${what} failed (exit ${r.status}):\n${r.stdout ?? ''}${r.stderr ?? ''}`);
    process.exit(1);
  }
}

let dash;
let browser;
try {
  must('go run ./bench/dashboardgen -demo', spawnSync('go', ['run', './bench/dashboardgen', '-demo', '-home', home],
    { cwd: root, env, encoding: 'utf8' }));
  const register = `Import-Module '${module.replaceAll("'", "''")}'; ` +
    `Register-OrcTask -Path '${path.join(home, 'tasks', '*.json').replaceAll("'", "''")}' -Confirm:$false | Out-Null`;
  must('Register-OrcTask (cron backend)', spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', register],
    { env, encoding: 'utf8' }));

  dash = startDashboard(home, env);
  const base = await dash.url;
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 });
  fs.mkdirSync(img, { recursive: true });
  // Written beside the target and renamed, so a failed run leaves the old picture.
  const shoot = async (file, opts = {}) => {
    const tmpFile = path.join(img, `.${file}.tmp.png`);
    await page.screenshot({ path: tmpFile, ...opts });
    fs.renameSync(tmpFile, path.join(img, file));
    console.log(`screenshots: wrote docs/img/${file}`);
  };

  // The scheduler's column fills once the dashboard's first Get-OrcTask returns (seconds).
  const api = await fetch(new URL('/api/v1/scheduler/refresh', base), { method: 'POST',
    headers: { 'X-CSRF-Token': (await (await fetch(new URL('/api/v1/scheduler', base))).json()).CsrfToken } });
  if (!api.ok) console.error(`screenshots: scheduler refresh answered ${api.status}; the State column may be empty`);
  await page.goto(new URL('/', base).href);
  await page.locator('[data-testid="task-row"]').nth(7).waitFor();
  await shoot('dashboard-list.png');

  await page.goto(new URL('/tasks/report-weekly', base).href);
  await page.getByTestId('history-row').first().waitFor();
  await page.locator('[data-testid="history-row"] details').first().evaluate((d) => { d.open = true; });
  // From the title down to the newest runs of the history, under the edit form and schedule.
  await shoot('dashboard-task.png', { fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1640 } });
} finally {
  await browser?.close();
  await dash?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
