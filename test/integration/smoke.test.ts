// Smallest real check that the extension loads in a VS Code extension host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IamKeysApi } from '../../src/extension';
import { until } from '../support/wait';

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
    const api = (await vscode.extensions.getExtension<IamKeysApi>(EXTENSION_ID)!.activate()).internalsForTests;
    await vscode.commands.executeCommand('workbench.view.extension.iamKeys');
    await until(() => api.treeView.visible, 'the Access Keys view to become visible');
    assert.strictEqual(api.treeView.visible, true);
  });

  it('has the test workspace open', () => {
    assert.ok(vscode.workspace.workspaceFolders?.length, 'no workspace folder');
  });
});
