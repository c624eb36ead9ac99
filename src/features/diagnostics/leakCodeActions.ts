// Quick fixes on a leaked access key ID: show it in the explorer, copy it, deactivate it (only
// with iamKeys.allowWriteActions on, a deactivate command present, and the owner known), or
// ignore it from now on (iamKeys.diagnostics.ignore). A leaked secret paired with its key ID
// gets Deactivate… for that key. With write actions off, a fix opens the setting instead. The
// ID is read back from the document at the diagnostic's range; its owner and profile come from
// the lookup that judged it (answered from its cache), so Deactivate… works whatever the tree
// has loaded, and asks first.
import * as vscode from 'vscode';
import type { KeyInfo } from '../../aws/keyInfo';
import { CommandIds } from '../../commands/commandIds';
import { LEAK_CODES, LEAK_SOURCE, type LeakLookup } from './leakDiagnostics';

/** Added by the write-actions work; offered only when it is registered. */
export const DEACTIVATE_COMMAND = 'iamKeys.deactivateAccessKey';
const KEY_ID = /^A[A-Z0-9]{19}$/;

/** What Deactivate… passes: the owner and profile the lookup found, and `ask` for the confirmation its "…" promises. */
export interface DeactivateLeakedKeyArgument {
  readonly accessKeyId: string;
  readonly userName?: string;
  readonly profile: string;
  readonly ask: true;
}

/** The key ID a leaked secret pairs with (LeakDiagnostics.pairedKeyAt), never the secret itself. */
export type PairedKeyAt = (uri: vscode.Uri, range: vscode.Range) => string | undefined;

/** Opens the Settings editor at the switch the Deactivate… fix needs. */
const OPEN_SETTINGS = 'workbench.action.openSettings';
const WRITE_SETTING = 'iamKeys.allowWriteActions';

export class LeakCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly lookup?: LeakLookup,
    private readonly pairedKeyAt?: PairedKeyAt,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token?: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === LEAK_SOURCE && (d.code === LEAK_CODES.accessKeyId || d.code === LEAK_CODES.secretAccessKey));
    if (ours.length === 0) return [];
    const writes = writeActionsOn();
    const canDeactivate = writes && (await deactivateRegistered());
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const isSecret = diagnostic.code === LEAK_CODES.secretAccessKey;
      // A secret's fixes act on the key it pairs with; its own text is never read here.
      const accessKeyId = isSecret ? this.pairedKeyAt?.(document.uri, diagnostic.range) : document.getText(diagnostic.range);
      if (accessKeyId === undefined || !KEY_ID.test(accessKeyId)) continue; // unpaired, or the text changed since the scan
      const arg = { accessKeyId };
      const action = (title: string, command: string, args: unknown[]): void => {
        const fix = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        fix.diagnostics = [diagnostic];
        fix.command = { title, command, arguments: args };
        actions.push(fix);
      };
      if (!isSecret) {
        action(vscode.l10n.t('Show {0} in the Access Keys explorer', accessKeyId), CommandIds.revealAccessKey, [accessKeyId]);
        action(vscode.l10n.t('Copy {0}', accessKeyId), CommandIds.copyAccessKeyId, [arg]);
      }
      // Deactivate… only for a key a profile can see; with write actions off, the way to turn them on.
      const owner = canDeactivate || !writes ? await this.ownerOf(accessKeyId, token) : undefined;
      if (owner && canDeactivate) action(vscode.l10n.t('Deactivate {0}…', accessKeyId), DEACTIVATE_COMMAND, [owner]);
      if (owner && !writes) action(vscode.l10n.t('Turn on write actions to deactivate {0} ({1})', accessKeyId, WRITE_SETTING), OPEN_SETTINGS, [WRITE_SETTING]);
      if (!isSecret) action(vscode.l10n.t('Ignore {0} in Problems', accessKeyId), CommandIds.ignoreLeakedKey, [arg]);
    }
    return actions;
  }

  /** The argument that deactivates the key where it lives; undefined when no profile can see it. */
  private async ownerOf(accessKeyId: string, token?: vscode.CancellationToken): Promise<DeactivateLeakedKeyArgument | undefined> {
    if (!this.lookup) return undefined;
    const controller = new AbortController();
    const cancel = token?.onCancellationRequested(() => controller.abort());
    try {
      const { info } = await this.lookup.lookup(accessKeyId, controller.signal);
      return deactivateArgument(info);
    } catch {
      return undefined; // cancelled or failed: the other fixes still stand
    } finally {
      cancel?.dispose();
    }
  }
}

/** Deactivate…'s argument for a key a profile can see (the results view's key rows carry it too). */
export function deactivateArgument(info: KeyInfo): DeactivateLeakedKeyArgument | undefined {
  if (info.kind !== 'found') return undefined;
  return { accessKeyId: info.accessKeyId, ...(info.root ? {} : { userName: info.userName }), profile: info.profile, ask: true };
}

function writeActionsOn(): boolean {
  return vscode.workspace.getConfiguration('iamKeys').get<unknown>('allowWriteActions') === true;
}

async function deactivateRegistered(): Promise<boolean> {
  return (await vscode.commands.getCommands(true)).includes(DEACTIVATE_COMMAND);
}
