/// <reference lib="dom" />
// Issue 25 item 14, as a person sees it: Key Health Legend opens as a preview of a read-only
// document (its tab is not "Untitled-N"), and closing it asks nothing about saving.
import * as assert from 'assert/strict';
import { BUILT_IN_IDENTITIES, credentialsFileText } from '../emulator/identities';
import { startIamEmulator, type IamEmulator } from '../emulator/index';
import { useWorkbench } from './workbench';

describe('UI: the Key Health Legend is read-only', () => {
  let emulator: IamEmulator;
  before(async () => {
    emulator = await startIamEmulator({ port: 0, seed: 25, users: 3 });
  });
  after(() => emulator?.close());

  const wb = useWorkbench(() => ({
    userSettings: { 'iamKeys.endpoint': emulator.url, 'iamKeys.profile': BUILT_IN_IDENTITIES.caller.profile },
    awsCredentials: credentialsFileText(),
  }));

  it('opens as a preview with no Untitled tab, and closes without a save question', async () => {
    const page = wb().page;
    await wb().runCommand('IAM Access Keys: Key Health Legend');
    const editorTabs = page.locator('.tabs-container .tab');
    const preview = editorTabs.filter({ hasText: /Key Health Legend/ });
    await preview.first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    // The preview renders the legend itself (a webview inside the workbench's frame).
    const rendered = page.frameLocator('iframe.webview').frameLocator('iframe').getByText('Root key', { exact: true });
    await rendered.first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    await wb().screenshot('issue25-health-legend');
    assert.ok(await rendered.first().isVisible(), 'the preview shows the legend');
    const tabs = await editorTabs.allTextContents();
    assert.ok(tabs.some((t) => /Key Health Legend/.test(t)), `editor tabs: ${tabs.join(' | ')}`);
    assert.ok(!tabs.some((t) => /Untitled/.test(t)), `editor tabs: ${tabs.join(' | ')}`);
    await page.keyboard.press('Control+KeyK');
    await page.keyboard.press('KeyW'); // Close All Editors
    await preview.first().waitFor({ state: 'detached', timeout: 15_000 });
    assert.equal(await page.getByRole('dialog').filter({ hasText: /save/i }).count(), 0, 'no "Do you want to save" dialog');
    await wb().screenshot('issue25-health-legend-closed');
  });
});
