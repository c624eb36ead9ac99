// One account of an organization. Expanding it enters the account (AssumeRole or
// GetRoleCredentials, once) and shows its Users like a profile root; an account whose role
// can't be assumed is an error row with the reason and a retry; suspended or excluded accounts
// are greyed and never entered.
import * as vscode from 'vscode';
import { classifyError } from '../../aws/errors';
import type { AccountSource } from '../../aws/organization/orgSources';
import type { OrgAccountInfo } from '../../aws/organization/orgTraversal';
import { ContextValues } from '../contextValues';
import type { AccountModel } from '../../model/accountModel';
import type { ExplorerServices, NodeScope } from '../services';
import { ExplorerNode } from './explorerNode';
import { retryRow } from './messageNode';
import { UsersNode } from './usersNode';

export class AccountNode extends ExplorerNode implements NodeScope {
  readonly id: string;
  private usersNode: UsersNode | undefined;

  constructor(
    readonly parent: ExplorerNode,
    readonly source: AccountSource,
    readonly account: OrgAccountInfo,
    readonly services: ExplorerServices,
  ) {
    super();
    this.id = `${parent.id}/account/${account.id}`;
  }

  /** The account's session (registered when listed; nothing is assumed until used). */
  get session() {
    return this.source.sessionFor(this.account);
  }

  /** The account's lists (made when the rows first need them). */
  get model(): AccountModel {
    return this.services.models.of(this.session);
  }

  get users(): UsersNode {
    return (this.usersNode ??= new UsersNode(this, this));
  }

  /** After a failure: forget it, so the next expand tries again. */
  retry(): void {
    this.source.traversal.forget(this.account.id);
    this.usersNode?.reset();
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    const entered = await this.source.traversal.enter(this.account);
    this.services.refresh(this);
    if (entered.kind === 'entered') return [this.users];
    if (entered.kind === 'failed') {
      const problem = classifyError(entered.error, this.source.kind === 'organization' ? 'sts:AssumeRole' : 'sso:GetRoleCredentials');
      this.services.log.warn(`${this.id}: ${problem.kind} ${problem.code ?? ''} ${problem.message}`);
      return [retryRow(this, 'enter-error', problem)];
    }
    return [];
  }

  getTreeItem(): vscode.TreeItem {
    const entry = this.source.traversal.entry(this.account);
    const skipped = entry.kind === 'skipped';
    const item = new vscode.TreeItem(this.account.name, skipped ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const state =
      entry.kind === 'skipped'
        ? entry.reason === 'inactive'
          ? this.account.status.toLowerCase()
          : vscode.l10n.t('excluded')
        : entry.kind === 'failed'
          ? vscode.l10n.t('role not assumed')
          : undefined;
    item.description = state ? `${this.account.id} · ${state}` : this.account.id;
    item.iconPath = skipped
      ? new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'))
      : entry.kind === 'failed'
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
        : new vscode.ThemeIcon('account');
    item.contextValue = skipped ? ContextValues.accountInactive : entry.kind === 'failed' ? ContextValues.accountError : ContextValues.account;
    item.tooltip = `${this.account.name} (${this.account.id}) — ${this.account.status}`;
    return item;
  }
}
