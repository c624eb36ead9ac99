// Organization mode in the real extension host, against the organization endpoint over HTTP:
// 120 member accounts (three deny the role, one is suspended) with users and keys. The tree
// lists accounts without assuming anything and enters exactly the accounts expanded; commands
// target a member account by ID; Find Access Key Owner enters only the key's account, also
// with 30% of STS and Organizations calls throttled; an expired SSO token says what to run.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IamKeysApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { BUILT_IN_IDENTITIES, credentialsFileText } from '../emulator/identities';
import { DEFAULT_ROLE_NAME, SSO_ACCESS_TOKEN, memberAccountId, startOrgEmulator, writeSsoTokenCache, type OrgEmulator } from '../emulator/org/index';
import { children, extensionApi, item, label, resetSettings } from './fixture';

const MEMBERS = 120;
const DENYING = [3, 40, 77];
const SUSPENDED = [50];
const ADMIN = BUILT_IN_IDENTITIES.caller.profile;

describe('Organization mode (120 accounts)', function () {
  this.timeout(120_000);
  let emulator: OrgEmulator;
  let api: IamKeysApi;
  let home: string;
  const savedHome = process.env.HOME;

  async function settings(values: Record<string, unknown>): Promise<void> {
    const config = vscode.workspace.getConfiguration('iamKeys');
    for (const [key, value] of Object.entries(values)) await config.update(key, value, vscode.ConfigurationTarget.Global);
  }

  async function orgRoot(): Promise<ExplorerNode> {
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
});
