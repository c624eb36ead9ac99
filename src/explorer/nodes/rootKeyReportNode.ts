// The root user's access key as the credential report says it, under a profile that isn't
// root. Only root can list root's keys, so "My access keys" never shows them for an IAM user
// or role; the report (already fetched for the attention filter and the health report) does.
// Shown under the attention filter, so an old Active root key is not only in the report.
import * as vscode from 'vscode';
import type { AssessedKey } from '../../core/accountHealth';
import { findingLine } from '../../core/keyHealth';
import { escapeMarkdown } from '../../core/markdownText';
import { formatUtc } from '../../core/format';
import { describeLastUsed, longAge } from '../rowText';
import { ExplorerNode } from './explorerNode';

const t = (message: string, ...args: Array<string | number | boolean>): string => vscode.l10n.t(message, ...args);

export class RootKeyReportNode extends ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: ExplorerNode,
    /** The root user's key slot, judged by the health rules. */
    readonly assessed: AssessedKey,
    readonly reportGeneratedAt: Date,
  ) {
    super();
    this.id = `${parent.id}/root-key-report/${assessed.slot ?? 0}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { key, health } = this.assessed;
    const status = key.Status === 'Active' ? vscode.l10n.t('Active') : vscode.l10n.t('Inactive');
    const label = vscode.l10n.t('Root account key · {0} · {1}', status, longAge(health.ageDays));
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = vscode.l10n.t('credential report');
    const critical = health.severity === 'critical';
    item.iconPath = new vscode.ThemeIcon(critical ? 'error' : 'warning', new vscode.ThemeColor(critical ? 'list.errorForeground' : 'list.warningForeground'));
    item.tooltip = this.tooltip();
    item.accessibilityInformation = { label: [label, critical ? vscode.l10n.t('critical') : vscode.l10n.t('warning'), vscode.l10n.t('from the credential report')].join(', ') };
    return item;
  }

  private tooltip(): vscode.MarkdownString {
    const { key, health, lastUsed, slot } = this.assessed;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escapeMarkdown(vscode.l10n.t('Root account key (slot {0} of the credential report)', slot ?? 1))}**\n\n`);
    md.appendMarkdown(
      escapeMarkdown(
        vscode.l10n.t(
          'From the credential report of {0}: only the root user can list its own keys, so this profile sees the key there, without its ID. Sign in as root to deactivate or delete it.',
          formatUtc(this.reportGeneratedAt),
        ),
      ) + '\n\n',
    );
    md.appendMarkdown(`${escapeMarkdown(vscode.l10n.t('Created {0} ({1})', formatUtc(key.CreateDate), longAge(health.ageDays)))}  \n`);
    md.appendMarkdown(`${escapeMarkdown(vscode.l10n.t('Last used: {0}', describeLastUsed(lastUsed)))}\n`);
    if (health.findings.length > 0) md.appendMarkdown(`\n${health.findings.map((f) => escapeMarkdown(findingLine(f, t))).join('  \n')}\n`);
    return md;
  }
}
