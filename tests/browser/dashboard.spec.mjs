// The dashboard in a real browser (issue #12): Debian's chromium driven by
// playwright-core, against `orc-exec dashboard` on a throw-away store with
// the cron backend writing to a throw-away crontab file (ORC_CRON_TARGET),
// so the machine's real crontab is never touched.
//
//   node --test tests/browser/dashboard.spec.mjs      (build.ps1 Test runs it: Invoke-BrowserTest)
//
// Environment: ORC_EXEC (default bin/linux-x64/orc-exec), ORC_PWSH (default
// .tools/bin/pwsh), ORC_CHROMIUM (default /usr/bin/chromium). On a failure
// the step's screenshot and the dashboard's stderr are written to
// tests/browser/artifacts/ and their paths printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, here, requireTools, startDashboard } from './lib.mjs';

const artifacts = path.join(here, 'artifacts');
const TASK = 'browser-e2e';
const MARK = 'hello-from-the-browser-test';
requireTools('browser test');

/** field is the form's input for a definition field (not its field-error, which has data-field too). */
const field = (form, name) => form.locator(`:is(input, textarea, select)[data-field="${name}"]`);

/** eventually polls fn until it returns a truthy value, bounded by ms; an error marked fatal ends it at once. */
async function eventually(what, fn, ms = 10000) {
  const until = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      if (e.fatal) throw e; // waiting longer cannot help
      last = e;
    }
    if (Date.now() > until) throw new Error(`${what}: not within ${ms} ms (last: ${last})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const crontabHas = (file, name) =>
  fs.existsSync(file) && fs.readFileSync(file, 'utf8').split('\n').some((l) => l.endsWith(`# orchestrator:task=${name}`));

test('the dashboard in chromium: list, create, schedule, run live, history, delete', async (t) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'orc-browser-'));
  const home = path.join(tmp, 'home');
  const crontab = path.join(tmp, 'crontab');
  fs.mkdirSync(path.join(home, 'tasks'), { recursive: true, mode: 0o700 });
  fs.chmodSync(home, 0o700);
  // One task already defined, so the list has something before we add ours.
  fs.writeFileSync(path.join(home, 'tasks', 'seed-task.json'),
    JSON.stringify({ name: 'seed-task', description: 'Defined before the dashboard started.', action: { command: '/bin/true' } }),
    { mode: 0o600 });
  const env = { ...process.env, ORC_CRON_TARGET: crontab, ORC_HOME: home };
  const dash = startDashboard(home, env);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // CSP violations are events in the page; collect them from every page.
  await context.addInitScript(() => {
    window.__orcViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__orcViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error on ${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught exception on ${page.url()}: ${e.message}`));
  // The console says "Failed to load resource" without the URL; this names it.
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.request().method()} ${r.url()}`);
  });

  let failed = false;
  let n = 0;
  /** step runs fn as a subtest; the first failure screenshots the page and skips the rest. */
  const step = (name, fn) => t.test(name, { skip: failed && 'an earlier step failed' }, async () => {
    const shot = path.join(artifacts, `${String(++n).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
    try {
      await fn();
    } catch (e) {
      failed = true;
      fs.mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
      fs.writeFileSync(path.join(artifacts, 'dashboard.stderr.txt'), dash.stderr());
      throw new Error(`${e.message}\n  page: ${page.url()}\n  screenshot: ${shot}\n  dashboard stderr: ${path.join(artifacts, 'dashboard.stderr.txt')}`, { cause: e });
    }
  });
  /** noProblems asserts the page so far logged no console error or CSP violation, and shows nothing marked hidden. */
  const noProblems = async () => {
    const v = await page.evaluate(() => window.__orcViolations);
    // A stylesheet's display rule beats the hidden attribute unless it says otherwise.
    const shown = await page.evaluate(() => [...document.querySelectorAll('[hidden]')]
      .filter((e) => getComputedStyle(e).display !== 'none')
      .map((e) => e.outerHTML.slice(0, 80)));
    assert.deepEqual([...problems, ...v.map((x) => `CSP violation on ${page.url()}: ${x}`),
      ...shown.map((x) => `shown although hidden on ${page.url()}: ${x}`)], []);
  };

  try {
    const base = await dash.url;
    const at = (p) => new URL(p, base).href;

    await step('the list shows the tasks in the store', async () => {
      await page.goto(at('/'));
      await page.getByTestId('task-list').waitFor();
      await page.locator('[data-testid="task-row"][data-task="seed-task"]').waitFor();
      await noProblems();
    });

    await step('a bad cron expression is refused field by field and nothing is written', async () => {
      await page.getByTestId('new-task').click();
      const form = page.getByTestId('task-form');
      await form.waitFor();
      await field(form, 'name').fill(TASK);
      await field(form, 'action.command').fill('/bin/sh');
      // Long enough to see it RUNNING, short enough for the test.
      await field(form, 'action.arguments').fill(`-c\nsleep 2; echo ${MARK}`);
      await field(form, 'schedule.cron').fill('61 * * * *');
      await page.getByTestId('save').click();
      await page.getByTestId('confirm-yes').click();
      const err = page.locator('[data-testid="field-error"][data-field="schedule.cron"]');
      await err.waitFor();
      assert.match(await err.innerText(), /\S/, 'the field error says what is wrong');
      assert.equal(fs.existsSync(path.join(home, 'tasks', `${TASK}.json`)), false, 'a refused definition is not written');
      assert.equal(crontabHas(crontab, TASK), false, 'a refused definition is not scheduled');
      // The 400 of the refused save is the test's doing, not the page's.
      problems.splice(0, problems.length, ...problems.filter((p) => !/status of 4\d\d|^HTTP 4\d\d for POST /.test(p)));
      await noProblems();
    });

    await step('a good definition is created and scheduled in the crontab', async () => {
      const form = page.getByTestId('task-form');
      await field(form, 'schedule.cron').fill('*/5 * * * *');
      await page.getByTestId('save').click();
      await page.getByTestId('confirm-yes').click();
      // Saving goes through Register-OrcTask in pwsh: seconds, not milliseconds.
      await eventually('the task page after saving', async () => {
        if (new URL(page.url()).pathname === `/tasks/${TASK}`) return true;
        const refused = await page.getByTestId('field-error').allInnerTexts();
        if (refused.length) throw Object.assign(new Error(`the save was refused: ${refused.join(' | ')}`), { fatal: true });
        return false;
      }, 60000).catch(async (e) => {
        const said = await page.getByTestId('action-result').innerText().catch(() => '');
        throw new Error(`${e.message}${said ? `; the page says: ${said}` : ''}`);
      });
      await eventually('the crontab line of the new task', () => crontabHas(crontab, TASK));
      assert.ok(fs.existsSync(path.join(home, 'tasks', `${TASK}.json`)), 'the definition is in the store');
      await noProblems();
    });

    await step('run now shows RUNNING, then SUCCESS within 1 s of the run end, without reload', async () => {
      await page.evaluate(() => {
        window.__orcNoReload = true;
        // The whole body: the page may replace the status element, not edit it.
        window.__orcSeen = [];
        let was = '';
        new MutationObserver(() => {
          const now = document.querySelector('[data-testid="task-status"]')?.textContent.trim() ?? '';
          if (now !== was) window.__orcSeen.push([now, Date.now()]);
          was = now;
        }).observe(document.body, { childList: true, characterData: true, subtree: true });
      });
      await page.getByTestId('run-now').click();
      await page.getByTestId('confirm-yes').click();
      const status = page.getByTestId('task-status');
      await eventually('RUNNING on the page', async () => (await status.innerText()).trim().startsWith('RUNNING'), 30000);
      await eventually('SUCCESS on the page', async () => (await status.innerText()).trim() === 'SUCCESS', 30000);
      assert.equal(await page.evaluate(() => window.__orcNoReload), true, 'the page was not reloaded');
      const seen = await page.evaluate(() => window.__orcSeen);
      const shown = seen.find(([s]) => s === 'SUCCESS')[1];
      const lines = fs.readFileSync(path.join(home, 'history', `${TASK}.jsonl`), 'utf8').trim().split('\n');
      const last = JSON.parse(lines.at(-1));
      assert.equal(last.status, 'SUCCESS');
      assert.equal(last.trigger, 'manual', 'run now is recorded as a manual trigger');
      const lag = shown - Date.parse(last.end);
      t.diagnostic(`SUCCESS shown ${lag} ms after the run's recorded end`);
      assert.ok(lag <= 1000, `the end of the run showed ${lag} ms after it was recorded (want ≤ 1000 ms)`);
      await noProblems();
    });

    await step('the history shows the run with its output tail', async () => {
      await page.reload();
      const row = page.getByTestId('history-row').first();
      await row.waitFor();
      assert.match(await row.innerText(), /SUCCESS/);
      await row.locator('summary').click();
      assert.match(await row.getByTestId('output-tail').innerText(), new RegExp(MARK));
      await noProblems();
    });

    await step('the filter narrows the list to the matching tasks', async () => {
      await page.goto(at('/'));
      const row = (name) => page.locator(`[data-testid="task-row"][data-task="${name}"]`);
      await row(TASK).waitFor();
      await page.getByTestId('task-filter').fill('e2e');
      await row('seed-task').waitFor({ state: 'hidden' });
      assert.equal(await row(TASK).isVisible(), true, 'the matching row stays');
      await page.getByTestId('task-filter').fill('');
      await row('seed-task').waitFor();
      await noProblems();
    });

    await step('the scheduler page loads without errors', async () => {
      await page.goto(at('/scheduler'));
      await page.getByTestId('scheduler-status').waitFor();
      await noProblems();
    });

    await step('delete removes the task from the list and its line from the crontab', async () => {
      await page.goto(at(`/tasks/${TASK}`));
      await page.getByTestId('delete').click();
      await page.getByTestId('confirm-yes').click();
      // The page goes back to the list once Unregister-OrcTask has finished.
      await eventually('back on the list after deleting', () => new URL(page.url()).pathname === '/', 60000);
      assert.equal(crontabHas(crontab, TASK), false, 'the crontab line is gone');
      await page.locator('[data-testid="task-row"][data-task="seed-task"]').waitFor();
      assert.equal(await page.locator(`[data-testid="task-row"][data-task="${TASK}"]`).count(), 0, 'the row is gone');
      assert.equal(fs.existsSync(path.join(home, 'tasks', `${TASK}.json`)), false, 'the definition is gone');
      await noProblems();
    });
  } finally {
    await browser.close();
    await dash.stop();
    if (!failed) fs.rmSync(tmp, { recursive: true, force: true });
    else console.error(`browser test: store and crontab kept in ${tmp}`);
  }
});
