// What every key-changing command shares: the iamKeys.allowWriteActions switch (checked before
// anything is sent), finding the session a key belongs to, and forgetting what the tree and
// the hover remembered about a key that changed.
import * as vscode from 'vscode';
import type { ConnectionSession } from '../aws/connectionSession';
import { OperationError, type OperationContext } from '../aws/operationError';
import { AccessKeyNode } from '../explorer/nodes/accessKeyNode';
import type { ExplorerNode } from '../explorer/nodes/explorerNode';
import { PagedNode } from '../explorer/nodes/pagedNode';
import type { CommandDeps } from './deps';

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
}

/** The key a command is about, from a row or `{ accessKeyId, userName?, profile? }`; undefined with the reason shown. */
export async function resolveKeyTarget(arg: unknown, deps: CommandDeps): Promise<KeyTarget | undefined> {
  if (arg instanceof AccessKeyNode) return { accessKeyId: arg.key.AccessKeyId, userName: arg.key.UserName || undefined, session: arg.scope.session, row: arg };
  const given = (typeof arg === 'object' && arg !== null ? arg : {}) as { accessKeyId?: unknown; userName?: unknown; profile?: unknown };
  if (typeof given.accessKeyId !== 'string' || !/^AKIA[A-Z0-9]{12,124}$/.test(given.accessKeyId)) {
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
    void vscode.window.showErrorMessage(vscode.l10n.t('No AWS connection is configured.'));
    return undefined;
  }
  const userName = (given.userName as string | undefined) ?? (loaded?.key.UserName || undefined);
  return { accessKeyId: given.accessKeyId, userName, session };
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
