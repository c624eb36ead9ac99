// Starts code-server (installed by scripts/install-code-server.sh) as a throwaway VS Code
// server for tests: temp config/user-data/extensions dirs, no auth, loopback only, no
// gallery, isolated AWS environment (see test/support/awsEnv.ts). The extension host only starts once a
// browser opens `workbenchUrl(...)`, whose `payload` loads this repo as the development
// extension (code-server has no --extensionDevelopmentPath flag).
//
//   const server = await startCodeServer({ workspaceFolder, userSettings: { 'iamKeys.endpoint': url } });
//   await page.goto(workbenchUrl(server, { workspaceFolder }));
//   ...
//   await server.stop(); // kills the whole process group and removes the temp dirs
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isolatedAwsVars, withoutAwsVars, type AwsFiles } from '../support/awsEnv';
import { stopProcess } from '../support/childProcess';
import { freePort } from '../support/freePort';
import { contributedScopes, writeSettingsFiles } from '../support/settingsFiles';
import { sleep } from '../support/wait';

/** Repo root (this file runs from out/test/host/). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
/** The newest host that runs on Node 20 (VS Code 1.100.3): the default. */
export const CODE_SERVER_VERSION = '4.100.3';
/** The lowest supported host (VS Code 1.93.1, the engines.vscode floor). */
export const FLOOR_CODE_SERVER_VERSION = '4.93.1';

/** The host version the tests use: IAMKEYS_CODE_SERVER_VERSION, else the newest. */
export function selectedCodeServerVersion(): string {
  return process.env.IAMKEYS_CODE_SERVER_VERSION || CODE_SERVER_VERSION;
}

/** Install folder, as scripts/install-code-server.sh picks it (CODE_SERVER_DIR: the default version's). */
export function codeServerDir(version = selectedCodeServerVersion()): string {
  if (version === CODE_SERVER_VERSION) return process.env.CODE_SERVER_DIR || path.join(REPO_ROOT, '.vscode-test', 'code-server');
  return path.join(REPO_ROOT, '.vscode-test', `code-server-${version}`);
}

/** code-server's entry script. */
export function codeServerEntry(version = selectedCodeServerVersion()): string {
  return path.join(codeServerDir(version), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** The installed code-server's version and the VS Code version it is built on. */
export function installedHostVersions(version = selectedCodeServerVersion()): { codeServer: string; vscode: string } {
  const pkg = path.join(codeServerDir(version), 'node_modules', 'code-server');
  const read = (file: string): string => (JSON.parse(fs.readFileSync(path.join(pkg, file), 'utf8')) as { version: string }).version;
  return { codeServer: read('package.json'), vscode: read(path.join('lib', 'vscode', 'package.json')) };
}

export function isCodeServerInstalled(): boolean {
  return fs.existsSync(codeServerEntry());
}

export interface CodeServerOptions extends AwsFiles {
  /** Folder the workbench opens. */
  workspaceFolder: string;
  /**
   * Merged over the test defaults and written where a remote window reads each one (code-server
   * is one): machine-scoped settings of package.json into Machine/settings.json, the rest into
   * User/settings.json (test/support/settingsFiles.ts).
   */
  userSettings?: Record<string, unknown>;
  /** Extra environment for the server and so for the extension host (wins over the AWS isolation). */
  env?: Record<string, string>;
  /** Fixed port (default: a free one). */
  port?: number;
  /** How long to wait for /healthz (default 30 s). */
  startTimeoutMs?: number;
  /** .vsix files installed with `--install-extension` into the server's extensions dir before it starts. */
  installExtensions?: string[];
  /**
   * Display language (`--locale`), e.g. qps-ploc. code-server uses a language only when a
   * language pack for it is known: a stand-in one with no translations of its own is registered
   * (the workbench stays English; extensions get this language and load their bundles for it).
   */
  locale?: string;
}

export interface CodeServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly userDataDir: string;
  /** The AWS shared files the server's environment points at (unless `env` overrode them). */
  readonly awsConfigFile: string;
  readonly awsCredentialsFile: string;
  /** Everything the server printed so far (last ~1 MB), for diagnosing failures. */
  output(): string;
  /** Kills the process group and removes the temp dirs; safe to call twice. */
  stop(): Promise<void>;
}

const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'git.enabled': false, // the temp workspace isn't a repo; keeps the SCM view quiet
  // Its check lists keys a few seconds after activation, into whichever test runs then: off
  // unless a test turns it on (test/integration/reminders.test.ts, the reminders UI test).
  'iamKeys.rotationReminders': false,
};

// Servers still running, so a crash or Ctrl-C of the test process doesn't orphan them
// (they run detached in their own process group and don't get the terminal's SIGINT).
const live = new Set<{ pid: number; tempDir: string }>();
let hooksInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  const cleanupSync = (): void => {
    for (const s of live) {
      killGroup(s.pid, 'SIGKILL');
      fs.rmSync(s.tempDir, { recursive: true, force: true });
    }
    live.clear();
  };
  process.on('exit', cleanupSync);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = (): void => {
      cleanupSync();
      // Exit only if nobody else handles the signal (e.g. scripts/start.mjs has its own).
      if (process.listenerCount(sig) <= 1) process.exit(sig === 'SIGINT' ? 130 : 143);
    };
    process.on(sig, onSignal);
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * What VS Code's server reads to know the installed language packs (languagepacks.json in the
 * user data dir, as its LanguagePacksCache writes it): one for `locale` whose workbench
 * translations are empty, so the server resolves the display language to `locale`.
 */
