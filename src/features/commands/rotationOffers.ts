// What Rotate Access Key offers when it can't go ahead as asked: with two keys already, a
// modal naming the other (Inactive) key with "Delete AKIA… and rotate"; for a profile whose key
// aws-vault or Granted keeps, the tool's own rotate command, run in a terminal on request.
import * as vscode from 'vscode';
import type { RotationOutcome } from '../../aws/rotateAccessKey';

type TwoKeys = Extract<RotationOutcome, { kind: 'two-keys' }>;
type Refused = Extract<RotationOutcome, { kind: 'refused' }>;

/** Asks whether to delete the other key to make room; true when the user chose "Delete AKIA… and rotate". */
export async function confirmMakeRoom(outcome: TwoKeys): Promise<boolean> {
  const button = vscode.l10n.t('Delete {0} and rotate', outcome.other.accessKeyId);
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already has two access keys, the most IAM allows.', outcome.userName),
    {
      modal: true,
      detail: vscode.l10n.t(
        'The other key {0} is Inactive, {1}. Delete it to make room, then rotate? Undo would not bring it back.',
        outcome.other.accessKeyId,
        outcome.other.lastUse,
      ),
    },
    button,
  );
  return choice === button;
}

/** Shows a tool-managed refusal with "Run in Terminal", which runs the tool's own rotate command. */
export async function offerToolRotation(outcome: Refused): Promise<void> {
  if (outcome.reason !== 'toolManaged' || !outcome.command) return;
  const run = vscode.l10n.t('Run in Terminal');
  const choice = await vscode.window.showErrorMessage(outcome.message, run);
  if (choice !== run) return;
  const terminal = vscode.window.createTerminal({ name: outcome.command.split(' ')[0] });
  terminal.show();
  terminal.sendText(outcome.command, true);
}
