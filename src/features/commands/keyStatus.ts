// Deactivate / Activate Access Key: UpdateAccessKey on one key. Deactivating asks first, naming
// the key and its owner, when a person chose another user's key (row menu or palette) or the
// caller asks for it (`ask: true`, the leak quick fix); deactivating the key that signs the
// view's own calls warns that the view loses access. A deactivation's message offers Undo.
import * as vscode from 'vscode';
import { inOperation } from '../../aws/operationError';
import type { CommandDeps } from '../../commands/deps';
import { CommandIds } from '../../commands/commandIds';
import { resolveKeyTarget, type KeyTarget } from './targets';
import { keyChanged, operationOf, ownUserName } from './writeAccess';

export interface KeyStatusResult {
  readonly accessKeyId: string;
  readonly userName: string;
  readonly status: 'Active' | 'Inactive';
}

export async function setAccessKeyStatus(arg: unknown, deps: CommandDeps, status: 'Active' | 'Inactive'): Promise<KeyStatusResult | undefined> {
  const what = status === 'Active' ? vscode.l10n.t('Activate Access Key') : vscode.l10n.t('Deactivate Access Key');
  const target = await resolveKeyTarget(arg, deps, what);
  if (!target) return undefined;
  const { session, accessKeyId } = target;
  await session.ensureIdentity();
  // Whose key it is matters for the question a person is asked, and names a key given without its user.
  const ownUser = target.userName === undefined || target.interactive ? await ownUserName(session) : undefined;
  const userName = target.userName ?? ownUser ?? '';
  if (status === 'Inactive' && !(await confirmDeactivation(arg, target, userName, ownUser))) return undefined;
  await inOperation(operationOf(session, 'iam:UpdateAccessKey'), () => session.writeApi.updateAccessKey(accessKeyId, status, target.userName));
  deps.log.info(`UpdateAccessKey ${accessKeyId} of ${userName || 'root'} → ${status} (profile ${session.profile || 'default'})`);
  keyChanged(deps, session, [accessKeyId], target.row);
  if (status === 'Inactive') {
    const undo = vscode.l10n.t('Undo');
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} of {1} is now Inactive.', accessKeyId, userName || 'root'), undo).then((choice) =>
      // Through the command, so the write switch is checked again at the time of the click.
      choice === undo ? vscode.commands.executeCommand(CommandIds.activateAccessKey, { accessKeyId, userName: target.userName, profile: session.profile }) : undefined,
    );
  } else {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} of {1} is now Active.', accessKeyId, userName || 'root'));
  }
  return { accessKeyId, userName, status };
}

/** True to go on. The signing key's warning replaces the ordinary question. */
async function confirmDeactivation(arg: unknown, target: KeyTarget, userName: string, ownUser: string | undefined): Promise<boolean> {
  const { session, accessKeyId } = target;
  const go = vscode.l10n.t('Deactivate');
  if (session.signingKeyId() === accessKeyId) {
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} signs this view\'s own requests ({1}). Once it is Inactive the view loses access until another key is used.', accessKeyId, session.profile || 'default'),
      { modal: true },
      go,
    );
    return choice === go;
  }
  const asked = typeof arg === 'object' && arg !== null && (arg as { ask?: unknown }).ask === true;
  const anotherUsersKey = target.userName !== undefined && target.userName !== ownUser;
  if (!asked && !(target.interactive && anotherUsersKey)) return true;
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Deactivate {0} of {1}?', accessKeyId, userName || vscode.l10n.t('the root user')),
    { modal: true, detail: vscode.l10n.t('Whatever uses this key stops working at once. It can be activated again.') },
    go,
  );
  return choice === go;
}
