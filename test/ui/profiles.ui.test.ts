/// <reference lib="dom" />
// Two profiles side by side, expanded as fast as a person could click: each keeps its rows.
import * as assert from 'assert/strict';
import { BUILT_IN_IDENTITIES, EMULATOR_ACCOUNT_ID, credentialsFileText } from '../emulator/identities';
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
    // Both roots keep their children while identities and lists arrive: wait until both
    // identities did (each root then shows the account and the tree redraws), not a fixed time.
    const root = (profile: string) => wb().tree.getByRole('treeitem').filter({ has: wb().page.locator('.label-name', { hasText: new RegExp(`^${profile}$`) }) });
    for (const profile of [BUILT_IN_IDENTITIES.caller.profile, BUILT_IN_IDENTITIES.limited.profile]) {
      await root(profile).filter({ hasText: EMULATOR_ACCOUNT_ID }).waitFor({ timeout: 20_000 });
    }
    const labels = await wb().tree.getByRole('treeitem').allTextContents();
    // A key row shows the ID's last 4 characters; its accessible name has the whole ID.
    const names = await wb().tree.getByRole('treeitem').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
    assert.ok(names.some((n) => n.includes(BUILT_IN_IDENTITIES.caller.credentials.accessKeyId)), names.join(' | '));
    assert.equal(labels.filter((l) => l.startsWith('Users')).length, 2, labels.join(' | '));
    await wb().screenshot('two-profiles');
  });
});
