// Before the first test: activation has met the interrupted rotations the runner left
// (test/support/interruptedRotations.ts); wait for its recovery to end, then turn the write
// switch and the endpoint it started with back to their defaults, so every suite starts from
// the switch off. The outcomes stay on the extension's API (IamKeysInternals.recovery) for
// startupRecovery.test.ts.
// The extension is left to activate on its own (onStartupFinished), as it does for a user:
// forcing activate() this early can run before the workbench has loaded all user settings
// (application-scoped ones such as the switch arrive first), and the recovery would then sign
// for the default endpoint.
import * as vscode from 'vscode';
import type { IamKeysApi } from '../../src/extension';
import { readStartupRecoveryScenario } from '../support/interruptedRotations';
import { until } from '../support/wait';
import { EXTENSION_ID } from './fixture';

export async function settleStartupRecovery(): Promise<void> {
  if (!readStartupRecoveryScenario()) return;
  const extension = vscode.extensions.getExtension<IamKeysApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  await until(() => extension.isActive, 'the extension to activate on its own (onStartupFinished)', 120_000, 100);
  const api = extension.exports.internalsForTests;
  const outcomes = await api.recovery;
  const inspect = vscode.workspace.getConfiguration('iamKeys').inspect('endpoint');
  console.log(
    `[startup recovery] ${outcomes.map((o) => o.kind).join(', ') || 'nothing recovered'}; endpoint now ${JSON.stringify(api.settings.current.endpoint)} (user ${JSON.stringify(inspect?.globalValue)}), switch ${api.settings.current.allowWriteActions}`,
  );
  const config = vscode.workspace.getConfiguration('iamKeys');
  await config.update('allowWriteActions', undefined, vscode.ConfigurationTarget.Global);
  await config.update('endpoint', undefined, vscode.ConfigurationTarget.Global);
}
