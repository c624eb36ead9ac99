// One IAM user; expands to that user's access keys (ListAccessKeys with UserName, paged).
import * as vscode from 'vscode';
import { ageInDays } from '../../core/format';
import { relativeAge } from '../rowText';
import { countActive, usersWithSeveralActiveKeys } from '../../core/keyHealth';
import type { IamUser } from '../../core/types';
import { ContextValues } from '../contextValues';
import { userTooltipMarkdown } from '../tooltipMarkdown';
import type { NodeScope } from '../services';
import type { RowResource } from '../../model/rowResource';
import { userNeedsAttention } from '../../model/userAttention';
import type { UsersNode } from './usersNode';
import { KeyListNode } from './keyListNode';

export class UserNode extends KeyListNode {
  constructor(
    override readonly parent: UsersNode,
    readonly user: IamUser,
  ) {
    super(parent, parent.scope.model.keysOf(user.UserName));
  }

  /** The Users row's: one field less in every user's row (#22 memory). */
  get scope(): NodeScope {
    return this.parent.scope;
  }

  /** Derived, not stored: one row per user of every account (#22 memory). */
  get id(): string {
    return `${this.parent?.id.replace(/\/users$/, '')}/user/${this.user.UserName}`;
  }

  override get resource(): RowResource {
    return { kind: 'user', user: this.user, session: this.scope.session };
  }

  protected override userCreateDate(): Date | undefined {
    return this.user.CreateDate;
  }

  /** Whether this user needs attention: by the loaded keys, or by the credential report when one was read. */
  needsAttention(): boolean {
    return userNeedsAttention(this.scope.model, this.user, this.thresholds());
  }

  getTreeItem(): vscode.TreeItem {
    // Under the attention filter a shown user has flagged keys: open, so they are seen at once.
    const state = this.scope.services.view.attentionOnly && this.needsAttention() ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(this.user.UserName, state);
    item.id = this.id;
    const ageDays = ageInDays(this.user.CreateDate, this.scope.services.now());
    // The two-active rule (CIS 1.13), said with the real count.
    const twoActive = usersWithSeveralActiveKeys(this.list.loaded).length > 0 ? vscode.l10n.t('{0} active keys', countActive(this.list.loaded)) : undefined;
    // What matters first, so it survives a narrow sidebar; the age is in the tooltip.
    const details = [twoActive, this.user.Path !== '/' ? this.user.Path : undefined].filter(Boolean).join(' · ');
    const status = this.statusDescription();
    item.description = status ?? (details || undefined);
    const created = vscode.l10n.t('created {0}', relativeAge(ageDays));
    item.tooltip = new vscode.MarkdownString(userTooltipMarkdown(this.user, vscode.l10n.t, created));
    item.accessibilityInformation = {
      label: [vscode.l10n.t('User {0}', this.user.UserName), twoActive ? vscode.l10n.t('warning') : undefined, status ?? details, created].filter(Boolean).join(', '),
    };
    item.iconPath = twoActive ? new vscode.ThemeIcon('person', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('person');
    item.contextValue = ContextValues.user;
    return item;
  }
}
