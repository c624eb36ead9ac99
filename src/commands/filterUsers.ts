// Filter users by name, over what is loaded; offers to load all pages so the filter sees all.
import * as vscode from 'vscode';
import { ContextKeys } from '../explorer/contextValues';
import type { CommandDeps } from './deps';

export async function filterUsers(args: { text?: string; loadAll?: boolean } | undefined, deps: CommandDeps): Promise<string | undefined> {
  const connections = await deps.explorer.connections();
  const current = connections[0]?.users.filter ?? '';
  const text =
    typeof args?.text === 'string'
      ? args.text
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Filter users'),
          prompt: vscode.l10n.t('Part of a user name (case-insensitive). Empty clears the filter.'),
          value: current,
        });
  if (text === undefined) return undefined;
  for (const connection of connections) {
    connection.users.filter = text;
    deps.explorer.refresh(connection.users);
  }
  await applyFilterMessage(text.trim(), deps);
  const truncated = connections.filter((c) => c.users.list.isTruncated);
  if (text.trim() && truncated.length > 0) {
    const loadAllChoice = vscode.l10n.t('Load all users');
    const choice = args?.loadAll
      ? loadAllChoice
      : args?.text === undefined
        ? await vscode.window.showInformationMessage(vscode.l10n.t('The filter only sees the users loaded so far.'), loadAllChoice)
        : undefined;
    if (choice === loadAllChoice) {
      for (const connection of truncated) await vscode.commands.executeCommand('iamKeys.loadAll', connection.users);
    }
  }
  return text.trim();
}

export async function clearFilter(deps: CommandDeps): Promise<void> {
  await filterUsers({ text: '' }, deps);
}

async function applyFilterMessage(text: string, deps: CommandDeps): Promise<void> {
  deps.treeView.message = text ? vscode.l10n.t('Users filtered by "{0}" (loaded users only)', text) : undefined;
  await vscode.commands.executeCommand('setContext', ContextKeys.filterActive, Boolean(text));
}
