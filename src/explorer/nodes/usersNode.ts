// "Users": ListUsers one page at a time, narrowed by the view's name filter and attention-only.
import * as vscode from 'vscode';
import { classifyError } from '../../aws/errors';
import { isAbortError, mapWithConcurrency } from '../../core/concurrency';
import { reportAgeHours } from '../../core/credentialReport';
import { formatUtc } from '../../core/format';
import type { LoadOutcome } from '../../core/pagedList';
import type { IamUser } from '../../core/types';
import { ContextValues } from '../contextValues';
import type { ExplorerServices, NodeScope } from '../services';
import type { RowResource } from '../../model/rowResource';
import { visibleUsers } from '../../model/userAttention';
import type { ExplorerNode } from './explorerNode';
import { type ListSource, PagedNode } from './pagedNode';
import { RowCache } from './rowCache';
import { UserNode } from './userNode';

export interface HealthCheckOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  /** Judge by the credential report already read, if the session holds one (no call). */
  readonly reuseReport?: boolean;
}

export interface HealthCheckOutcome {
  /** Loaded users judged. */
  readonly usersChecked: number;
  /** 'credential-report': 2–3 calls for the account; 'live': ListAccessKeys + GetAccessKeyLastUsed per user. */
  readonly source: 'credential-report' | 'live';
  readonly reportGeneratedAt?: Date;
  /** Users in the report (root included): the whole account. */
  readonly accountUsers?: number;
  /** Why the report could not be used (e.g. access denied). */
  readonly fallbackReason?: string;
}

export class UsersNode extends PagedNode<IamUser> {
  readonly id: string;
  private readonly rows = new RowCache<IamUser, UserNode>((user) => new UserNode(this, user));

  constructor(
    parent: ExplorerNode,
    readonly scope: NodeScope,
  ) {
    super(parent, scope.model.users);
    this.id = `${parent.id}/users`;
  }
  protected get services(): ExplorerServices {
    return this.scope.services;
  }
  protected get action(): string {
    return 'iam:ListUsers';
  }
  protected get calls(): ListSource {
    return this.scope.session;
  }

  override get resource(): RowResource {
    return { kind: 'users', session: this.scope.session };
  }

  /** The view's user-name filter (one for the whole view; it survives a rebuild). */
  private get filter(): string {
    return this.scope.services.view.filter;
  }

  /** Starts the users list again; the users' key lists go with it. */
  override reset(): void {
    this.scope.model.resetUsers();
    super.reset();
    this.rows.clear();
  }
  protected childId(user: IamUser): string {
    return user.UserName;
  }
  protected childAt(index: number): UserNode {
    return this.rows.at(this.list.loaded, index);
  }
  protected emptyLabel(): string {
    if (this.scope.services.view.attentionOnly && this.list.loaded.length > 0) return vscode.l10n.t('No loaded user has a key needing attention');
    return this.filter ? vscode.l10n.t('No loaded user matches "{0}"', this.filter) : vscode.l10n.t('No users');
  }
  protected override visibleItems(): readonly IamUser[] {
    const { services, model } = this.scope;
    const { rotationWarningDays, unusedWarningDays } = services.settings();
    return visibleUsers(model, { text: this.filter, attentionOnly: services.view.attentionOnly }, { now: services.now(), rotationWarningDays, unusedWarningDays });
  }

  /**
   * For the attention filter: judges every loaded user. First through the credential report
   * (2–3 calls for the whole account; `reuseReport` takes the one already read, if any); where
   * that is not allowed, by loading the keys and last use of each user (two calls per user, a
   * few users at a time). Then redraws. Cancellable.
   */
  async checkHealth(options: HealthCheckOptions = {}): Promise<HealthCheckOutcome> {
    const users = this.userNodes();
    const { session, services } = this.scope;
    let fallbackReason: string | undefined;
    try {
      const held = options.reuseReport ? session.credentialReport() : undefined;
      const report = held ?? (await session.loadCredentialReport({ signal: options.signal })).report;
      options.onProgress?.(users.length, users.length);
      services.log.info(`${this.id}: keys judged from the credential report of ${formatUtc(report.generatedAt)} (${report.users.length} users)`);
      services.refresh(this);
      return { usersChecked: users.length, source: 'credential-report', reportGeneratedAt: report.generatedAt, accountUsers: report.users.length };
    } catch (error) {
      if (isAbortError(error)) {
        services.refresh(this);
        return { usersChecked: 0, source: 'credential-report' };
      }
      fallbackReason = classifyError(error, 'iam:GenerateCredentialReport').message;
      services.log.info(`${this.id}: no credential report (${fallbackReason}); checking each user's keys instead`);
    }
    const limit = services.settings().maxConcurrentRequests;
    try {
      await mapWithConcurrency(users, limit, (user) => user.checkHealth(options.signal), options);
    } catch (error) {
      if (!isAbortError(error)) throw error;
    } finally {
      services.refresh(this);
    }
    return { usersChecked: users.length, source: 'live', fallbackReason };
  }

  protected override afterLoad(outcome: LoadOutcome): LoadOutcome {
    // New users under the attention filter would stay hidden until checked: check them now.
    if (this.scope.services.view.attentionOnly && outcome.kind !== 'failed') {
      void this.checkHealth({ reuseReport: true }).catch((error: unknown) => this.scope.services.log.warn(`${this.id}: attention check failed: ${classifyError(error).message}`));
    }
    return super.afterLoad(outcome);
  }

  /** Loaded users that pass the filter. */
  visibleUsers(): readonly IamUser[] {
    return this.visibleItems();
  }

  /** Loaded user nodes, ignoring the filter (for lookups). */
  userNodes(): UserNode[] {
    return this.list.loaded.map((_user, index) => this.childAt(index));
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Users'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const filter = this.filter;
    const loaded = `${this.list.loaded.length}${this.list.isTruncated ? '+' : ''}`;
    // The count says what is shown: "4 of 25+" under a filter, not the loaded total alone.
    const attentionOnly = this.scope.services.view.attentionOnly;
    const narrowed = filter !== '' || attentionOnly;
    // Nothing loaded because the load failed: the error row says so, a "0" beside it would not be true.
    const failedEmpty = this.list.error !== undefined && this.list.loaded.length === 0;
    const count = !this.list.hasStarted || failedEmpty ? undefined : narrowed ? vscode.l10n.t('{0} of {1}', this.visibleItems().length, loaded) : loaded;
    const filterText = filter ? vscode.l10n.t('filter: {0}', filter) : undefined;
    const attentionText = attentionOnly ? vscode.l10n.t('needing attention') : undefined;
    item.description = this.statusDescription() ?? ([count, filterText, attentionText].filter(Boolean).join(' · ') || undefined);
    item.iconPath = new vscode.ThemeIcon(filter ? 'filter' : 'organization');
    const report = this.scope.session.credentialReport();
    if (report) {
      const age = reportAgeHours(report, this.scope.services.now());
      item.tooltip = vscode.l10n.t('Health from the credential report of {0} ({1} h old; IAM makes a new one at most every 4 hours)', formatUtc(report.generatedAt), age);
    }
    item.contextValue = filter ? ContextValues.usersFiltered : ContextValues.users;
    return item;
  }
}
