// One access key. Age and health show at once; last use is fetched only when the tooltip
// is shown (resolveTreeItem), so expanding a user costs one call, not one per key.
import * as vscode from 'vscode';
import { classifyError } from '../../aws/errors';
import { formatUtcAndLocal } from '../../core/format';
import { CommandIds } from '../../commands/commandIds';
import { describeLastUsed, longAge, relativeAge, shortAge } from '../rowText';
import { ruleLabel } from '../ruleLabels';
import { findingLine, type KeyHealth } from '../../core/keyHealth';
import { rowFindingCodes } from '../../core/rowFindings';
import type { AccessKey, AccessKeyLastUsed } from '../../core/types';
import { escapeMarkdown } from '../../core/markdownText';
import { ContextValues } from '../contextValues';
import type { NodeScope } from '../services';
import type { RowResource } from '../../model/rowResource';
import { ExplorerNode } from './explorerNode';
import { keyRowText } from './keyRowText';
import type { KeyListNode } from './keyListNode';

const t = (message: string, ...args: Array<string | number | boolean>): string => vscode.l10n.t(message, ...args);

export class AccessKeyNode extends ExplorerNode {
  // One row per loaded key, kept while its list is: two fields, the rest derived (#22 memory).
  constructor(
    readonly parent: KeyListNode,
    readonly key: AccessKey,
  ) {
    super();
  }

  get id(): string {
    return `${this.parent.id}/key/${this.key.AccessKeyId}`;
  }

  get scope(): NodeScope {
    return this.parent.scope;
  }

  override get resource(): RowResource {
    return { kind: 'key', key: this.key, session: this.scope.session };
  }

  health(lastUsed?: AccessKeyLastUsed): KeyHealth {
    return lastUsed ? this.parent.healthOf(this.key, lastUsed) : this.parent.healthOf(this.key);
  }

  /** A key of the IAM user whose key signs this session's calls (so a rotation of the profile applies). */
  isOwnKey(): boolean {
    const arn = this.scope.session.identity()?.Arn ?? '';
    return /:user\//.test(arn) && this.key.UserName !== '' && arn.endsWith(`/${this.key.UserName}`);
  }

  getTreeItem(): vscode.TreeItem {
    const health = this.health();
    // Status and the worst finding first, then the key's last 4 characters: a default-width
    // sidebar cuts the end of a row, and a 20-character ID in front left "AKIA… Rota…". The
    // full ID is in the tooltip, the accessible name and every command (keyRowText.ts).
    const flags = rowFindingCodes(health.findings).map(ruleLabel);
    const status = statusLabel(this.key.Status);
    const text = keyRowText(this.key.AccessKeyId, status, flags, shortAge(health.ageDays));
    const item = new vscode.TreeItem(text.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = text.description;
    item.iconPath = iconFor(this.key, health);
    const own = this.isOwnKey();
    item.contextValue =
      this.key.Status === 'Active'
        ? own ? ContextValues.accessKeyActiveOwn : ContextValues.accessKeyActive
        : own ? ContextValues.accessKeyInactiveOwn : ContextValues.accessKeyInactive;
    // The same facts as the icon and the description, in words a screen reader says.
    const severity = health.severity === 'critical' ? vscode.l10n.t('critical') : health.severity === 'warning' ? vscode.l10n.t('warning') : undefined;
    item.accessibilityInformation = {
      label: [vscode.l10n.t('Access key {0}', this.key.AccessKeyId), status, vscode.l10n.t('created {0}', relativeAge(health.ageDays)), severity, ...flags].filter(Boolean).join(', '),
    };
    // Enter or a click shows the key's details; the tree keeps the focus, as a file preview does.
    item.command = { command: CommandIds.showAccessKeyJson, title: vscode.l10n.t('Show Access Key Metadata as JSON'), arguments: [this, { preserveFocus: true }] };
    // Leaving tooltip unset makes VS Code call resolveTreeItem when it is about to show one.
    return item;
  }

  override async resolveTreeItem(item: vscode.TreeItem, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    let lastUsed: AccessKeyLastUsed | undefined;
    let lastUsedError: string | undefined;
    try {
      lastUsed = await this.scope.session.lastUsed(this.key.AccessKeyId);
    } catch (error) {
      lastUsedError = classifyError(error, 'iam:GetAccessKeyLastUsed').message;
    }
    if (token.isCancellationRequested) return item;
    item.tooltip = keyTooltip(this.key, this.health(lastUsed), lastUsed, lastUsedError);
    return item;
  }
}

const SEVERITY_ICON: Record<KeyHealth['findings'][number]['severity'], string> = { critical: '$(error)', warning: '$(warning)', info: '$(info)' };

function statusLabel(status: AccessKey['Status']): string {
  return status === 'Active' ? vscode.l10n.t('Active') : status === 'Inactive' ? vscode.l10n.t('Inactive') : status;
}

function iconFor(key: AccessKey, health: KeyHealth): vscode.ThemeIcon {
  if (health.severity === 'critical') return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (health.severity === 'warning') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  if (key.Status !== 'Active') return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
  return new vscode.ThemeIcon('key', new vscode.ThemeColor('charts.green'));
}

export function keyTooltip(key: AccessKey, health: KeyHealth, lastUsed: AccessKeyLastUsed | undefined, lastUsedError: string | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMarkdown(key.AccessKeyId)}**\n\n`);
  md.appendMarkdown(`| | |\n|---|---|\n`);
  md.appendMarkdown(`| ${vscode.l10n.t('User')} | ${escapeCell(key.UserName || vscode.l10n.t('(root)'))} |\n`);
  md.appendMarkdown(`| ${vscode.l10n.t('Status')} | ${escapeCell(key.Status)} |\n`);
  md.appendMarkdown(`| ${vscode.l10n.t('Created')} | ${escapeCell(formatUtcAndLocal(key.CreateDate, undefined, vscode.l10n.t))} |
`);
  md.appendMarkdown(`| ${vscode.l10n.t('Age')} | ${longAge(health.ageDays)} |\n`);
  md.appendMarkdown(`| ${vscode.l10n.t('Last used')} | ${escapeCell(describeLastUsed(lastUsed, lastUsedError))} |\n`);
  if (health.findings.length > 0) {
    md.appendMarkdown(`\n${health.findings.map((f) => `${SEVERITY_ICON[f.severity]} ${escapeCell(findingLine(f, t))}`).join('  \n')}\n`);
  }
  // The legend is said once, in the view's ⋯ menu (Key Health Legend), not in every tooltip.
  return md;
}

/** IAM text (user names, services, regions, error text) as literal Markdown in a table cell. */
function escapeCell(text: string): string {
  return escapeMarkdown(text);
}
