// The one abstract node type: every row of the explorer is one of these.
import type * as vscode from 'vscode';

export abstract class ExplorerNode {
  /** Stable id from the parent's path, e.g. `profile/dev/user/bob/key/AKIA…`. */
  abstract readonly id: string;
  abstract readonly parent: ExplorerNode | undefined;

  abstract getTreeItem(): vscode.TreeItem;

  getChildren(): Promise<ExplorerNode[]> | ExplorerNode[] {
    return [];
  }

  /** Fills in details that cost a call (e.g. last use), when VS Code shows the tooltip. */
  resolveTreeItem(item: vscode.TreeItem, _token: vscode.CancellationToken): Promise<vscode.TreeItem> | vscode.TreeItem {
    return item;
  }
}
