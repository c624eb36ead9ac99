// Organization mode in the real extension host with AWS_ENDPOINT_URL, _STS, _ORGANIZATIONS,
// _SSO and _SSO_OIDC all naming a plain-http host that is not this machine (a capture server
// in a network namespace of its own, test/support/captureHost.ts). Two management profiles:
// one assumes a role (role_arn + source_profile: the AssumeRole is signed with the source
// profile's long-term key) and one is an SSO profile whose token is due for refresh (the
// SSO-OIDC refresh carries the client secret and refresh token, GetRoleCredentials the bearer
// token). Both organizations must list their accounts through iamKeys.endpoint (the
// organization endpoint on loopback), and the capture host must receive nothing. Each
// "Ignored the endpoint …" line reaches the Output panel once, however many connections.
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IamKeysInternals } from '../../src/extension';
import type { TreeElement } from '../../src/explorer/nodes/treeElement';
import { BUILT_IN_IDENTITIES, EMULATOR_ACCOUNT_ID, credentialsFileText } from '../emulator/identities';
import { DEFAULT_ROLE_NAME, SSO_ACCESS_TOKEN, memberAccountId, startOrgEmulator, type OrgEmulator } from '../emulator/org/index';
import { CaptureHostUnavailableError, startCaptureHost, type CaptureHost } from '../support/captureHost';
import { extensionLogFile, logLines } from '../support/extensionLogFile';
import { sleep, until } from '../support/wait';
import { PROFILES, children, extensionApi, label, resetSettings } from './fixture';

