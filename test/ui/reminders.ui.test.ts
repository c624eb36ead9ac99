/// <reference lib="dom" />
// Issue #23, reminders as a person sees them: the status-bar item for a profile's key past
// iamKeys.rotationWarningDays, the reminder notification with its three buttons, and the
// item's click opening the rotation's confirmation (cancelled: nothing is written).
// Screenshots: test-results/screenshots/issue23-reminder-*.png.
import * as assert from 'assert/strict';
import { BUILT_IN_IDENTITIES, credentialsFileText } from '../emulator/identities';
import { startIamEmulator, type IamEmulator } from '../emulator/index';
import { useWorkbench } from './workbench';

const PROFILE = BUILT_IN_IDENTITIES.caller.profile;
const KEY = BUILT_IN_IDENTITIES.caller.credentials.accessKeyId;

describe('UI: rotation reminders (status bar and notification)', () => {
  let emulator: IamEmulator;
  before(async () => {
    // Ages count from today: the profile's key is 45 days old, past the 30 days set below.
    emulator = await startIamEmulator({ port: 0, seed: 23, referenceDate: new Date() });
  });
  after(() => emulator?.close());

  const wb = useWorkbench(() => ({
    userSettings: {
      'iamKeys.endpoint': emulator.url,
      'iamKeys.profile': PROFILE,
      'iamKeys.rotationWarningDays': 30,
      'iamKeys.rotationReminders': true,
      'iamKeys.allowWriteActions': true,
    },
    awsCredentials: credentialsFileText(),
  }));

  it('shows the item and the reminder; the item opens the rotation confirmation', async () => {
    const page = wb().page;
    await wb().openContainer();
    const item = page.locator('.statusbar-item').filter({ hasText: 'Key 45 days old' });
    await item.waitFor({ timeout: 30_000 });
    const reminder = page.locator('.notification-list-item').filter({ hasText: `The access key ${KEY} of profile ${PROFILE} is 45 days old (rotate every 30 days).` });
    await reminder.waitFor({ timeout: 30_000 });
    await wb().settle();
    await wb().screenshot('issue23-reminder-status-bar-and-notification');
    for (const button of ['Rotate…', 'Remind me in 7 days', "Don't remind for this key"]) {
      assert.equal(await reminder.getByRole('button', { name: button, exact: true }).count(), 1, `the notification has "${button}"`);
    }
    await reminder.getByRole('button', { name: 'Remind me in 7 days', exact: true }).click();
    await reminder.waitFor({ state: 'detached', timeout: 15_000 });

    await item.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Rotate the access key of ${PROFILE}?`).waitFor({ timeout: 30_000 });
    await wb().screenshot('issue23-reminder-click-confirm');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    assert.deepEqual(emulator.writeLog(), [], 'a cancelled confirmation writes nothing');
  });
});
