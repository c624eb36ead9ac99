// Smallest real check that the extension loads in a VS Code extension host.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'iam-keys-team.iam-access-keys';

describe('smoke: extension in the host', () => {
  it('is installed', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} not found`);
  });

  it('activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('contributes the Access Keys view in the iamKeys container', () => {
    const views = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.views;
    assert.strictEqual(views.iamKeys[0].id, 'iamKeys.explorer');
  });

  it('opens its view container', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.iamKeys');
  });

  it('has the test workspace open', () => {
    assert.ok(vscode.workspace.workspaceFolders?.length, 'no workspace folder');
  });
});
