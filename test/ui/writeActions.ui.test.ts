/// <reference lib="dom" />
// Issue #12: Rotate… and Delete… as a person runs them, in the real workbench with
// iamKeys.allowWriteActions on: Rotate… from the "My access keys" row's context menu, the modal
// confirmation, the result notification; then Delete… on the old key's row (now Inactive), the
// input box that asks for the key ID, the typed ID, the result. A screenshot of each step
// (test-results/screenshots/issue12-*.png); after each step, neither the old nor the new secret
// is anywhere in the page (its text and its HTML, attributes included).
import * as assert from 'assert/strict';
import type { Locator } from 'playwright-core';
import { BUILT_IN_IDENTITIES, CALLER_USER_NAME, credentialsFileText } from '../emulator/identities';
import { startIamEmulator, type IamEmulator } from '../emulator/index';
import { useWorkbench } from './workbench';

const PROFILE = BUILT_IN_IDENTITIES.caller.profile;
const OLD_KEY = BUILT_IN_IDENTITIES.caller.credentials.accessKeyId;
const OLD_SECRET = BUILT_IN_IDENTITIES.caller.credentials.secretAccessKey;

describe('UI: Rotate… and Delete… from the tree (write actions on)', () => {
  let emulator: IamEmulator;
  let newKey = '';
  before(async () => {
    emulator = await startIamEmulator({ port: 0, seed: 12 });
  });
  after(() => emulator?.close());

  const wb = useWorkbench(() => ({
    userSettings: {
      'iamKeys.endpoint': emulator.url,
      'iamKeys.profile': PROFILE,
      'iamKeys.allowWriteActions': true,
    },
    awsCredentials: credentialsFileText(),
  }));

  function keysOnEndpoint(): Record<string, string> {
    const user = emulator.store.getUser(CALLER_USER_NAME);
    assert.ok(user);
    return Object.fromEntries(user.accessKeys.map((k) => [k.accessKeyId, k.status]));
  }

  /** The secrets the emulator holds for the keys in play: none may be in the page. */
  async function assertNoSecretInPage(step: string): Promise<void> {
    const secrets = [OLD_SECRET, ...(newKey ? [emulator.store.findAccessKey(newKey)?.key.secretAccessKey ?? 'missing new secret'] : [])];
    const text = await wb().page.evaluate(() => document.body.innerText);
    const html = await wb().page.content();
    assert.ok(text.length > 0 && html.length > text.length, 'the page has text');
    for (const secret of secrets) {
      assert.equal(text.includes(secret), false, `a secret is in the page's text after ${step}`);
      assert.equal(html.includes(secret), false, `a secret is in the page's HTML after ${step}`);
    }
  }

  /** Opens a row's context menu and returns the entry labelled `title`. */
  async function contextMenuEntry(row: Locator, title: string): Promise<Locator> {
    await row.click({ button: 'right' });
    const entry = wb().page.locator('.context-view .monaco-menu').getByRole('menuitem', { name: title });
    await entry.waitFor();
    return entry;
  }

  async function notification(text: string): Promise<void> {
    await wb().page.waitForFunction((wanted) => Array.from(document.querySelectorAll('.notification-list-item')).some((n) => n.textContent?.includes(wanted)), text, { timeout: 60_000 });
  }

  it('Rotate… on the profile\'s "My access keys" row: confirm, the key is rotated, the notification names both keys', async () => {
    await wb().openContainer();
    await wb().expand(/^My access keys/);
    await wb().treeItem(OLD_KEY).waitFor({ timeout: 30_000 });
    const entry = await contextMenuEntry(wb().treeItem(/^My access keys/), 'Rotate Access Key…');
    await wb().screenshot('issue12-rotate-menu');
    await entry.click();
    const dialog = wb().page.getByRole('dialog');
    await dialog.getByText(`Rotate the access key of ${PROFILE}?`).waitFor();
    await wb().screenshot('issue12-rotate-confirm');
    assert.deepEqual(emulator.writeLog(), [], 'nothing is sent before the confirmation');
    await dialog.getByRole('button', { name: 'Rotate', exact: true }).click();

    await notification(`is now in ${PROFILE}; the old key ${OLD_KEY} is Inactive.`);
    const created = emulator.writeLog().find((w) => w.action === 'CreateAccessKey');
    newKey = created?.accessKeyId ?? '';
    assert.match(newKey, /^AKIA/);
    await notification(`Rotation of ${PROFILE} done: ${newKey} is now in ${PROFILE}; the old key ${OLD_KEY} is Inactive.`);
    assert.deepEqual(keysOnEndpoint(), { [OLD_KEY]: 'Inactive', [newKey]: 'Active' });
    // The list reloads with the new key; the old row now says Inactive.
    await wb().treeItem(newKey).waitFor({ timeout: 30_000 });
    // The row's accessible name has the whole key ID and its status (its label, the ID's last 4 characters).
    await wb().page.waitForFunction(
      (id) => Array.from(document.querySelectorAll('[role=treeitem]')).some((r) => (r.getAttribute('aria-label') ?? '').includes(id) && (r.getAttribute('aria-label') ?? '').includes('Inactive')),
      OLD_KEY,
      { timeout: 30_000 },
    );
    await wb().screenshot('issue12-rotate-done');
    await assertNoSecretInPage('Rotate…');
  });

  it('Delete… on the Inactive key row asks for the key ID in an input box; typing it deletes the key', async () => {
    assert.ok(newKey, 'the rotation test made a new key');
    const entry = await contextMenuEntry(wb().treeItem(OLD_KEY), 'Delete Access Key…');
    await wb().screenshot('issue12-delete-menu');
    await entry.click();
    const widget = wb().page.locator('.quick-input-widget');
    await widget.getByText(`Delete ${OLD_KEY} of ${CALLER_USER_NAME}`).waitFor();
    const prompt = (await widget.locator('.quick-input-message').textContent()) ?? '';
    assert.match(prompt, /^Last used: .+\. Deleting cannot be undone\. Type the key ID to delete it\./);
    assert.equal(await widget.locator('input.input').getAttribute('placeholder'), OLD_KEY);
    await wb().screenshot('issue12-delete-input');
    assert.deepEqual(keysOnEndpoint(), { [OLD_KEY]: 'Inactive', [newKey]: 'Active' }, 'nothing deleted before the ID is typed');

    await widget.locator('input.input').fill(OLD_KEY);
    await wb().screenshot('issue12-delete-typed');
    await wb().page.keyboard.press('Enter');
    await notification(`${OLD_KEY} was deleted.`);
    await wb().treeItem(OLD_KEY).waitFor({ state: 'detached', timeout: 30_000 });
    await wb().screenshot('issue12-delete-done');
    assert.deepEqual(keysOnEndpoint(), { [newKey]: 'Active' });
    assert.deepEqual(
      emulator.writeLog().map((w) => [w.action, w.accessKeyId]),
      [
        ['CreateAccessKey', newKey],
        ['UpdateAccessKey', OLD_KEY],
        ['DeleteAccessKey', OLD_KEY],
      ],
    );
    await assertNoSecretInPage('Delete…');
  });
});
