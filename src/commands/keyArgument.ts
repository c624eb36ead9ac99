// Commands about one key accept a tree row, an ID string, `{ accessKeyId }`, or nothing (then
// a pick of the loaded keys that also takes any typed ID, checked as it is typed).
import * as vscode from 'vscode';
import type { IndexedKey } from '../aws/connectionSession';
import { validateAccessKeyId } from '../core/validation';
import { AccessKeyNode } from '../explorer/nodes/accessKeyNode';
import type { CommandDeps } from './deps';
import { pickOrType } from './pickOrType';

export type KeyArgument = AccessKeyNode | string | { accessKeyId?: unknown } | undefined;

export interface ResolvedKey {
  readonly accessKeyId: string;
  /** The key as a loaded list holds it, with its session. */
  readonly loaded?: IndexedKey;
}

export async function resolveKeyArgument(arg: KeyArgument, deps: CommandDeps, title: string): Promise<ResolvedKey | undefined> {
  if (arg instanceof AccessKeyNode) {
    return { accessKeyId: arg.key.AccessKeyId, loaded: { key: arg.key, session: arg.scope.session } };
  }
  if (typeof arg === 'object' && arg !== null && 'accessKeyId' in arg && typeof arg.accessKeyId !== 'string') {
    // A caller that passed an argument expects no prompt: refuse instead of asking.
    void vscode.window.showErrorMessage(vscode.l10n.t('accessKeyId must be text, such as "AKIAIOSFODNN7EXAMPLE".'));
    return undefined;
  }
  const given = typeof arg === 'string' ? arg : typeof arg?.accessKeyId === 'string' ? arg.accessKeyId : undefined;
  if (given !== undefined) {
    const check = validateAccessKeyId(given);
    if (!check.ok) {
      void vscode.window.showErrorMessage(check.reason);
      return undefined;
    }
    return { accessKeyId: given, loaded: deps.sessions.loadedKey(given) };
  }
  const loaded = deps.sessions.loadedKeys();
  const accessKeyId = await pickOrType({
    title,
    placeholder: loaded.length > 0 ? vscode.l10n.t('Type any access key ID, or pick a loaded one') : vscode.l10n.t('Access key ID, e.g. AKIAIOSFODNN7EXAMPLE'),
    items: loaded.map(({ key, session }) => ({
      label: key.AccessKeyId,
      description: `${key.UserName || 'root'} · ${key.Status}`,
      detail: session.profile || vscode.l10n.t('default credentials'),
      value: key.AccessKeyId,
    })),
    validate: (typed) => {
      const check = validateAccessKeyId(typed);
      return check.ok ? undefined : check.reason;
    },
    fromTyped: (typed) => typed,
    typedDescription: vscode.l10n.t('look up this ID'),
  });
  return accessKeyId === undefined ? undefined : { accessKeyId, loaded: deps.sessions.loadedKey(accessKeyId) };
}
