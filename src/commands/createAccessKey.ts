// Create Access Key…: the two-keys limit is checked first; the secret is then shown once (a
// modal with Copy; the clipboard is cleared after 30 s) or written straight into the named
// profile. It is never logged and never in the result.
import * as vscode from 'vscode';
import { classifyError } from '../aws/errors';
import { inOperation } from '../aws/operationError';
import { credentialsFilePath, writeKeysIntoProfile } from '../core/credentialsFileStore';
import type { SecretText } from '../core/secretText';
import type { CommandDeps } from './deps';
import { keyChanged, operationOf, ownUserName, writeActionsAllowed } from './writeAccess';
import { PagedNode } from '../explorer/nodes/pagedNode';
import { UserNode } from '../explorer/nodes/userNode';

export interface CreatedKeyResult {
  readonly accessKeyId: string;
  readonly userName: string;
  readonly profile?: string;
}

const CLIPBOARD_CLEAR_MS = 30_000;

export async function createAccessKey(arg: unknown, deps: CommandDeps): Promise<CreatedKeyResult | undefined> {
  const what = vscode.l10n.t('Create Access Key');
  if (!writeActionsAllowed(deps, what)) return undefined;
  const row = arg instanceof PagedNode ? arg : undefined;
  const given = (row ? {} : typeof arg === 'object' && arg !== null ? arg : {}) as { userName?: unknown; profile?: unknown; connection?: unknown };
  if ((given.userName !== undefined && typeof given.userName !== 'string') || (given.profile !== undefined && typeof given.profile !== 'string')) {
    void vscode.window.showErrorMessage(vscode.l10n.t('userName and profile must be text.'));
    return undefined;
  }
  const sessions = await deps.sessions.sessions();
  const session = row ? row.scope.session : sessions[0];
  if (!session) {
    void vscode.window.showErrorMessage(vscode.l10n.t('No AWS connection is configured.'));
    return undefined;
  }
  const rowUser = row instanceof UserNode ? row.user.UserName : undefined;
  const userName = (given.userName as string | undefined) ?? rowUser ?? (await ownUserName(session));
  if (!userName) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Name the user: the signing identity is not an IAM user.'));
    return undefined;
  }
  const keys = await inOperation(operationOf(session, 'iam:ListAccessKeys'), () => session.api.listAllAccessKeys(userName, { pageSize: 100 }));
  if (keys.length >= 2) {
    const explain = vscode.l10n.t('{0} already has two access keys ({1}), the most IAM allows. Deactivate and delete the one not in use first.', userName, keys.map((k) => `${k.AccessKeyId} ${k.Status}`).join(', '));
    void vscode.window.showWarningMessage(explain);
    return undefined;
  }
  const created = await inOperation(operationOf(session, 'iam:CreateAccessKey'), () => session.writeApi.createAccessKey(given.userName === undefined && !rowUser ? undefined : userName));
  const accessKeyId = created.key.AccessKeyId;
  deps.log.info(`CreateAccessKey ${accessKeyId} for ${userName}`);
  keyChanged(deps, session, [accessKeyId], undefined);
  const profile = given.profile as string | undefined;
  if (profile !== undefined) {
    const file = credentialsFilePath();
    try {
      await writeKeysIntoProfile(file, profile, { accessKeyId, secret: created.secret });
    } catch (error) {
      // Nobody could ever use a key whose secret was not kept: take it back.
      await session.writeApi.deleteAccessKey(accessKeyId, userName).catch(() => undefined);
      void vscode.window.showErrorMessage(vscode.l10n.t('The new key could not be written to {0} ({1}); it was deleted again.', file, classifyError(error).message));
      return undefined;
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} was created for {1} and written into the profile {2}.', accessKeyId, userName, profile));
    return { accessKeyId, userName, profile };
  }
  await showSecretOnce(accessKeyId, userName, created.secret);
  return { accessKeyId, userName };
}

async function showSecretOnce(accessKeyId: string, userName: string, secret: SecretText): Promise<void> {
  const copy = vscode.l10n.t('Copy Secret');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('New access key {0} for {1}', accessKeyId, userName),
    { modal: true, detail: vscode.l10n.t('Secret access key (shown only now, IAM cannot show it again):\n{0}', secret.reveal()) },
    copy,
  );
  if (choice !== copy) return;
  await vscode.env.clipboard.writeText(secret.reveal());
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Secret copied; the clipboard is cleared in 30 s'), 5000);
  setTimeout(() => {
    void vscode.env.clipboard.readText().then((now) => (now === secret.reveal() ? vscode.env.clipboard.writeText('') : undefined));
  }, CLIPBOARD_CLEAR_MS);
}
