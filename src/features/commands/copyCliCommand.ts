// Copy as AWS CLI Command: the `aws iam …` line for a row, with --profile, --region and (when
// set) --endpoint-url, so it reaches the same account, partition and endpoint as the view. A
// user row copies its list-access-keys line; a key row offers the key's own commands.
import * as vscode from 'vscode';
import { type CliOperation, cliLine } from '../../core/cliJson';
import { resourceOfKind } from '../../model/rowResource';
import type { CommandDeps } from '../../commands/deps';

export async function copyCliCommand(arg: unknown, deps: CommandDeps, operation?: CliOperation): Promise<string | undefined> {
  const row = resourceOfKind(arg, 'user', 'key', 'ownKeys');
  if (!row) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Run this from a user or access key row in the IAM Access Keys view.'));
    return undefined;
  }
  const session = row.session;
  const settings = deps.settings.current;
  const common = { profile: session.profile || undefined, region: settings.region, endpoint: settings.endpoint || undefined };
  let line: string;
  if (row.kind === 'key') {
    const key = row.key;
    const chosen = operation ?? (await pickKeyOperation(key.Status));
    if (!chosen) return undefined;
    line = cliLine({
      ...common,
      operation: chosen,
      userName: key.UserName || undefined,
      accessKeyId: key.AccessKeyId,
      status: key.Status === 'Active' ? 'Inactive' : 'Active',
    });
  } else {
    line = cliLine({ ...common, userName: row.kind === 'user' ? row.user.UserName : undefined });
  }
  await vscode.env.clipboard.writeText(line);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied: {0}', line), 3000);
  return line;
}

async function pickKeyOperation(status: string): Promise<CliOperation | undefined> {
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'get-access-key-last-used', description: vscode.l10n.t('when and where the key was last used'), value: 'get-access-key-last-used' as const },
      { label: 'update-access-key', description: status === 'Active' ? vscode.l10n.t('deactivate the key') : vscode.l10n.t('activate the key'), value: 'update-access-key' as const },
      { label: 'list-access-keys', description: vscode.l10n.t("the owner's keys"), value: 'list-access-keys' as const },
    ],
    { title: vscode.l10n.t('Copy as AWS CLI Command') },
  );
  return pick?.value;
}
