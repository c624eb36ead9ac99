// After a rotation, the old key ID still written in a workspace file shows up through the leak
// diagnostics as Inactive: the diagnostics drop what they had judged about the rotated keys
// and judge the open files holding them again (the file itself did not change).
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { BUILT_IN_IDENTITIES, CALLER_USER_NAME, EMULATOR_ACCOUNT_ID } from '../emulator/identities';
import { PROFILES, type Session, startSession, writeWorkspaceFile } from './fixture';
import { until } from '../support/wait';

const OLD_KEY = BUILT_IN_IDENTITIES.caller.credentials.accessKeyId;

function leakMessages(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'IAM Access Keys').map((d) => d.message);
}

async function allowWrites(on: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('iamKeys').update('allowWriteActions', on, vscode.ConfigurationTarget.Global);
}

describe('rotation: the old key in workspace files', function () {
  this.timeout(60_000);
  let session: Session;

  before(async () => {
    session = await startSession({ seed: 23 }, { 'hover.maxLookupsPerMinute': 600 });
    await allowWrites(true);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await allowWrites(undefined);
    await session.close();
  });

  it('a file holding the old key ID: Active before the rotation, Inactive after it', async () => {
    const uri = await writeWorkspaceFile('rotated/.env', `AWS_ACCESS_KEY_ID=${OLD_KEY}\n`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await until(() => leakMessages(uri).length === 1 && !/not looked up/.test(leakMessages(uri)[0] ?? ''), 'the diagnostic before the rotation');
    assert.match(leakMessages(uri)[0] ?? '', new RegExp(`^Active access key of ${CALLER_USER_NAME} in ${EMULATOR_ACCOUNT_ID}`));

    const result = (await vscode.commands.executeCommand('iamKeys.rotateAccessKey', { profile: PROFILES.admin, confirm: true })) as { oldAccessKeyId?: string; oldKeyStatus?: string } | undefined;
    assert.equal(result?.oldAccessKeyId, OLD_KEY);
    assert.equal(result?.oldKeyStatus, 'Inactive');

    await until(() => /^Inactive access key of/.test(leakMessages(uri)[0] ?? ''), 'the diagnostic to say Inactive', 10_000).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}; last: ${leakMessages(uri).join(' | ')}`);
    });
    assert.deepEqual(vscode.languages.getDiagnostics(uri).map((d) => d.severity), [vscode.DiagnosticSeverity.Warning]);
  });
});
