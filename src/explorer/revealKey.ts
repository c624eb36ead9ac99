// Reveals a key's row: the account's model loads the users pages until the owner appears, then
// the owner's key pages until the key does; the tree gives the row of that key, which is
// selected. Used by Find Access Key Owner and diagnostics.
import * as vscode from 'vscode';
import type { ConnectionSession } from '../aws/connectionSession';
import { loadUserKey } from '../model/loadUntil';
import type { ExplorerProvider } from './explorerProvider';
import type { TreeElement } from './nodes/treeElement';

export async function revealKeyRow(
  explorer: ExplorerProvider,
  treeView: vscode.TreeView<TreeElement>,
  session: ConnectionSession,
  userName: string,
  accessKeyId: string,
): Promise<boolean> {
  // The model finds the key, loading pages as needed; the tree only maps it to its row.
  const key = await loadUserKey(explorer.models.of(session), userName, accessKeyId);
  if (!key) return false;
  // The Users row and its rows were drawn with fewer items: draw them again before revealing.
  const users = await explorer.rowFor({ kind: 'users', session });
  if (users) explorer.refresh(users);
  const target = await explorer.rowFor({ kind: 'key', key, session });
  if (!target) return false;
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
