/// <reference lib="dom" />
// Issue 25: in a remote window (code-server is one) the endpoint and profiles must survive a
// settings change. code-server applies machine-scoped settings found in User/settings.json only
// until the first write to User settings; so after ticking iamKeys.allowWriteActions in the
// Settings editor, as the README says, the view lost iamKeys.profile and iamKeys.endpoint (the
// "No AWS credentials" welcome, or "default credentials — Could not load credentials" rows).
// Here: the tick (seen in User/settings.json), then Refresh, then users listed from the local
// endpoint and none of those, with screenshots.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { BUILT_IN_IDENTITIES, credentialsFileText } from '../emulator/identities';
import { startIamEmulator, type IamEmulator } from '../emulator/index';
import { useWorkbench, waitUntil, type Workbench } from './workbench';

const PROFILE = BUILT_IN_IDENTITIES.caller.profile;
const LOST_SETTINGS_ROWS = /Could not load credentials|Network error|default credentials/;
/** The view's welcome when no profile is set. */
const WELCOME = /No AWS credentials were found/;

function settingsFile(wb: Workbench, folder: 'User' | 'Machine'): Record<string, unknown> {
  const file = path.join(wb.server.userDataDir, folder, 'settings.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
}

/** Whether the F1 palette lists `title` now (closes the palette again). */
async function paletteOffers(wb: Workbench, title: string): Promise<boolean> {
  const widget = wb.page.locator('.quick-input-widget');
  await wb.page.keyboard.press('F1');
  await widget.locator('input.input').fill('>' + title);
  const option = widget.getByRole('option', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  // The list has been filtered once either shows.
  await option.or(widget.getByText('No matching commands')).first().waitFor();
  const offered = (await option.count()) > 0;
  await wb.page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden' });
  return offered;
}

/** Refresh, then users of the local endpoint under the profile's Users row, and no row or welcome that says the settings were lost. */
async function expectUsersFromLocalEndpoint(wb: Workbench, emulator: IamEmulator, screenshot: string): Promise<void> {
  emulator.resetCounters();
  await wb.runCommand('IAM Access Keys: Refresh');
  const rows = (): Promise<string[]> => wb.tree.getByRole('treeitem').allTextContents();
  const seen = async (): Promise<string> => `rows: ${(await rows()).join(' | ') || 'none'}; welcome: ${await wb.page.getByText(WELCOME).count()}`;
  const users = wb.tree.getByRole('treeitem').filter({ has: wb.page.locator('.label-name', { hasText: /^Users$/ }) }).first();
  await users.waitFor({ timeout: 30_000 }).catch(async () => assert.fail(`no Users row after Refresh (${await seen()})`));
  if ((await users.getAttribute('aria-expanded')) !== 'true') await wb.expand(/^Users$/).catch(async (err: Error) => assert.fail(`${err.message.split('\n')[0]} (${await seen()})`));
  // At least five users of the endpoint's store (the demo has 25) as rows: listed from the local endpoint.
  const names = new Set(emulator.store.users().map((u) => u.userName).filter((n) => n !== BUILT_IN_IDENTITIES.caller.userName));
  await waitUntil(async () => (await wb.treeLabels()).filter((l) => names.has(l)).length >= 5, { timeout: 30_000 }).catch(async () =>
    assert.fail(`no users of the local endpoint after Refresh (${await seen()})`),
  );
  assert.ok((emulator.counters().byAction.ListUsers ?? 0) >= 1, 'ListUsers reached the local endpoint after Refresh');
  assert.deepEqual((await rows()).filter((r) => LOST_SETTINGS_ROWS.test(r)), [], await seen());
  assert.equal(await wb.page.getByText(WELCOME).count(), 0, await seen());
  await wb.screenshot(screenshot);
}

describe('UI: settings in a remote window — ticking a setting in the Settings editor keeps the endpoint and profile', () => {
  let emulator: IamEmulator;
  before(async () => {
    emulator = await startIamEmulator({ port: 0, demo: true, seed: 1 });
  });
  after(() => emulator?.close());

  const wb = useWorkbench(() => ({
    userSettings: { 'iamKeys.endpoint': emulator.url, 'iamKeys.profile': PROFILE },
    awsCredentials: credentialsFileText(),
  }));

  it('tick iamKeys.allowWriteActions as the README says, then Refresh: users still come from the local endpoint', async () => {
    await wb().openContainer();
    await wb().treeItem(PROFILE).waitFor();
    await wb().runCommand('Preferences: Open Settings (UI)');
    const editor = wb().page.locator('.settings-editor');
    await editor.waitFor();
    await wb().page.keyboard.type('iamKeys.allowWriteActions');
    const setting = editor.locator('.setting-item-bool').filter({ hasText: /Allow Write Actions/i }).first();
    const checkbox = setting.locator('.setting-value-checkbox');
    await checkbox.waitFor({ timeout: 20_000 });
    assert.equal(await checkbox.getAttribute('aria-checked'), 'false');
    await checkbox.click();
    // The write happened (it is what used to drop the endpoint and profile), in User: the setting is application-scoped.
    await waitUntil(() => settingsFile(wb(), 'User')['iamKeys.allowWriteActions'] === true, { message: 'iamKeys.allowWriteActions true in User/settings.json' });
    await wb().screenshot('settings-allow-write-actions-ticked');
    await wb().runCommand('View: Close Editor');
    // The host has taken the change in (and with it, before the fix, lost the endpoint and
    // profile): the palette offers the write commands.
    await waitUntil(() => paletteOffers(wb(), 'IAM Access Keys: Rotate Access Key…'), { timeout: 30_000, interval: 500, message: 'Rotate Access Key… in the palette' });
    await expectUsersFromLocalEndpoint(wb(), emulator, 'settings-allow-write-actions-then-refresh');
  });
});
