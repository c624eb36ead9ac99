// Organization mode in the real extension host, against the organization endpoint over HTTP:
// 120 member accounts (three deny the role, one is suspended) with users and keys. The tree
// lists accounts without assuming anything and enters exactly the accounts expanded; commands
// target a member account by ID; Find Access Key Owner enters only the key's account, also
// with 30% of STS and Organizations calls throttled; an expired SSO token says what to run.
// Organization-wide (issue #13): export by scope organization and the keys needing attention
// across it, checked against the emulator's own stores; a cancel gives a partial result.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IamKeysInternals } from '../../src/extension';
import type { TreeElement } from '../../src/explorer/nodes/treeElement';
import { BUILT_IN_IDENTITIES, EMULATOR_ACCOUNT_ID, credentialsFileText } from '../emulator/identities';
import { DEFAULT_ROLE_NAME, SSO_ACCESS_TOKEN, memberAccountId, startOrgEmulator, writeSsoTokenCache, type OrgEmulator } from '../emulator/org/index';
import { children, extensionApi, item, label, resetSettings } from './fixture';

const MEMBERS = 120;
const DENYING = [3, 40, 77];
const SUSPENDED = [50];
const ADMIN = BUILT_IN_IDENTITIES.caller.profile;

describe('Organization mode (120 accounts)', function () {
  this.timeout(120_000);
  let emulator: OrgEmulator;
  let api: IamKeysInternals;
  let home: string;
  const savedHome = process.env.HOME;

  async function settings(values: Record<string, unknown>): Promise<void> {
    const config = vscode.workspace.getConfiguration('iamKeys');
    for (const [key, value] of Object.entries(values)) await config.update(key, value, vscode.ConfigurationTarget.Global);
  }

  async function orgRoot(): Promise<TreeElement> {
    const roots = await children(api);
    const root = roots.find((r) => /^Organization /.test(label(api, r)));
    assert.ok(root, `an organization root among ${roots.map((r) => label(api, r)).join(', ')}`);
    return root;
  }

  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    emulator = await startOrgEmulator({ members: MEMBERS, usersPerAccount: 3, denyingMembers: DENYING, suspendedMembers: SUSPENDED, seed: 13 });
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-org-'));
    fs.writeFileSync(path.join(home, 'credentials'), credentialsFileText());
    fs.writeFileSync(
      path.join(home, 'config'),
      '[profile sso-dev]\nsso_session = my-sso\nregion = us-east-1\n\n[sso-session my-sso]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n',
    );
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(home, 'credentials');
    process.env.AWS_CONFIG_FILE = path.join(home, 'config');
    process.env.HOME = home;
    api = await extensionApi();
    await settings({
      profile: ADMIN,
      profiles: [],
      endpoint: emulator.url,
      organizations: [{ profile: ADMIN, roleName: DEFAULT_ROLE_NAME }],
      identityCenter: [{ profile: 'sso-dev', roleName: DEFAULT_ROLE_NAME }],
    });
    api.explorer.rebuild();
    emulator.resetCounters();
  });

  after(async () => {
    process.env.HOME = savedHome;
    await settings({ organizations: undefined, identityCenter: undefined });
    await resetSettings();
    api.explorer.rebuild();
    await emulator.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('lists accounts page by page without assuming a role; expanding one enters exactly that account', async () => {
    const root = await orgRoot();
    const accounts = await children(api, root);
    assert.equal(label(api, await orgRoot()), `Organization o-exampleorg1 via ${ADMIN}`);
    assert.equal(accounts.length, 21, '20 accounts, then Load more…');
    assert.equal(item(api, accounts[20]).contextValue, 'loadMore');
    assert.equal(item(api, accounts[1]).description, memberAccountId(0));
    assert.deepEqual(emulator.counters().assumeRoleByTarget, {}, 'listing assumes nothing');

    const member = accounts[1];
    const [users] = await children(api, member);
    assert.equal(label(api, users), 'Users');
    const userRows = await children(api, users);
    const expected = emulator.world.account(memberAccountId(0))?.store.users().map((u) => u.userName);
    assert.deepEqual(userRows.map((r) => label(api, r)), expected);
    await children(api, member);
    assert.deepEqual(emulator.counters().assumeRoleByTarget, { [memberAccountId(0)]: 1 }, 'one AssumeRole, only for the account entered');

    const denied = accounts.find((a) => item(api, a).description === memberAccountId(3));
    assert.ok(denied);
    const [errorRow] = await children(api, denied);
    assert.match(label(api, errorRow), /not authorized|Access denied/i);
    assert.equal(item(api, errorRow).command?.command, 'iamKeys.refresh', 'the error row retries');
  });

  it('a suspended account is greyed and never entered, even by Load all', async () => {
    const root = await orgRoot();
    await vscode.commands.executeCommand('iamKeys.loadAll', root);
    const accounts = await children(api, root);
    assert.equal(accounts.length, MEMBERS + 1);
    const suspended = accounts.find((a) => String(item(api, a).description).startsWith(memberAccountId(50)));
    assert.ok(suspended);
    assert.equal(item(api, suspended).collapsibleState, vscode.TreeItemCollapsibleState.None);
    assert.match(String(item(api, suspended).description), /suspended/);
    assert.equal(emulator.counters().assumeRoleByTarget[memberAccountId(50)], undefined);
  });

  it('listAccessKeys {userName, account} answers from the member account in the CLI shape', async () => {
    const target = emulator.world.account(memberAccountId(60));
    const user = target?.store.users().find((u) => u.accessKeys.length > 0);
    assert.ok(user);
    const out = (await vscode.commands.executeCommand('iamKeys.listAccessKeys', { userName: user.userName, account: memberAccountId(60) })) as {
      AccessKeyMetadata: { UserName: string; AccessKeyId: string; Status: string }[];
    };
    assert.deepEqual(
      out.AccessKeyMetadata.map((k) => [k.UserName, k.AccessKeyId, k.Status]),
      user.accessKeys.map((k) => [user.userName, k.accessKeyId, k.status]),
    );
    assert.equal(await vscode.commands.executeCommand('iamKeys.listAccessKeys', { userName: user.userName, account: '12345' }), undefined);
  });

  it('findAccessKey enters only the key’s account (one AssumeRole), with 30% of STS and Organizations calls throttled', async () => {
    emulator.setThrottle({ seed: 3, rateByFamily: { sts: 0.3, organizations: 0.3 } });
    emulator.resetCounters();
    const target = emulator.world.account(memberAccountId(97));
    const user = target?.store.users().find((u) => u.accessKeys.length > 0);
    assert.ok(user);
    const found = (await vscode.commands.executeCommand('iamKeys.findAccessKey', { accessKeyId: user.accessKeys[0].accessKeyId, reveal: false })) as {
      result: string;
      account: string;
      userName: string;
    };
    emulator.setThrottle({});
    assert.equal(found.result, 'found');
    assert.equal(found.account, memberAccountId(97));
    assert.equal(found.userName, user.userName);
    const assumed = emulator.counters().assumeRoleByTarget;
    assert.deepEqual(Object.keys(assumed), [memberAccountId(97)], 'no other account entered');
    assert.equal(assumed[memberAccountId(97)] - (emulator.counters().throttledByAction.AssumeRole ?? 0), 1, 'one granted AssumeRole (throttled attempts were retried)');
  });

  it('an expired Identity Center token is a row that says to run aws sso login', async () => {
    writeSsoTokenCache(home, { cacheKey: 'my-sso', accessToken: SSO_ACCESS_TOKEN, expiresAt: new Date(Date.now() - 60_000), region: 'us-east-1', startUrl: 'https://example.awsapps.com/start' });
    const roots = await children(api);
    const sso = roots.find((r) => /^Identity Center via sso-dev/.test(label(api, r)));
    assert.ok(sso);
    const [row] = await children(api, sso);
    assert.match(label(api, row), /SSO session has expired/);
    assert.match(String(item(api, row).tooltip), /aws sso login --profile sso-dev/);
    assert.equal(emulator.counters().byAction['sso:ListAccounts'] ?? 0, 0, 'an expired token sends nothing');
  });

  describe('organization-wide (issue #13)', () => {
    const DAY = 86_400_000;
    const active = () => emulator.world.accounts.filter((a) => a.status === 'ACTIVE');
    const trusting = () => active().filter((a) => !DENYING.map(memberAccountId).includes(a.id));
    const activeMembers = () => active().filter((a) => a.id !== EMULATOR_ACCOUNT_ID);
    const nameOf = (index: number) => emulator.world.account(memberAccountId(index))?.name;
    let originalIssue: OrgEmulator['world']['issueRoleSession'];

    /** Fresh organization sources (no role assumed yet) and fresh counters. */
    function freshOrganization(): void {
      api.organizations.rebuild();
      api.explorer.rebuild();
      emulator.resetCounters();
    }

    beforeEach(() => {
      originalIssue = emulator.world.issueRoleSession;
      freshOrganization();
    });
    afterEach(() => {
      emulator.world.issueRoleSession = originalIssue;
    });

    it('exportAccessKeys {scope: organization} writes every key of every entered account; denied accounts listed, the suspended one skipped, one AssumeRole per active member', async () => {
      const file = path.join(home, 'org-export.json');
      const summary = (await vscode.commands.executeCommand('iamKeys.exportAccessKeys', { scope: 'organization', organization: ADMIN, format: 'json', file })) as {
        accounts: number;
        keys: number;
        partial: boolean;
        failedAccounts: { accountId: string; name: string; reason: string }[];
        skippedAccounts: { accountId: string; name: string; status: string }[];
      };
      const written = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        Partial: boolean;
        FailedAccounts: { AccountId: string; AccountName: string; Reason: string }[];
        SkippedAccounts: { AccountId: string; AccountName: string; Status: string }[];
        AccessKeys: Record<string, string>[];
      };
      assert.equal(summary.partial, false);
      assert.equal(written.Partial, false);
      assert.equal(summary.accounts, trusting().length);
      assert.deepEqual(summary.failedAccounts.map((f) => [f.accountId, f.name]), DENYING.map((i) => [memberAccountId(i), nameOf(i)]));
      for (const failed of summary.failedAccounts) assert.match(failed.reason, /denied|not authorized/i);
      assert.deepEqual(written.FailedAccounts.map((f) => f.AccountId), DENYING.map(memberAccountId));
      assert.deepEqual(summary.skippedAccounts, SUSPENDED.map((i) => ({ accountId: memberAccountId(i), name: nameOf(i), status: 'SUSPENDED' })));
      assert.deepEqual(written.SkippedAccounts.map((s) => [s.AccountId, s.Status]), SUSPENDED.map((i) => [memberAccountId(i), 'SUSPENDED']));
      // Per account, the rows are what the emulator's own store holds.
      for (const account of trusting()) {
        const expected = account.store.users().flatMap((u) => u.accessKeys.map((k) => `${u.userName} ${k.accessKeyId} ${k.status}`)).sort();
        const rows = written.AccessKeys.filter((r) => r.AccountId === account.id);
        assert.deepEqual(rows.map((r) => `${r.UserName} ${r.AccessKeyId} ${r.Status}`).sort(), expected, `keys of ${account.id}`);
        assert.ok(rows.every((r) => r.AccountName === account.name));
      }
      assert.equal(summary.keys, written.AccessKeys.length);
      assert.equal(written.AccessKeys.filter((r) => [...DENYING, ...SUSPENDED].map(memberAccountId).includes(r.AccountId)).length, 0);
      assert.deepEqual(emulator.counters().assumeRoleByTarget, Object.fromEntries(activeMembers().map((a) => [a.id, 1])), 'one AssumeRole per active member, none for the suspended one');
    });

    it('findKeysNeedingAttention {scope: organization} flags keys from each account’s credential report, live where the report is denied', async () => {
      const reportDenied = memberAccountId(20);
      const issueRole = emulator.world.issueRoleSession.bind(emulator.world);
      emulator.world.issueRoleSession = (account, ...rest) => {
        const session = issueRole(account, ...rest);
        if (account.id === reportDenied) session.principal.deniedActions.add('GenerateCredentialReport');
        return session;
      };
      const now = Date.now();
      const result = (await vscode.commands.executeCommand('iamKeys.findKeysNeedingAttention', { scope: 'organization' })) as {
        accounts: { accountId: string; source: string }[];
        keys: { account: string; accountName: string; userName: string; accessKeyId: string; findings: { code: string }[] }[];
        failedAccounts: { accountId: string; name: string }[];
        skippedAccounts: { accountId: string }[];
        partial: boolean;
      };
      assert.equal(result.partial, false);
      assert.deepEqual(result.failedAccounts.map((f) => [f.accountId, f.name]), DENYING.map((i) => [memberAccountId(i), nameOf(i)]));
      assert.deepEqual(result.skippedAccounts.map((s) => s.accountId), SUSPENDED.map(memberAccountId));
      assert.deepEqual(result.accounts.map((a) => a.accountId).sort(), trusting().map((a) => a.id).sort());
      for (const account of result.accounts) assert.equal(account.source, account.accountId === reportDenied ? 'live' : 'credential-report', account.accountId);
      // Against the emulator's data: every active key older than 92 days is flagged "rotation due", none younger than 88 days.
      let oldKeys = 0;
      for (const account of trusting()) {
        const flagged = new Set(result.keys.filter((k) => k.account === account.id && k.findings.some((f) => f.code === 'rotation-due')).map((k) => k.accessKeyId));
        for (const user of account.store.users()) {
          for (const key of user.accessKeys) {
            const age = (now - key.createDate.getTime()) / DAY;
            if (key.status === 'Active' && age > 92) oldKeys++;
          if (key.status === 'Active' && age > 92) assert.ok(flagged.has(key.accessKeyId), `${account.id} ${user.userName} ${key.accessKeyId} flagged`);
            if (age < 88) assert.ok(!flagged.has(key.accessKeyId), `${account.id} ${key.accessKeyId} not flagged`);
          }
        }
      }
      assert.ok(oldKeys > 0, 'the emulator holds keys old enough to check');

      for (const key of result.keys.filter((k) => k.userName !== '')) {
        assert.equal(emulator.world.account(key.account)?.name, key.accountName);
      }
      const byAccount = emulator.counters().byAccount;
      const sample = memberAccountId(30);
      assert.equal((byAccount[sample]?.GenerateCredentialReport ?? 0) + (byAccount[sample]?.GetCredentialReport ?? 0), 3, 'the report in 3 calls');
      assert.equal(byAccount[sample]?.ListUsers, undefined, 'no user listing where the report answers');
      assert.ok((byAccount[reportDenied]?.ListUsers ?? 0) >= 1, 'the account that denies the report is listed live');
      assert.deepEqual(emulator.counters().assumeRoleByTarget, Object.fromEntries(activeMembers().map((a) => [a.id, 1])));
    });

    it('a cancellation passed in the arguments gives a partial export of whole accounts, marked partial', async () => {
      const cancellation = new vscode.CancellationTokenSource();
      const issueRole = emulator.world.issueRoleSession.bind(emulator.world);
      let issued = 0;
      emulator.world.issueRoleSession = (...args) => {
        if (++issued === 10) cancellation.cancel();
        return issueRole(...args);
      };
      const file = path.join(home, 'org-export-partial.json');
      const summary = (await vscode.commands.executeCommand('iamKeys.exportAccessKeys', {
        scope: 'organization',
        format: 'json',
        file,
        cancellation: cancellation.token,
      })) as { accounts: number; partial: boolean; cancelled: boolean; file?: string };
      cancellation.dispose();
      assert.equal(summary.cancelled, true);
      assert.equal(summary.partial, true);
      assert.ok(summary.accounts > 0 && summary.accounts < trusting().length, `${summary.accounts} of ${trusting().length} accounts`);
      const written = JSON.parse(fs.readFileSync(file, 'utf8')) as { Partial: boolean; AccessKeys: Record<string, string>[] };
      assert.equal(written.Partial, true);
      const exported = new Set(written.AccessKeys.map((r) => r.AccountId));
      for (const id of exported) {
        const expected = emulator.world.account(id)?.store.users().reduce((n, u) => n + u.accessKeys.length, 0);
        assert.equal(written.AccessKeys.filter((r) => r.AccountId === id).length, expected, `every key of ${id}, or none`);
      }
      assert.ok(Object.keys(emulator.counters().assumeRoleByTarget).length < activeMembers().length, 'the walk stopped entering accounts');
    });
  });
});
