// What every key-changing command shares: the iamKeys.allowWriteActions switch (checked once,
// in runCommand, before anything is sent), and forgetting what the tree and the hover
// remembered about a key that changed. Which key a command is about: targets.ts.
import * as vscode from 'vscode';
import type { ConnectionSession } from '../../aws/connectionSession';
import { OperationError, type OperationContext } from '../../aws/operationError';
import type { CommandDeps } from '../../commands/deps';

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

/** A key changed in AWS: cached last use and hover answers go, and the list showing it reloads in place. */
export function keyChanged(deps: CommandDeps, session: ConnectionSession, accessKeyIds: readonly string[], row?: unknown): void {
  for (const id of accessKeyIds) {
    session.forgetKey(id);
    deps.forgetHoverKey?.(id);
  }
  deps.explorer.reloadListOf(row);
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
