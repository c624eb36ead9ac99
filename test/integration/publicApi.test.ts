// The API other extensions get from activate(): only the stable calls and the test-only handle,
// and each call answers like its command, over the real emulator.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import type { IamKeysApi } from '../../src/extension';
import { EXTENSION_ID, PROFILES, type Session, startSession } from './fixture';

describe('Public API (what other extensions call)', function () {
  this.timeout(60_000);
  let session: Session;
  let api: IamKeysApi;

  before(async () => {
    session = await startSession({ users: 5, seed: 4 });
    api = await vscode.extensions.getExtension<IamKeysApi>(EXTENSION_ID)!.activate();
  });
  after(() => session.close());

  it('hands out the stable calls and one test-only handle, nothing else', () => {
    assert.deepEqual(Object.keys(api).sort(), ['findAccessKey', 'internalsForTests', 'listAccessKeys', 'listProfiles', 'version']);
    assert.equal(api.version, 1);
  });

  it('listProfiles, listAccessKeys and findAccessKey answer from the emulator', async () => {
    const profiles = await api.listProfiles();
    assert.deepEqual(profiles.find((p) => p.name === PROFILES.admin), { name: PROFILES.admin, kind: 'static keys' });
    const { store } = session.emulator;
    const user = store.users().find((u) => store.keysOf({ kind: 'user', user: u }).length > 0);
    assert.ok(user, 'the seeded data has a user with a key');
    const expected = store.keysOf({ kind: 'user', user }).map((k) => k.accessKeyId);
    const listed = await api.listAccessKeys({ userName: user.userName });
    assert.deepEqual(listed?.AccessKeyMetadata.map((k) => k.AccessKeyId), expected);
    const found = await api.findAccessKey(expected[0]);
    assert.deepEqual([found?.result, found?.userName, found?.revealed], ['found', user.userName, false]);
  });
});
