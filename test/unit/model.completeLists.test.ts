// The organization walks read a member account's model where it holds a list complete (the tree
// loaded every page), so what the tree loaded is not listed again; a list loaded in part is
// listed by the walk. Real SDK over HTTP to the organization emulator; the member session is the
// account source's (sessionFor), its model AccountModels'.
import * as assert from 'node:assert/strict';
import type { OrganizationSource } from '../../src/aws/organization/organizationSource';
import { findOrganizationKeysNeedingAttention } from '../../src/aws/organization/orgWideAttention';
import { exportOrganizationKeys } from '../../src/aws/organization/orgWideExport';
import type { OrgWideOptions } from '../../src/aws/organization/orgWideWalk';
import { AccountModels } from '../../src/model/accountModels';
import { completeListsOf } from '../../src/model/completeLists';
import { memberAccountId, type OrgEmulator } from '../emulator/org/index';
import { startOrgSource, type OrgSourceFixture } from '../support/orgSourceFixture';
import { readCsv } from '../../src/aws/csvReader';

describe('model: organization walks read the account models', function () {
  this.timeout(60_000);
  let emulator: OrgEmulator;
  let org: OrganizationSource;
  let fixture: OrgSourceFixture;
  let models: AccountModels;
  const options: OrgWideOptions = { concurrency: 2, perAccountConcurrency: 2, thresholds: { now: new Date(), rotationWarningDays: 90, unusedWarningDays: 45 } };
  const source = () => fixture.source();

  beforeEach(async () => {
    fixture = await startOrgSource({ members: 3, usersPerAccount: 5, seed: 22 });
    ({ emulator, org } = fixture);
    models = new AccountModels(() => 2);
  });
  afterEach(async () => {
    models.clear();
    await fixture.close();
  });

  /** Enters member `index` as the tree does and returns its model (the source's session). */
  async function modelOfMember(index: number) {
    await org.traversal.accounts.loadAll();
    const account = org.traversal.accounts.loaded.find((a) => a.id === memberAccountId(index));
    assert.ok(account);
    const entered = await org.traversal.enter(account);
    assert.ok(entered.kind === 'entered');
    assert.equal(entered.session, org.sessionFor(account), 'one session per member account, the source\'s');
    return models.of(entered.session);
  }

  const iamCalls = (accountId: string, action: string): number => emulator.counters().byAccount[accountId]?.[action] ?? 0;

  it('export: an account whose users and keys the tree loaded in full is read from its model, with no list call', async () => {
    const model = await modelOfMember(1);
    await model.users.loadAll();
    for (const user of model.users.loaded) await model.keysOf(user.UserName).loadAll();
    emulator.resetCounters();
    const result = await exportOrganizationKeys([source()], { ...options, loaded: completeListsOf(models) });
    const loadedId = memberAccountId(1);
    assert.equal(iamCalls(loadedId, 'ListUsers'), 0);
    assert.equal(iamCalls(loadedId, 'ListAccessKeys'), 0);
    assert.ok(iamCalls(memberAccountId(2), 'ListUsers') > 0, 'an account nobody opened is listed by the walk');
    const store = emulator.world.account(loadedId)!.store;
    const expected = store.users().flatMap((u) => u.accessKeys.map((k) => k.accessKeyId)).sort();
    assert.deepEqual(result.rows.filter((r) => r.account === loadedId).map((r) => r.key.AccessKeyId).sort(), expected);
  });

  it('export: a users list loaded in part is listed by the walk (the model is not trusted for what it lacks)', async () => {
    const model = await modelOfMember(1);
    await model.users.loadNext(); // page size 2 of 5 users
    emulator.resetCounters();
    const result = await exportOrganizationKeys([source()], { ...options, loaded: completeListsOf(models) });
    assert.equal(iamCalls(memberAccountId(1), 'ListUsers'), 1);
    assert.equal(result.rows.filter((r) => r.account === memberAccountId(1)).length, emulator.world.account(memberAccountId(1))!.store.users().flatMap((u) => u.accessKeys).length);
  });

  it('attention where the credential report is denied: the walk reads the loaded lists too', async () => {
    const issue = emulator.world.issueRoleSession.bind(emulator.world);
    emulator.world.issueRoleSession = (account, ...rest) => {
      const session = issue(account, ...rest);
      session.principal.deniedActions.add('GenerateCredentialReport');
      return session;
    };
    const model = await modelOfMember(1);
    await model.users.loadAll();
    for (const user of model.users.loaded) await model.keysOf(user.UserName).loadAll();
    emulator.resetCounters();
    const result = await findOrganizationKeysNeedingAttention([source()], { ...options, readCsv, loaded: completeListsOf(models) });
    assert.equal(result.accountResults.find((a) => a.accountId === memberAccountId(1))?.source, 'live');
    assert.equal(iamCalls(memberAccountId(1), 'ListUsers'), 0);
    assert.equal(iamCalls(memberAccountId(1), 'ListAccessKeys'), 0);
    assert.ok(iamCalls(memberAccountId(2), 'ListUsers') > 0, 'an account nobody opened is listed live');
  });
});
