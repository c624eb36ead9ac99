// Find Access Key Owner: which account and user own a key ID (the one owner lookup the hover
// uses too), then reveal it in the tree (loading the pages needed) or say why it can't be.
import * as vscode from 'vscode';
import type { KeyInfo } from '../../aws/keyInfo';
import { lookUpKeyOwner } from '../../aws/keyOwner';
import { isDocumentationExampleKey } from '../../core/accessKeyIds';
import { isAbortError } from '../../core/concurrency';
import type { AccessKey, AccessKeyLastUsed } from '../../core/types';
import { revealKeyRow } from '../../explorer/revealKey';
import { sessionsWithMembers } from './accountSession';
import type { CommandDeps } from '../../commands/deps';
import { resolveKey } from './targets';

export interface FoundKey {
  readonly accessKeyId: string;
  readonly result: 'found' | 'example' | 'canary' | 'other-account' | 'temporary' | 'not-found' | 'error';
  readonly account?: string;
  readonly userName?: string;
  readonly key?: AccessKey;
  readonly lastUsed?: AccessKeyLastUsed;
  readonly profile?: string;
  readonly revealed: boolean;
  readonly message: string;
}

export async function findAccessKey(arg: unknown, deps: CommandDeps): Promise<FoundKey | undefined> {
  const resolved = await resolveKey(arg, deps, vscode.l10n.t('Find Access Key Owner'));
  if (!resolved) return undefined;
  if (isDocumentationExampleKey(resolved.accessKeyId)) {
    // Decodes to an account like any key, but it is the documentation's, nobody's: no lookup.
    const example: FoundKey = {
      accessKeyId: resolved.accessKeyId,
      result: 'example',
      revealed: false,
      message: vscode.l10n.t('{0} is the AWS documentation\'s example access key ID, not a key of any account.', resolved.accessKeyId),
    };
    deps.log.info(`findAccessKey ${example.accessKeyId}: example`);
    void vscode.window.showInformationMessage(example.message);
    return example;
  }
  const reveal = typeof arg === 'object' && arg !== null && 'reveal' in arg ? (arg as { reveal?: unknown }).reveal !== false : true;
  const found = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking up {0}…', resolved.accessKeyId), cancellable: true },
    (_progress, token) => lookUp(resolved.accessKeyId, deps, reveal, token),
  );
  if (!found) return undefined;
  deps.log.info(`findAccessKey ${found.accessKeyId}: ${found.result}${found.account ? ` in ${found.account}` : ''}`);
  const show = found.result === 'found' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  void show(found.message);
  return found;
}

async function lookUp(accessKeyId: string, deps: CommandDeps, reveal: boolean, token: vscode.CancellationToken): Promise<FoundKey | undefined> {
  const controller = new AbortController();
  const cancel = token.onCancellationRequested(() => controller.abort());
  try {
    const sessions = await sessionsWithMembers(deps);
    const info = await lookUpKeyOwner(sessions, accessKeyId, controller.signal);
    const found = describe(info);
    if (info.kind !== 'found' || info.root || !reveal) return found;
    // A key found in an organization's member account has no profile row to reveal it in.
    if (deps.sessions.memberSession(info.account) && !(await deps.sessions.sessions()).some((s) => s.account() === info.account)) return found;
    const session = await deps.sessions.byProfile(info.profile);
    const revealed = session ? await revealKeyRow(deps.explorer, deps.treeView, session, info.userName, accessKeyId) : false;
    return { ...found, revealed };
  } catch (error) {
    if (isAbortError(error)) return undefined;
    throw error;
  } finally {
    cancel.dispose();
  }
}

/** The command's answer for what the owner lookup found (the hover renders the same KeyInfo). */
export function describe(info: KeyInfo): FoundKey {
  const id = info.accessKeyId;
  const base = { accessKeyId: id, revealed: false };
  switch (info.kind) {
    case 'found':
      return {
        ...base, result: 'found', account: info.account, userName: info.root ? 'root' : info.userName, key: info.key, lastUsed: info.lastUsed, profile: info.profile,
        message: vscode.l10n.t('{0} belongs to {1} in account {2}{3}.', id, info.root ? vscode.l10n.t('the root user') : info.userName, info.account, info.key ? ` (${info.key.Status})` : ''),
      };
    case 'other-account':
      return { ...base, result: 'other-account', account: info.account, message: vscode.l10n.t('{0} belongs to another AWS account ({1}); add a profile for that account to see its owner.', id, info.account) };
    case 'canary':
      return { ...base, result: 'canary', account: info.account, message: vscode.l10n.t('{0} is a canary token ({1}, account {2}): using it alerts its owner. It was not looked up.', id, info.provider, info.account) };
    case 'temporary':
      return { ...base, result: 'temporary', account: info.account, message: vscode.l10n.t('{0} is a temporary (STS) key issued in account {1}; IAM does not list temporary keys.', id, info.account || vscode.l10n.t('unknown')) };
    case 'not-found':
      return { ...base, result: 'not-found', account: info.account, message: vscode.l10n.t('{0} was not found: it was deleted or never existed in this account.', id) };
    case 'error':
      return { ...base, result: 'error', message: `${info.message}${info.hint ? ` — ${info.hint}` : ''}` };
    case 'no-connection':
      return { ...base, result: 'error', message: vscode.l10n.t('No AWS connection is configured.') };
    case 'limit-reached':
      return { ...base, result: 'error', message: vscode.l10n.t('Lookup limit reached, try again in a moment.') };
  }
}
