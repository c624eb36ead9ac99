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

/** An error row whose click refreshes `parent` (which asks again); `host`: where the failed request went. */
export function retryRow(parent: ExplorerNode, key: string, problem: ClassifiedError, host?: string): MessageNode {
  return new MessageNode(parent, {
    key,
    label: problem.message,
    description: withHost(vscode.l10n.t('click to retry'), host),
    tooltip: errorTooltip(problem, host),
    icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
    command: { command: CommandIds.refresh, title: vscode.l10n.t('Retry'), arguments: [parent] },
  });
}

/** "iam.amazonaws.com · click to retry": the host first, as the place that failed. */
export function withHost(description: string, host: string | undefined): string {
  return host ? `${host} · ${description}` : description;
}

/** The message, what to do, and the host the request went to. */
export function errorTooltip(problem: ClassifiedError, host: string | undefined): string {
  return [problem.message, problem.hint, host ? vscode.l10n.t('Host tried: {0}', host) : undefined].filter(Boolean).join('\n');
}

/** A log line for a failed list or call: kind, code, message and the host tried. */
export function failureLogLine(id: string, problem: ClassifiedError, host: string | undefined): string {
  return `${id}: ${problem.kind} ${problem.code ?? ''} ${problem.message}${host ? ` (host ${host})` : ''}`;
}
