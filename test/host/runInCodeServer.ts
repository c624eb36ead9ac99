// Runs the integration suite (out/test/integration/index.js) inside code-server's extension
// host, driven by headless Chromium. Expects `npm run build` + `npm run compile-tests` done.
//
//   node out/test/host/runInCodeServer.js
//
// The suite's output is forwarded to stdout and written to test-results/integration.log; the
// suite's IAMKEYS_TEST_RESULT line is re-printed last. Exit code 0 only if the workbench
// reported success, a result line arrived and it has no failures.
// Before the host starts it leaves four interrupted key rotations behind (journal in the
// extension's global storage, credentials files, keys on a local emulator: see
// test/support/interruptedRotations.ts) and starts code-server with the write switch on and that
// emulator as endpoint, so activation's recovery meets them; the suite's index.ts turns both
// settings off again before the first test.
// Env: IAMKEYS_TIMEOUT_MIN (default 15), IAMKEYS_GREP (mocha grep, read by the suite),
// IAMKEYS_CODE_SERVER_VERSION (which installed host; default the newest, codeServer.ts).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CODE_SERVER_VERSION, REPO_ROOT, isCodeServerInstalled, codeServerEntry, installedHostVersions, selectedCodeServerVersion } from './codeServer';
import { parseResult, resultLine } from './results';
import { runSuiteInWorkbench } from './workbenchSuite';
import { startupRecoveryFixture, type StartupRecoveryFixture } from '../support/interruptedRotations';

const SUITE = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
const FIXTURES = path.join(REPO_ROOT, 'test', 'host', 'fixtures', 'workspace');
const LOG_FILE = path.join(
  REPO_ROOT,
  'test-results',
  selectedCodeServerVersion() === CODE_SERVER_VERSION ? 'integration.log' : `integration-${selectedCodeServerVersion()}.log`,
);
const TIMEOUT_MS = Number(process.env.IAMKEYS_TIMEOUT_MIN || 15) * 60_000;

// Workbench chatter that also arrives through codeAutomationLog: kept in the log file only.
const NOISE = /^(Updating additional builtin extensions cache|Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|\[Service Worker\]|ChatSessionStore:)/;

async function main(): Promise<number> {
  if (!isCodeServerInstalled()) {
    const version = selectedCodeServerVersion();
    console.error(`runInCodeServer: code-server ${version} is not installed (${codeServerEntry()}): run 'bash scripts/install-code-server.sh ${version}'.`);
    return 2;
  }
  const host = installedHostVersions();
  if (host.codeServer !== selectedCodeServerVersion()) {
    console.error(`runInCodeServer: ${codeServerEntry()} is code-server ${host.codeServer}, not ${selectedCodeServerVersion()}.`);
    return 2;
  }
  console.log(`runInCodeServer: host code-server ${host.codeServer} (VS Code ${host.vscode})`);
  if (!fs.existsSync(SUITE)) {
    console.error(`runInCodeServer: ${SUITE} is missing: run 'npm run compile-tests' first.`);
    return 2;
  }
  fs.mkdirSync(path.dirname(LOG_FILE), { recursive: true });
  const log = fs.createWriteStream(LOG_FILE);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-ws-'));
  if (fs.existsSync(FIXTURES)) fs.cpSync(FIXTURES, workspace, { recursive: true });

  let recovery: StartupRecoveryFixture | undefined;
  let text = '';
  const started = Date.now();
  let exitCode: number | undefined;
  try {
    recovery = await startupRecoveryFixture();
    const fixture = recovery;
    const run = await runSuiteInWorkbench({
      server: { workspaceFolder: workspace, userSettings: fixture.userSettings, env: fixture.env },
      extensionTestsPath: SUITE,
      timeoutMs: TIMEOUT_MS,
      // The extension host starts with the page: the journal is there before it activates.
      beforeOpen: (server) => fixture.writeJournal(server.userDataDir),
      onLine: (line, type) => {
        log.write(`[${type}] ${line}\n`);
        if (!line.startsWith('IAMKEYS_TEST_RESULT') && !NOISE.test(line)) process.stdout.write(line + '\n');
      },
      onPageError: (message) => log.write(`[pageerror] ${message}\n`),
      onServerOutput: (output) => log.write(`\n--- code-server output ---\n${output}`),
    });
    text = run.output;
    exitCode = run.exitCode;
    if (exitCode === undefined) console.error(`runInCodeServer: the suite did not finish within ${TIMEOUT_MS / 60_000} min (IAMKEYS_TIMEOUT_MIN); see ${LOG_FILE}.`);
  } catch (err) {
    console.error(`runInCodeServer: ${err instanceof Error ? err.stack : err}`);
  } finally {
    await recovery?.dispose();
    fs.rmSync(workspace, { recursive: true, force: true });
    await new Promise((r) => log.end(r));
  }

  const result = parseResult(text);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!result) {
    console.error(`runInCodeServer: no ${'IAMKEYS_TEST_RESULT'} line from the suite (workbench exit code ${exitCode ?? 'none'}); see ${LOG_FILE}.`);
    return 1;
  }
  console.log(`integration on code-server ${host.codeServer} (VS Code ${host.vscode}): ${result.passed} passed, ${result.failed} failed, ${result.pending} pending (${seconds} s, workbench exit code ${exitCode ?? 'none'})`);
  console.log(resultLine(result));
  return exitCode === 0 && result.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
