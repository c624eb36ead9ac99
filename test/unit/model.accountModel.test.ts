// The account model over the real SDK and HTTP to the local IAM endpoint: lists loaded through
// it (no tree row involved) are what the registry's loaded-key index answers from, a user's key
// list is one list whoever asks, and a reconnect of the session empties every list.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SessionRegistry } from '../../src/aws/sessionRegistry';
import { AccountModels } from '../../src/model/accountModels';
import { credentialsFileText } from '../emulator/identities';
import { BUILT_IN_IDENTITIES, startIamEmulator, type IamEmulator } from '../emulator/index';
import { isolateThisProcess } from '../support/awsEnv';
import { emulatorSessionRegistry } from '../support/emulatorSessions';

const PROFILE = BUILT_IN_IDENTITIES.caller.profile;
const ALICE_KEYS = ['AKIAMODELALICE000001', 'AKIAMODELALICE000002'];

describe('model: one AccountModel per account', function () {
  this.timeout(30_000);
  let emulator: IamEmulator;
  let registry: SessionRegistry;
  let models: AccountModels;

  before(async () => {
    emulator = await startIamEmulator({ port: 0, users: 0 });
    for (const userName of ['alice', 'bob', 'carol']) emulator.store.addUser({ userName });
    for (const accessKeyId of ALICE_KEYS) emulator.store.addAccessKey('alice', { accessKeyId });
    isolateThisProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-model-')), { awsCredentials: credentialsFileText() });
  });
  beforeEach(() => {
    registry = emulatorSessionRegistry(emulator.url, [PROFILE]);
    models = new AccountModels(() => 2);
  });
  afterEach(() => {
    models.clear();
    registry.dispose();
  });
  after(async () => {
    await emulator.close();
  });

  it('keys loaded through the model are found by AccountModels, with their session, and no row', async () => {
    const session = await registry.main();
    assert.ok(session);
    const model = models.of(session);
    assert.equal(models.of(session), model, 'one model per session');
    assert.equal((await model.keysOf('alice').loadNext()).kind, 'loaded');
    assert.equal(model.keysOf('alice'), model.keysOf('alice'), 'one key list per user');
    assert.deepEqual(models.loadedKeys().map(({ key }) => key.AccessKeyId).sort(), ALICE_KEYS);
    assert.equal(models.loadedKey(ALICE_KEYS[1])?.session, session);
  });

  it('pages by the page size given, and keeps the truncation state in the list', async () => {
    const session = await registry.main();
    assert.ok(session);
    const users = models.of(session).users;
    await users.loadNext();
    assert.equal(users.loaded.length, 2);
    assert.equal(users.isTruncated, true);
    await users.loadAll();
    assert.equal(users.isTruncated, false);
    assert.ok(users.loaded.map((u) => u.UserName).includes('carol'));
  });

  it('a reconnect empties every list and the loaded-key index; resetting users drops their key lists', async () => {
    const session = await registry.main();
    assert.ok(session);
    const model = models.of(session);
    await model.users.loadNext();
    const aliceKeys = model.keysOf('alice');
    await aliceKeys.loadNext();
    session.reconnect();
    assert.equal(model.users.loaded.length, 0);
    assert.equal(aliceKeys.loaded.length, 0);
    assert.equal(models.loadedKey(ALICE_KEYS[0]), undefined);
    await model.keysOf('alice').loadNext();
    assert.ok(models.loadedKey(ALICE_KEYS[0]));
    model.resetUsers();
    assert.equal(model.loadedKeysOf('alice'), undefined);
    assert.equal(models.loadedKey(ALICE_KEYS[0]), undefined, 'a dropped list leaves the index');
  });
});
