// Runs the same in-host integration suite in desktop VS Code through @vscode/test-electron
// (`npm run test:electron`). That needs a VS Code build: downloaded (version 1.100.3) where
// the internet is reachable, or VSCODE_EXECUTABLE_PATH pointing at one. On offline machines
// use runInCodeServer.js instead (what `npm test` does). Linux without a display needs xvfb-run.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { isolatedAwsVars, withoutAwsVars } from '../support/awsEnv';
import { startupRecoveryFixture, type StartupRecoveryFixture } from '../support/interruptedRotations';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const VSCODE_VERSION = '1.100.3';

async function main(): Promise<number> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-electron-'));
  let recovery: StartupRecoveryFixture | undefined;
  try {
    const workspace = path.join(tempDir, 'workspace');
    const fixtures = path.join(REPO_ROOT, 'test', 'host', 'fixtures', 'workspace');
    fs.mkdirSync(workspace);
    if (fs.existsSync(fixtures)) fs.cpSync(fixtures, workspace, { recursive: true });

    // runTests() spawns VS Code with process.env merged with extensionTestsEnv, so inherited
    // AWS_* variables must be removed from process.env itself.
    const clean = withoutAwsVars(process.env);
    for (const k of Object.keys(process.env)) if (!(k in clean)) delete process.env[k];
    const awsVars = isolatedAwsVars(path.join(tempDir, 'aws'));

    let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
    if (!vscodeExecutablePath) {
      try {
        vscodeExecutablePath = await downloadAndUnzipVSCode({ version: VSCODE_VERSION, timeout: 30_000 });
      } catch (err) {
        console.error(
          `@vscode/test-electron could not download VS Code: ${err instanceof Error ? err.message : err}; ` +
            `set VSCODE_EXECUTABLE_PATH to a VS Code ${VSCODE_VERSION} executable, or run the suite in ` +
            `code-server with 'node out/test/host/runInCodeServer.js' (part of npm test).`,
        );
        return 2;
      }
    }

    // As runInCodeServer.ts: interrupted rotations for activation's recovery to meet.
    const userDataDir = path.join(tempDir, 'user-data');
    recovery = await startupRecoveryFixture();
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(recovery.userSettings, null, 2));
    await recovery.writeJournal(userDataDir);

    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js'),
      extensionTestsEnv: { ...awsVars, ...recovery.env },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--user-data-dir', userDataDir,
        '--extensions-dir', path.join(tempDir, 'extensions'),
      ],
    });
    return 0;
  } catch (err) {
    console.error(`runElectron: ${err instanceof Error ? err.message : err}`);
    return 1;
  } finally {
    await recovery?.dispose();
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
