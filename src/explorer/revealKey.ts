// Reveals a key's row: loads the users pages until the owner appears, then the owner's key
// pages until the key does, then selects it. Used by Find Access Key Owner and diagnostics.
import * as vscode from 'vscode';
import type { ConnectionSession } from '../aws/connectionSession';
import type { ExplorerProvider } from './explorerProvider';
import type { ExplorerNode } from './nodes/explorerNode';
import type { UserNode } from './nodes/userNode';

export async function revealKeyRow(
  explorer: ExplorerProvider,
  treeView: vscode.TreeView<ExplorerNode>,
  session: ConnectionSession,
  userName: string,
  accessKeyId: string,
): Promise<boolean> {
  const connection = (await explorer.connectionRows()).find((row) => row.session === session);
  if (!connection) return false;
  const users = connection.users;
  const findUser = (): UserNode | undefined => users.loadedChild(userName) as UserNode | undefined;
  let user = findUser();
  while (!user) {
    const outcome = await users.load();
    if (outcome.kind === 'failed' || outcome.kind === 'complete') break;
    user = findUser();
    if (!users.list.isTruncated) break;
  }
  explorer.refresh(users);
  if (!user) return false;
  if (!user.list.hasStarted) await user.load();
  const keyRow = (): ExplorerNode | undefined => user.allLoadedChildren().find((child) => child.id.endsWith(`/key/${accessKeyId}`));
  let node = keyRow();
  while (!node && user.list.isTruncated) {
    if ((await user.load()).kind === 'failed') break;
    node = keyRow();
  }
  if (!node) return false;
  await vscode.commands.executeCommand('workbench.view.extension.iamKeys');
  await treeView.reveal(node, { select: true, focus: true, expand: true });
  return true;
}
