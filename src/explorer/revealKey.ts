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
  const target = node;
  await vscode.commands.executeCommand('workbench.view.extension.iamKeys');
  await until(treeView.onDidChangeVisibility, () => treeView.visible, 3000);
  await explorer.settled();
  // A view that has just opened may not have drawn its roots yet, and VS Code then drops the
  // reveal without a word: reveal again once if the selection didn't follow.
  for (let attempt = 0; attempt < 3; attempt++) {
    await treeView.reveal(target, { select: true, focus: true, expand: true });
    if (await until(treeView.onDidChangeSelection, () => treeView.selection.includes(target), 1000)) return true;
    await explorer.settled();
  }
  return treeView.selection.includes(target);
}

/** Resolves true once `done()` holds (checked now and on each `event`), false after `ms`. */
function until(event: vscode.Event<unknown>, done: () => boolean, ms: number): Promise<boolean> {
  if (done()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const finish = (value: boolean): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    };
    const timer = setTimeout(() => finish(done()), ms);
    const listener = event(() => {
      if (done()) finish(true);
    });
  });
}
