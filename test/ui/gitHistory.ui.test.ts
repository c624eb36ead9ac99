/// <reference lib="dom" />
// Scan Git History for Leaked Access Keys from the palette, in the real workbench: the Leaked
// Keys view lists the keys a real repository's history holds (one committed and removed, one
// still there), grouped by key with their commits, and a finding opens the commit's version of
// the file. Screenshot: test-results/screenshots/history-leaked-keys.png.
import * as assert from 'assert/strict';
import { BUILT_IN_IDENTITIES, credentialsFileText } from '../emulator/identities';
import { startIamEmulator, type IamEmulator } from '../emulator/index';
import { TestRepo } from '../support/gitRepo';
import { useWorkbench, waitUntil } from './workbench';

describe('UI: Scan Git History for Leaked Access Keys', () => {
  let emulator: IamEmulator;
  let removedKey: string;
  let keptKey: string;
  before(async () => {
    emulator = await startIamEmulator({ port: 0, users: 0, seed: 1 });
    emulator.store.addUser({ userName: 'history-user' });
    removedKey = emulator.store.addAccessKey('history-user', { status: 'Active' }).accessKeyId;
    keptKey = emulator.store.addAccessKey('history-user', { status: 'Inactive' }).accessKeyId;
  });
  after(() => emulator?.close());

  const wb = useWorkbench(() => ({
    userSettings: { 'iamKeys.endpoint': emulator.url, 'iamKeys.profile': BUILT_IN_IDENTITIES.caller.profile },
    awsCredentials: credentialsFileText(),
    viewport: { width: 1400, height: 900 },
  }));

  it('lists each key with the commit that added it; a finding opens that commit\'s version of the file', async () => {
    const repo = TestRepo.initIn(wb().workspaceFolder);
    repo.write('config/dev.env', `AWS_ACCESS_KEY_ID=${removedKey}\n`);
    repo.commit('dev credentials');
    repo.deleteFile('config/dev.env');
    repo.commit('remove credentials');
    repo.write('deploy/ci.yaml', `env:\n  old_key: ${keptKey}\n`);
    repo.commit('ci');
    const page = wb().page;
    await wb().runCommand('IAM Access Keys: Scan Git History for Leaked Access Keys');
    const view = page.getByRole('tree', { name: /^Leaked Keys/ });
    await view.waitFor({ timeout: 60_000 });
    const removedRow = view.getByRole('treeitem').filter({ hasText: removedKey }).first();
    await removedRow.waitFor({ timeout: 60_000 });
    const finding = view.getByRole('treeitem').filter({ hasText: 'config/dev.env:1' }).first();
    await finding.waitFor();
    await waitUntil(async () => (await view.getByRole('treeitem').filter({ hasText: keptKey }).count()) > 0, { timeout: 10_000, message: 'the kept key row' });
    assert.match((await view.getByRole('treeitem').filter({ hasText: 'deploy/ci.yaml:2' }).first().getAttribute('aria-label')) ?? '', /still in HEAD/);
    await wb().screenshot('history-leaked-keys');
    await finding.click();
    // The file no longer exists on disk: what opens is the commit's version, at the key's line.
    const tab = page.locator('.tabs-container').getByRole('tab', { name: /dev\.env/ }).first();
    await tab.waitFor({ timeout: 30_000 });
    await waitUntil(async () => ((await page.locator('.monaco-editor .view-lines').first().textContent()) ?? '').includes(removedKey), { timeout: 30_000, message: 'the commit\'s version of config/dev.env' });
    await wb().screenshot('history-open-commit-file');
  });
});
