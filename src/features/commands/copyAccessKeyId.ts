// Copy Access Key ID: to the clipboard, confirmed in the status bar (no modal).
import * as vscode from 'vscode';
import { resourceOfKind } from '../../model/rowResource';
import type { CommandDeps } from '../../commands/deps';
import { resolveKey } from './targets';

/** The view's Ctrl+C / Cmd+C keybinding passes `{ selection: true }`: the selected key row, if any. */
function isSelectionRequest(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && (arg as { selection?: unknown }).selection === true;
}

export async function copyAccessKeyId(arg: unknown, deps: CommandDeps): Promise<string | undefined> {
  let target = arg;
  if (isSelectionRequest(arg)) {
    target = deps.treeView.selection.find((node) => resourceOfKind(node, 'key'));
    // Another row selected: nothing to copy, and no prompt for a shortcut meant as "copy this".
    if (!target) return undefined;
  }
  const resolved = await resolveKey(target, deps, vscode.l10n.t('Copy Access Key ID'));
  if (!resolved) return undefined;
  await vscode.env.clipboard.writeText(resolved.accessKeyId);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied {0}', resolved.accessKeyId), 3000);
  return resolved.accessKeyId;
}
