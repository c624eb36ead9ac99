// The packaged extension as users get it: builds the .vsix (scripts/package.mjs), installs it
// into code-server 4.93.1 (VS Code 1.93.1, the engines.vscode floor; the newest host when
// IAMKEYS_CODE_SERVER_VERSION says so) with `--install-extension`, and runs vsixProbe.ts in that
// host against the local IAM emulator. Expects `npm run compile-tests` done.
//
//   node out/test/host/vsixInstall.js
//
// Ends with the IAMKEYS_TEST_RESULT line (1 failed when a step before the probe fails).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startIamEmulator, type IamEmulator } from '../emulator';
import { BUILT_IN_IDENTITIES, credentialsFileText } from '../emulator/identities';
import { FLOOR_CODE_SERVER_VERSION, REPO_ROOT, installedHostVersions } from './codeServer';
import { parseResult, resultLine } from './results';
import { runSuiteInWorkbench } from './workbenchSuite';

const PROBE_EXTENSION = path.join(REPO_ROOT, 'test', 'host', 'fixtures', 'vsix-probe');
const PROBE_SUITE = path.join(REPO_ROOT, 'out', 'test', 'host', 'vsixProbe.js');
const TIMEOUT_MS = 5 * 60_000;

async function main(): Promise<boolean> {
  process.env.IAMKEYS_CODE_SERVER_VERSION ||= FLOOR_CODE_SERVER_VERSION;
  const host = installedHostVersions();
  console.log(`vsixInstall: host code-server ${host.codeServer} (VS Code ${host.vscode})`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-vsix-'));
  const vsix = path.join(dir, 'iam-access-keys.vsix');
  let emulator: IamEmulator | undefined;
  let serverOutput = '';
  let text = '';
  try {
    const packaged = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'package.mjs'), '--out', vsix], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (packaged.status !== 0) throw new Error(`scripts/package.mjs failed:\n${packaged.stdout}${packaged.stderr}`);
    console.log(`vsixInstall: packaged ${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB`);
    emulator = await startIamEmulator({});
    const workspace = path.join(dir, 'ws');
    fs.mkdirSync(workspace);
    const run = await runSuiteInWorkbench({
      server: {
        workspaceFolder: workspace,
        installExtensions: [vsix],
        awsCredentials: credentialsFileText(),
        userSettings: { 'iamKeys.endpoint': emulator.url, 'iamKeys.profile': BUILT_IN_IDENTITIES.caller.profile },
      },
      extensionDevelopmentPath: PROBE_EXTENSION,
      extensionTestsPath: PROBE_SUITE,
      timeoutMs: TIMEOUT_MS,
      onLine: (line) => {
        if (line.includes('vsix:')) console.log(line);
      },
      onServerOutput: (output) => (serverOutput = output),
    });
    text = run.output;
    if (run.exitCode === undefined) throw new Error(`the probe did not finish within ${TIMEOUT_MS / 60_000} min`);
  } catch (err) {
    console.error(`vsixInstall: ${err instanceof Error ? err.message : String(err)}`);
    if (serverOutput) console.error(serverOutput.slice(-3000));
  } finally {
    await emulator?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const result = parseResult(text) ?? { passed: 0, failed: 1, pending: 0 };
  console.log(`vsix on code-server ${host.codeServer} (VS Code ${host.vscode}): ${result.passed} passed, ${result.failed} failed`);
  console.log(resultLine(result));
  return result.failed === 0 && result.passed > 0;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
