// "Users": ListUsers one page at a time, with an optional client-side name filter.
import * as vscode from 'vscode';
import type { IamUser, Page } from '../../core/types';
import { ContextValues } from '../contextValues';
import type { ConnectionScope } from '../services';
import type { ExplorerNode } from './explorerNode';
import { PagedNode } from './pagedNode';
import { UserNode } from './userNode';

export class UsersNode extends PagedNode<IamUser> {
  readonly id: string;
  private filterText = '';

  constructor(parent: ExplorerNode, scope: ConnectionScope) {
    super(parent, scope, 'iam:ListUsers');
    this.id = `${parent.id}/users`;
  }

  get filter(): string {
    return this.filterText;
  }
  set filter(value: string) {
    this.filterText = value.trim();
  }

  protected fetchPage(marker: string | undefined, signal: AbortSignal, maxItems: number): Promise<Page<IamUser>> {
    return this.scope.api.listUsers({ maxItems, marker, abortSignal: signal });
  }
  protected childId(user: IamUser): string {
    return user.UserName;
  }
  protected createChild(user: IamUser): ExplorerNode {
    return new UserNode(this, this.scope, user);
  }
  protected emptyLabel(): string {
    return this.filterText ? vscode.l10n.t('No loaded user matches "{0}"', this.filterText) : vscode.l10n.t('No users');
  }
  protected override visibleItems(): readonly IamUser[] {
    if (!this.filterText) return this.list.loaded;
    const needle = this.filterText.toLowerCase();
    return this.list.loaded.filter((u) => u.UserName.toLowerCase().includes(needle));
  }

  /** Loaded users that pass the filter. */
  visibleUsers(): readonly IamUser[] {
    return this.visibleItems();
  }

  /** Loaded user nodes, ignoring the filter (for lookups). */
  userNodes(): UserNode[] {
    return this.allLoadedChildren() as UserNode[];
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Users'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const count = this.list.hasStarted ? `${this.list.loaded.length}${this.list.isTruncated ? '+' : ''}` : undefined;
    const filter = this.filterText ? vscode.l10n.t('filter: {0}', this.filterText) : undefined;
    item.description = this.statusDescription() ?? ([count, filter].filter(Boolean).join(' · ') || undefined);
    item.iconPath = new vscode.ThemeIcon(this.filterText ? 'filter' : 'organization');
    item.contextValue = this.filterText ? ContextValues.usersFiltered : ContextValues.users;
    return item;
  }
}
