// A root per organization (or Identity Center profile): its accounts, paged with "Load more…"
// from the source's own list, so rows and organization-wide walks share what was loaded.
// Listing accounts assumes no role; each account row enters its account only when expanded.
import * as vscode from 'vscode';
import type { AccountSource } from '../../aws/organization/orgSources';
import type { OrgAccountInfo } from '../../aws/organization/orgTraversal';
import { ContextValues } from '../contextValues';
import type { ExplorerServices } from '../services';
import { AccountNode } from './accountNode';
import { type ListSource, PagedNode, QUIET_SOURCE } from './pagedNode';
import { RowCache } from './rowCache';
import type { TreeElement } from './treeElement';

export class OrganizationNode extends PagedNode<OrgAccountInfo> implements vscode.Disposable {
  readonly id: string;
  private organizationId: string | undefined;
  private readonly rows = new RowCache<OrgAccountInfo, AccountNode>((account) => new AccountNode(this, this.source, account, this.services));

  constructor(
    readonly source: AccountSource,
    protected readonly services: ExplorerServices,
  ) {
    // The accounts list is the source's (shared with the organization-wide walks).
    super(undefined, source.traversal.accounts);
    this.id = source.id;
  }
  protected get action(): string {
    return this.source.kind === 'organization' ? 'organizations:ListAccounts' : 'sso:ListAccounts';
  }
  protected get calls(): ListSource {
    return QUIET_SOURCE;
  }
  protected childId(account: OrgAccountInfo): string {
    return account.id;
  }
  protected childAt(index: number): AccountNode {
    return this.rows.at(this.list.loaded, index);
  }

  override reset(): void {
    super.reset();
    this.rows.clear();
  }
  protected emptyLabel(): string {
    return vscode.l10n.t('No accounts');
  }

  override async getChildren(): Promise<TreeElement[]> {
    if (this.source.kind === 'organization' && this.organizationId === undefined) {
      this.organizationId = await this.source.organizationId().catch(() => undefined);
      if (this.organizationId) this.services.refresh(this);
    }
    return super.getChildren();
  }

  getTreeItem(): vscode.TreeItem {
    const label =
      this.source.kind === 'organization'
        ? vscode.l10n.t('Organization {0} via {1}', this.organizationId ?? '…', this.source.profile)
        : vscode.l10n.t('Identity Center via {0}', this.source.profile);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = this.statusDescription() ?? vscode.l10n.t('role {0} · {1} accounts loaded', this.source.roleName, this.list.loaded.length);
    item.iconPath = new vscode.ThemeIcon('organization');
    item.contextValue = ContextValues.organization;
    return item;
  }

  dispose(): void {
    // The accounts list and the member sessions belong to the source.
  }
}
