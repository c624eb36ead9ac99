// "Users": ListUsers one page at a time, with an optional client-side name filter.
import * as vscode from 'vscode';
import type { IamUser, Page } from '../../core/types';
import { ContextValues } from '../contextValues';
import type { NodeScope } from '../services';
import type { ExplorerNode } from './explorerNode';
import { PagedNode } from './pagedNode';
import { UserNode } from './userNode';

export class UsersNode extends PagedNode<IamUser> {
  readonly id: string;

  constructor(parent: ExplorerNode, scope: NodeScope) {
    super(parent, scope, 'iam:ListUsers');
    this.id = `${parent.id}/users`;
  }

  /** The view's user-name filter (one for the whole view; it survives a rebuild). */
  private get filter(): string {
    return this.scope.services.view.filter;
  }

  protected fetchPage(marker: string | undefined, signal: AbortSignal, maxItems: number): Promise<Page<IamUser>> {
    return this.scope.session.api.listUsers({ maxItems, marker, abortSignal: signal });
  }
  protected childId(user: IamUser): string {
    return user.UserName;
  }
  protected createChild(user: IamUser): ExplorerNode {
    return new UserNode(this, this.scope, user);
  }
  protected emptyLabel(): string {
    return this.filter ? vscode.l10n.t('No loaded user matches "{0}"', this.filter) : vscode.l10n.t('No users');
  }
  protected override visibleItems(): readonly IamUser[] {
    const filter = this.filter;
    if (!filter) return this.list.loaded;
    const needle = filter.toLowerCase();
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
    const filter = this.filter;
    const loaded = `${this.list.loaded.length}${this.list.isTruncated ? '+' : ''}`;
    // The count says what is shown: "4 of 25+" under a filter, not the loaded total alone.
    const count = !this.list.hasStarted ? undefined : filter ? vscode.l10n.t('{0} of {1}', this.visibleItems().length, loaded) : loaded;
    const filterText = filter ? vscode.l10n.t('filter: {0}', filter) : undefined;
    item.description = this.statusDescription() ?? ([count, filterText].filter(Boolean).join(' · ') || undefined);
    item.iconPath = new vscode.ThemeIcon(filter ? 'filter' : 'organization');
    item.contextValue = filter ? ContextValues.usersFiltered : ContextValues.users;
    return item;
  }
}
