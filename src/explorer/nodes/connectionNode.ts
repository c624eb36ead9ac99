// One root per connection (a profile, or the SDK's default chain). Its description is the
// account and partition from sts:GetCallerIdentity; under it, "My access keys" and "Users".
// It is also the ConnectionScope its descendants share (API, caches, throttle state).
import * as vscode from 'vscode';
import { classifyError } from '../../aws/errors';
import type { Connection } from '../../aws/connection';
import type { IamApi } from '../../aws/iamApi';
import type { ProfileInfo } from '../../aws/profiles';
import type { AccessKeyLastUsed, CallerIdentity } from '../../core/types';
import { ContextValues } from '../contextValues';
import type { ConnectionScope, ExplorerServices } from '../services';
import { AccessKeyNode } from './accessKeyNode';
import { ExplorerNode } from './explorerNode';
import type { KeyListNode } from './keyListNode';
import { MessageNode } from './messageNode';
import { MyKeysNode } from './myKeysNode';
import { UsersNode } from './usersNode';

export class ConnectionNode extends ExplorerNode implements ConnectionScope, vscode.Disposable {
  readonly id: string;
  readonly parent = undefined;
  readonly myKeys: MyKeysNode;
  readonly users: UsersNode;
  readonly activeLoads = new Set<{ markRetrying(): void }>();
  private caller: CallerIdentity | undefined;
  private identityError: unknown;
  private identityLoad: Promise<void> | undefined;
  private signingKeyId: string | undefined;
  /** Loaded key ID → the list that holds it: a hover finds a loaded key without a walk. */
  private readonly keyIndex = new Map<string, KeyListNode>();
  private readonly lastUsedCache = new Map<string, Promise<AccessKeyLastUsed>>();
  private readonly lastUsedKnown = new Map<string, AccessKeyLastUsed>();

  private disposed = false;

  constructor(
    readonly profile: string,
    private current: Connection,
    readonly services: ExplorerServices,
    /** undefined when the profile isn't in the config files (or none was named). */
    readonly profileInfo: ProfileInfo | undefined,
  ) {
    super();
    this.id = `profile/${profile || 'default'}`;
    this.myKeys = new MyKeysNode(this, this);
    this.users = new UsersNode(this, this);
  }

  get connection(): Connection {
    return this.current;
  }
  get api(): IamApi {
    return this.current.api;
  }
  get isDisposed(): boolean {
    return this.disposed;
  }

  /**
   * Starts over with a new connection (new SDK clients, credentials read again): after a
   * credentials file was fixed, a refresh of this row must not reuse what the SDK cached.
   */
  reconnect(connection: Connection): void {
    this.reset();
    this.current.dispose();
    this.current = connection;
  }
  get label(): string {
    return this.profile || vscode.l10n.t('default credentials');
  }
  identity(): CallerIdentity | undefined {
    return this.caller;
  }
  isRoot(): boolean {
    return this.caller?.Arn.endsWith(':root') ?? false;
  }
  partition(): string | undefined {
    return this.caller?.Arn.split(':')[1];
  }

  lastUsed(accessKeyId: string): Promise<AccessKeyLastUsed> {
    let pending = this.lastUsedCache.get(accessKeyId);
    if (!pending) {
      pending = this.api.getAccessKeyLastUsed(accessKeyId).then(
        (value) => {
          this.lastUsedKnown.set(accessKeyId, value);
          return value;
        },
        (error: unknown) => {
          this.lastUsedCache.delete(accessKeyId); // let a later hover try again
          throw error;
        },
      );
      this.lastUsedCache.set(accessKeyId, pending);
    }
    return pending;
  }
  indexKeys(list: object, accessKeyIds: readonly string[]): void {
    for (const [id, holder] of this.keyIndex) if (holder === list) this.keyIndex.delete(id);
    for (const id of accessKeyIds) this.keyIndex.set(id, list as KeyListNode);
  }

  /** Rows of every key loaded under this connection. */
  loadedKeys(): AccessKeyNode[] {
    return [...this.keyIndex.keys()].map((id) => this.loadedKey(id)).filter((node): node is AccessKeyNode => node !== undefined);
  }

