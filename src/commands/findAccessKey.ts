// Find Access Key Owner: which account and user own a key ID, then reveal it in the tree
// (loading the pages needed) or say why it can't be shown.
import * as vscode from 'vscode';
import { findKeyOwner } from '../aws/keyOwner';
import type { AccessKey, AccessKeyLastUsed } from '../core/types';
import type { ConnectionNode } from '../explorer/nodes/connectionNode';
import type { ExplorerNode } from '../explorer/nodes/explorerNode';
import type { UserNode } from '../explorer/nodes/userNode';
import type { CommandDeps } from './deps';
import { type KeyArgument, resolveKeyArgument } from './keyArgument';

export interface FoundKey {
  readonly accessKeyId: string;
  readonly result: 'found' | 'other-account' | 'temporary' | 'not-found' | 'error';
  readonly account?: string;
  readonly userName?: string;
  readonly key?: AccessKey;
  readonly lastUsed?: AccessKeyLastUsed;
  readonly profile?: string;
  readonly revealed: boolean;
  readonly message: string;
}

export async function findAccessKey(arg: KeyArgument & { reveal?: boolean }, deps: CommandDeps): Promise<FoundKey | undefined> {
  const resolved = await resolveKeyArgument(arg, deps, vscode.l10n.t('Find Access Key Owner'));
  if (!resolved) return undefined;
  const reveal = typeof arg === 'object' && arg !== null && 'reveal' in arg ? arg.reveal !== false : true;
  const found = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking up {0}…', resolved.accessKeyId), cancellable: true },
    (_progress, token) => lookUp(resolved.accessKeyId, deps, reveal, token),
  );
  const show = found.result === 'found' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  void show(found.message);
  return found;
}

async function lookUp(accessKeyId: string, deps: CommandDeps, reveal: boolean, token: vscode.CancellationToken): Promise<FoundKey> {
  const controller = new AbortController();
  const cancel = token.onCancellationRequested(() => controller.abort());
  try {
    const connections = await deps.explorer.connections();
    let last: FoundKey | undefined;
    for (const connection of connections) {
      await connection.ensureIdentity();
      const owner = await findKeyOwner(connection.api, connection.identity()?.Account, accessKeyId, controller.signal);
      const base = { accessKeyId, profile: connection.profile, revealed: false };
      if (owner.kind === 'found') {
        const revealed = reveal && !owner.root ? await revealKey(connection, owner.userName, accessKeyId, deps) : false;
        return {
          ...base, result: 'found', account: owner.account, userName: owner.userName, key: owner.key, lastUsed: owner.lastUsed, revealed,
          message: vscode.l10n.t('{0} belongs to {1} in account {2}{3}.', accessKeyId, owner.root ? 'the root user' : owner.userName, owner.account, owner.key ? ` (${owner.key.Status})` : ''),
        };
      }
      // Keep looking in the other connections; remember the most telling answer.
      last = describeMiss(accessKeyId, owner, base);
    }
    return last ?? { accessKeyId, result: 'error', revealed: false, message: vscode.l10n.t('No AWS connection is configured.') };
  } finally {
    cancel.dispose();
  }
}

function describeMiss(accessKeyId: string, owner: Awaited<ReturnType<typeof findKeyOwner>>, base: { accessKeyId: string; profile: string; revealed: boolean }): FoundKey {
  switch (owner.kind) {
    case 'other-account':
      return { ...base, result: 'other-account', account: owner.account, message: vscode.l10n.t('{0} belongs to another AWS account ({1}); add a profile for that account to see its owner.', accessKeyId, owner.account) };
    case 'temporary':
      return { ...base, result: 'temporary', account: owner.account, message: vscode.l10n.t('{0} is a temporary (STS) key issued in account {1}; IAM does not list temporary keys.', accessKeyId, owner.account) };
    case 'not-found':
      return { ...base, result: 'not-found', account: owner.account, message: vscode.l10n.t('{0} was not found: it was deleted or never existed in this account.', accessKeyId) };
    case 'error':
      return { ...base, result: 'error', message: `${owner.error.message}${owner.error.hint ? ` — ${owner.error.hint}` : ''}` };
    default:
      return { ...base, result: 'error', message: vscode.l10n.t('Unexpected answer') };
  }
}

/** Loads users pages until the owner appears, then their keys, then reveals the key row. */
async function revealKey(connection: ConnectionNode, userName: string, accessKeyId: string, deps: CommandDeps): Promise<boolean> {
  const users = connection.users;
  const findUser = (): UserNode | undefined => users.loadedChild(userName) as UserNode | undefined;
  let user = findUser();
  while (!user) {
    const outcome = await users.load();
    if (outcome.kind === 'failed' || outcome.kind === 'complete') break;
    user = findUser();
    if (!users.list.isTruncated) break;
  }
  deps.explorer.refresh(users);
  if (!user) return false;
  if (!user.list.hasStarted) await user.load();
  let node: ExplorerNode | undefined = user.loadedChildren().find((child) => child.id.endsWith(`/key/${accessKeyId}`));
  while (!node && user.list.isTruncated) {
    if ((await user.load()).kind === 'failed') break;
    node = user.loadedChildren().find((child) => child.id.endsWith(`/key/${accessKeyId}`));
  }
  if (!node) return false;
  await vscode.commands.executeCommand('workbench.view.extension.iamKeys');
  await deps.treeView.reveal(node, { select: true, focus: true, expand: true });
  return true;
}
