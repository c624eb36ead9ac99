// The tree: one ConnectionNode per session of the registry. Refreshes are per node, so "Load
// more…" redraws one list, and a settings change rebuilds only the connections. The tree owns
// no AWS state; rows render what the sessions know.
import * as vscode from 'vscode';
import type { ConnectionSession } from '../aws/connectionSession';
import type { OrgSources } from '../aws/organization/orgSources';
import type { SessionRegistry } from '../aws/sessionRegistry';
import { AccountModels } from '../model/accountModels';
import type { RowResource } from '../model/rowResource';
import { ContextKeys, setContext } from './contextValues';
import { withAccessibleName } from './rowText';
import { ConnectionNode } from './nodes/connectionNode';
import { ExplorerNode } from './nodes/explorerNode';
import type { KeyListNode } from './nodes/keyListNode';
import type { AccessKey } from '../core/types';
import { MessageNode } from './nodes/messageNode';
import { OrganizationNode } from './nodes/organizationNode';
import { keyTreeItem, resolveKeyTreeItem } from './nodes/keyRow';
import { PagedNode } from './nodes/pagedNode';
import { isKeyElement, keyListOf, parentOf, type TreeElement } from './nodes/treeElement';
import type { ExplorerServices } from './services';

/** How long the first render waits for sts:GetCallerIdentity before showing roots anyway. */
const IDENTITY_WAIT_MS = 1500;

