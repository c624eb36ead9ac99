// Deactivate / Activate Access Key: UpdateAccessKey on one key. Deactivating the key that signs
// the view's own calls warns first: the view loses access with it.
import * as vscode from 'vscode';
import { inOperation } from '../aws/operationError';
import type { CommandDeps } from './deps';
import { keyChanged, operationOf, ownUserName, resolveKeyTarget, writeActionsAllowed } from './writeAccess';

export interface KeyStatusResult {
  readonly accessKeyId: string;
  readonly userName: string;
  readonly status: 'Active' | 'Inactive';
}

export async function setAccessKeyStatus(arg: unknown, deps: CommandDeps, status: 'Active' | 'Inactive'): Promise<KeyStatusResult | undefined> {
  const what = status === 'Active' ? vscode.l10n.t('Activate Access Key') : vscode.l10n.t('Deactivate Access Key');
  if (!writeActionsAllowed(deps, what)) return undefined;
  const target = await resolveKeyTarget(arg, deps);
  if (!target) return undefined;
  const { session, accessKeyId } = target;
  await session.ensureIdentity();
  if (status === 'Inactive' && session.signingKeyId() === accessKeyId) {
    const go = vscode.l10n.t('Deactivate');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} signs this view\'s own requests ({1}). Once it is Inactive the view loses access until another key is used.', accessKeyId, session.profile || 'default'),
      { modal: true },
      go,
    );
    if (choice !== go) return undefined;
  }
  const userName = target.userName ?? (await ownUserName(session)) ?? '';
  await inOperation(operationOf(session, 'iam:UpdateAccessKey'), () => session.writeApi.updateAccessKey(accessKeyId, status, target.userName));
  deps.log.info(`UpdateAccessKey ${accessKeyId} → ${status}`);
  keyChanged(deps, session, [accessKeyId], target.row);
  void vscode.window.showInformationMessage(vscode.l10n.t('{0} is now {1}.', accessKeyId, status));
  return { accessKeyId, userName, status };
}
