// OrganizationSource (src/aws/organization/organizationSource.ts) against the organization endpoint over
// HTTP with the real SDK: listing assumes nothing; entering an account assumes its role once;
// denied and suspended accounts; a walk over the organization with throttled STS and
// Organizations; Find Access Key Owner entering exactly one account.
import * as assert from 'node:assert/strict';
import { ConnectionSession } from '../../src/aws/connectionSession';
import { lookUpKeyOwner } from '../../src/aws/keyOwner';
import { OrganizationSource } from '../../src/aws/organization/organizationSource';
import { orgApiBuckets } from '../../src/aws/organization/orgRates';
import { createSdkConnectionWith } from '../../src/aws/sdk/sdkConnection';
import { sdkHost } from '../../src/aws/sdkHost';
import type { ConnectionSettings } from '../../src/aws/connection';
import { CALLER_CREDENTIALS, EMULATOR_ACCOUNT_ID } from '../emulator/identities';
import { memberAccountId, startOrgEmulator, type OrgEmulator } from '../emulator/org/index';

const MEMBERS = 30;
const DENYING = [2, 11];
const SUSPENDED = [5];

describe('OrganizationSource against the organization endpoint', function () {
  this.timeout(60_000);
  let emulator: OrgEmulator;
  let settings: ConnectionSettings;
  const registered = new Map<string, ConnectionSession>();
  const fast = () => orgApiBuckets({ sts: { ratePerSecond: 1000, burst: 1000 }, organizations: { ratePerSecond: 1000, burst: 1000 }, sso: { ratePerSecond: 1000, burst: 1000 } });
  const source = () =>
    new OrganizationSource(
      { profile: 'mgmt', roleName: 'IamKeysReadOnly' },
      {
        settings,
        buckets: fast(),
        credentials: () => Promise.resolve(CALLER_CREDENTIALS),
        registry: { addMemberSession: (account, session) => registered.set(account, session) },
      },
    );

  beforeEach(async () => {
    registered.clear();
    emulator = await startOrgEmulator({ members: MEMBERS, usersPerAccount: 3, shortPages: true, denyingMembers: DENYING, suspendedMembers: SUSPENDED, seed: 5 });
    settings = { profile: 'mgmt', region: 'us-east-1', endpoint: emulator.url, requestTimeoutMs: 5000, maxAttempts: 3 };
  });
  afterEach(async () => emulator.close());

  it('lists every account (short and empty pages followed) and registers a session for each without assuming any role', async () => {
    const org = source();
    const outcome = await org.traversal.accounts.loadAll();
    assert.notEqual(outcome.kind, 'failed');
    assert.equal(org.traversal.accounts.loaded.length, MEMBERS + 1);
    assert.equal(registered.size, MEMBERS + 1);
    assert.deepEqual(emulator.counters().assumeRoleByTarget, {});
    assert.equal(emulator.counters().byAction.ListUsers, undefined);
    assert.equal(await registered.get(memberAccountId(3))?.resolveAccount(), memberAccountId(3), 'a member session knows its account without a call');
    assert.equal(emulator.counters().byAction.GetCallerIdentity, undefined);
    org.dispose();
  });

  it('an empty includeAccounts list includes every account; excludeAccounts and a non-empty include leave the others out (#27)', async () => {
    const entries = async (config: { includeAccounts?: string[]; excludeAccounts?: string[] }): Promise<string[]> => {
      const org = new OrganizationSource(
        { profile: 'mgmt', roleName: 'IamKeysReadOnly', ...config },
        { settings, buckets: fast(), credentials: () => Promise.resolve(CALLER_CREDENTIALS), registry: { addMemberSession: () => undefined } },
      );
      await org.traversal.accounts.loadAll();
      const kinds = [1, 2].map((n) => org.traversal.accounts.loaded.find((a) => a.id === memberAccountId(n))).map((a) => (a ? org.traversal.entry(a).kind : 'not listed'));
      org.dispose();
      return kinds;
    };
    assert.deepEqual(await entries({ includeAccounts: [] }), ['idle', 'idle']);
    assert.deepEqual(await entries({ includeAccounts: [], excludeAccounts: [memberAccountId(2)] }), ['idle', 'skipped']);
    assert.deepEqual(await entries({ includeAccounts: [memberAccountId(2)] }), ['skipped', 'idle']);
  });

  it('entering a member assumes its role once; its session lists that account’s users and keys', async () => {
    const org = source();
    await org.traversal.accounts.loadAll();
    const account = org.traversal.accounts.loaded.find((a) => a.id === memberAccountId(4));
    assert.ok(account);
    const [first, second] = await Promise.all([org.traversal.enter(account), org.traversal.enter(account)]);
    assert.equal(first.kind, 'entered');
    assert.equal(second, first);
    assert.ok(first.kind === 'entered');
    const users = await first.session.api.listAllUsers({ pageSize: 100 });
    const expected = emulator.world.account(account.id)?.store.users() ?? [];
    assert.deepEqual(users.map((u) => u.UserName), expected.map((u) => u.userName));
    const keys = await first.session.api.listAllAccessKeys(expected[0].userName, { pageSize: 100 });
    assert.deepEqual(keys.map((k) => k.AccessKeyId), expected[0].accessKeys.map((k) => k.accessKeyId));
    await org.traversal.enter(account);
    assert.deepEqual(emulator.counters().assumeRoleByTarget, { [account.id]: 1 });
    assert.equal(org.assumeRoleCalls(account.id), 1);
    org.dispose();
  });

  it('a denied role is a failure with AssumeRole’s reason; a suspended account is never entered; the management account uses the profile', async () => {
    const org = source();
    await org.traversal.accounts.loadAll();
    const byId = (id: string) => org.traversal.accounts.loaded.find((a) => a.id === id) as (typeof org.traversal.accounts.loaded)[number];
    const denied = await org.traversal.enter(byId(memberAccountId(2)));
    assert.equal(denied.kind, 'failed');
    assert.ok(denied.kind === 'failed');
    assert.match(String((denied.error as Error).message), /not authorized to perform: sts:AssumeRole/);
    assert.deepEqual(await org.traversal.enter(byId(memberAccountId(5))), { kind: 'skipped', reason: 'inactive' });
    const management = await org.traversal.enter(byId(EMULATOR_ACCOUNT_ID));
    assert.ok(management.kind === 'entered');
    const who = await management.session.api.getCallerIdentity();
    assert.equal(who.Account, EMULATOR_ACCOUNT_ID);
    assert.deepEqual(emulator.counters().assumeRoleByTarget, { [memberAccountId(2)]: 1 });
    org.dispose();
  });

  it('a walk with 30% of STS and Organizations calls throttled reaches every account: one AssumeRole each, denials listed', async () => {
    emulator.setThrottle({ seed: 4, rateByFamily: { sts: 0.3, organizations: 0.3 } });
    const org = source();
    const result = await org.traversal.walk({
      concurrency: 4,
      visit: async (_account, session) => (await session.api.listAllUsers({ pageSize: 100 })).length,
    });
    const counters = emulator.counters();
    assert.ok((counters.throttledByAction.AssumeRole ?? 0) + (counters.throttledByAction.ListAccounts ?? 0) > 0, 'throttling happened');
    assert.equal(result.cancelled, false);
    assert.equal(result.listingError, undefined);
    assert.deepEqual(result.failures.map((f) => f.account.id).sort(), DENYING.map(memberAccountId).sort());
    assert.deepEqual(result.skipped.map((a) => a.id), SUSPENDED.map(memberAccountId));
    assert.equal(result.results.length, MEMBERS + 1 - DENYING.length - SUSPENDED.length);
    for (const r of result.results) assert.equal(r.value, emulator.world.account(r.account.id)?.store.users().length);
    // granted AssumeRoles: exactly one per entered member (throttled attempts are retries of the same call)
    for (let i = 0; i < MEMBERS; i++) {
      const id = memberAccountId(i);
      if (SUSPENDED.includes(i)) assert.equal(counters.assumeRoleByTarget[id], undefined, `suspended ${id} not asked`);
      else assert.equal(org.assumeRoleCalls(id), 1, `${id}: one AssumeRole`);
    }
    assert.equal(org.assumeRoleCalls(EMULATOR_ACCOUNT_ID), 0);
    org.dispose();
  });

  it('Find Access Key Owner: GetAccessKeyInfo names the member account, and only that account is entered', async () => {
    const org = source();
    await org.traversal.accounts.loadAll();
    const target = emulator.world.account(memberAccountId(17));
    const key = target?.store.users()[1]?.accessKeys[0];
    assert.ok(key, 'the member has a user with a key');
    const management = new ConnectionSession('mgmt', { name: 'mgmt', kind: 'static keys', mfa: false }, (_p, hooks) =>
      createSdkConnectionWith(sdkHost, settings, () => Promise.resolve(CALLER_CREDENTIALS), hooks),
    );
    emulator.resetCounters();
    const info = await lookUpKeyOwner([management, ...registered.values()], key.accessKeyId);
    assert.equal(info.kind, 'found');
    assert.ok(info.kind === 'found');
    assert.equal(info.account, memberAccountId(17));
    assert.equal(info.userName, target?.store.users()[1].userName);
    assert.deepEqual(emulator.counters().assumeRoleByTarget, { [memberAccountId(17)]: 1 });
    management.dispose();
    org.dispose();
  });
});
