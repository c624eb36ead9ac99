/// <reference lib="dom" />
// The product as a person meets it: the real workbench in headless Chromium, the extension
// against the local IAM endpoint (demo data). Clicks "Load more…", expands a user, runs a
// palette command and opens a hover, with a screenshot of each.
import * as assert from 'assert/strict';
import { BUILT_IN_IDENTITIES, credentialsFileText } from '../emulator/identities';
import { startIamEmulator, type IamEmulator } from '../emulator/index';
import { useWorkbench, waitUntil } from './workbench';

describe('UI: Access Keys explorer, commands and hover', () => {
  let emulator: IamEmulator;
  let keyedUser = '';
  let keyId = '';
  before(async () => {
    emulator = await startIamEmulator({ port: 0, demo: true, seed: 1 });
    const store = emulator.store;
    const user = store.users().find((u) => store.keysOf({ kind: 'user', user: u }).length > 0 && u.userName !== BUILT_IN_IDENTITIES.caller.userName)!;
    keyedUser = user.userName;
    keyId = store.keysOf({ kind: 'user', user })[0].accessKeyId;
  });
  after(() => emulator?.close());

  const wb = useWorkbench(() => ({
    userSettings: {
      'iamKeys.endpoint': emulator.url,
      'iamKeys.profile': BUILT_IN_IDENTITIES.caller.profile,
      'iamKeys.pageSize': 8,
      // The key is on line 2: no room above it for the hover once the leak diagnostic's part
      // joins ours (diagnostics are on by default), and the workbench then hides the widget.
      'editor.hover.above': false,
    },
    awsCredentials: credentialsFileText(),
    workspaceFiles: { 'ci/deploy.env': `# pasted from a ticket\nAWS_ACCESS_KEY_ID=${keyId}\nREGION=us-east-1\n` },
    viewport: { width: 1400, height: 900 },
  }));

  it('"Load more…" appends the next page in place with one call', async () => {
    await wb().openContainer();
    await wb().expand('Users');
    await wb().treeItem('Load more…').waitFor();
    const before = await wb().tree.getByRole('treeitem').count();
    emulator.resetCounters();
    await wb().treeItem('Load more…').click();
    await wb().page.waitForFunction(
      (n) => document.querySelectorAll('[role=treeitem]').length > n,
      before,
      { timeout: 20_000 },
    );
    assert.equal(emulator.counters().byAction.ListUsers, 1);
    await wb().screenshot('explorer-load-more');
  });

  it('a user expands to their keys with status and age', async () => {
    await wb().expand(new RegExp(`^${keyedUser}`));
    await wb().treeItem(keyId).waitFor();
    const row = await wb().treeItem(keyId).textContent();
    assert.match(row ?? '', /(Active|Inactive) · /);
    await wb().screenshot('explorer-user-keys');
  });

  /** Runs List Access Keys… from the palette, types `userName` and presses Enter at once, as a quick typist does. */
  async function listAccessKeysTypedAndEntered(userName: string): Promise<void> {
    // Not runCommand(): our own quick pick opens in the same widget, so it never hides.
    const widget = wb().page.locator('.quick-input-widget');
    const input = widget.locator('input.input');
    await wb().page.keyboard.press('F1');
    await input.fill('>IAM Access Keys: List Access Keys');
    await widget.getByRole('option', { name: /List Access Keys…/ }).first().click();
    await widget.getByText('List Access Keys — user name').waitFor();
    await input.fill(userName);
    await wb().page.keyboard.press('Enter');
  }

  it('List Access Keys… from the palette: a listed user typed and entered at once opens that user\'s keys as aws CLI JSON', async () => {
    // The user's row was listed before anything was typed; Enter before the pick's update used
    // to take "(my own keys)" (the workbench answered with a row index of the older rows).
    await listAccessKeysTypedAndEntered(keyedUser);
    const editor = wb().page.locator('.monaco-editor .view-lines').first();
    await wb().page.getByRole('tab', { name: new RegExp(`list-access-keys-${keyedUser}`) }).first().waitFor();
    await wb().page.waitForFunction((id) => document.body.innerText.includes(id), keyId, { timeout: 20_000 });
    assert.match((await editor.textContent()) ?? '', /AccessKeyMetadata/);
    await wb().screenshot('command-list-access-keys-json');
  });

  it('List Access Keys…: a user not yet listed, typed and entered at once, is looked up by that name (not "(my own keys)")', async () => {
    const store = emulator.store;
    const names = store.users().map((u) => u.userName);
    // Past the two pages (page size 8) the tree has loaded: the pick has no row for this user.
    const unlisted = store.users().find((u, i) => i >= 16 && store.keysOf({ kind: 'user', user: u }).length > 0)!;
    assert.ok(unlisted, names.join(', '));
    const unlistedKey = store.keysOf({ kind: 'user', user: unlisted })[0].accessKeyId;
    await listAccessKeysTypedAndEntered(unlisted.userName);
    await wb().page.getByRole('tab', { name: new RegExp(`list-access-keys-${unlisted.userName}`) }).first().waitFor();
    await wb().page.waitForFunction((id) => document.body.innerText.includes(id), unlistedKey, { timeout: 20_000 });
  });

  it('hovering a key ID in a file names its owner', async () => {
    await wb().openFile('ci/deploy.env');
    // The leak diagnostic on the ID (diagnostics are on by default) is published once the lookup
    // the hover shares has answered: after that, one hover must name the owner, no second try.
    const problems = wb().page.locator('[id="status.problems"]');
    await waitUntil(async () => /[1-9]/.test((await problems.textContent()) ?? ''), { timeout: 30_000, message: 'a problem in the status bar' });
    await wb().goTo(2, 22);
    const hover = await wb().showHover();
    const owner = `Owner: ${keyedUser}`;
    await wb().page.waitForFunction((text) => {
      const el = document.querySelector('.monaco-editor .monaco-hover:not(.hidden)');
      return el?.textContent?.includes(text) ?? false;
    }, owner, { timeout: 20_000 });
    const text = (await hover.textContent()) ?? '';
    assert.ok(text.includes(owner), text);
    // The diagnostic's part (the Problems message with its Quick Fix) names the same owner.
    assert.match(text, new RegExp(`(?:Active|Inactive) access key of ${keyedUser.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} in \\d{12}`), text);
    await wb().screenshot('hover-access-key');
  });
});
