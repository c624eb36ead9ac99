// One IAM user; expands to that user's access keys (ListAccessKeys with UserName, paged).
import * as vscode from 'vscode';
import { ageInDays, formatAge } from '../../core/format';
import type { AccessKey, IamUser, Page } from '../../core/types';
import { ContextValues } from '../contextValues';
import type { ConnectionScope } from '../services';
import { AccessKeyNode } from './accessKeyNode';
import type { ExplorerNode } from './explorerNode';
import { PagedNode } from './pagedNode';

export class UserNode extends PagedNode<AccessKey> {
  readonly id: string;

  constructor(parent: ExplorerNode, scope: ConnectionScope, readonly user: IamUser) {
    super(parent, scope, 'iam:ListAccessKeys');
    this.id = `${parent.id.replace(/\/users$/, '')}/user/${user.UserName}`;
  }

  protected fetchPage(marker: string | undefined, signal: AbortSignal): Promise<Page<AccessKey>> {
    return this.scope.api.listAccessKeys({
      userName: this.user.UserName,
      maxItems: this.scope.services.settings().pageSize,
      marker,
      abortSignal: signal,
    });
  }
  protected childId(key: AccessKey): string {
    return key.AccessKeyId;
  }
  protected createChild(key: AccessKey): ExplorerNode {
    return new AccessKeyNode(this, this.scope, key);
  }
  protected emptyLabel(): string {
    return vscode.l10n.t('No access keys');
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.user.UserName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const age = formatAge(ageInDays(this.user.CreateDate, this.scope.services.now()));
    item.description = this.statusDescription() ?? (this.user.Path !== '/' ? `${this.user.Path} · ${age}` : age);
    item.tooltip = new vscode.MarkdownString(
      `**${this.user.UserName}**\n\n${this.user.Arn}\n\n${vscode.l10n.t('Created')}: ${this.user.CreateDate.toISOString()}`,
    );
    item.iconPath = new vscode.ThemeIcon('person');
    item.contextValue = ContextValues.user;
    return item;
  }
}
