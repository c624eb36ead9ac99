// "My access keys": ListAccessKeys without UserName, i.e. the keys of whoever signs the
// calls — root's own keys for root credentials, which is flagged as the risk it is.
import * as vscode from 'vscode';
import { ContextValues } from '../contextValues';
import type { NodeScope } from '../services';
import type { RowResource } from '../../model/rowResource';
import type { ExplorerNode } from './explorerNode';
import { KeyListNode } from './keyListNode';

export class MyKeysNode extends KeyListNode {
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    readonly scope: NodeScope,
  ) {
    super(parent, scope.model.ownKeys);
    this.id = `${parent.id}/mykeys`;
  }

  override get resource(): RowResource {
    return { kind: 'ownKeys', session: this.scope.session };
  }

  getTreeItem(): vscode.TreeItem {
    const root = this.scope.session.isRoot();
    const item = new vscode.TreeItem(
      root ? vscode.l10n.t('My access keys (root)') : vscode.l10n.t('My access keys'),
      vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = this.id;
    const identity = this.scope.session.identity();
    item.description = this.statusDescription() ?? (root ? vscode.l10n.t('root user — keys are a risk') : identity?.Arn.split('/').pop());
    item.tooltip = root
      ? vscode.l10n.t('These are the account root user\'s access keys. AWS recommends that root has none.')
      : vscode.l10n.t('Access keys of the identity that signs the requests ({0})', identity?.Arn ?? '…');
    item.iconPath = root
      ? new vscode.ThemeIcon('shield', new vscode.ThemeColor('list.errorForeground'))
      : new vscode.ThemeIcon('account');
    item.contextValue = ContextValues.myKeys;
    return item;
  }
}
