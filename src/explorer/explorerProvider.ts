// The tree: one ConnectionNode per configured profile. Refreshes are per node, so "Load
// more…" redraws one list, and a settings change rebuilds only the connections.
import * as vscode from 'vscode';
import type { AttemptRecord, Connection, ConnectionHooks } from '../aws/connection';
import { hasDefaultCredentialSource } from '../aws/credentialSources';
import { classifyError } from '../aws/errors';
import { listProfiles, type ProfileInfo } from '../aws/profiles';
import type { AccessKey } from '../core/types';
import { ContextKeys } from './contextValues';
import type { AccessKeyNode } from './nodes/accessKeyNode';
import { ConnectionNode } from './nodes/connectionNode';
import type { ExplorerNode } from './nodes/explorerNode';
import { MessageNode } from './nodes/messageNode';
import type { ExplorerServices } from './services';

/** How long the first render waits for sts:GetCallerIdentity before showing roots anyway. */
const IDENTITY_WAIT_MS = 1500;

export type ConnectionFactory = (profile: string, hooks: ConnectionHooks) => Connection;

export interface LoadedKey {
  readonly key: AccessKey;
  readonly node: AccessKeyNode;
  readonly connection: ConnectionNode;
}

export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: ConnectionNode[] | undefined;
  private building: Promise<ConnectionNode[]> | undefined;
  private attentionFilter = false;
  /** Nodes whose children VS Code is fetching now, and redraws waiting for those fetches. */
  private readonly fetching = new Map<ExplorerNode | undefined, Promise<void>>();
  private readonly deferred = new Set<ExplorerNode | undefined>();

  /** Services as nodes see them: with refresh bound to this tree. */
  private readonly nodeServices: ExplorerServices;

  constructor(
    private readonly services: Omit<ExplorerServices, 'refresh' | 'attentionOnly'>,
    private readonly connect: ConnectionFactory,
    private readonly mfaCodeProvider: (serial: string) => Promise<string>,
  ) {
    this.nodeServices = { ...services, refresh: (node) => this.refresh(node), attentionOnly: () => this.attentionFilter };
  }

  /**
   * Redraws `node`. While VS Code is still fetching that node's children the redraw waits for
   * the fetch to end: two overlapping fetches of one parent make VS Code reject the second
   * ("Element with id … is already registered") and leave the row empty.
   */
  refresh(node?: ExplorerNode): void {
    if (this.fetching.has(node)) {
      this.deferred.add(node);
      return;
    }
    this.changed.fire(node);
  }

  get attentionOnly(): boolean {
    return this.attentionFilter;
  }

  /** Shows only keys needing attention (or all again); nothing is fetched. */
  async setAttentionOnly(value: boolean): Promise<void> {
    this.attentionFilter = value;
    await vscode.commands.executeCommand('setContext', ContextKeys.attentionOnly, value);
    this.refresh();
  }

  /** Drops every connection (settings changed): the next render builds them anew. */
  rebuild(): void {
    for (const root of this.roots ?? []) root.dispose();
    this.roots = undefined;
    this.building = undefined;
    this.refresh();
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> | ExplorerNode[] {
    const children = Promise.resolve(node ? node.getChildren() : this.rootRows());
    const fetch = children.then(
      () => undefined,
      () => undefined,
    );
    this.fetching.set(node, fetch);
    void fetch.then(() => {
      if (this.fetching.get(node) !== fetch) return;
      this.fetching.delete(node);
      if (this.deferred.delete(node)) this.changed.fire(node);
    });
    return children;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    return node.resolveTreeItem(item, token);
  }

  /** What the view shows at the top: the connections, or why there are none. */
  private async rootRows(): Promise<ExplorerNode[]> {
    const roots = await this.connections();
    const refused = this.services.settings().endpointError;
    if (!refused) return roots;
    return [
      new MessageNode(undefined, {
        key: 'endpoint-refused',
        label: vscode.l10n.t('No requests are sent: iamKeys.endpoint is refused'),
        tooltip: refused,
        icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
        command: { command: 'workbench.action.openSettings', title: vscode.l10n.t('Open Settings'), arguments: ['iamKeys.endpoint'] },
      }),
    ];
  }

  /** The connection roots, built on first use from the settings and the config files. */
  async connections(): Promise<ConnectionNode[]> {
    if (this.roots) return this.roots;
    const build = (this.building ??= this.buildRoots());
    const roots = await build;
    if (this.building === build) this.roots = roots;
    return roots;
  }

  private async buildRoots(): Promise<ConnectionNode[]> {
    const settings = this.services.settings();
    let profiles: ProfileInfo[] = [];
    try {
      profiles = await listProfiles();
    } catch (error) {
      this.services.log.warn(`Could not read the AWS config files: ${classifyError(error).message}`);
    }
    const noCredentials = settings.profiles.length === 1 && settings.profiles[0] === '' && !hasDefaultCredentialSource(process.env, profiles);
    await vscode.commands.executeCommand('setContext', ContextKeys.noCredentials, noCredentials);
    if (noCredentials) return [];
    // A refused endpoint must not fall back to AWS's own: no connection at all, and a row that says why.
    if (settings.endpointError) return [];
    const roots: ConnectionNode[] = settings.profiles.map(
      (profile) => new ConnectionNode(profile, this.connectProfile(profile), this.nodeServices, profile ? profiles.find((p) => p.name === profile) : undefined),
    );
    // Most identities answer fast: wait briefly so the roots first render with their account,
    // but never let one slow profile hold the whole view.
    const identities = Promise.all(roots.filter((r) => !r.profile || r.profileInfo).map((r) => r.ensureIdentity()));
    await Promise.race([identities, new Promise((resolve) => setTimeout(resolve, IDENTITY_WAIT_MS))]);
    return roots;
  }

  private connectProfile(profile: string): Connection {
    return this.connect(profile, {
      mfaCodeProvider: this.mfaCodeProvider,
      onAttempt: (record) => this.onAttempt(this.roots?.find((r) => r.profile === profile), record),
    });
  }

  /** Refresh of one connection row: new SDK clients, credentials read again. */
  reconnect(node: ConnectionNode): void {
    node.reconnect(this.connectProfile(node.profile));
    this.refresh(node);
  }

  private onAttempt(node: ConnectionNode | undefined, record: AttemptRecord): void {
    if (record.error === undefined) {
      this.services.log.trace(`${record.operation} ${record.durationMs} ms`);
      return;
    }
    const problem = classifyError(record.error);
    this.services.log.debug(`${record.operation} failed after ${record.durationMs} ms: ${problem.kind} ${problem.code ?? ''}`);
    if (problem.kind === 'throttled') node?.noteThrottled();
  }

  /** A loaded key by ID, from the connections' indexes (no walk over the tree). */
  loadedKey(accessKeyId: string): LoadedKey | undefined {
    for (const connection of this.roots ?? []) {
      const node = connection.loadedKey(accessKeyId);
      if (node) return { key: node.key, node, connection };
    }
    return undefined;
  }

  /** Every access key loaded anywhere in the tree, from the same indexes. */
  loadedKeys(): LoadedKey[] {
    return (this.roots ?? []).flatMap((connection) => connection.loadedKeys().map((node) => ({ key: node.key, node, connection })));
  }

  dispose(): void {
    for (const root of this.roots ?? []) root.dispose();
    this.changed.dispose();
  }
}
