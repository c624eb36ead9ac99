/// <reference lib="dom" />
// Two profiles side by side, expanded as fast as a person could click: each keeps its rows.
import * as assert from 'assert/strict';
import { BUILT_IN_IDENTITIES, credentialsFileText } from '../emulator/identities';
import { startIamEmulator, type IamEmulator } from '../emulator/index';
import { useWorkbench } from './workbench';

describe('UI: two profiles side by side', () => {
  let emulator: IamEmulator;
  before(async () => {
    emulator = await startIamEmulator({ port: 0, demo: true, seed: 1, latencyMs: 300 });
  });
  after(() => emulator?.close());

  const wb = useWorkbench(() => ({
    userSettings: {
      'iamKeys.endpoint': emulator.url,
      'iamKeys.profile': BUILT_IN_IDENTITIES.caller.profile,
      'iamKeys.profiles': [BUILT_IN_IDENTITIES.limited.profile],
    },
    awsCredentials: credentialsFileText(),
  }));

  it('expanding "My access keys" right away shows the keys under the right profile', async () => {
    await wb().openContainer();
    await wb().treeItem(BUILT_IN_IDENTITIES.limited.profile).waitFor();
    await wb().expand(/^My access keys/);
    await wb().treeItem(BUILT_IN_IDENTITIES.caller.credentials.accessKeyId).waitFor({ timeout: 20_000 });
    // Both roots keep their children while identities and lists arrive.
    await wb().page.waitForTimeout(2500);
    const labels = await wb().tree.getByRole('treeitem').allTextContents();
    assert.ok(labels.some((l) => l.includes(BUILT_IN_IDENTITIES.caller.credentials.accessKeyId)), labels.join(' | '));
    assert.equal(labels.filter((l) => l.startsWith('Users')).length, 2, labels.join(' | '));
    await wb().screenshot('two-profiles');
  });
});
