// The organization endpoint through the real SDK v3 clients over HTTP:
// Organizations paging (short and empty pages), AssumeRole trust rules,
// credentials that act in the member account, the Identity Center portal with
// its token cache file, and throttling per API family and per account.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCallerIdentityCommand, AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { IAMClient, ListAccessKeysCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { DescribeOrganizationCommand, ListAccountsCommand, OrganizationsClient, type Account } from '@aws-sdk/client-organizations';
import { GetRoleCredentialsCommand, ListAccountRolesCommand, ListAccountsCommand as SsoListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
import { getSSOTokenFilepath } from '@smithy/shared-ini-file-loader';
import { captureError } from '../emulator/clients';
import { CALLER_CREDENTIALS, EMULATOR_ACCOUNT_ID, type TestCredentials } from '../emulator/identities';
import {
  DEFAULT_ROLE_NAME,
  ORGANIZATION_ID,
  SSO_ACCESS_TOKEN,
  memberAccountId,
  startOrgEmulator,
  writeSsoTokenCache,
  type OrgEmulator,
} from '../emulator/org/index';

const REGION = 'us-east-1';

describe('Organization emulator (SDK v3 over HTTP)', function () {
  let emulator: OrgEmulator;
  const noRetry = { maxAttempts: 1 };

  const orgs = (credentials: TestCredentials = CALLER_CREDENTIALS) =>
    new OrganizationsClient({ endpoint: emulator.url, region: REGION, credentials, ...noRetry });
  const sts = (credentials: TestCredentials = CALLER_CREDENTIALS) =>
    new STSClient({ endpoint: emulator.url, region: REGION, credentials, ...noRetry });
  const iam = (credentials: TestCredentials) => new IAMClient({ endpoint: emulator.url, region: REGION, credentials, ...noRetry });
  const sso = () => new SSOClient({ endpoint: emulator.url, region: REGION, ...noRetry });
  const roleArn = (accountId: string, roleName = DEFAULT_ROLE_NAME) => `arn:aws:iam::${accountId}:role/${roleName}`;

  async function assume(accountId: string, extra: { ExternalId?: string } = {}): Promise<TestCredentials> {
    const out = await sts().send(new AssumeRoleCommand({ RoleArn: roleArn(accountId), RoleSessionName: 'iam-keys', ...extra }));
    const c = out.Credentials;
    assert.ok(c?.AccessKeyId && c.SecretAccessKey && c.SessionToken, 'AssumeRole returned credentials');
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
  }

  beforeEach(async () => {
    emulator = await startOrgEmulator({
      members: 25,
      usersPerAccount: 4,
      seed: 3,
      shortPages: true,
      denyingMembers: [1, 5],
      suspendedMembers: [7],
    });
  });
  afterEach(async () => emulator.close());

  it('DescribeOrganization names the organization and its management account', async () => {
    const out = await orgs().send(new DescribeOrganizationCommand({}));
    assert.equal(out.Organization?.Id, ORGANIZATION_ID);
    assert.equal(out.Organization?.MasterAccountId, EMULATOR_ACCOUNT_ID);
  });

  it('ListAccounts pages through every account once, with short and empty pages that still carry NextToken', async () => {
    const client = orgs();
    const seen: Account[] = [];
    let token: string | undefined;
    let emptyPagesWithToken = 0;
    let shortPages = 0;
    let pages = 0;
    do {
      const out = await client.send(new ListAccountsCommand({ MaxResults: 5, NextToken: token }));
      pages++;
      assert.ok(pages < 200, 'paging ends');
      const accounts = out.Accounts ?? [];
      if (accounts.length === 0 && out.NextToken) emptyPagesWithToken++;
      if (accounts.length < 5 && out.NextToken) shortPages++;
      seen.push(...accounts);
      token = out.NextToken;
    } while (token);
    assert.equal(seen.length, 26);
    assert.deepEqual(new Set(seen.map((a) => a.Id)).size, 26);
    assert.ok(emptyPagesWithToken > 0, 'at least one empty page with NextToken');
    assert.ok(shortPages > emptyPagesWithToken, 'short, non-empty pages too');
    assert.equal(seen.find((a) => a.Id === memberAccountId(7))?.Status, 'SUSPENDED');
    assert.equal(seen.find((a) => a.Id === memberAccountId(0))?.Name, 'member-000');
    assert.ok(seen[1].JoinedTimestamp instanceof Date);
  });

  it('ListAccounts refuses a forged token and a member account caller', async () => {
    const forged = await captureError(orgs().send(new ListAccountsCommand({ NextToken: 'bm90LWEtdG9rZW4=' })));
    assert.equal(forged.name, 'InvalidInputException');
    const member = await assume(memberAccountId(0));
    const denied = await captureError(orgs(member).send(new ListAccountsCommand({})));
    assert.equal(denied.name, 'AccessDeniedException');
  });

  it('AssumeRole gives credentials that act in the member account: its users, its identity', async () => {
    const accountId = memberAccountId(3);
    const credentials = await assume(accountId);
    assert.match(credentials.accessKeyId, /^ASIA/);
    const who = await sts(credentials).send(new GetCallerIdentityCommand({}));
    assert.equal(who.Account, accountId);
    assert.equal(who.Arn, `arn:aws:sts::${accountId}:assumed-role/${DEFAULT_ROLE_NAME}/iam-keys`);
    const users = await iam(credentials).send(new ListUsersCommand({ MaxItems: 1000 }));
    const expected = emulator.world.account(accountId)?.store.users().map((u) => u.userName);
    assert.equal(expected?.length, 4);
    // short pages: follow markers to collect every user
    const names = [...(users.Users ?? []).map((u) => u.UserName)];
    let marker = users.IsTruncated ? users.Marker : undefined;
    while (marker) {
      const next = await iam(credentials).send(new ListUsersCommand({ MaxItems: 1000, Marker: marker }));
      names.push(...(next.Users ?? []).map((u) => u.UserName));
      marker = next.IsTruncated ? next.Marker : undefined;
    }
    assert.deepEqual(names, expected);
    const own = await captureError(iam(credentials).send(new ListAccessKeysCommand({})));
    assert.equal(own.code ?? own.name, 'ValidationError', 'role sessions must name a user, as in IAM');
    const counters = emulator.counters();
    assert.equal(counters.assumeRoleByTarget[accountId], 1);
    assert.ok((counters.byAccount[accountId]?.ListUsers ?? 0) >= 1);
    assert.equal(counters.byAccount[EMULATOR_ACCOUNT_ID]?.ListUsers, undefined);
  });

  it('AssumeRole is AccessDenied where the trust rule denies, the account is suspended, the role or ExternalId is wrong', async () => {
    for (const accountId of [memberAccountId(1), memberAccountId(7), '999999999999']) {
      const error = await captureError(assume(accountId));
      assert.equal(error.name, 'AccessDenied', accountId);
      assert.match(error.message, new RegExp(`not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${accountId}:role/`));
    }
    const wrongRole = await captureError(
      sts().send(new AssumeRoleCommand({ RoleArn: roleArn(memberAccountId(0), 'Admin'), RoleSessionName: 'x1' })),
    );
    assert.equal(wrongRole.name, 'AccessDenied');
    assert.equal(emulator.counters().assumeRoleByTarget[memberAccountId(1)], 1);
  });

  it('ExternalId is required when the trust policy names one', async () => {
    await emulator.close();
    emulator = await startOrgEmulator({ members: 2, externalId: 'ext-42' });
    assert.equal((await captureError(assume(memberAccountId(0)))).name, 'AccessDenied');
    assert.equal((await captureError(assume(memberAccountId(0), { ExternalId: 'nope' }))).name, 'AccessDenied');
    const credentials = await assume(memberAccountId(0), { ExternalId: 'ext-42' });
    assert.equal((await sts(credentials).send(new GetCallerIdentityCommand({}))).Account, memberAccountId(0));
  });

  it('expired role credentials are refused with ExpiredToken', async () => {
    const credentials = await assume(memberAccountId(0));
    const session = emulator.world.account(memberAccountId(0))?.store.findRoleSession(credentials.accessKeyId);
    assert.ok(session);
    (session as { expiration: Date }).expiration = new Date(Date.now() - 1000);
    const error = await captureError(sts(credentials).send(new GetCallerIdentityCommand({})));
    assert.equal(error.name, 'ExpiredToken');
  });

  it('Identity Center portal: accounts and roles paged, role credentials act in the account, unassigned → Forbidden', async () => {
    const client = sso();
    const accounts: string[] = [];
    let token: string | undefined;
    do {
      const out = await client.send(new SsoListAccountsCommand({ accessToken: SSO_ACCESS_TOKEN, maxResults: 4, nextToken: token }));
      accounts.push(...(out.accountList ?? []).map((a) => a.accountId ?? ''));
      token = out.nextToken;
    } while (token);
    // the management account and the two denying members have no role assignment
    assert.equal(accounts.length, 26 - 3);
    assert.ok(!accounts.includes(memberAccountId(1)));
    const roles = await client.send(new ListAccountRolesCommand({ accessToken: SSO_ACCESS_TOKEN, accountId: memberAccountId(2) }));
    const roleNames: string[] = (roles.roleList ?? []).map((r) => r.roleName ?? '');
    let next = roles.nextToken;
    while (next) {
      const more = await client.send(new ListAccountRolesCommand({ accessToken: SSO_ACCESS_TOKEN, accountId: memberAccountId(2), nextToken: next }));
      roleNames.push(...(more.roleList ?? []).map((r) => r.roleName ?? ''));
      next = more.nextToken;
    }
    assert.deepEqual(roleNames, [DEFAULT_ROLE_NAME]);
    const out = await client.send(
      new GetRoleCredentialsCommand({ accessToken: SSO_ACCESS_TOKEN, accountId: memberAccountId(2), roleName: DEFAULT_ROLE_NAME }),
    );
    const rc = out.roleCredentials;
    assert.ok(rc?.accessKeyId && rc.secretAccessKey && rc.sessionToken && rc.expiration);
    assert.ok(rc.expiration > Date.now());
    const who = await sts({ accessKeyId: rc.accessKeyId, secretAccessKey: rc.secretAccessKey, sessionToken: rc.sessionToken }).send(
      new GetCallerIdentityCommand({}),
    );
    assert.equal(who.Account, memberAccountId(2));
    const forbidden = await captureError(
      client.send(new GetRoleCredentialsCommand({ accessToken: SSO_ACCESS_TOKEN, accountId: memberAccountId(1), roleName: DEFAULT_ROLE_NAME })),
    );
    assert.equal(forbidden.name, 'ForbiddenException');
    assert.equal(emulator.counters().roleCredentialsByTarget[memberAccountId(2)], 1);
  });

  it('Identity Center portal: an expired or unknown token is UnauthorizedException', async () => {
    const unknown = await captureError(sso().send(new SsoListAccountsCommand({ accessToken: 'nope' })));
    assert.equal(unknown.name, 'UnauthorizedException');
    const token = emulator.world.ssoTokens.get(SSO_ACCESS_TOKEN);
    assert.ok(token);
    token.expiresAt = new Date(Date.now() - 1000);
    const expired = await captureError(sso().send(new SsoListAccountsCommand({ accessToken: SSO_ACCESS_TOKEN })));
    assert.equal(expired.name, 'UnauthorizedException');
    assert.equal(expired.httpStatus, 401);
  });

  it('the token cache file lands where the SDK looks for it', () => {
    const home = mkdtempSync(join(tmpdir(), 'org-sso-'));
    const savedHome = process.env.HOME;
    try {
      process.env.HOME = home;
      const file = writeSsoTokenCache(home, {
        cacheKey: 'my-sso',
        accessToken: SSO_ACCESS_TOKEN,
        expiresAt: new Date('2030-01-01T00:00:00Z'),
        region: REGION,
        startUrl: 'https://example.awsapps.com/start',
      });
      assert.equal(file, getSSOTokenFilepath('my-sso'));
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { accessToken: string; expiresAt: string };
      assert.equal(parsed.accessToken, SSO_ACCESS_TOKEN);
      assert.equal(parsed.expiresAt, '2030-01-01T00:00:00Z');
    } finally {
      process.env.HOME = savedHome;
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('throttles by API family: STS and Organizations answer their throttling errors; IAM goes on', async () => {
    emulator.setThrottle({ rateByFamily: { sts: 1, organizations: 1 } });
    const stsError = await captureError(assume(memberAccountId(0)));
    assert.equal(stsError.name, 'Throttling');
    const orgError = await captureError(orgs().send(new ListAccountsCommand({})));
    assert.equal(orgError.name, 'TooManyRequestsException');
    await iam(CALLER_CREDENTIALS).send(new ListUsersCommand({}));
    emulator.setThrottle({ rateByFamily: { sso: 1 } });
    const ssoError = await captureError(sso().send(new SsoListAccountsCommand({ accessToken: SSO_ACCESS_TOKEN })));
    assert.equal(ssoError.name, 'TooManyRequestsException');
    assert.equal(ssoError.httpStatus, 429);
  });

  it('throttles per account: one account over its rate is throttled, another is not', async () => {
    const member = await assume(memberAccountId(0));
    emulator.setThrottle({ limitByFamily: { iam: { ratePerSecond: 0.001, burst: 2 } } });
    const memberIam = iam(member);
    await memberIam.send(new ListUsersCommand({}));
    await memberIam.send(new ListUsersCommand({}));
    assert.equal((await captureError(memberIam.send(new ListUsersCommand({})))).name, 'Throttling');
    await iam(CALLER_CREDENTIALS).send(new ListUsersCommand({}));
    assert.equal(emulator.counters().throttledByAction.ListUsers, 1);
  });

  it('a 30% throttle rate throttles about 30% of STS calls and the SDK retries through it', async () => {
    emulator.setThrottle({ seed: 9, rateByFamily: { sts: 0.3 } });
    const retrying = new STSClient({ endpoint: emulator.url, region: REGION, credentials: CALLER_CREDENTIALS, maxAttempts: 8 });
    for (let i = 0; i < 20; i++) await retrying.send(new GetCallerIdentityCommand({}));
    const throttled = emulator.counters().throttledByAction.GetCallerIdentity ?? 0;
    const calls = emulator.counters().byAction.GetCallerIdentity;
    assert.equal(calls, 20 + throttled);
    assert.ok(throttled / calls > 0.1 && throttled / calls < 0.5, `share ${throttled}/${calls}`);
  });
});
