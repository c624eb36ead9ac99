// Filter users by name, over what is loaded; offers to load all pages so the filter sees all.
// The filter is the view's (ViewState): one for every connection, kept across rebuilds.
import * as vscode from 'vscode';
import { CommandIds } from '../../commands/commandIds';
import type { CommandDeps } from '../../commands/deps';

export async function filterUsers(args: { text?: string; loadAll?: boolean } | undefined, deps: CommandDeps): Promise<string | undefined> {
  const text =
    typeof args?.text === 'string'
      ? args.text
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Filter users'),
          prompt: vscode.l10n.t('Part of a user name (case-insensitive). Empty clears the filter.'),
          value: deps.view.filter,
        });
  if (text === undefined) return undefined;
  await deps.view.setFilter(text);
  const filter = deps.view.filter;
  deps.log.info(filter ? `filter users by "${filter}"` : 'user filter cleared');
  const truncated = (await deps.explorer.connectionRows()).filter((row) => row.users.list.isTruncated);
  if (filter && truncated.length > 0) {
    const loadAllChoice = vscode.l10n.t('Load all users');
    const choice = args?.loadAll
      ? loadAllChoice
      : args?.text === undefined
        ? await vscode.window.showInformationMessage(vscode.l10n.t('The filter only sees the users loaded so far.'), loadAllChoice)
        : undefined;
    if (choice === loadAllChoice) {
      for (const row of truncated) await vscode.commands.executeCommand(CommandIds.loadAll, row.users);
    }
  }
  return filter;
}

export async function clearFilter(deps: CommandDeps): Promise<void> {
  await filterUsers({ text: '' }, deps);
}
