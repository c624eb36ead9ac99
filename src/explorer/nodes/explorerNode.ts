// The one abstract node type: every row of the explorer is one of these.
import type * as vscode from 'vscode';
import type { RowResource } from '../../model/rowResource';
import type { TreeElement } from './treeElement';

export abstract class ExplorerNode {
  /** Stable id from the parent's path, e.g. `profile/dev/user/bob/key/AKIA…`. */
  abstract readonly id: string;
  abstract readonly parent: ExplorerNode | undefined;

  /** What the row stands for, for commands (they read this, never the row's class). */
  get resource(): RowResource | undefined {
    return undefined;
  }

  abstract getTreeItem(): vscode.TreeItem;

  /** Rows below this one; an access key's row is its record (treeElement.ts). */
  getChildren(): Promise<TreeElement[]> | TreeElement[] {
    return [];
  }

  /** Fills in details that cost a call (e.g. last use), when VS Code shows the tooltip. */
  resolveTreeItem(item: vscode.TreeItem, _token: vscode.CancellationToken): Promise<vscode.TreeItem> | vscode.TreeItem {
    return item;
  }
}
