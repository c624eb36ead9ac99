// List Access Keys…: the palette form of `aws iam list-access-keys`, with the same output
// shape and key order, opened as JSON and returned to callers of executeCommand.
import * as vscode from 'vscode';
import { listAccessKeysLikeCli, type ListAccessKeysOutput } from '../../aws/cliListAccessKeys';
import { classifyError } from '../../aws/errors';
import { toCliJsonText } from '../../core/cliJson';
import { validateUserName } from '../../core/validation';
import type { ConnectionSession } from '../../aws/connectionSession';
import { sessionForAccount } from './accountSession';
import type { CommandDeps } from '../../commands/deps';
import { pickOrType } from './pickOrType';
import { sessionByProfile, userOfRow } from './targets';

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

export async function listAccessKeys(arg: unknown, deps: CommandDeps): Promise<ListAccessKeysOutput | undefined> {
  const row = userOfRow(arg);
  const args = (row ? { userName: row.userName, profile: row.session.profile } : arg) as ListAccessKeysCommandArgs | undefined;
  let session: ConnectionSession | undefined;
  if (args?.account !== undefined) {
    const target = await sessionForAccount(args.account, deps);
    if ('error' in target) {
      void vscode.window.showErrorMessage(target.error);
      return undefined;
    }
    session = target.session;
  } else {
    session = await sessionByProfile(args?.profile, deps);
  }
  if (!session) return undefined;
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
      void vscode.window.showErrorMessage(name === 'pageSize' ? vscode.l10n.t('{0} must be a whole number from 1 to 1000.', name) : vscode.l10n.t('{0} must be a whole number from 1.', name));
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
  // Users never listed yet: their first page, so a typed name that exists is offered as that
  // user, not "as typed" (the account's model holds it, so the tree shows it too).
  const users = deps.explorer.models.of(session).users;
  if (!users.hasStarted) await users.loadNext();
  const names = users.loaded.map((u) => u.UserName);
  return pickOrType({
    title: vscode.l10n.t('List Access Keys — user name'),
    placeholder: vscode.l10n.t('User name; or pick "(my own keys)" for the identity you are signed in as'),
    // Not `alwaysShow`: a name typed and entered faster than the pick's update would take it.
    items: [{ label: vscode.l10n.t('(my own keys)'), value: '' }, ...names.map((name) => ({ label: name, value: name }))],
    validate: (typed) => {
      const check = validateUserName(typed);
      return check.ok ? undefined : check.reason;
    },
    fromTyped: (typed) => typed,
    typedDescription: vscode.l10n.t('as typed'),
  });
}
