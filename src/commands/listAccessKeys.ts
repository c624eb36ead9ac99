// List Access Keys…: the palette form of `aws iam list-access-keys`, with the same output
// shape and key order, opened as JSON and returned to callers of executeCommand.
import * as vscode from 'vscode';
import { listAccessKeysLikeCli, type ListAccessKeysOutput } from '../aws/cliListAccessKeys';
import { classifyError } from '../aws/errors';
import { toCliJsonText } from '../core/cliJson';
import { validateUserName } from '../core/validation';
import type { ConnectionNode } from '../explorer/nodes/connectionNode';
import { UserNode } from '../explorer/nodes/userNode';
import type { CommandDeps } from './deps';

export interface ListAccessKeysCommandArgs {
  /** Omitted or empty: the caller's own keys. */
  userName?: string;
  maxItems?: number;
  pageSize?: number;
  startingToken?: string;
  /** Which configured profile to ask (default: the first). */
  profile?: string;
}

export async function listAccessKeys(arg: ListAccessKeysCommandArgs | UserNode | undefined, deps: CommandDeps): Promise<ListAccessKeysOutput | undefined> {
  const args: ListAccessKeysCommandArgs | undefined = arg instanceof UserNode ? { userName: arg.user.UserName, profile: arg.scope.profile } : arg;
  const connections = await deps.explorer.connections();
  const connection: ConnectionNode | undefined = args?.profile !== undefined ? connections.find((c) => c.profile === args.profile) : connections[0];
  if (!connection) {
    void vscode.window.showErrorMessage(args?.profile ? vscode.l10n.t('Profile "{0}" is not shown in the explorer.', args.profile) : vscode.l10n.t('No AWS connection is configured.'));
    return undefined;
  }
  const userName = args ? (args.userName ?? '') : await askUserName(connection);
  if (userName === undefined) return undefined;
  if (userName !== '') {
    const check = validateUserName(userName);
    if (!check.ok) {
      void vscode.window.showErrorMessage(check.reason);
      return undefined;
    }
  }
  for (const [name, value] of [['maxItems', args?.maxItems], ['pageSize', args?.pageSize]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1 || (name === 'pageSize' && value > 1000))) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} must be a whole number from 1{1}.', name, name === 'pageSize' ? ' to 1000' : ''));
      return undefined;
    }
  }
  try {
    const output = await listAccessKeysLikeCli(connection.api, {
      userName: userName || undefined,
      maxItems: args?.maxItems,
      pageSize: args?.pageSize,
      startingToken: args?.startingToken,
    });
    await deps.documents.show(`list-access-keys${userName ? `-${userName}` : ''}`, toCliJsonText(output));
    return output;
  } catch (error) {
    const problem = error instanceof Error && /NextToken/.test(error.message) ? { message: error.message, hint: undefined } : classifyError(error, 'iam:ListAccessKeys');
    void vscode.window.showErrorMessage(`${problem.message}${problem.hint ? ` — ${problem.hint}` : ''}`);
    return undefined;
  }
}

/** A quick pick that offers loaded user names and checks what is typed against IAM's rule. */
function askUserName(connection: ConnectionNode): Promise<string | undefined> {
  const names = connection.users.list.loaded.map((u) => u.UserName);
  const own = vscode.l10n.t('(my own keys)');
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick();
    pick.title = vscode.l10n.t('List Access Keys — user name');
    pick.placeholder = vscode.l10n.t('User name; empty for the keys of the identity you are signed in as');
    const update = (): void => {
      const value = pick.value;
      const check = value ? validateUserName(value) : { ok: true as const, value };
      const typed = value && check.ok && !names.includes(value) ? [{ label: value, description: vscode.l10n.t('as typed') }] : [];
      const invalid = check.ok ? [] : [{ label: `$(error) ${check.reason}`, alwaysShow: true, description: '' }];
      pick.items = [...invalid, ...typed, { label: own, alwaysShow: !value }, ...names.map((n) => ({ label: n }))];
    };
    update();
    pick.onDidChangeValue(update);
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0]?.label;
      if (!chosen || chosen.startsWith('$(error)')) return;
      resolve(chosen === own ? '' : chosen);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
