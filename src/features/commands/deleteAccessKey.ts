// Delete Access Key…: as the IAM console does it — only an Inactive key, and only after the
// key ID is typed (or given as `confirm`), with its last use shown first.
import * as vscode from 'vscode';
import { inOperation } from '../../aws/operationError';
import type { CommandDeps } from '../../commands/deps';
import { describeLastUsed } from '../../explorer/rowText';
import { resolveKeyTarget } from './targets';
import { keyChanged, operationOf, ownUserName } from './writeAccess';

export interface DeletedKey {
  readonly accessKeyId: string;
  readonly userName: string;
  readonly deleted: true;
}

export async function deleteAccessKey(arg: unknown, deps: CommandDeps): Promise<DeletedKey | undefined> {
  const what = vscode.l10n.t('Delete Access Key');
  const target = await resolveKeyTarget(arg, deps, what);
  if (!target) return undefined;
  const { session, accessKeyId } = target;
  const userName = target.userName ?? (await ownUserName(session));
  // Status as IAM has it now, not as a row loaded a while ago.
  const keys = await inOperation(operationOf(session, 'iam:ListAccessKeys'), async () =>
    userName ? session.api.listAllAccessKeys(userName, { pageSize: 100 }) : (await session.api.listAccessKeys({ maxItems: 100 })).items,
  );
  const key = keys.find((k) => k.AccessKeyId === accessKeyId);
  if (!key) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not a key of {1}.', accessKeyId, userName ?? vscode.l10n.t('the signing user')));
    return undefined;
  }
  if (key.Status !== 'Inactive') {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} is {1}: deactivate it first, check nothing breaks, then delete it.', accessKeyId, key.Status));
    return undefined;
  }
  const confirm = typeof arg === 'object' && arg !== null && 'confirm' in arg ? (arg as { confirm?: unknown }).confirm : undefined;
  if (confirm !== undefined && confirm !== accessKeyId) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Not deleted: confirm must be the key ID {0}.', accessKeyId));
    return undefined;
  }
  if (confirm === undefined) {
    const lastUsed = await session.lastUsed(accessKeyId).catch(() => undefined);
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Delete {0} of {1}', accessKeyId, userName ?? 'root'),
      prompt: vscode.l10n.t('Last used: {0}. Deleting cannot be undone. Type the key ID to delete it.', describeLastUsed(lastUsed)),
      placeHolder: accessKeyId,
      ignoreFocusOut: true,
      validateInput: (value) => (value === accessKeyId || value === '' ? undefined : vscode.l10n.t('Type {0} exactly', accessKeyId)),
    });
    if (typed !== accessKeyId) return undefined;
  }
  await inOperation(operationOf(session, 'iam:DeleteAccessKey'), () => session.writeApi.deleteAccessKey(accessKeyId, userName));
  deps.log.info(`DeleteAccessKey ${accessKeyId} of ${userName ?? 'root'} (profile ${session.profile || 'default'})`);
  keyChanged(deps, session, [accessKeyId], target.row);
  void vscode.window.showInformationMessage(vscode.l10n.t('{0} was deleted.', accessKeyId));
  return { accessKeyId, userName: userName ?? '', deleted: true };
}
