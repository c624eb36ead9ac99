// "Keys needing attention": a view-level filter over what is loaded (old, unused, root keys).
import * as vscode from 'vscode';
import type { CommandDeps } from './deps';

export async function setAttentionFilter(on: boolean, deps: CommandDeps): Promise<boolean> {
  await deps.explorer.setAttentionOnly(on);
  deps.treeView.description = on ? vscode.l10n.t('keys needing attention') : undefined;
  return on;
}
