// IdentityCenterSource (src/aws/organization/identityCenterSource.ts) against the portal of the
// organization endpoint: the token cache file written as `aws sso login` leaves it, accounts
// paged, one ListAccountRoles + GetRoleCredentials per account entered, and an expired token
// that says what to run.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdentityCenterSource } from '../../src/aws/organization/identityCenterSource';
import { orgApiBuckets } from '../../src/aws/organization/orgRates';
import { SSO_ACCESS_TOKEN, memberAccountId, startOrgEmulator, writeSsoTokenCache, type OrgEmulator } from '../emulator/org/index';
import { HttpSender } from '../support/httpSender';

describe('IdentityCenterSource against the portal endpoint', function () {
  this.timeout(30_000);
  let emulator: OrgEmulator;
  let home: string;
  const saved = { HOME: process.env.HOME, AWS_CONFIG_FILE: process.env.AWS_CONFIG_FILE };

  function source(): IdentityCenterSource {
    return new IdentityCenterSource(
      { profile: 'sso-dev', roleName: 'IamKeysReadOnly' },
      {
        settings: { profile: 'sso-dev', region: 'us-east-1', endpoint: emulator.url, requestTimeoutMs: 5000, maxAttempts: 3 },
        buckets: orgApiBuckets(),
      },
    );
  }

  function writeToken(expiresAt: Date): void {
    writeSsoTokenCache(home, { cacheKey: 'my-sso', accessToken: SSO_ACCESS_TOKEN, expiresAt, region: 'eu-west-1', startUrl: 'https://example.awsapps.com/start' });
  }

  beforeEach(async () => {
    emulator = await startOrgEmulator({ members: 12, usersPerAccount: 2, shortPages: true, denyingMembers: [3], seed: 8 });
    home = mkdtempSync(join(tmpdir(), 'iamkeys-sso-'));
    const config = join(home, 'config');
    writeFileSync(
      config,
      '[profile sso-dev]\nsso_session = my-sso\nregion = us-east-1\n\n[sso-session my-sso]\nsso_start_url = https://example.awsapps.com/start\nsso_region = eu-west-1\n',
    );
    process.env.HOME = home;
    process.env.AWS_CONFIG_FILE = config;
  });
  afterEach(async () => {
    process.env.HOME = saved.HOME;
    if (saved.AWS_CONFIG_FILE === undefined) delete process.env.AWS_CONFIG_FILE;
    else process.env.AWS_CONFIG_FILE = saved.AWS_CONFIG_FILE;
    rmSync(home, { recursive: true, force: true });
    await emulator.close();
  });

  it('lists the assigned accounts and enters one with one GetRoleCredentials; its session sees that account', async () => {
    writeToken(new Date(Date.now() + 3_600_000));
    const sso = source();
    const outcome = await sso.traversal.accounts.loadAll();
    assert.notEqual(outcome.kind, 'failed');
    const ids = sso.traversal.accounts.loaded.map((a) => a.id);
    assert.equal(ids.length, 12 - 1, 'members with the role assigned (not the denying one, not the management account)');
    assert.ok(!ids.includes(memberAccountId(3)));
    assert.deepEqual(emulator.counters().roleCredentialsByTarget, {});
    const account = sso.traversal.accounts.loaded.find((a) => a.id === memberAccountId(6));
    assert.ok(account);
    const entered = await sso.traversal.enter(account);
    assert.ok(entered.kind === 'entered', JSON.stringify(entered));
    const users = await entered.session.api.listAllUsers({ pageSize: 100 });
    assert.deepEqual(users.map((u) => u.UserName), emulator.world.account(account.id)?.store.users().map((u) => u.userName));
    await sso.traversal.enter(account);
    assert.deepEqual(emulator.counters().roleCredentialsByTarget, { [account.id]: 1 });
    assert.equal(sso.roleCredentialCalls(account.id), 1);
    sso.dispose();
  });

  it('a role not assigned in an account fails to enter it, naming the roles that are (#27)', async () => {
    writeToken(new Date(Date.now() + 3_600_000));
    const sso = new IdentityCenterSource(
      { profile: 'sso-dev', roleName: 'NoSuchRole' },
      { settings: { profile: 'sso-dev', region: 'us-east-1', endpoint: emulator.url, requestTimeoutMs: 5000, maxAttempts: 3 }, buckets: orgApiBuckets() },
    );
    // Two roles assigned there, so the list's separator shows.
    emulator.world.ssoTokens.get(SSO_ACCESS_TOKEN)?.assignments.set(memberAccountId(6), ['IamKeysReadOnly', 'BillingViewer']);
    await sso.traversal.accounts.loadAll();
    const account = sso.traversal.accounts.loaded.find((a) => a.id === memberAccountId(6));
    assert.ok(account);
    const entered = await sso.traversal.enter(account);
    assert.ok(entered.kind === 'failed', JSON.stringify(entered));
    assert.equal((entered.error as Error).message, `The role NoSuchRole is not assigned to you in account ${memberAccountId(6)} (assigned: IamKeysReadOnly, BillingViewer)`);
    assert.deepEqual(emulator.counters().roleCredentialsByTarget, {}, 'no role credentials were asked for');
    // An account listed with no role left to you: nothing to name.
    emulator.world.ssoTokens.get(SSO_ACCESS_TOKEN)?.assignments.set(memberAccountId(7), []);
    const bare = sso.traversal.accounts.loaded.find((a) => a.id === memberAccountId(7));
    assert.ok(bare);
    const none = await sso.traversal.enter(bare);
    assert.ok(none.kind === 'failed', JSON.stringify(none));
    assert.equal((none.error as Error).message, `The role NoSuchRole is not assigned to you in account ${memberAccountId(7)}`);
    sso.dispose();
  });

  it('an expired token file says to run aws sso login, and calls nothing', async () => {
    writeToken(new Date(Date.now() - 60_000));
    const sso = source();
    const outcome = await sso.traversal.accounts.loadNext();
    assert.equal(outcome.kind, 'failed');
    assert.ok(outcome.kind === 'failed');
    assert.match((outcome.error as Error).message, /has expired: run aws sso login --profile sso-dev$/);
    assert.equal(emulator.counters().total, 0);
    sso.dispose();
  });

  it('a token the portal no longer accepts also says to run aws sso login', async () => {
    writeToken(new Date(Date.now() + 3_600_000));
    const token = emulator.world.ssoTokens.get(SSO_ACCESS_TOKEN);
    assert.ok(token);
    token.expiresAt = new Date(Date.now() - 1);
    const outcome = await source().traversal.accounts.loadNext();
    assert.ok(outcome.kind === 'failed');
    assert.match((outcome.error as Error).message, /run aws sso login --profile sso-dev/);
  });

  it('disposing the source closes the portal client it made (#27)', async () => {
    writeToken(new Date(Date.now() + 3_600_000));
    const handlers: HttpSender[] = [];
    const sso = new IdentityCenterSource(
      { profile: 'sso-dev', roleName: 'IamKeysReadOnly' },
      {
        settings: { profile: 'sso-dev', region: 'us-east-1', endpoint: emulator.url, requestTimeoutMs: 5000, maxAttempts: 3 },
        buckets: orgApiBuckets(),
        hooks: {
          requestHandler: () => {
            const handler = new HttpSender();
            handlers.push(handler);
            return handler;
          },
        },
      },
    );
    await sso.traversal.accounts.loadAll();
    assert.equal(handlers.length, 1, 'one portal client, no member account entered');
    assert.equal(handlers[0]?.destroyed, false);
    sso.dispose();
    assert.equal(handlers[0]?.destroyed, true);
  });
});
