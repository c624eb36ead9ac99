// Commands about one key accept a tree row, an ID string, `{ accessKeyId }`, or nothing
// (then a quick pick of loaded keys, or an input box when none is loaded).
import * as vscode from 'vscode';
import { validateAccessKeyId } from '../core/validation';
import type { LoadedKey } from '../explorer/explorerProvider';
import { AccessKeyNode } from '../explorer/nodes/accessKeyNode';
import type { CommandDeps } from './deps';

export type KeyArgument = AccessKeyNode | string | { accessKeyId?: unknown } | undefined;

export interface ResolvedKey {
  readonly accessKeyId: string;
  readonly loaded?: LoadedKey;
}

export async function resolveKeyArgument(arg: KeyArgument, deps: CommandDeps, title: string): Promise<ResolvedKey | undefined> {
  const loaded = deps.explorer.loadedKeys();
  if (arg instanceof AccessKeyNode) {
    return { accessKeyId: arg.key.AccessKeyId, loaded: loaded.find((k) => k.node === arg) ?? loaded.find((k) => k.key.AccessKeyId === arg.key.AccessKeyId) };
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
    return { accessKeyId: given, loaded: loaded.find((k) => k.key.AccessKeyId === given) };
  }
  if (loaded.length > 0) {
    const pick = await vscode.window.showQuickPick(
      loaded.map((k) => ({ label: k.key.AccessKeyId, description: `${k.key.UserName || 'root'} · ${k.key.Status}`, detail: k.connection.label, loaded: k })),
      { title, placeHolder: vscode.l10n.t('Access key (loaded in the explorer)'), matchOnDescription: true },
    );
    return pick ? { accessKeyId: pick.loaded.key.AccessKeyId, loaded: pick.loaded } : undefined;
  }
  const typed = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Access key ID, e.g. AKIAIOSFODNN7EXAMPLE'),
    validateInput: (value) => {
      const check = validateAccessKeyId(value);
      return check.ok ? undefined : check.reason;
    },
  });
  return typed ? { accessKeyId: typed } : undefined;
}
