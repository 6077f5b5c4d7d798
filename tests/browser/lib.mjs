// Shared by the browser spec and the screenshots: where things are, and how
// to start `orc-exec dashboard` and learn its URL.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
const rid = process.arch === 'arm64' ? 'linux-arm64' : 'linux-x64';
export const orcExec = process.env.ORC_EXEC ?? path.join(root, 'bin', rid, 'orc-exec');
export const pwsh = process.env.ORC_PWSH ?? path.join(root, '.tools', 'bin', 'pwsh');
export const module = path.join(root, 'Orchestrator.psd1');
export const chromiumPath = process.env.ORC_CHROMIUM ?? '/usr/bin/chromium';

/** requireTools exits with a message naming the fix when a tool is missing. */
export function requireTools(who) {
  for (const [what, p, fix] of [
    ['orc-exec', orcExec, 'build it: .tools/bin/pwsh -NoProfile -File build.ps1 Build (or set ORC_EXEC)'],
    ['pwsh', pwsh, 'run scripts/bootstrap.sh (or set ORC_PWSH)'],
    ['chromium', chromiumPath, 'apt-get install chromium (scripts/bootstrap.sh does), or set ORC_CHROMIUM'],
  ]) {
    if (!fs.existsSync(p)) {
      console.error(`${who}: ${what} not found at ${p}: ${fix}`);
      process.exit(1);
    }
  }
}

/**
 * startDashboard runs orc-exec dashboard on home with the module and pwsh
 * (so changes go through the cmdlets) and returns the process, a promise of
 * its URL, and its stderr so far.
 */
export function startDashboard(home, env, extra = []) {
  const proc = spawn(orcExec, ['dashboard', '--listen', '127.0.0.1:0', '--home', home,
    '--module', module, '--pwsh', pwsh, ...extra], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr = [];
  proc.stderr.on('data', (b) => stderr.push(b));
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('orc-exec dashboard printed no URL within 30 s')), 30000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`orc-exec dashboard exited ${code} before printing its URL:\n${Buffer.concat(stderr)}`));
    });
    readline.createInterface({ input: proc.stdout }).once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(new URL(JSON.parse(line).url));
      } catch {
        reject(new Error(`orc-exec dashboard printed ${JSON.stringify(line)}, not {"url":"http://…"}`));
      }
    });
  });
  url.catch(() => {}); // awaited by the caller; do not crash on an early exit
  const stop = () => new Promise((r) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return r();
    proc.once('exit', r);
    proc.kill('SIGTERM');
  });
  return { proc, url, stop, stderr: () => Buffer.concat(stderr).toString() };
}