const MEMBERS = 4;
const MANAGEMENT_ROLE = 'OrgAdmin';
const ADMIN = BUILT_IN_IDENTITIES.caller.profile;
const START_URL = 'https://example.awsapps.com/start';
const ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_STS', 'AWS_ENDPOINT_URL_ORGANIZATIONS', 'AWS_ENDPOINT_URL_SSO', 'AWS_ENDPOINT_URL_SSO_OIDC'];
const SAVED_VARIABLES = ['HOME', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', ...ENDPOINT_VARIABLES];

describe('Organization mode sends nothing to AWS_ENDPOINT_URL* (capture host off this machine)', function () {
  this.timeout(120_000);
  let capture: CaptureHost | undefined;
  let emulator: OrgEmulator | undefined;
  let api: IamKeysInternals;
  let home: string | undefined;
  const saved = new Map<string, string | undefined>();
  // A session name of its own: the SDK skips a token refresh tried within 30 s for the same session.
  const ssoSession = `mgmt-sso-${Date.now()}`;

  async function settings(values: Record<string, unknown>): Promise<void> {
    const config = vscode.workspace.getConfiguration('iamKeys');
    for (const [key, value] of Object.entries(values)) await config.update(key, value, vscode.ConfigurationTarget.Global);
  }

  async function organizationVia(profile: string): Promise<TreeElement> {
    const roots = await children(api);
    const root = roots.find((r) => label(api, r).endsWith(` via ${profile}`));
    assert.ok(root, `an organization root via ${profile} among ${roots.map((r) => label(api, r)).join(', ')}`);
    return root;
  }

  before(async function () {
    try {
      capture = await startCaptureHost({ lifetimeMs: 110_000 });
    } catch (error) {
      if (error instanceof CaptureHostUnavailableError && process.env.CI !== 'true') {
        console.log(`SKIPPED (not CI): ${error.message}`);
        this.skip();
      }
      throw error;
    }
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    emulator = await startOrgEmulator({ members: MEMBERS, usersPerAccount: 2, managementRoles: [MANAGEMENT_ROLE], seed: 21 });
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-org-endpoints-'));
    fs.writeFileSync(path.join(home, 'credentials'), credentialsFileText());
    fs.writeFileSync(
      path.join(home, 'config'),
      [
        '[profile mgmt-role]',
        `role_arn = arn:aws:iam::${EMULATOR_ACCOUNT_ID}:role/${MANAGEMENT_ROLE}`,
        `source_profile = ${ADMIN}`,
        'role_session_name = iam-keys-mgmt',
        'region = us-east-1',
        '[profile mgmt-sso]',
        `sso_session = ${ssoSession}`,
        `sso_account_id = ${EMULATOR_ACCOUNT_ID}`,
        `sso_role_name = ${MANAGEMENT_ROLE}`,
        'region = us-east-1',
        `[sso-session ${ssoSession}]`,
        `sso_start_url = ${START_URL}`,
        'sso_region = us-east-1',
        '',
      ].join('\n'),
    );
    // Valid for 3 more minutes: inside the SDK's 5-minute window, so it tries an SSO-OIDC refresh
    // first (the endpoint has no CreateToken and refuses it), then uses this token.
    const cache = path.join(home, '.aws', 'sso', 'cache');
    fs.mkdirSync(cache, { recursive: true });
    fs.writeFileSync(
      path.join(cache, `${createHash('sha1').update(ssoSession).digest('hex')}.json`),
      JSON.stringify({
        startUrl: START_URL,
        region: 'us-east-1',
        accessToken: SSO_ACCESS_TOKEN,
        expiresAt: new Date(Date.now() + 180_000).toISOString(),
        clientId: 'TESTONLY-oidc-client-id',
        clientSecret: 'TESTONLY-oidc-client-secret',
        refreshToken: 'TESTONLY-oidc-refresh-token',
        registrationExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
      { mode: 0o600 },
    );
    for (const name of SAVED_VARIABLES) saved.set(name, process.env[name]);
    // The extension host is this process: the SDK reads these when organization mode builds its clients.
    process.env.HOME = home;
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(home, 'credentials');
    process.env.AWS_CONFIG_FILE = path.join(home, 'config');
    for (const name of ENDPOINT_VARIABLES) process.env[name] = capture.url;
    api = await extensionApi();
    await settings({
      profile: ADMIN,
      profiles: [PROFILES.limited, PROFILES.root],
      endpoint: emulator.url,
      organizations: [
        { profile: 'mgmt-role', roleName: DEFAULT_ROLE_NAME },
        { profile: 'mgmt-sso', roleName: DEFAULT_ROLE_NAME },
      ],
      identityCenter: [],
    });
    api.explorer.rebuild();
    emulator.resetCounters();
  });

  after(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    if (emulator) {
      await settings({ organizations: undefined, identityCenter: undefined });
      await resetSettings();
      api.explorer.rebuild();
      await emulator.close();
    }
    await capture?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('both management profiles list the organization and enter a member through iamKeys.endpoint; the capture host receives nothing', async () => {
    const org = emulator as OrgEmulator;
    const expected = org.world.accounts.map((a) => a.id);
    const seen: { profile: string; listed: unknown[]; rows: string[]; member: string[]; users: string[] }[] = [];
    for (const profile of ['mgmt-role', 'mgmt-sso']) {
      const accounts = await children(api, await organizationVia(profile));
      const listed = accounts.map((a) => (api.explorer.getTreeItem(a) as vscode.TreeItem).description);
      const [users] = accounts.length > 1 ? await children(api, accounts[1]) : [];
      seen.push({
        profile,
        listed,
        rows: accounts.map((a) => label(api, a)),
        member: users ? [label(api, users)] : [],
        users: users ? (await children(api, users)).map((u) => label(api, u)) : [],
      });
    }
    // Anything sent to the capture host would have arrived long before the listing above finished; wait a little anyway.
    await sleep(500);
    assert.deepEqual(capture?.requests(), [], 'nothing reached the host named by AWS_ENDPOINT_URL*');
    for (const s of seen) {
      assert.deepEqual(s.listed, expected, `${s.profile} lists the organization's accounts: ${s.rows.join(', ')}`);
      assert.equal(label(api, await organizationVia(s.profile)), `Organization o-exampleorg1 via ${s.profile}`);
      assert.deepEqual(s.member, ['Users'], `${s.profile} entered ${memberAccountId(0)}`);
      assert.deepEqual(s.users, org.world.account(memberAccountId(0))?.store.users().map((u) => u.userName));
    }
    const counters = org.counters();
    assert.ok((counters.assumeRoleByTarget[EMULATOR_ACCOUNT_ID] ?? 0) >= 1, `mgmt-role's AssumeRole reached iamKeys.endpoint: ${JSON.stringify(counters.assumeRoleByTarget)}`);
    assert.ok((counters.roleCredentialsByTarget[EMULATOR_ACCOUNT_ID] ?? 0) >= 1, `mgmt-sso's GetRoleCredentials reached iamKeys.endpoint: ${JSON.stringify(counters.roleCredentialsByTarget)}`);
    assert.ok((counters.byAction['sso-oidc:CreateToken'] ?? 0) >= 1, `mgmt-sso's token refresh reached iamKeys.endpoint: ${JSON.stringify(counters.byAction)}`);
    assert.equal(counters.assumeRoleByTarget[memberAccountId(0)], 2, 'each organization assumed the member role once, at iamKeys.endpoint');
  });

  it('each ignored-endpoint warning reaches the log once, however many connections and organizations are made', async () => {
    const url = (capture as CaptureHost).url;
    const sessions = await api.sessions.sessions();
    assert.ok(sessions.length >= 3, `three profile sessions: ${sessions.map((s) => s.profile).join(', ')}`);
    for (const session of sessions) {
      void session.api; // a connection
      session.reconnect();
      void session.api; // and another
    }
    const file = extensionLogFile();
    const ignored = (): string[] => logLines(file).filter((line) => line.includes(`Ignored the endpoint ${url} from`));
    await until(() => ignored().some((line) => line.includes(' from AWS_ENDPOINT_URL:')), 'the AWS_ENDPOINT_URL warning');
    await sleep(1000); // any repeat, and the other variables' lines, are written by now
    const lines = ignored();
    const repeated = lines.filter((line, i) => lines.indexOf(line) !== i);
    assert.deepEqual(repeated, [], `each warning once (${lines.length} lines):\n${lines.join('\n')}`);
    for (const name of ENDPOINT_VARIABLES) assert.ok(lines.some((line) => line.includes(` from ${name}:`)), `${name} is named in the log:\n${lines.join('\n')}`);
  });
});
