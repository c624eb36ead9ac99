// The loaded-key index lives in each account's model (not in its session): lists load through
// AccountModel, and AccountModels answers "which loaded key is this ID, in which session".
// Pure logic over a fake IAM list call (model.accountModel.test.ts drives the real SDK).
import * as assert from 'assert/strict';
import { ConnectionSession } from '../../src/aws/connectionSession';
import type { IamApi } from '../../src/aws/iamApi';
import type { AccessKey, Page } from '../../src/core/types';
import { AccountModels } from '../../src/model/accountModels';

const key = (id: string, user: string): AccessKey => ({ UserName: user, AccessKeyId: id, Status: 'Active', CreateDate: new Date('2024-01-01T00:00:00Z') });

/** A session whose ListAccessKeys answers from `keys` (user '' = the signing user's own keys), paged by MaxItems. */
function fakeSession(profile: string, keys: Map<string, AccessKey[]>): ConnectionSession {
  const api = {
    listAccessKeys: async ({ userName, maxItems, marker }: { userName?: string; maxItems: number; marker?: string }): Promise<Page<AccessKey>> => {
      const all = keys.get(userName ?? '') ?? [];
      const from = marker ? Number(marker) : 0;
      const to = from + maxItems;
      return { items: all.slice(from, to), nextMarker: to < all.length ? String(to) : undefined };
    },
  } as unknown as IamApi;
  return new ConnectionSession(profile, { name: profile, kind: 'static keys', mfa: false }, () => ({
    settings: { profile, region: 'us-east-1', endpoint: '', requestTimeoutMs: 1000, maxAttempts: 1 },
    api,
    accessKeyId: async () => 'AKIASIGNING000000001',
    dispose: () => undefined,
  }));
}

const ids = (models: AccountModels): string[] => models.loadedKeys().map(({ key: k }) => k.AccessKeyId).sort();

describe('model: the loaded-key index of each account', () => {
  const ADMIN_1 = 'AKIAADMIN00000000001';
  const ALICE_1 = 'AKIAALICE00000000001';
  const ALICE_2 = 'AKIAALICE00000000002';
  let keys: Map<string, AccessKey[]>;
  let session: ConnectionSession;
  let models: AccountModels;

  beforeEach(() => {
    // 'admin' signs the calls: its keys are both "My access keys" (user '') and the admin user's row.
    keys = new Map([
      ['', [key(ADMIN_1, 'admin')]],
      ['admin', [key(ADMIN_1, 'admin')]],
      ['alice', [key(ALICE_1, 'alice'), key(ALICE_2, 'alice')]],
    ]);
    session = fakeSession('a', keys);
    models = new AccountModels(() => 1);
  });
  afterEach(() => models.clear());

  it('indexes each page a list loads, and forgets a list\'s keys when it is reset', async () => {
    const model = models.of(session);
    await model.keysOf('alice').loadNext();
    assert.deepEqual(ids(models), [ALICE_1]);
    await model.keysOf('alice').loadNext(); // page 2 (page size 1)
    assert.deepEqual(ids(models), [ALICE_1, ALICE_2]);
    assert.equal(models.loadedKey(ALICE_2)?.session, session);
    assert.equal(models.loadedKey(ALICE_2)?.key.UserName, 'alice');
    model.keysOf('alice').reset();
    assert.deepEqual(ids(models), []);
  });

  it('a key in two lists ("My access keys" and its user\'s row) stays found until both let it go', async () => {
    const model = models.of(session);
    await model.ownKeys.loadNext();
    await model.keysOf('admin').loadNext();
    model.ownKeys.reset(); // "My access keys" refreshed: the admin row still shows the key
    assert.equal(models.loadedKey(ADMIN_1)?.key.UserName, 'admin', 'the admin row still holds the key');
    model.keysOf('admin').reset();
    assert.equal(models.loadedKey(ADMIN_1), undefined, 'no list holds it any more');
  });

  it('a key that moved from one list to another is found from the list that holds it now', async () => {
    const model = models.of(session);
    await model.keysOf('alice').loadAll();
    keys.set('bob', [key(ALICE_2, 'bob')]); // the ID now answers in bob's list, no longer in alice's
    keys.set('alice', [key(ALICE_1, 'alice')]);
    await model.keysOf('bob').loadNext();
    model.keysOf('alice').reset();
    await model.keysOf('alice').loadAll();
    assert.equal(models.loadedKey(ALICE_2)?.key.UserName, 'bob', 'alice\'s reload did not drop what bob\'s list holds');
    assert.deepEqual(ids(models), [ALICE_1, ALICE_2]);
  });

  it('a reconnect empties the account\'s index; another account\'s stays', async () => {
    const other = fakeSession('b', new Map([['', [key('AKIAOTHER00000000001', 'carol')]]]));
    await models.of(session).keysOf('alice').loadAll();
    await models.of(other).ownKeys.loadNext();
    session.reconnect();
    assert.deepEqual(ids(models), ['AKIAOTHER00000000001']);
    assert.equal(models.loadedKey('AKIAOTHER00000000001')?.session, other);
    assert.equal(models.of(session).keysOf('alice').loaded.length, 0, 'the lists went with it');
  });

  it('resetting the users list drops its users\' keys from the index; "My access keys" stays', async () => {
    const model = models.of(session);
    await model.ownKeys.loadNext();
    await model.keysOf('alice').loadAll();
    model.resetUsers();
    assert.deepEqual(ids(models), [ADMIN_1]);
  });

  it('a closed session\'s keys are not found (a member account whose source closed it)', async () => {
    await models.of(session).keysOf('alice').loadNext();
    assert.ok(models.loadedKey(ALICE_1));
    session.dispose();
    assert.equal(models.loadedKey(ALICE_1), undefined);
    assert.deepEqual(ids(models), []);
  });
});
