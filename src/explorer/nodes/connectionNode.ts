// One root per session (a profile, or the SDK's default chain). Its description is the
// account and partition from the session's identity; under it, "My access keys" and "Users".
// The row owns no AWS state: identity, clients and caches are the session's.
import * as vscode from 'vscode';
import { credentialKindLabel } from '../credentialKindLabels';
import type { ConnectionSession } from '../../aws/connectionSession';
import { classifyError } from '../../aws/errors';
import { triedHost } from '../../aws/triedHost';
import { CommandIds } from '../../commands/commandIds';
import { ContextValues } from '../contextValues';
import { connectionTooltipMarkdown } from '../tooltipMarkdown';
import type { AccountModel } from '../../model/accountModel';
import type { ExplorerServices, NodeScope } from '../services';
import { ExplorerNode } from './explorerNode';
import type { RowResource } from '../../model/rowResource';
import { MessageNode, failureLogLine, retryRow } from './messageNode';
import { MyKeysNode } from './myKeysNode';
import { UsersNode } from './usersNode';
import { RootKeyReportNode } from './rootKeyReportNode';
import { assessReportUser } from '../../core/accountHealth';
import { needsAttention } from '../../core/keyHealth';

export class ConnectionNode extends ExplorerNode implements NodeScope, vscode.Disposable {
  readonly id: string;
  readonly parent = undefined;
  readonly myKeys: MyKeysNode;
  readonly users: UsersNode;
  /** The account's lists: the model empties them when the session reconnects. */
  readonly model: AccountModel;

  constructor(
    readonly session: ConnectionSession,
    readonly services: ExplorerServices,
  ) {
    super();
    this.id = session.id;
    this.model = services.models.of(session);
    this.myKeys = new MyKeysNode(this, this);
    this.users = new UsersNode(this, this);
  }

  override get resource(): RowResource {
    return { kind: 'profile', profile: this.session.profile, session: this.session };
  }

  get profile(): string {
    return this.session.profile;
  }

  get label(): string {
    return this.session.profile || vscode.l10n.t('default credentials');
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    const session = this.session;
    if (session.isMissingProfile) {
      return [
        new MessageNode(this, {
          key: 'no-profile',
          label: vscode.l10n.t('Profile "{0}" is not in the AWS config files', session.profile),
          description: vscode.l10n.t('click to pick a profile'),
          icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
          command: { command: CommandIds.selectProfile, title: vscode.l10n.t('Select Profile…') },
        }),
      ];
    }
    const first = session.identity() === undefined;
    await session.ensureIdentity();
    const failure = session.identityError();
    if (failure !== undefined) {
      const problem = classifyError(failure, 'sts:GetCallerIdentity');
      const host = triedHost(failure);
      this.services.log.warn(failureLogLine(this.id, problem, host));
      session.retryIdentity(); // a click on the row (or a redraw) asks again
      return [retryRow(this, 'identity-error', problem, host)];
    }
    // Show the account in this row's description (the tree redraws once these children landed).
    if (first) this.services.refresh(this);
    return [this.myKeys, this.users, ...this.rootKeysFromReport()];
  }

  /**
   * Under the attention filter, for a profile that isn't root: the root user's keys that need
   * attention, from the credential report the filter read (only root can list them).
   */
  private rootKeysFromReport(): RootKeyReportNode[] {
    const { session, services } = this;
    const report = session.credentialReport();
    const root = session.reportUser('');
    if (!services.view.attentionOnly || session.isRoot() || !report || !root) return [];
    const settings = services.settings();
    const thresholds = { now: services.now(), rotationWarningDays: settings.rotationWarningDays, unusedWarningDays: settings.unusedWarningDays };
    return assessReportUser(root, thresholds)
      .filter((assessed) => needsAttention(assessed.health))
      .map((assessed) => new RootKeyReportNode(this, assessed, report.generatedAt));
  }

  getTreeItem(): vscode.TreeItem {
    const session = this.session;
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    const caller = session.identity();
    const partition = session.partition();
    item.description = caller ? `${caller.Account}${partition && partition !== 'aws' ? ` · ${partition}` : ''}` : undefined;
    const failed = session.identityError() !== undefined;
    item.iconPath = new vscode.ThemeIcon(failed ? 'warning' : 'cloud');
    item.contextValue = failed ? ContextValues.connectionError : ContextValues.connection;
    item.tooltip = this.tooltip();
    return item;
  }

  private tooltip(): vscode.MarkdownString {
    const session = this.session;
    const settings = this.services.settings();
    const info = session.profileInfo;
    const caller = session.identity();
    const markdown = connectionTooltipMarkdown(
      {
        label: this.label,
        credentials: `${info ? credentialKindLabel(info.kind) : vscode.l10n.t('SDK default chain')}${info?.mfa ? ' + MFA' : ''}`,
        signingKeyId: session.signingKeyId(),
        identityArn: caller?.Arn,
        region: settings.region,
        partition: session.partition(),
        endpoint: settings.endpoint || undefined,
      },
      vscode.l10n.t,
    );
    return new vscode.MarkdownString(markdown);
  }

  dispose(): void {
    // The model belongs to the account (AccountModels), not to this row.
  }
}
