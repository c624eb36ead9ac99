// Makes `npm start` and `npm test` work on a fresh machine: installs what is missing, and
// nothing else — npm packages (npm ci), Debian packages (chromium, libkrb5-dev, ripgrep; needs
// root) and code-server (the newest host that runs on Node 20, and the engines.vscode floor's
// host, FLOOR_CODE_SERVER). Each step is idempotent and takes well under a second when done.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** code-server 4.93.1 = VS Code 1.93.1, the lowest host engines.vscode accepts. */
export const FLOOR_CODE_SERVER = '4.93.1';

function run(what, command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal}); see above`);
}

/**
 * Installs the project's tools where missing; `needBrowser` false skips Chromium (unit tests
 * only); `needFloorHost` false skips the second code-server (`npm start` uses the newest).
 */
export function ensureSetup({ needBrowser = true, needFloorHost = false } = {}) {
  if (!fs.existsSync(path.join(ROOT, 'node_modules', '.package-lock.json'))) run('npm ci', 'npm', ['ci', '--no-audit', '--no-fund']);
  if (needBrowser) run('Debian packages', 'bash', ['scripts/install-system-deps.sh']);
  run('code-server', 'bash', ['scripts/install-code-server.sh']);
  if (needFloorHost) run(`code-server ${FLOOR_CODE_SERVER}`, 'bash', ['scripts/install-code-server.sh', FLOOR_CODE_SERVER]);
}
