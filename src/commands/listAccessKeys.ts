// List Access Keys…: the palette form of `aws iam list-access-keys`, with the same output
// shape and key order, opened as JSON and returned to callers of executeCommand.
import * as vscode from 'vscode';
import { listAccessKeysLikeCli, type ListAccessKeysOutput } from '../aws/cliListAccessKeys';
import { classifyError } from '../aws/errors';
import { toCliJsonText } from '../core/cliJson';
import { validateUserName } from '../core/validation';
import type { ConnectionSession } from '../aws/connectionSession';
import { UserNode } from '../explorer/nodes/userNode';
import { sessionForAccount } from './accountSession';
import type { CommandDeps } from './deps';
import { pickOrType } from './pickOrType';

export interface ListAccessKeysCommandArgs {
  /** Omitted or empty: the caller's own keys. */
  userName?: string;
  maxItems?: number;
  pageSize?: number;
  startingToken?: string;
  /** Which configured profile to ask (default: the first). */
  profile?: string;
  /** A 12-digit account ID: a member account of a configured organization, or a profile's account. */
  account?: string;
}

export async function listAccessKeys(arg: ListAccessKeysCommandArgs | UserNode | undefined, deps: CommandDeps): Promise<ListAccessKeysOutput | undefined> {
  const args: ListAccessKeysCommandArgs | undefined = arg instanceof UserNode ? { userName: arg.user.UserName, profile: arg.scope.session.profile } : arg;
  let session: ConnectionSession | undefined;
  if (args?.account !== undefined) {
    const target = await sessionForAccount(args.account, deps);
    if ('error' in target) {
      void vscode.window.showErrorMessage(target.error);
      return undefined;
    }
    session = target.session;
  } else {
    const sessions = await deps.sessions.sessions();
    session = args?.profile !== undefined ? sessions.find((s) => s.profile === args.profile) : sessions[0];
  }
  if (!session) {
    void vscode.window.showErrorMessage(args?.profile ? vscode.l10n.t('Profile "{0}" is not shown in the explorer.', args.profile) : vscode.l10n.t('No AWS connection is configured.'));
    return undefined;
  }
  const userName = args ? (args.userName ?? '') : await askUserName(session, deps);
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
    const output = await listAccessKeysLikeCli(session.api, {
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

/** Loaded user names to pick from (an exact match first); any typed name is checked against IAM's rule as it is typed. */
async function askUserName(session: ConnectionSession, deps: CommandDeps): Promise<string | undefined> {
  // Users never expanded (or no row drawn yet): their first page, so a typed name that exists
  // is offered as that user, not "as typed".
  const users = deps.explorer.rowOf(session)?.users;
  if (users && !users.list.hasStarted) await users.load();
  const names = users
    ? users.list.loaded.map((u) => u.UserName)
    : await session.api.listUsers({ maxItems: deps.settings.current.pageSize }).then(
        (page) => page.items.map((u) => u.UserName),
        () => [],
      );
  return pickOrType({
    title: vscode.l10n.t('List Access Keys — user name'),
    placeholder: vscode.l10n.t('User name; or pick "(my own keys)" for the identity you are signed in as'),
    items: [{ label: vscode.l10n.t('(my own keys)'), alwaysShow: true, value: '' }, ...names.map((name) => ({ label: name, value: name }))],
    validate: (typed) => {
      const check = validateUserName(typed);
      return check.ok ? undefined : check.reason;
    },
    fromTyped: (typed) => typed,
    typedDescription: vscode.l10n.t('as typed'),
  });
}
