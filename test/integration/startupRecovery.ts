// Before the first test: activation has met the interrupted rotations the runner left
// (test/support/interruptedRotations.ts); wait for its recovery to end, then turn the write
// switch and the endpoint it started with back to their defaults, so every suite starts from
// the switch off. The outcomes stay on the extension's API (IamKeysApi.recovery) for
// startupRecovery.test.ts.
import * as vscode from 'vscode';
import { readStartupRecoveryScenario } from '../support/interruptedRotations';
import { extensionApi } from './fixture';

export async function settleStartupRecovery(): Promise<void> {
  if (!readStartupRecoveryScenario()) return;
  const api = await extensionApi();
  await api.recovery;
  const config = vscode.workspace.getConfiguration('iamKeys');
  await config.update('allowWriteActions', undefined, vscode.ConfigurationTarget.Global);
  await config.update('endpoint', undefined, vscode.ConfigurationTarget.Global);
}
