// One access key's row. Its tree element is the key's record (treeElement.ts), rendered here
// through the list row that shows it. Age and health show at once; last use is fetched only
// when the tooltip is shown (resolveTreeItem), so expanding a user costs one call, not one per key.
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
import { keyRowText } from './keyRowText';
import type { KeyListNode } from './keyListNode';

const t = (message: string, ...args: Array<string | number | boolean>): string => vscode.l10n.t(message, ...args);

/** A key row's id: its list row's path and the key's ID. */
export function keyRowId(list: KeyListNode, key: AccessKey): string {
  return `${list.id}/key/${key.AccessKeyId}`;
}

/** A key of the IAM user whose key signs this session's calls (so a rotation of the profile applies). */
function isOwnKey(list: KeyListNode, key: AccessKey): boolean {
  const arn = list.scope.session.identity()?.Arn ?? '';
  return /:user\//.test(arn) && key.UserName !== '' && arn.endsWith(`/${key.UserName}`);
}

/** The row of `key` in `list`: age and health at once; last use waits for the tooltip. */
export function keyTreeItem(list: KeyListNode, key: AccessKey): vscode.TreeItem {
  const health = list.healthOf(key);
  // Status and the worst finding first, then the key's last 4 characters: a default-width
  // sidebar cuts the end of a row, and a 20-character ID in front left "AKIA… Rota…". The
  // full ID is in the tooltip, the accessible name and every command (keyRowText.ts).
  const flags = rowFindingCodes(health.findings).map(ruleLabel);
  const status = statusLabel(key.Status);
  const text = keyRowText(key.AccessKeyId, status, flags, shortAge(health.ageDays));
  const item = new vscode.TreeItem(text.label, vscode.TreeItemCollapsibleState.None);
  item.id = keyRowId(list, key);
  item.description = text.description;
  item.iconPath = iconFor(key, health);
  const own = isOwnKey(list, key);
  item.contextValue =
    key.Status === 'Active'
      ? own ? ContextValues.accessKeyActiveOwn : ContextValues.accessKeyActive
      : own ? ContextValues.accessKeyInactiveOwn : ContextValues.accessKeyInactive;
  // The same facts as the icon and the description, in words a screen reader says.
  const severity = health.severity === 'critical' ? vscode.l10n.t('critical') : health.severity === 'warning' ? vscode.l10n.t('warning') : undefined;
  item.accessibilityInformation = {
    label: [vscode.l10n.t('Access key {0}', key.AccessKeyId), status, vscode.l10n.t('created {0}', relativeAge(health.ageDays)), severity, ...flags].filter(Boolean).join(', '),
  };
  // Enter or a click shows the key's details; the tree keeps the focus, as a file preview does.
  item.command = { command: CommandIds.showAccessKeyJson, title: vscode.l10n.t('Show Access Key Metadata as JSON'), arguments: [key, { preserveFocus: true }] };
  // Leaving tooltip unset makes VS Code call resolveTreeItem when it is about to show one.
  return item;
}

/** The tooltip, with the key's last use (one call, when VS Code is about to show it). */
export async function resolveKeyTreeItem(list: KeyListNode, key: AccessKey, item: vscode.TreeItem, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
  let lastUsed: AccessKeyLastUsed | undefined;
  let lastUsedError: string | undefined;
  try {
    lastUsed = await list.scope.session.lastUsed(key.AccessKeyId);
  } catch (error) {
    lastUsedError = classifyError(error, 'iam:GetAccessKeyLastUsed').message;
  }
  if (token.isCancellationRequested) return item;
  item.tooltip = keyTooltip(key, lastUsed ? list.healthOf(key, lastUsed) : list.healthOf(key), lastUsed, lastUsedError);
  return item;
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
