// Quick fixes on a leaked access key ID: show it in the explorer, copy it, deactivate it (only
// with iamKeys.allowWriteActions on and a deactivate command present), or ignore it from now
// on (iamKeys.diagnostics.ignore). The ID is read back from the document at the diagnostic's
// range, so nothing about the key has to travel with the diagnostic.
import * as vscode from 'vscode';
import { CommandIds } from '../commands/commandIds';
import { LEAK_CODES, LEAK_SOURCE } from './leakDiagnostics';

/** Added by the write-actions work; offered only when it is registered. */
export const DEACTIVATE_COMMAND = 'iamKeys.deactivateAccessKey';
const KEY_ID = /^A[A-Z0-9]{19}$/;

export class LeakCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === LEAK_SOURCE && d.code === LEAK_CODES.accessKeyId);
    if (ours.length === 0) return [];
    const canDeactivate = await deactivateAvailable();
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const accessKeyId = document.getText(diagnostic.range);
      if (!KEY_ID.test(accessKeyId)) continue; // the text changed since the scan
      const arg = { accessKeyId };
      const action = (title: string, command: string, args: unknown[]): void => {
        const fix = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        fix.diagnostics = [diagnostic];
        fix.command = { title, command, arguments: args };
        actions.push(fix);
      };
      action(vscode.l10n.t('Show {0} in the Access Keys explorer', accessKeyId), CommandIds.revealAccessKey, [accessKeyId]);
      action(vscode.l10n.t('Copy {0}', accessKeyId), CommandIds.copyAccessKeyId, [arg]);
      if (canDeactivate) action(vscode.l10n.t('Deactivate {0}…', accessKeyId), DEACTIVATE_COMMAND, [arg]);
      action(vscode.l10n.t('Ignore {0} in Problems', accessKeyId), CommandIds.ignoreLeakedKey, [arg]);
    }
    return actions;
  }
}

async function deactivateAvailable(): Promise<boolean> {
  if (vscode.workspace.getConfiguration('iamKeys').get<unknown>('allowWriteActions') !== true) return false;
  return (await vscode.commands.getCommands(true)).includes(DEACTIVATE_COMMAND);
}
