// Organization mode in the real workbench: the organization root lists its accounts by name
// and ID, a member expands to its Users, a member whose role can't be assumed is a row with
// the reason, and the suspended member is greyed and can't be expanded.
import * as assert from 'assert/strict';
import { BUILT_IN_IDENTITIES, credentialsFileText } from '../emulator/identities';
import { DEFAULT_ROLE_NAME, memberAccountId, startOrgEmulator, type OrgEmulator } from '../emulator/org/index';
import { useWorkbench } from './workbench';

const ADMIN = BUILT_IN_IDENTITIES.caller.profile;

describe('UI: organization mode', () => {
  let emulator: OrgEmulator;
  before(async () => {
    emulator = await startOrgEmulator({ members: 12, usersPerAccount: 3, denyingMembers: [2], suspendedMembers: [4], seed: 13 });
  });
  after(() => emulator?.close());

  const wb = useWorkbench(() => ({
    userSettings: {
      'iamKeys.endpoint': emulator.url,
      'iamKeys.profile': ADMIN,
      'iamKeys.organizations': [{ profile: ADMIN, roleName: DEFAULT_ROLE_NAME }],
    },
    awsCredentials: credentialsFileText(),
  }));

  it('shows the organization’s accounts; a member opens to its users, a denied one says why, the suspended one is greyed', async () => {
    await wb().openContainer();
    await wb().expand(/^Organization /);
    const member0 = wb().treeItem('member-000', { exact: true });
    await member0.waitFor({ timeout: 30_000 });
    assert.equal(emulator.counters().assumeRoleByTarget[memberAccountId(0)], undefined, 'listing assumes no role');
    await wb().treeItem(/^Organization o-exampleorg1 via /).waitFor({ timeout: 30_000 });

    const suspended = wb().treeItem('member-004', { exact: true });
    assert.match((await suspended.locator('.label-description').textContent()) ?? '', new RegExp(`${memberAccountId(4)} · suspended`));
    assert.equal(await suspended.getAttribute('aria-expanded'), null, 'a suspended account has no twistie');
    assert.equal(await suspended.locator('.codicon-circle-slash').count(), 1, 'the greyed (disabled) icon');

    await wb().expand('member-002');
    const denied = wb().treeItem(/not authorized|Access denied/i);
    await denied.waitFor({ timeout: 30_000 });

    await wb().expand('member-000');
    // The member's Users row sits at level 3 (organization, account, Users); a profile root's is at level 2.
    const memberUsers = wb().tree.locator('[role="treeitem"][aria-level="3"]').filter({ hasText: /^Users/ });
    await memberUsers.locator('.monaco-tl-twistie').click();
    const firstUser = emulator.world.account(memberAccountId(0))?.store.users()[0]?.userName;
    assert.ok(firstUser);
    await wb().treeItem(firstUser, { exact: true }).waitFor({ timeout: 30_000 });
    assert.equal(emulator.counters().assumeRoleByTarget[memberAccountId(0)], 1, 'one AssumeRole for the account opened');
    await wb().screenshot('issue13-org-tree');
  });
});
