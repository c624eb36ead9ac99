// Copy as AWS CLI command: the `aws iam list-access-keys` line for a user or key row.
import * as vscode from 'vscode';
import { cliCommandFor } from '../core/cliJson';
import { AccessKeyNode } from '../explorer/nodes/accessKeyNode';
import type { ExplorerNode } from '../explorer/nodes/explorerNode';
import { MyKeysNode } from '../explorer/nodes/myKeysNode';
import { UserNode } from '../explorer/nodes/userNode';
import type { CommandDeps } from './deps';

export async function copyCliCommand(node: ExplorerNode | undefined, deps: CommandDeps): Promise<string | undefined> {
  let userName: string | undefined;
  let profile: string | undefined;
  if (node instanceof UserNode) {
    userName = node.user.UserName;
    profile = node.scope.profile;
  } else if (node instanceof AccessKeyNode) {
    userName = node.key.UserName || undefined;
    profile = node.scope.profile;
  } else if (node instanceof MyKeysNode) {
    profile = node.scope.profile;
  } else {
    void vscode.window.showInformationMessage(vscode.l10n.t('Run this from a user or access key row in the IAM Access Keys view.'));
    return undefined;
  }
  const settings = deps.settings.current;
  const line = cliCommandFor({ userName, profile: profile || undefined, endpoint: settings.endpoint || undefined });
  await vscode.env.clipboard.writeText(line);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied: {0}', line), 3000);
  return line;
}
