// A row that says something instead of listing something: empty lists, errors, hints.
// Error rows carry a command (usually retry), so a click does what the text says.
import * as vscode from 'vscode';
import type { ClassifiedError } from '../../aws/errors';
import { CommandIds } from '../../commands/commandIds';
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

/** An error row whose click refreshes `parent` (which asks again). */
export function retryRow(parent: ExplorerNode, key: string, problem: ClassifiedError): MessageNode {
  return new MessageNode(parent, {
    key,
    label: problem.message,
    description: vscode.l10n.t('click to retry'),
    tooltip: [problem.message, problem.hint].filter(Boolean).join('\n'),
    icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
    command: { command: CommandIds.refresh, title: vscode.l10n.t('Retry'), arguments: [parent] },
  });
}
