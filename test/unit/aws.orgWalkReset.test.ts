// An organization-wide walk (src/aws/organization/orgTraversal.ts) overtaken by a reset (the
// settings changed while it ran): the entry under way answers for the old settings, so the walk
// stops there, says it was cancelled and enters no further account (#27: the `stale` branch).
// Real SDK over HTTP to the organization endpoint.
import * as assert from 'node:assert/strict';
import type { OrganizationSource } from '../../src/aws/organization/organizationSource';
import { EMULATOR_ACCOUNT_ID } from '../emulator/identities';
import { memberAccountId, type OrgEmulator } from '../emulator/org/index';
import { startOrgSource, type OrgSourceFixture } from '../support/orgSourceFixture';

describe('organization walk overtaken by a reset (#27)', function () {
  this.timeout(30_000);
  let emulator: OrgEmulator;
  let org: OrganizationSource;
  let fixture: OrgSourceFixture;

  beforeEach(async () => {
    fixture = await startOrgSource({ members: 3, usersPerAccount: 2, seed: 4 });
    ({ emulator, org } = fixture);
  });
  afterEach(() => fixture.close());

  it('a reset while a member account is entered stops the walk there: cancelled, no further account entered', async () => {
    const issue = emulator.world.issueRoleSession.bind(emulator.world);
    emulator.world.issueRoleSession = (account, ...rest) => {
      if (account.id === memberAccountId(0)) org.traversal.reset();
      return issue(account, ...rest);
    };
    const result = await org.traversal.walk({ concurrency: 1, visit: async (_account, session) => (await session.api.listAllUsers({ pageSize: 100 })).length });
    assert.equal(result.cancelled, true);
    assert.deepEqual(result.results.map((r) => [r.account.id, r.value]), [[EMULATOR_ACCOUNT_ID, emulator.world.management.store.users().length]]);
    assert.deepEqual(result.failures, []);
    assert.deepEqual(emulator.counters().assumeRoleByTarget, { [memberAccountId(0)]: 1 });
  });
});
