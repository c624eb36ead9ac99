// Entry point of the in-host integration suite: VS Code (code-server's extension host, or
// desktop VS Code via @vscode/test-electron) loads this file through extensionTestsPath and
// calls run(). It runs every out/test/integration/**/*.test.js with mocha and ends with the
// IAMKEYS_TEST_RESULT line the runners parse. Tests get the workspace folder from
// vscode.workspace.workspaceFolders and the repo root from path.resolve(__dirname, '../../..').
// Before the first test it waits for activation's rotation recovery (startupRecovery.ts); the
// root suite's last hook is the whole-run write check (writeGuard.ts).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import CountingReporter from '../host/countingReporter';
import { resultLine } from '../host/results';
import { settleStartupRecovery } from './startupRecovery';
import { installWriteGuard } from './writeGuard';

function findTests(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...findTests(full));
    else if (entry.name.endsWith('.test.js')) files.push(full);
  }
  return files.sort();
}

export async function run(): Promise<void> {
  // forbidOnly: a stray .only would run one test and report green.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: CountingReporter, forbidOnly: true });
  const grep = process.env.IAMKEYS_GREP; // e.g. run one describe() while developing
  if (grep) mocha.grep(grep);
  // The floor host leaves out what test-all.mjs names there (tests that wait out real minutes).
  if (grep && process.env.IAMKEYS_GREP_INVERT === '1') mocha.invert();
  // From here to the end every write any emulator gets must fall in a window with the switch on.
  installWriteGuard(mocha.suite);
  try {
    await settleStartupRecovery();
  } catch (err) {
    console.log(resultLine({ passed: 0, failed: 1, pending: 0 }));
    throw err;
  }
  for (const file of findTests(__dirname)) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
    } catch (err) {
      // A test file that throws while loading never reaches the reporter: still report
      // (VS Code prints the error itself when run() rejects).
      console.log(resultLine({ passed: 0, failed: 1, pending: 0 }));
      reject(err);
    }
  });
}
