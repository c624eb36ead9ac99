// The account sources the settings name (src/aws/organization/orgSources.ts), which no unit test
// built before a sampled Stryker run showed it (#27): an organization setting becomes a source,
// listing every account registers their sessions, and an account ID finds its source and its
// listed account (an ID nobody listed finds none). Real SDK over HTTP to the organization
// endpoint, with the profile's keys read from the isolated credentials file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OrgSources, type OrgSourcesSettings } from '../../src/aws/organization/orgSources';
import { CALLER_CREDENTIALS, EMULATOR_ACCOUNT_ID } from '../emulator/identities';
import { memberAccountId, startOrgEmulator, type OrgEmulator } from '../emulator/org/index';
import { isolateThisProcess } from '../support/awsEnv';

describe('aws/organization: the account sources the settings name (#27)', function () {
  this.timeout(30_000);
  let emulator: OrgEmulator;
  let sources: OrgSources;
  const registered: string[] = [];

  before(async () => {
    isolateThisProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-org-sources-')), {
      awsCredentials: `[mgmt]\naws_access_key_id = ${CALLER_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${CALLER_CREDENTIALS.secretAccessKey}\n`,
    });
    emulator = await startOrgEmulator({ members: 3, usersPerAccount: 1, seed: 4 });
    const settings: OrgSourcesSettings = {
      organizations: [{ profile: 'mgmt', roleName: 'IamKeysReadOnly' }],
      identityCenter: [],
      region: 'us-east-1',
      endpoint: emulator.url,
      requestTimeoutMs: 5000,
      maxConcurrentAccounts: 2,
    };
    sources = new OrgSources({ settings: () => settings, registry: { addMemberSession: (account) => registered.push(account) }, maxAttempts: 1 });
  });
  after(async () => {
    sources.dispose();
    await emulator.close();
  });

  it('an organization setting is one source; listing it registers every account’s session', async () => {
    assert.deepEqual(sources.all().map((s) => [s.kind, s.id]), [['organization', 'org/mgmt/IamKeysReadOnly']]);
    await sources.listAll();
    assert.deepEqual([...registered].sort(), [EMULATOR_ACCOUNT_ID, memberAccountId(0), memberAccountId(1), memberAccountId(2)].sort());
  });

  it('a listed account ID finds its source and account; an unlisted one finds nothing', async () => {
    await sources.listAll();
    const found = sources.findListed(memberAccountId(1));
    assert.equal(found?.source.id, 'org/mgmt/IamKeysReadOnly');
    assert.deepEqual([found?.account.id, found?.account.name], [memberAccountId(1), 'member-001']);
    assert.equal(sources.findListed('999999999999'), undefined);
  });

  it('an Identity Center setting is a source too; a refused endpoint setting gives none; building calls nothing', async () => {
    const before = emulator.counters().total;
    const base: OrgSourcesSettings = { organizations: [{ profile: 'mgmt', roleName: 'IamKeysReadOnly' }], identityCenter: [{ profile: 'sso-dev', roleName: 'Auditor' }], region: 'us-east-1', endpoint: emulator.url, requestTimeoutMs: 5000, maxConcurrentAccounts: 2 };
    const both = new OrgSources({ settings: () => base, registry: { addMemberSession: () => undefined }, maxAttempts: 1 });
    const refused = new OrgSources({ settings: () => ({ ...base, endpointError: 'iamKeys.endpoint is not https' }), registry: { addMemberSession: () => undefined }, maxAttempts: 1 });
    try {
      assert.deepEqual(both.all().map((s) => [s.kind, s.id]), [['organization', 'org/mgmt/IamKeysReadOnly'], ['identity-center', 'sso/sso-dev/Auditor']]);
      assert.deepEqual(refused.all(), []);
      assert.equal(emulator.counters().total, before);
    } finally {
      both.dispose();
      refused.dispose();
    }
  });

  it('rebuild closes the sources built (their listings go) and builds new ones on next use', async () => {
    await sources.listAll();
    const [old] = sources.all();
    assert.ok(old && old.traversal.accounts.loaded.length === 4);
    sources.rebuild();
    assert.equal(old.traversal.accounts.loaded.length, 0, 'the old source was disposed');
    const [fresh] = sources.all();
    assert.ok(fresh && fresh !== old);
    assert.equal(sources.findListed(memberAccountId(1)), undefined, 'nothing listed yet by the new source');
  });

  it('a cancelled listing asks nothing; rebuild before any use and dispose close what was built', async () => {
    const settings = (): OrgSourcesSettings => ({ organizations: [{ profile: 'mgmt', roleName: 'IamKeysReadOnly' }], identityCenter: [], region: 'us-east-1', endpoint: emulator.url, requestTimeoutMs: 5000, maxConcurrentAccounts: 2 });
    const own = new OrgSources({ settings, registry: { addMemberSession: () => undefined }, maxAttempts: 1 });
    own.rebuild(); // nothing built yet: nothing to close
    const before = emulator.counters().total;
    await own.listAll(AbortSignal.abort());
    assert.equal(emulator.counters().total, before);
    await own.listAll();
    const [built] = own.all();
    assert.equal(built?.traversal.accounts.loaded.length, 4);
    own.dispose();
    assert.equal(built?.traversal.accounts.loaded.length, 0, 'the source was disposed');
  });
});
