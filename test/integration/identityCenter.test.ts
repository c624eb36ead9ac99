// Accounts from IAM Identity Center with a valid `aws sso login` token, and an organization's
// includeAccounts/excludeAccounts lists, in the real extension host against the organization
// endpoint over HTTP. Expected accounts, names and users are read from the endpoint's own
// world, never from the extension; the endpoint's counters say which accounts were entered.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IamKeysInternals } from '../../src/extension';
import type { TreeElement } from '../../src/explorer/nodes/treeElement';
import { BUILT_IN_IDENTITIES, credentialsFileText } from '../emulator/identities';
import { DEFAULT_ROLE_NAME, SSO_ACCESS_TOKEN, memberAccountId, startOrgEmulator, writeSsoTokenCache, type OrgEmulator } from '../emulator/org/index';
import { children, extensionApi, item, label, resetSettings } from './fixture';

const MEMBERS = 8;
const DENYING = [2];
const ADMIN = BUILT_IN_IDENTITIES.caller.profile;
const START_URL = 'https://example.awsapps.com/start';

describe('Identity Center accounts and account lists', function () {
  this.timeout(120_000);
  let emulator: OrgEmulator;
  let api: IamKeysInternals;
  let home: string;
  const savedHome = process.env.HOME;
  const savedFiles = { credentials: process.env.AWS_SHARED_CREDENTIALS_FILE, config: process.env.AWS_CONFIG_FILE };

  async function settings(values: Record<string, unknown>): Promise<void> {
    const config = vscode.workspace.getConfiguration('iamKeys');
    for (const [key, value] of Object.entries(values)) await config.update(key, value, vscode.ConfigurationTarget.Global);
  }

  async function rootLabelled(pattern: RegExp): Promise<TreeElement> {
    const roots = await children(api);
    const root = roots.find((r) => pattern.test(label(api, r)));
    assert.ok(root, `a root matching ${pattern} among ${roots.map((r) => label(api, r)).join(', ')}`);
    return root;
  }

  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    emulator = await startOrgEmulator({ members: MEMBERS, usersPerAccount: 2, denyingMembers: DENYING, seed: 31 });
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-sso-'));
    fs.writeFileSync(path.join(home, 'credentials'), credentialsFileText());
    fs.writeFileSync(
      path.join(home, 'config'),
      `[profile sso-dev]\nsso_session = my-sso\nregion = us-east-1\n\n[sso-session my-sso]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\n`,
    );
    writeSsoTokenCache(home, { cacheKey: 'my-sso', accessToken: SSO_ACCESS_TOKEN, expiresAt: new Date(Date.now() + 3_600_000), region: 'us-east-1', startUrl: START_URL });
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(home, 'credentials');
    process.env.AWS_CONFIG_FILE = path.join(home, 'config');
    process.env.HOME = home;
    api = await extensionApi();
    await settings({
      profile: ADMIN,
      profiles: [],
      endpoint: emulator.url,
      identityCenter: [{ profile: 'sso-dev', roleName: DEFAULT_ROLE_NAME }],
      organizations: [
        {
          profile: ADMIN,
          roleName: DEFAULT_ROLE_NAME,
          includeAccounts: [memberAccountId(0), memberAccountId(1), memberAccountId(3)],
          excludeAccounts: [memberAccountId(1)],
        },
      ],
    });
    api.explorer.rebuild();
    emulator.resetCounters();
  });

  after(async () => {
    process.env.HOME = savedHome;
    process.env.AWS_SHARED_CREDENTIALS_FILE = savedFiles.credentials;
    process.env.AWS_CONFIG_FILE = savedFiles.config;
    await settings({ organizations: undefined, identityCenter: undefined });
    await resetSettings();
    api.explorer.rebuild();
    await emulator.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('a valid token lists the accounts assigned to the user; expanding one gets role credentials once and shows its users', async () => {
    const root = await rootLabelled(/^Identity Center via sso-dev/);
    const rows = await children(api, root);
    const assigned = emulator.world.accounts.filter((a) => a.roles.has(DEFAULT_ROLE_NAME));
    assert.equal(assigned.length, MEMBERS - DENYING.length, 'the endpoint assigns every member that has the role');
    assert.deepEqual(
      rows.map((r) => [label(api, r), item(api, r).description]),
      assigned.map((a) => [a.name, a.id]),
    );
    assert.deepEqual(emulator.counters().roleCredentialsByTarget, {}, 'listing asks for no credentials');

    const target = rows[0];
    const [users] = await children(api, target);
    assert.equal(label(api, users), 'Users');
    const userRows = await children(api, users);
    assert.deepEqual(
      userRows.map((r) => label(api, r)),
      assigned[0].store.users().map((u) => u.userName),
    );
    await children(api, target);
    assert.deepEqual(emulator.counters().roleCredentialsByTarget, { [assigned[0].id]: 1 }, 'one GetRoleCredentials, cached for the second expansion');
    assert.equal(emulator.counters().assumeRoleByTarget[assigned[0].id], undefined, 'Identity Center does not assume roles through STS');
  });

  it('includeAccounts and excludeAccounts: listed accounts outside them are greyed as excluded and never entered', async () => {
    emulator.resetCounters();
    const root = await rootLabelled(/^Organization /);
    await vscode.commands.executeCommand('iamKeys.loadAll', root);
    const rows = await children(api, root);
    const byId = new Map(rows.map((r) => [String(item(api, r).description).slice(0, 12), r]));
    for (const i of [0, 3]) {
      const row = byId.get(memberAccountId(i));
      assert.ok(row, `member ${i} is listed`);
      assert.equal(item(api, row).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, `member ${i} can be entered`);
    }
    for (const i of [1, 4, 5]) {
      const row = byId.get(memberAccountId(i));
      assert.ok(row, `member ${i} is listed`);
      assert.equal(item(api, row).collapsibleState, vscode.TreeItemCollapsibleState.None, `member ${i} cannot be entered`);
      assert.match(String(item(api, row).description), /excluded/);
    }
    const included = byId.get(memberAccountId(3));
    assert.ok(included);
    const [users] = await children(api, included);
    assert.equal(label(api, users), 'Users');
    assert.deepEqual(emulator.counters().assumeRoleByTarget, { [memberAccountId(3)]: 1 }, 'only the expanded, included account was entered');
  });
});
