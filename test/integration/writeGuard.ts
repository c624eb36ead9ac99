// Whole-suite check (issue #12): no write action reaches an endpoint while
// iamKeys.allowWriteActions is off. From before the first test, it records the windows in which
// the switch was on (every configuration change, as the extension sees it) and every write
// action any emulator of this extension host receives (observeWrites: clearWriteLog() does not
// hide one). index.ts adds it as the root suite's last "after all" hook, so a write outside
// every window fails the run, naming the write and the test it arrived in. A suite that needs
// keys made or changed as set-up does it through emulator.store (no HTTP, so not a write here).
import type Mocha from 'mocha';
import * as vscode from 'vscode';
import { observeWrites } from '../emulator/index';
import { WriteWindows } from '../support/writeWindows';

export const WRITE_GUARD_HOOK = 'no write action reached an endpoint while iamKeys.allowWriteActions was off';

export function installWriteGuard(root: Mocha.Suite): WriteWindows {
  const windows = new WriteWindows();
  const switchOn = (): boolean => vscode.workspace.getConfiguration('iamKeys').get<boolean>('allowWriteActions') === true;
  windows.switchSeen(switchOn(), Date.now());
  const listener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('iamKeys.allowWriteActions')) windows.switchSeen(switchOn(), Date.now());
  });
  let currentTest: string | undefined;
  root.beforeEach(function () {
    currentTest = this.currentTest?.fullTitle();
  });
  const stopObserving = observeWrites((entry) =>
    windows.writeSeen({ action: entry.action, time: entry.time, accessKeyId: entry.accessKeyId, userName: entry.userName, test: currentTest }),
  );
  root.afterAll(WRITE_GUARD_HOOK, () => {
    stopObserving();
    listener.dispose();
    const seen = windows.allWrites().length;
    console.log(`[write guard] ${seen} write action(s) seen by the suite's emulators, ${windows.allWindows().length} window(s) with the switch on`);
    const problem = windows.report();
    if (problem) throw new Error(problem);
  });
  return windows;
}
