// Copy Access Key ID: to the clipboard, confirmed in the status bar (no modal).
import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { type KeyArgument, resolveKeyArgument } from './keyArgument';

export async function copyAccessKeyId(arg: KeyArgument, deps: CommandDeps): Promise<string | undefined> {
  const resolved = await resolveKeyArgument(arg, deps, vscode.l10n.t('Copy Access Key ID'));
  if (!resolved) return undefined;
  await vscode.env.clipboard.writeText(resolved.accessKeyId);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied {0}', resolved.accessKeyId), 3000);
  return resolved.accessKeyId;
}
