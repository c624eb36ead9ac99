#!/usr/bin/env node
// `npm start`: try the extension against the local IAM emulator in a browser.
//   node scripts/start.mjs [--port N] [--screenshot FILE] [--organization]
// Builds, starts the emulator (`out/test/emulator/cli.js --demo`) on a free loopback port,
// writes throwaway AWS config/credentials with profiles demo / demo-root / demo-limited (the
// emulator's fake test identities), starts code-server on 127.0.0.1 (port N if given) with
// iamKeys.endpoint/profile/profiles set, and prints the workbench URL. Ctrl-C stops it all.
// code-server is a remote window: startCodeServer writes these machine-scoped settings into
// Machine/settings.json (test/support/settingsFiles.ts, scopes from package.json), else the
// first settings change in the window (e.g. ticking iamKeys.allowWriteActions) drops them.
// --screenshot FILE: instead of waiting, open the URL in headless Chromium, open the IAM
// Access Keys container, expand the first rows, save a PNG to FILE and exit.
// --organization: the organization emulator instead (a management account and member accounts,
// out/test/bench/orgEmulatorHost.js) with iamKeys.organizations set (scripts/start-demo.mjs).
// Needs code-server (npm run install-code-server) and, for --screenshot, Chromium.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSetup } from './ensure-setup.mjs';
import { demoSettings, ORGANIZATION_DEMO, parseStartArgs, USAGE } from './start-demo.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = (p) => path.join(ROOT, 'out', 'test', p);

function npmRun(script) {
  const r = spawnSync('npm', ['run', script, '--silent'], { cwd: ROOT, stdio: 'inherit' });
  return r.status === 0;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts the emulator CLI and resolves with { url, child } once it prints its listening line. */
async function startEmulator(cli, quiet) {
  const port = await freePort();
  const child = spawn(process.execPath, [cli, '--port', String(port), '--demo'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    let url;
    const timer = setTimeout(() => fail(new Error('the emulator did not print "listening on" within 30 s')), 30_000);
    const fail = (err) => {
      clearTimeout(timer);
      child.kill();
      reject(err);
    };
    child.once('exit', (code) => !url && fail(new Error(`the emulator exited with code ${code}`)));
    child.stdout.on('data', (d) => {
      if (url) {
        if (!quiet) process.stdout.write(String(d).replace(/^(?=.)/gm, '[emulator] '));
        return;
      }
      buf += d;
      const m = /listening on (http:\/\/\S+)/.exec(buf);
      if (m) {
        url = m[1].replace(/\/$/, '');
        clearTimeout(timer);
        resolve({ url, child });
      }
    });
  });
}

/** Starts the organization emulator host and resolves with { url, child } once it prints its JSON line. */
function startOrgEmulator(host) {
  const child = spawn(process.execPath, [host, JSON.stringify(ORGANIZATION_DEMO)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => fail(new Error('the organization emulator did not start within 30 s')), 30_000);
    const fail = (err) => {
      clearTimeout(timer);
      child.kill();
      reject(err);
    };
    child.once('exit', (code) => fail(new Error(`the organization emulator exited with code ${code}`)));
    child.stdout.on('data', (d) => {
      buf += d;
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const { url, accounts, users } = JSON.parse(line);
      resolve({ url: url.replace(/\/$/, ''), child, accounts, users });
    });
  });
}

/** AWS shared files with demo profiles built from the emulator's fake identities. */
function writeAwsFiles(dir) {
  const ids = require(out('emulator/identities.js'));
  const profiles = [
    ['demo', ids.CALLER_CREDENTIALS],
    ['demo-root', ids.ROOT_CREDENTIALS],
    ['demo-limited', ids.LIMITED_CREDENTIALS],
  ].filter(([, c]) => c?.accessKeyId);
  let config = '';
  let credentials = '';
  for (const [name, c] of profiles) {
    config += `[profile ${name}]\nregion = us-east-1\n\n`;
    credentials += `[${name}]\naws_access_key_id = ${c.accessKeyId}\naws_secret_access_key = ${c.secretAccessKey}\n`;
    if (c.sessionToken) credentials += `aws_session_token = ${c.sessionToken}\n`;
    credentials += '\n';
  }
  fs.writeFileSync(path.join(dir, 'config'), config, { mode: 0o600 });
  fs.writeFileSync(path.join(dir, 'credentials'), credentials, { mode: 0o600 });
  return { names: profiles.map(([n]) => n), keyIds: profiles.map(([n, c]) => [n, c.accessKeyId]) };
}

/** Waits until the rendered rows stop changing for 1 s (at most 15 s): profiles load async. */
async function waitForStableTree(page, tree) {
  let last = '';
  let since = Date.now();
  for (const end = Date.now() + 15_000; Date.now() < end; ) {
    const now = JSON.stringify(await tree.getByRole('treeitem').evaluateAll((els) => els.map((e) => e.textContent)));
    if (now !== last) [last, since] = [now, Date.now()];
    else if (Date.now() - since >= 1000) return;
    await page.waitForTimeout(200);
  }
}

