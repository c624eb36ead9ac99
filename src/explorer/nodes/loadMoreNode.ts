// "Load more…": the last row of a list whose last IAM answer said IsTruncated.
import * as vscode from 'vscode';
import { CommandIds } from '../../commands/commandIds';
import { ContextValues } from '../contextValues';
import { ExplorerNode } from './explorerNode';
import type { PagedNode } from './pagedNode';

export class LoadMoreNode extends ExplorerNode {
  readonly id: string;

  constructor(readonly parent: PagedNode<unknown>) {
    super();
    this.id = `${parent.id}/loadMore`;
  }

  getTreeItem(): vscode.TreeItem {
    const loading = this.parent.list.isLoading;
    const item = new vscode.TreeItem(
      loading ? vscode.l10n.t('Loading…') : vscode.l10n.t('Load more…'),
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    item.description = vscode.l10n.t('{0} loaded', this.parent.list.loaded.length);
    item.tooltip = vscode.l10n.t('{0} loaded so far; a click loads up to {1} more (iamKeys.pageSize).', this.parent.list.loaded.length, this.parent.pageSize);
    item.iconPath = new vscode.ThemeIcon(loading ? 'loading~spin' : 'more');
    item.contextValue = ContextValues.loadMore;
    item.command = { command: CommandIds.loadMore, title: vscode.l10n.t('Load More'), arguments: [this] };
    return item;
  }
}
