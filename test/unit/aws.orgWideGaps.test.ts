// Organization-wide export and attention (src/aws/organization/orgWide*.ts) where a sampled
// Stryker run found behaviour no test checked (#27): a cancel in the middle of a user's key
// listing is no failure of that user and asks no further user; one account's failure while
// reading its report ends only that account (and the others' flagged keys carry the IDs of their
// report slots, root's none); an account list that stops early says why.
// Real SDK over HTTP to the organization endpoint.
import * as assert from 'node:assert/strict';
import { readCsv } from '../../src/aws/csvReader';
import type { OrganizationSource } from '../../src/aws/organization/organizationSource';
import { findOrganizationKeysNeedingAttention } from '../../src/aws/organization/orgWideAttention';
import { exportOrganizationKeys } from '../../src/aws/organization/orgWideExport';
import type { OrgWideOptions } from '../../src/aws/organization/orgWideWalk';
import { CALLER_CREDENTIALS, EMULATOR_ACCOUNT_ID } from '../emulator/identities';
import { apiErrors } from '../emulator/protocol/errors';
import { memberAccountId, type OrgEmulator } from '../emulator/org/index';
import { abortOnKeyListing, startOrgSource, type OrgSourceFixture } from '../support/orgSourceFixture';

describe('organization-wide walks: cancel, one failing account, a short account list (#27)', function () {
  this.timeout(60_000);
  let emulator: OrgEmulator;
  let org: OrganizationSource;
  let fixture: OrgSourceFixture;
  const warnings: string[] = [];
  const log = { warn: (message: string) => warnings.push(message), debug: () => undefined };
  const options = (): OrgWideOptions => ({ concurrency: 1, perAccountConcurrency: 1, thresholds: { now: new Date(), rotationWarningDays: 90, unusedWarningDays: 45 }, log });

  const start = async (members: number, denyingMembers: number[] = []): Promise<void> => {
    warnings.length = 0;
    fixture = await startOrgSource({ members, usersPerAccount: 3, seed: 9, denyingMembers });
    ({ emulator, org } = fixture);
  };
  afterEach(() => fixture.close());
  const source = () => fixture.source();

  it('a cancel while a user’s keys are listed stops the export there and logs no failure for that user', async () => {
    await start(3);
    const controller = new AbortController();
    // The endpoint cancels while it answers the first ListAccessKeys of the walk.
    abortOnKeyListing(emulator, controller);
    const result = await exportOrganizationKeys([source()], { ...options(), signal: controller.signal });
    assert.equal(result.cancelled, true);
    assert.equal(result.partial, true);
    assert.deepEqual(result.rows, []);
    assert.equal(result.failedUsers, 0);
    assert.equal(emulator.counters().byAction.ListAccessKeys, 1, 'no further user asked');
    assert.equal(Object.keys(emulator.counters().assumeRoleByTarget).length, 0, 'no member account entered after the first (management) one');
    assert.deepEqual(warnings, []);
  });

  it('a user deleted after the user listing is counted as failed; the rest of the account is exported', async () => {
    await start(1);
    const member = emulator.world.account(memberAccountId(0));
    const gone = member?.store.users()[1];
    assert.ok(member && gone);
    const keysOf = member.store.keysOf.bind(member.store);
    member.store.keysOf = (owner) => {
      if (owner.kind === 'user' && owner.user.userName === gone.userName) throw apiErrors.noSuchUser(gone.userName);
      return keysOf(owner);
    };
    const result = await exportOrganizationKeys([source()], options());
    assert.equal(result.failedUsers, 1);
    assert.deepEqual(result.failedAccounts, []);
    assert.equal(result.accounts, 2);
    const expected = member.store.users().filter((u) => u !== gone).flatMap((u) => u.accessKeys.map((k) => k.accessKeyId)).sort();
    assert.deepEqual(result.rows.filter((r) => r.account === member.id).map((r) => r.key.AccessKeyId).sort(), expected);
    assert.deepEqual(warnings, [`export: keys of ${gone.userName} in ${member.id}: IAM has no user named ${gone.userName}.`]);
  });

  it('a cancel while an account’s report is read reports no account as failed', async () => {
    await start(3);
    const controller = new AbortController();
    // The report path lists the keys of flagged users: the endpoint cancels at the first such listing.
    abortOnKeyListing(emulator, controller);
    const result = await findOrganizationKeysNeedingAttention([source()], { ...options(), readCsv, signal: controller.signal });
    assert.equal(controller.signal.aborted, true, 'a flagged user’s keys were listed');
    assert.equal(result.cancelled, true);
    assert.deepEqual(result.failedAccounts, []);
    assert.deepEqual(warnings, []);
  });

  it('an account whose credential report cannot be read is listed as failed; the others are still reported', async () => {
    await start(3);
    const failing = memberAccountId(1);
    const issue = emulator.world.issueRoleSession.bind(emulator.world);
    emulator.world.issueRoleSession = (account, ...rest) => {
      const session = issue(account, ...rest);
      // GenerateCredentialReport works (the first pass); reading the report is refused.
      if (account.id === failing) session.principal.deniedActions.add('GetCredentialReport');
      return session;
    };
    const result = await findOrganizationKeysNeedingAttention([source()], { ...options(), readCsv });
    assert.equal(result.cancelled, false);
    assert.equal(result.partial, false);
    assert.deepEqual(result.accountResults.map((a) => a.accountId).sort(), [EMULATOR_ACCOUNT_ID, memberAccountId(0), memberAccountId(2)].sort());
    assert.deepEqual(result.failedAccounts.map((f) => [f.accountId, f.name, f.stage]), [[failing, 'member-001', 'visit']]);
    assert.match(result.failedAccounts[0]?.reason ?? '', /^Access denied/);
    // Root's keys are not listed by ListAccessKeys: shown without an ID. A user's flagged key
    // gets the ID of the key in its report slot (matched by creation time).
    assert.deepEqual(result.keys.filter((k) => k.userName === '').map((k) => [k.account, k.accessKeyId, k.status, k.createDate]), [[EMULATOR_ACCOUNT_ID, '', 'Active', '2022-08-01T00:00:00.000Z']]);
    const users = result.keys.filter((k) => k.userName !== '');
    assert.ok(users.length >= 2, `${users.length} flagged user keys`);
    for (const k of users) {
      const held = emulator.world.account(k.account)?.store.findAccessKey(k.accessKeyId);
      assert.ok(held?.owner.kind === 'user', `${k.accessKeyId} is a key IAM holds`);
      assert.deepEqual([held.owner.user.userName, held.key.createDate.toISOString()], [k.userName, k.createDate]);
    }
    assert.deepEqual(warnings.map((w) => w.replace(/: Access denied.*/, ': Access denied…')), [`org/mgmt: account ${failing} (member-001) could not be read: Access denied…`]);
  });

  it('the log tells an account that could not be entered from one that could not be read', async () => {
    await start(3, [1]);
    const unreadable = memberAccountId(2);
    const issue = emulator.world.issueRoleSession.bind(emulator.world);
    emulator.world.issueRoleSession = (account, ...rest) => {
      const session = issue(account, ...rest);
      if (account.id === unreadable) session.principal.deniedActions.add('ListUsers');
      return session;
    };
    const result = await exportOrganizationKeys([source()], options());
    assert.deepEqual(result.failedAccounts.map((f) => [f.accountId, f.stage]), [[memberAccountId(1), 'enter'], [unreadable, 'visit']]);
    assert.deepEqual(warnings.map((w) => w.replace(/: Access denied.*/, ': Access denied…')), [
      `org/mgmt: account ${memberAccountId(1)} (member-001) could not be entered: Access denied…`,
      `org/mgmt: account ${unreadable} (member-002) could not be read: Access denied…`,
    ]);
  });

  it('an account list that stops early carries the source and the reason', async () => {
    await start(25);
    // The tree loaded the first page (20 accounts); then the profile's key was deactivated.
    await org.traversal.accounts.loadNext();
    assert.equal(org.traversal.accounts.loaded.length, 20);
    const key = emulator.world.management.store.findAccessKey(CALLER_CREDENTIALS.accessKeyId);
    assert.ok(key);
    key.key.status = 'Inactive';
    const result = await exportOrganizationKeys([source()], options());
    assert.equal(result.partial, true);
    assert.equal(result.cancelled, false);
    assert.equal(result.listingError, 'org/mgmt: AWS does not recognise these credentials');
  });
});
