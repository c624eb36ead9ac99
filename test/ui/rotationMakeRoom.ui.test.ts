/// <reference lib="dom" />
// Issue #23: the make-room confirmation as a person meets it. The user already has two keys,
// the other one Inactive: Rotate… from "My access keys", confirm, and a second modal names the
// other key with "Delete AKIA… and rotate"; clicking it deletes that key and rotates. Screenshots
// test-results/screenshots/issue23-make-room-*.png; no secret anywhere in the page.
import * as assert from 'assert/strict';
import { BUILT_IN_IDENTITIES, CALLER_USER_NAME, credentialsFileText } from '../emulator/identities';
import { startIamEmulator, type IamEmulator } from '../emulator/index';
import { useWorkbench } from './workbench';

const PROFILE = BUILT_IN_IDENTITIES.caller.profile;
const OLD_SECRET = BUILT_IN_IDENTITIES.caller.credentials.secretAccessKey;
const OTHER_KEY = 'AKIAOTHERKEYOFADMIN3';

describe('UI: Rotate… with two keys already (make room)', () => {
  let emulator: IamEmulator;
  before(async () => {
    emulator = await startIamEmulator({ port: 0, seed: 23 });
    emulator.store.addAccessKey(CALLER_USER_NAME, { accessKeyId: OTHER_KEY, status: 'Inactive', lastUsed: { date: new Date('2026-03-04T05:06:07Z'), serviceName: 's3', region: 'eu-west-1' } });
  });
  after(() => emulator?.close());

  const wb = useWorkbench(() => ({
    userSettings: { 'iamKeys.endpoint': emulator.url, 'iamKeys.profile': PROFILE, 'iamKeys.allowWriteActions': true },
    awsCredentials: credentialsFileText(),
  }));

  it('the second modal names the Inactive other key and its last use; "Delete AKIA… and rotate" deletes it, then rotates', async () => {
    await wb().openContainer();
    await wb().expand(/^My access keys/);
    await wb().treeItem(OTHER_KEY).waitFor({ timeout: 30_000 });
    await wb().treeItem(/^My access keys/).click({ button: 'right' });
    const entry = wb().page.locator('.context-view .monaco-menu').getByRole('menuitem', { name: 'Rotate Access Key…' });
    await entry.waitFor();
    await wb().screenshot('issue23-make-room-menu');
    await entry.click();
    const dialog = wb().page.getByRole('dialog');
    await dialog.getByText(`Rotate the access key of ${PROFILE}?`).waitFor();
    await dialog.getByRole('button', { name: 'Rotate', exact: true }).click();
    await dialog.getByText(`${CALLER_USER_NAME} already has two access keys, the most IAM allows.`).waitFor({ timeout: 30_000 });
    await dialog.getByText(`The other key ${OTHER_KEY} is Inactive, last used 2026-03-04 05:06 UTC (s3).`, { exact: false }).waitFor();
    await wb().screenshot('issue23-make-room-confirm');
    assert.deepEqual(emulator.writeLog(), [], 'nothing is sent before the make-room confirmation');
    await dialog.getByRole('button', { name: `Delete ${OTHER_KEY} and rotate` }).click();

    await wb().page.waitForFunction(
      (wanted) => Array.from(document.querySelectorAll('.notification-list-item')).some((n) => n.textContent?.includes(wanted)),
      `${OTHER_KEY} (Inactive) was deleted to make room.`,
      { timeout: 60_000 },
    );
    await wb().screenshot('issue23-make-room-done');
    const writes = emulator.writeLog().map((w) => w.action);
    assert.deepEqual(writes, ['DeleteAccessKey', 'CreateAccessKey', 'UpdateAccessKey']);
    const newKey = emulator.writeLog().find((w) => w.action === 'CreateAccessKey')?.accessKeyId ?? '';
    const html = await wb().page.content();
    for (const secret of [OLD_SECRET, emulator.store.findAccessKey(newKey)?.key.secretAccessKey ?? 'missing']) assert.equal(html.includes(secret), false, 'a secret is in the page');
    assert.equal(emulator.writeLog().find((w) => w.action === 'DeleteAccessKey')?.accessKeyId, OTHER_KEY);
  });
});
