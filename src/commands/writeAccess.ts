// What every key-changing command shares: the iamKeys.allowWriteActions switch (checked before
// anything is sent), finding the session a key belongs to, and forgetting what the tree and
// the hover remembered about a key that changed.
import * as vscode from 'vscode';
import type { ConnectionSession } from '../aws/connectionSession';
import { OperationError, type OperationContext } from '../aws/operationError';
import { AccessKeyNode } from '../explorer/nodes/accessKeyNode';
import type { ExplorerNode } from '../explorer/nodes/explorerNode';
import { PagedNode } from '../explorer/nodes/pagedNode';
import type { KeyInfo } from '../aws/keyInfo';
import type { CommandDeps } from './deps';
import { resolveKeyArgument } from './keyArgument';

export const WRITE_SETTING = 'iamKeys.allowWriteActions';

/** True when write actions are allowed; otherwise says which setting to turn on, and nothing is sent. */
export function writeActionsAllowed(deps: CommandDeps, what: string): boolean {
  if (deps.settings.current.allowWriteActions) return true;
  deps.log.info(`${what} refused: ${WRITE_SETTING} is off`);
  void vscode.window
    .showErrorMessage(vscode.l10n.t('{0} changes access keys in AWS, which is off. Turn on the user setting "{1}" to allow it.', what, WRITE_SETTING), vscode.l10n.t('Open Setting'))
    .then((choice) => (choice ? vscode.commands.executeCommand('workbench.action.openSettings', WRITE_SETTING) : undefined));
  return false;
}

export interface KeyTarget {
  readonly accessKeyId: string;
  /** As given or as the loaded key names its owner; undefined: the signing user's own key. */
  readonly userName?: string;
  readonly session: ConnectionSession;
  /** The row it came from, to redraw in place. */
  readonly row?: AccessKeyNode;
  /** Chosen by a person (a row's menu or the palette's pick), not passed by a caller. */
  readonly interactive?: boolean;
}

/**
 * The key a command is about, from a row, `{ accessKeyId, userName?, profile? }`, or nothing
 * (the palette: a pick of the loaded keys that also takes a typed ID, whose owner is then
 * looked up); undefined with the reason shown.
 */
export async function resolveKeyTarget(arg: unknown, deps: CommandDeps, title = ''): Promise<KeyTarget | undefined> {
  if (arg instanceof AccessKeyNode) return { accessKeyId: arg.key.AccessKeyId, userName: arg.key.UserName || undefined, session: arg.scope.session, row: arg, interactive: true };
  if (arg === undefined) return pickKeyTarget(deps, title);
  const given = (typeof arg === 'object' && arg !== null ? arg : {}) as { accessKeyId?: unknown; userName?: unknown; profile?: unknown };
  if (typeof given.accessKeyId !== 'string' || !LONG_TERM_KEY.test(given.accessKeyId)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('accessKeyId must be a long-term access key ID, such as "AKIAIOSFODNN7EXAMPLE".'));
    return undefined;
  }
  if (given.userName !== undefined && typeof given.userName !== 'string') {
    void vscode.window.showErrorMessage(vscode.l10n.t('userName must be text.'));
    return undefined;
  }
  const loaded = deps.sessions.loadedKey(given.accessKeyId);
  const sessions = await deps.sessions.sessions();
  const session = typeof given.profile === 'string' ? sessions.find((s) => s.profile === given.profile) : (loaded?.session ?? sessions[0]);
  if (!session) {
    void vscode.window.showErrorMessage(
      typeof given.profile === 'string' ? vscode.l10n.t('No connection uses the profile {0}.', given.profile || 'default') : vscode.l10n.t('No AWS connection is configured.'),
    );
    return undefined;
  }
  const userName = (given.userName as string | undefined) ?? (loaded?.key.UserName || undefined);
  return { accessKeyId: given.accessKeyId, userName, session };
}

const LONG_TERM_KEY = /^AKIA[A-Z0-9]{12,124}$/;

/** The palette's way in: pick a loaded key or type one; a typed key's owner comes from the owner lookup. */
async function pickKeyTarget(deps: CommandDeps, title: string): Promise<KeyTarget | undefined> {
  const picked = await resolveKeyArgument(undefined, deps, title);
  if (!picked) return undefined;
  const { accessKeyId } = picked;
  if (picked.loaded) return { accessKeyId, userName: picked.loaded.key.UserName || undefined, session: picked.loaded.session, interactive: true };
  if (!LONG_TERM_KEY.test(accessKeyId)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not a long-term access key ID (AKIA…): only those can be changed.', accessKeyId));
    return undefined;
  }
  const { info } = await deps.lookup.lookup(accessKeyId);
  const session = info.kind === 'found' ? (await deps.sessions.sessions()).find((s) => s.profile === info.profile) : undefined;
  if (info.kind !== 'found' || !session) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not a key any of your profiles can change ({1}).', accessKeyId, describeLookup(info)));
    return undefined;
  }
  return { accessKeyId, userName: info.root ? undefined : info.userName, session, interactive: true };
}

function describeLookup(info: KeyInfo): string {
  switch (info.kind) {
    case 'other-account':
      return vscode.l10n.t('a key of account {0}', info.account);
    case 'temporary':
      return vscode.l10n.t('a temporary key');
    case 'canary':
      return vscode.l10n.t('a canary token');
    case 'not-found':
      return vscode.l10n.t('not found');
    case 'error':
      return info.message;
    case 'no-connection':
      return vscode.l10n.t('no AWS connection is configured');
    case 'limit-reached':
      return vscode.l10n.t('lookup limit reached, try again in a moment');
    default:
      return vscode.l10n.t('its profile is not connected');
  }
}

/** A key changed in AWS: cached last use and hover answers go, and the list showing it reloads in place. */
export function keyChanged(deps: CommandDeps, session: ConnectionSession, accessKeyIds: readonly string[], row?: ExplorerNode): void {
  for (const id of accessKeyIds) {
    session.forgetKey(id);
    deps.forgetHoverKey?.(id);
  }
  const list = row?.parent;
  if (list instanceof PagedNode) {
    list.reset();
    deps.explorer.refresh(list);
  } else {
    deps.explorer.refresh();
  }
}

/** What a failed call of `session` is reported with: the operation, its profile and where it went. */
export function operationOf(session: ConnectionSession, operation: string): () => OperationContext {
  return () => {
    let sent: { endpoint?: string; region?: string } = {};
    try {
      sent = session.settings;
    } catch {
      // A closed session: the profile alone still places the failure.
    }
    return { operation, profile: session.profile, endpoint: sent.endpoint, region: sent.region };
  };
}

/**
 * The signing user's name from the session's identity (undefined for root or roles). When
 * GetCallerIdentity failed (asked once more first), that failure is thrown, classified.
 */
export async function ownUserName(session: ConnectionSession): Promise<string | undefined> {
  await session.ensureIdentity();
  if (session.identityError() !== undefined) {
    session.retryIdentity();
    await session.ensureIdentity();
    const failure = session.identityError();
    if (failure !== undefined) throw new OperationError(operationOf(session, 'sts:GetCallerIdentity')(), failure);
  }
  const arn = session.identity()?.Arn ?? '';
  const m = /:user\/(?:.*\/)?([^/]+)$/.exec(arn);
  return m?.[1];
}