function registerStandInLanguagePack(tempDir: string, userDataDir: string, locale: string): void {
  const translations = path.join(tempDir, 'language-pack', 'main.i18n.json');
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = {
    hash: `iamkeys-test-${locale}`,
    extensions: [{ extensionIdentifier: { id: `iamkeys-tests.language-pack-${locale}` }, version: '1.0.0' }],
    translations: { vscode: translations },
    label: locale,
  };
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const entry = codeServerEntry();
  if (!fs.existsSync(entry)) {
    throw new Error(`code-server is not installed (${entry} missing): run 'npm run install-code-server'.`);
  }
  // A free port can be taken between probing and binding: retry a couple of times then.
  const attempts = options.port ? 1 : 3;
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await startOnce(entry, options, options.port ?? (await freePort()));
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

async function startOnce(entry: string, options: CodeServerOptions, port: number): Promise<CodeServer> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-cs-'));
  const userDataDir = path.join(tempDir, 'user-data');
  const extensionsDir = path.join(tempDir, 'extensions');
  const configFile = path.join(tempDir, 'config.yaml');
  fs.mkdirSync(extensionsDir);
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  writeSettingsFiles(userDataDir, { ...DEFAULT_SETTINGS, ...options.userSettings }, contributedScopes(path.join(REPO_ROOT, 'package.json')));
  if (options.locale) registerStandInLanguagePack(tempDir, userDataDir, options.locale);
  const awsVars = isolatedAwsVars(path.join(tempDir, 'aws'), options);

  const env: Record<string, string> = {
    ...withoutAwsVars(process.env),
    ...awsVars,
    EXTENSIONS_GALLERY: '{"serviceUrl":""}',
    // code-server state (coder.json, heartbeat) goes to the temp dir, not ~/.local/share.
    XDG_DATA_HOME: path.join(tempDir, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(tempDir, 'xdg-config'),
    ...options.env,
  };
  // Inside a VS Code/code-server terminal these would make code-server act as a CLI client
  // that opens the folder in the outer instance instead of starting a server.
  for (const k of Object.keys(env)) {
    if ((k === 'VSCODE_IPC_HOOK_CLI' || k.startsWith('CODE_SERVER_')) && !options.env?.[k]) delete env[k];
  }

  const args = [
    entry,
    '--config', configFile,
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.locale ? ['--locale', options.locale] : []),
    options.workspaceFolder,
  ];
  for (const vsix of options.installExtensions ?? []) {
    const installed = spawnSync(process.execPath, [entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
      cwd: tempDir,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (installed.status !== 0 || !/successfully installed/i.test(installed.stdout)) {
      fs.rmSync(tempDir, { recursive: true, force: true });
      throw new Error(`code-server --install-extension ${vsix} failed (exit ${installed.status}):\n${installed.stdout}${installed.stderr}`);
    }
  }
  // detached: own process group, so stop() can kill the server *and* its file watcher etc.
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: tempDir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const handle = { pid: child.pid!, tempDir };
  live.add(handle);
  installExitHooks();

  let output = '';
  const collect = (d: Buffer): void => {
    output += d.toString();
    if (output.length > 1_000_000) output = output.slice(-500_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await stopProcess(child, { group: true, graceMs: 5000 });
    killGroup(handle.pid, 'SIGKILL'); // leftovers in the group (watchers, extension host)
    live.delete(handle);
    fs.rmSync(tempDir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (!(await healthy(url))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      const why = child.exitCode !== null ? `exited with code ${child.exitCode}` : 'did not answer /healthz in time';
      const log = output;
      await stop();
      throw new Error(`code-server ${why} (port ${port}).\n${log.slice(-4000)}`);
    }
    await sleep(100);
  }

  return {
    url,
    port,
    userDataDir,
    awsConfigFile: env.AWS_CONFIG_FILE,
    awsCredentialsFile: env.AWS_SHARED_CREDENTIALS_FILE,
    output: () => output,
    stop,
  };
}

export interface WorkbenchUrlOptions {
  workspaceFolder: string;
  /** Extension folder to load as under development (default: this repo). */
  extensionDevelopmentPath?: string;
  /** Compiled test entry (a module exporting `run()`); the workbench exits when it finishes. */
  extensionTestsPath?: string;
}

/** The page URL that opens `workspaceFolder` with the extension (and optionally a test suite) loaded. */
export function workbenchUrl(server: { url: string; port: number }, options: WorkbenchUrlOptions): string {
  const remote = (p: string): string => `vscode-remote://127.0.0.1:${server.port}${path.resolve(p)}`;
  const payload: [string, string][] = [
    ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath ?? REPO_ROOT)],
    ['skipWelcome', 'true'],
  ];
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  const folder = encodeURIComponent(path.resolve(options.workspaceFolder));
  return `${server.url}/?folder=${folder}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
