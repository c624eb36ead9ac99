// A row that says something instead of listing something: empty lists, errors, hints.
// Error rows carry a command (usually retry), so a click does what the text says.
import * as vscode from 'vscode';
import { ContextValues } from '../contextValues';
import { ExplorerNode } from './explorerNode';

export interface MessageOptions {
  readonly key: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly icon?: vscode.ThemeIcon;
  readonly command?: vscode.Command;
}

export class MessageNode extends ExplorerNode {
  readonly id: string;

  constructor(
    /** undefined for a row at the top of the view. */
    readonly parent: ExplorerNode | undefined,
    readonly options: MessageOptions,
  ) {
    super();
    this.id = parent ? `${parent.id}/message/${options.key}` : `message/${options.key}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.options.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.options.description;
    item.tooltip = this.options.tooltip;
    item.iconPath = this.options.icon ?? new vscode.ThemeIcon('info');
    item.command = this.options.command;
    item.contextValue = this.options.command ? ContextValues.retry : ContextValues.message;
    return item;
  }
}
