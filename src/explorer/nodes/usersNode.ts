// "Users": ListUsers one page at a time, narrowed by the view's name filter and attention-only.
import * as vscode from 'vscode';
import { isAbortError, mapWithConcurrency } from '../../core/concurrency';
import type { LoadOutcome } from '../../core/pagedList';
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
    if (this.scope.services.view.attentionOnly && this.list.loaded.length > 0) return vscode.l10n.t('No loaded user has a key needing attention');
    return this.filter ? vscode.l10n.t('No loaded user matches "{0}"', this.filter) : vscode.l10n.t('No users');
  }
  protected override visibleItems(): readonly IamUser[] {
    const filter = this.filter.toLowerCase();
    const attentionOnly = this.scope.services.view.attentionOnly;
    if (!filter && !attentionOnly) return this.list.loaded;
    return this.list.loaded.filter((user) => {
      if (filter && !user.UserName.toLowerCase().includes(filter)) return false;
      if (!attentionOnly) return true;
      const row = this.loadedChild(user.UserName) as UserNode | undefined;
      return row !== undefined && row.flaggedKeys().length > 0;
    });
  }

  /**
   * For the attention filter: loads the keys and last use of every loaded user not checked yet
   * (two calls per user, a few users at a time), then redraws. Cancellable; returns how many
   * users were checked.
   */
  async checkHealth(options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<number> {
    const users = this.userNodes();
    const limit = this.scope.services.settings().maxConcurrentRequests;
    try {
      await mapWithConcurrency(users, limit, (user) => user.checkHealth(options.signal), options);
    } catch (error) {
      if (!isAbortError(error)) throw error;
    } finally {
      this.scope.services.refresh(this);
    }
    return users.length;
  }

  protected override afterLoad(outcome: LoadOutcome): LoadOutcome {
    // New users under the attention filter would stay hidden until checked: check them now.
    if (this.scope.services.view.attentionOnly && outcome.kind !== 'failed') {
      void this.checkHealth().catch((error: unknown) => this.scope.services.log.warn(`${this.id}: attention check failed: ${String(error)}`));
    }
    return super.afterLoad(outcome);
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
    const attentionOnly = this.scope.services.view.attentionOnly;
    const narrowed = filter !== '' || attentionOnly;
    const count = !this.list.hasStarted ? undefined : narrowed ? vscode.l10n.t('{0} of {1}', this.visibleItems().length, loaded) : loaded;
    const filterText = filter ? vscode.l10n.t('filter: {0}', filter) : undefined;
    const attentionText = attentionOnly ? vscode.l10n.t('needing attention') : undefined;
    item.description = this.statusDescription() ?? ([count, filterText, attentionText].filter(Boolean).join(' · ') || undefined);
    item.iconPath = new vscode.ThemeIcon(filter ? 'filter' : 'organization');
    item.contextValue = filter ? ContextValues.usersFiltered : ContextValues.users;
    return item;
  }
}