export class ExplorerProvider implements vscode.TreeDataProvider<TreeElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly fetched = new vscode.EventEmitter<void>();
  /** Fired when a fetch of children ended (lists may have loaded keys): the badge counts then. */
  readonly onDidFetchChildren = this.fetched.event;
  /** Rows of the sessions built so far, by session. */
  private readonly rows = new Map<ConnectionSession, ConnectionNode>();
  /** Nodes whose children VS Code is fetching now, and redraws waiting for those fetches. */
  private readonly fetching = new Map<TreeElement | undefined, Promise<void>>();
  private readonly deferred = new Set<TreeElement | undefined>();
  private readonly subscriptions: Array<() => void> = [];

  /** Services as nodes see them: with refresh bound to this tree. */
  private readonly nodeServices: ExplorerServices;

  /** Rows of the organizations and Identity Center profiles, by source ID. */
  private readonly orgRows = new Map<string, OrganizationNode>();

  /** The one model of each account; dropped with the sessions when the registry rebuilds. */
  readonly models: AccountModels;

  constructor(
    /** `models`: the extension's one AccountModels (shared with commands, hover, badge); a tree of its own when absent. */
    services: Omit<ExplorerServices, 'refresh' | 'models'> & { readonly models?: AccountModels },
    private readonly registry: SessionRegistry,
    private readonly organizations?: OrgSources,
  ) {
    this.models = services.models ?? new AccountModels(() => services.settings().pageSize);
    this.nodeServices = { ...services, models: this.models, refresh: (node) => this.refresh(node) };
    this.subscriptions.push(registry.onDidRebuild(() => this.dropRows()));
    const viewChanged = services.view.onDidChange(() => this.refresh());
    this.subscriptions.push(() => viewChanged.dispose());
  }

  /**
   * Redraws `node`. While VS Code is still fetching that node's children the redraw waits for
   * the fetch to end: two overlapping fetches of one parent make VS Code reject the second
   * ("Element with id … is already registered") and leave the row empty.
   */
  refresh(node?: TreeElement): void {
    if (this.fetching.has(node)) {
      this.deferred.add(node);
      return;
    }
    this.changed.fire(node);
  }

  /** Resolves when no fetch of children VS Code asked for is still running, or after `maxMs`. */
  async settled(maxMs = 5000): Promise<void> {
    const deadline = Date.now() + maxMs;
    while (this.fetching.size > 0 && Date.now() < deadline) {
      await Promise.race([Promise.all(this.fetching.values()), new Promise((resolve) => setTimeout(resolve, deadline - Date.now()))]);
    }
  }

  /** Settings changed: the registry drops every session; the next render builds anew. */
  rebuild(): void {
    this.registry.rebuild();
  }

  private dropRows(): void {
    for (const row of this.rows.values()) row.dispose();
    this.rows.clear();
    this.models.clear();
    for (const row of this.orgRows.values()) row.dispose();
    this.orgRows.clear();
    this.refresh();
  }

  getTreeItem(element: TreeElement): vscode.TreeItem {
    return withAccessibleName(isKeyElement(element) ? keyTreeItem(this.listShowing(element), element) : element.getTreeItem());
  }

  getChildren(element?: TreeElement): Promise<TreeElement[]> | TreeElement[] {
    if (element && isKeyElement(element)) return [];
    const node = element;
    const children = Promise.resolve(node ? node.getChildren() : this.rootRows());
    const fetch = children.then(
      () => undefined,
      () => undefined,
    );
    this.fetching.set(node, fetch);
    void fetch.then(() => {
      this.fetched.fire();
      if (this.fetching.get(node) !== fetch) return;
      this.fetching.delete(node);
      if (this.deferred.delete(node)) this.changed.fire(node);
    });
    return children;
  }

  getParent(element: TreeElement): ExplorerNode | undefined {
    return parentOf(element);
  }

  resolveTreeItem(item: vscode.TreeItem, element: TreeElement, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    return isKeyElement(element) ? resolveKeyTreeItem(this.listShowing(element), element, item, token) : element.resolveTreeItem(item, token);
  }

  /** The list row a key element came from (every key VS Code has was returned by one). */
  private listShowing(key: AccessKey): KeyListNode {
    const list = keyListOf(key);
    if (!list) throw new Error(`key ${key.AccessKeyId} was not returned by a list row`);
    return list;
  }

  /** What the view shows at the top: the connections, or why there are none. */
  private async rootRows(): Promise<ExplorerNode[]> {
    const state = await this.registry.state();
    await setContext(ContextKeys.noCredentials, state.kind === 'no-credentials');
    if (state.kind === 'endpoint-refused') {
      return [
        new MessageNode(undefined, {
          key: 'endpoint-refused',
          label: vscode.l10n.t('No requests are sent: iamKeys.endpoint is refused'),
          tooltip: state.reason,
          icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
          command: { command: 'workbench.action.openSettings', title: vscode.l10n.t('Open Settings'), arguments: ['iamKeys.endpoint'] },
        }),
      ];
    }
    if (state.kind !== 'ready') return [];
    const fresh = state.sessions.filter((s) => !this.rows.has(s));
    if (fresh.length > 0) {
      // Most identities answer fast: wait briefly so the roots first render with their account,
      // but never let one slow profile hold the whole view.
      const identities = Promise.all(fresh.map((s) => s.ensureIdentity()));
      await Promise.race([identities, new Promise((resolve) => setTimeout(resolve, IDENTITY_WAIT_MS))]);
    }
    return [...this.connections(state.sessions), ...this.organizationRows()];
  }

  /** One root per organization / Identity Center profile of the settings (no call is made). */
  organizationRows(): OrganizationNode[] {
    return (this.organizations?.all() ?? []).map((source) => {
      let row = this.orgRows.get(source.id);
      if (!row || row.source !== source) {
        row?.dispose();
        row = new OrganizationNode(source, this.nodeServices);
        this.orgRows.set(source.id, row);
      }
      return row;
    });
  }

  /** The connection rows, one per session (built once per session). */
  async connectionRows(): Promise<ConnectionNode[]> {
    return this.connections(await this.registry.sessions());
  }

  private connections(sessions: readonly ConnectionSession[]): ConnectionNode[] {
    return sessions.map((session) => {
      let row = this.rows.get(session);
      if (!row) {
        row = new ConnectionNode(session, this.nodeServices);
        this.rows.set(session, row);
      }
      return row;
    });
  }

  /**
   * The row that shows `resource` (what a model holds), made if its list is loaded: the one
   * mapping from resources to rows. A key is looked for in its user's row, then in "My access keys".
   */
  async rowFor(resource: RowResource): Promise<TreeElement | undefined> {
    const connection = (await this.connectionRows()).find((row) => row.session === resource.session);
    if (!connection) return undefined;
    switch (resource.kind) {
      case 'profile':
        return connection;
      case 'users':
        return connection.users;
      case 'ownKeys':
        return connection.myKeys;
      case 'user':
        return connection.users.loadedChild(resource.user.UserName);
      case 'key': {
        const userRow = resource.key.UserName ? connection.users.loadedChild(resource.key.UserName) : undefined;
        const inUserRow = userRow instanceof PagedNode ? userRow.loadedChild(resource.key.AccessKeyId) : undefined;
        return inUserRow ?? connection.myKeys.loadedChild(resource.key.AccessKeyId);
      }
    }
  }

  /** Refresh of one connection row: new SDK clients, credentials read again. */
  reconnect(node: ConnectionNode): void {
    node.session.reconnect();
    this.refresh(node);
  }

  /** A row's key changed in AWS: its list loads again (the whole view redraws for no row). */
  reloadListOf(row: unknown): void {
    const list = row instanceof ExplorerNode ? row.parent : typeof row === 'object' && row !== null && 'AccessKeyId' in row ? keyListOf(row as AccessKey) : undefined;
    if (list instanceof PagedNode) {
      list.reset();
      this.refresh(list);
    } else {
      this.refresh();
    }
  }

  /**
   * The loaded lists that show `userName`'s keys in `session`'s row: the user's own row, and
   * "My keys" (which may be the same user's). A key made or removed resets these.
   */
  keyListsOf(session: ConnectionSession, userName: string): KeyListNode[] {
    const row = this.rows.get(session);
    if (!row) return [];
    return [row.myKeys, ...row.users.userNodes().filter((user) => user.user.UserName === userName)];
  }

  dispose(): void {
    for (const stop of this.subscriptions) stop();
    for (const row of this.rows.values()) row.dispose();
    this.rows.clear();
    this.models.clear();
    for (const row of this.orgRows.values()) row.dispose();
    this.orgRows.clear();
    this.changed.dispose();
    this.fetched.dispose();
  }
}