async function screenshot(url, file) {
  const { launchChromium } = require(out('host/browser.js'));
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(url);
    const tab = page.getByRole('tab', { name: /IAM Access Keys/ });
    await tab.waitFor({ timeout: 60_000 });
    await tab.click();
    await page.mouse.move(700, 500); // no tooltip in the picture
    const tree = page.getByRole('tree', { name: 'IAM Access Keys', exact: true });
    const rows = tree.getByRole('treeitem');
    // No rows is possible too (e.g. the "no credentials" welcome view): still take the picture.
    const hasRows = await rows.first().waitFor({ timeout: 20_000 }).then(() => true, () => false);
    if (!hasRows) console.warn('start: the Access Keys tree shows no rows');
    await waitForStableTree(page, tree);
    // Expand up to two collapsed rows near the top (the root, then its first child) with their
    // twisties: clicking the row itself would run the row's command instead.
    let expanded = 0;
    for (let i = 0; i < 4 && expanded < 2; i++) {
      const row = rows.nth(i);
      if (!(await row.count())) break;
      if ((await row.getAttribute('aria-expanded')) !== 'false') continue;
      await row.locator('.monaco-tl-twistie').click();
      await waitForStableTree(page, tree);
      expanded++;
    }
    await page.mouse.move(700, 500);
    await page.waitForTimeout(1000);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    console.log(`start: screenshot saved to ${file} (${expanded} row(s) expanded)`);
  } finally {
    await page.close().catch(() => undefined);
    await context.close().catch(() => undefined);
    await browser.close().catch(() => undefined);
  }
}

async function main() {
  const opts = parseStartArgs(process.argv.slice(2), (p) => path.resolve(p));
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  ensureSetup(); // a fresh machine: npm ci, Debian packages, code-server (no-ops when present)
  if (!npmRun('build')) throw new Error('npm run build failed');
  if (!npmRun('compile-tests')) console.warn('start: compile-tests reported type errors; continuing with the emitted JavaScript');
  const { startCodeServer, workbenchUrl, isCodeServerInstalled } = require(out('host/codeServer.js'));
  if (!isCodeServerInstalled()) throw new Error("code-server is not installed: run 'npm run install-code-server'");

  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-start-'));
  const workspace = path.join(temp, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'host', 'fixtures', 'workspace'), workspace, { recursive: true });
  let emulator;
  let server;
  let stopping = false;
  const cleanup = async () => {
    if (stopping) return;
    stopping = true;
    await server?.stop().catch(() => undefined);
    emulator?.child.kill();
    fs.rmSync(temp, { recursive: true, force: true });
  };
  process.on('exit', () => emulator?.child.kill());
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      console.log('\nstart: stopping…');
      cleanup().then(() => process.exit(0));
    });
  }

  try {
    const settings = {};
    const env = {};
    const cli = out(opts.organization ? 'bench/orgEmulatorHost.js' : 'emulator/cli.js');
    if (fs.existsSync(cli)) {
      emulator = opts.organization ? await startOrgEmulator(cli) : await startEmulator(cli, Boolean(opts.screenshot));
      const awsDir = path.join(temp, 'aws');
      fs.mkdirSync(awsDir);
      const { names, keyIds } = writeAwsFiles(awsDir);
      Object.assign(env, {
        AWS_CONFIG_FILE: path.join(awsDir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(awsDir, 'credentials'),
      });
      const organizationRole = opts.organization ? require(out('emulator/org/index.js')).DEFAULT_ROLE_NAME : undefined;
      Object.assign(settings, demoSettings({ url: emulator.url, profileNames: names, organizationRole }));
      // Something to hover over in the demo workspace.
      fs.writeFileSync(
        path.join(workspace, 'demo-keys.md'),
        `# Emulator test key IDs (fake)\n\n${keyIds.map(([n, id]) => `- ${n}: ${id}`).join('\n')}\n`,
      );
      const shown = [settings['iamKeys.profile'], ...settings['iamKeys.profiles']];
      const more = names.filter((n) => !shown.includes(n));
      if (opts.organization) console.log(`start: organization emulator at ${emulator.url} (${emulator.accounts} member accounts, ${emulator.users} users); iamKeys.organizations reads it with profile demo`);
      else console.log(`start: IAM emulator at ${emulator.url}; the view shows profiles ${shown.join(', ')}${more.length ? ` (also in the config, add with "Add Profile…": ${more.join(', ')})` : ''}`);
    } else {
      console.warn(`start: ${path.relative(ROOT, cli)} not found: starting without the emulator (no endpoint/profile set)`);
    }

    server = await startCodeServer({ workspaceFolder: workspace, userSettings: settings, env, port: opts.port });
    const url = workbenchUrl(server, { workspaceFolder: workspace });
    if (opts.screenshot) {
      await screenshot(url, opts.screenshot);
      await cleanup();
      return;
    }
    console.log(`\nstart: open this URL (the extension is loaded from ${ROOT}):\n\n  ${url}\n\nCtrl-C stops code-server and the emulator.`);
    await new Promise(() => {}); // until Ctrl-C
  } catch (err) {
    await cleanup();
    throw err;
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`start: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  },
);
