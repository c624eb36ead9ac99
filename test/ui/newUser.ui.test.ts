/// <reference lib="dom" />
// What a new user hit (issue 16), replayed in the real workbench at the default window size:
// a typed key ID in Find Access Key Owner…, the attention filter narrowing Users, Load All on
// the "Load more…" row, and key rows that show status and health in a default-width sidebar.
import * as assert from 'assert/strict';
import { BUILT_IN_IDENTITIES, credentialsFileText } from '../emulator/identities';
import { startIamEmulator, type IamEmulator } from '../emulator/index';
import { useWorkbench } from './workbench';

const DAY = 86_400_000;

describe('UI: what a new user hit', () => {
  let emulator: IamEmulator;
  let notLoadedKey = '';
  before(async () => {
    emulator = await startIamEmulator({ port: 0, seed: 3, users: 30 });
    const store = emulator.store;
    // One user at the end of the list, far past the first page: nobody loads their keys.
    store.addUser({ userName: 'zz-far-away' });
    notLoadedKey = store.addAccessKey('zz-far-away', { createDate: new Date(Date.now() - 10 * DAY) }).accessKeyId;
    store.addUser({ userName: 'ab-fine' });
    store.addAccessKey('ab-fine', { createDate: new Date(Date.now() - 10 * DAY), lastUsed: { date: new Date(Date.now() - DAY), serviceName: 's3', region: 'us-east-1' } });
    store.addUser({ userName: 'aa-old-key' });
    store.addAccessKey('aa-old-key', { createDate: new Date(Date.now() - 500 * DAY), lastUsed: { date: new Date(Date.now() - DAY), serviceName: 's3', region: 'us-east-1' } });
  });
  after(() => emulator?.close());

  const wb = useWorkbench(() => ({
    userSettings: {
      'iamKeys.endpoint': emulator.url,
      'iamKeys.profile': BUILT_IN_IDENTITIES.caller.profile,
      'iamKeys.pageSize': 10,
    },
    awsCredentials: credentialsFileText(),
  }));

  async function palette(title: string): Promise<void> {
    const widget = wb().page.locator('.quick-input-widget');
    await wb().page.keyboard.press('F1');
    await widget.locator('input.input').fill(`>IAM Access Keys: ${title}`);
    await widget.getByRole('option', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().click();
  }

  it('"Load all" is a button on the "Load more…" row', async () => {
    await wb().openContainer();
    await wb().expand('Users');
    const row = wb().treeItem('Load more…');
    await row.hover();
    const button = row.getByRole('button', { name: 'Load All' });
    await button.waitFor();
    await wb().screenshot('issue16-load-all-button');
    await button.click();
    await wb().treeItem('Load more…').waitFor({ state: 'detached', timeout: 30_000 });
    // The list is virtual (rows past the fold are not in the DOM): the count says all are loaded,
    // every user of the endpoint (no "+": nothing left to page).
    const all = emulator.store.users().length;
    const users = (await wb().treeItem('Users').textContent()) ?? '';
    assert.match(users, new RegExp(`^Users\\s*${all}$`), `${users} (the endpoint has ${all} users)`);
  });

  it('Find Access Key Owner… takes a typed ID that is not loaded and names its owner', async () => {
    // Refresh drops what "Load all" loaded: zz-far-away's keys were never listed either way.
    await palette('Refresh');
    await wb().expand('Users');
    await wb().treeItem('Load more…').waitFor();
    await palette('Find Access Key Owner…');
    const input = wb().page.locator('.quick-input-widget input.input');
    await input.fill(notLoadedKey);
    await wb().screenshot('issue16-find-owner-typed-id');
    await wb().page.keyboard.press('Enter');
    await wb().page.waitForFunction((id) => Array.from(document.querySelectorAll('.notification-list-item')).some((n) => n.textContent?.includes(`${id} belongs to zz-far-away`)), notLoadedKey, { timeout: 30_000 });
    await wb().screenshot('issue16-find-owner-found');
  });

  it('Show Only Keys Needing Attention narrows Users to users with flagged keys, opened', async () => {
    // The owner lookup revealed zz-far-away's key far down; back to the top, where ab-fine is.
    await wb().treeItem(notLoadedKey).click();
    await wb().page.keyboard.press('Home');
    await wb().treeItem(/^ab-fine/).waitFor();
    await palette('Show Only Keys Needing Attention');
    // ab-fine (a 10-day key used yesterday) sorts right under aa-old-key, so it is on screen until
    // every loaded user's keys are checked (two calls each); then it goes.
    await wb().treeItem(/^aa-old-key/).waitFor({ timeout: 60_000 });
    await wb().treeItem(/^ab-fine/).waitFor({ state: 'detached', timeout: 90_000 });
    const usersRow = wb().page.getByRole('treeitem').filter({ hasText: /^Users\s*\d+ of \d+ · needing attention/ });
    await usersRow.first().waitFor({ timeout: 30_000 });
    const oldKey = emulator.store.keysOf({ kind: 'user', user: emulator.store.getUser('aa-old-key')! })[0].accessKeyId;
    await wb().treeItem(oldKey).waitFor();
    const row = (await wb().treeItem(oldKey).textContent()) ?? '';
    // What matters first: the health word comes before the age in the row.
    assert.match(row, /rotat/i, row);
    await wb().screenshot('issue16-attention-filter');
    await palette('Show All Keys');
  });
});