  /** The row of a loaded key, if any list of this connection holds it. */
  loadedKey(accessKeyId: string): AccessKeyNode | undefined {
    const node = this.keyIndex.get(accessKeyId)?.loadedChild(accessKeyId);
    return node instanceof AccessKeyNode ? node : undefined;
  }

  knownLastUsed(accessKeyId: string): AccessKeyLastUsed | undefined {
    return this.lastUsedKnown.get(accessKeyId);
  }

  /** Asks STS who we are, once; a failure is kept to show as a row and retried on refresh. */
  ensureIdentity(): Promise<void> {
    this.identityLoad ??= (async () => {
      try {
        this.caller = await this.api.getCallerIdentity();
        this.identityError = undefined;
        this.signingKeyId = await this.connection.accessKeyId().catch(() => undefined);
      } catch (error) {
        this.identityError = error;
      }
    })();
    return this.identityLoad;
  }

  /** Forgets identity, lists and caches: the next expand asks IAM again. */
  reset(): void {
    this.identityLoad = undefined;
    this.identityError = undefined;
    this.caller = undefined;
    this.lastUsedCache.clear();
    this.lastUsedKnown.clear();
    this.keyIndex.clear();
    this.myKeys.reset();
    this.users.reset();
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    if (this.profile && !this.profileInfo) {
      return [
        new MessageNode(this, {
          key: 'no-profile',
          label: vscode.l10n.t('Profile "{0}" is not in the AWS config files', this.profile),
          description: vscode.l10n.t('click to pick a profile'),
          icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
          command: { command: 'iamKeys.selectProfile', title: vscode.l10n.t('Select Profile…') },
        }),
      ];
    }
    const first = this.caller === undefined;
    await this.ensureIdentity();
    if (this.identityError !== undefined) {
      const problem = classifyError(this.identityError, 'sts:GetCallerIdentity');
      this.services.log.warn(`${this.id}: ${problem.kind} ${problem.code ?? ''} ${problem.message}`);
      this.identityLoad = undefined; // a click on the row retries
      return [
        new MessageNode(this, {
          key: 'identity-error',
          label: problem.message,
          description: vscode.l10n.t('click to retry'),
          tooltip: [problem.message, problem.hint].filter(Boolean).join('\n'),
          icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
          command: { command: 'iamKeys.refresh', title: vscode.l10n.t('Retry'), arguments: [this] },
        }),
      ];
    }
    // Show the account in this row's description (the tree redraws once these children landed).
    if (first) this.services.refresh(this);
    return [this.myKeys, this.users];
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    const partition = this.partition();
    item.description = this.caller ? `${this.caller.Account}${partition && partition !== 'aws' ? ` · ${partition}` : ''}` : undefined;
    item.iconPath = new vscode.ThemeIcon(this.identityError ? 'warning' : 'cloud');
    item.contextValue = this.identityError ? ContextValues.connectionError : ContextValues.connection;
    item.tooltip = this.tooltip();
    return item;
  }

  private tooltip(): vscode.MarkdownString {
    const settings = this.connection.settings;
    const lines = [
      `**${this.label}**`,
      `${vscode.l10n.t('Credentials')}: ${this.profileInfo ? this.profileInfo.kind : vscode.l10n.t('SDK default chain')}${this.profileInfo?.mfa ? ' + MFA' : ''}`,
      this.signingKeyId ? `${vscode.l10n.t('Signing key')}: ${this.signingKeyId}` : undefined,
      this.caller ? `${vscode.l10n.t('Identity')}: ${this.caller.Arn}` : undefined,
      `${vscode.l10n.t('Region')}: ${settings.region}`,
      settings.endpoint ? `${vscode.l10n.t('Endpoint')}: ${settings.endpoint}` : undefined,
    ];
    return new vscode.MarkdownString(lines.filter(Boolean).join('  \n'));
  }

  /** Called on a throttled attempt: lists that are loading show "Throttled — retrying". */
  noteThrottled(): void {
    for (const load of this.activeLoads) load.markRetrying();
  }

  dispose(): void {
    this.disposed = true;
    this.reset();
    this.current.dispose();
  }
}
