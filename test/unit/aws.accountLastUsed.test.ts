// Two profiles that reach one account (the `npm start` demo) show a key with the same health
// labels without a Refresh (#25 item 16): last use (GetAccessKeyLastUsed) is kept per account,
// not per session, so what one profile loaded the other reads. A change to the key through
// either forgets it for both; so does a Refresh. Real SDK over HTTP to the local IAM endpoint.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ConnectionSession } from '../../src/aws/connectionSession';
import type { SessionRegistry } from '../../src/aws/sessionRegistry';
import { assessAccessKey } from '../../src/core/keyHealth';
import { rowFindingCodes } from '../../src/core/rowFindings';
import type { AccessKey } from '../../src/core/types';
import { AccountModels } from '../../src/model/accountModels';
import { credentialsFileText } from '../emulator/identities';
import { BUILT_IN_IDENTITIES, startIamEmulator, type IamEmulator } from '../emulator/index';
import { isolateThisProcess } from '../support/awsEnv';
import { emulatorSessionRegistry } from '../support/emulatorSessions';

const ADMIN = BUILT_IN_IDENTITIES.caller.profile;
const ROOT = BUILT_IN_IDENTITIES.root.profile;
const KEY_ID = 'AKIASHAREDLASTUSED01';
const DAY = 86_400_000;

describe('aws: last use is shared by the profiles of one account', function () {
  this.timeout(30_000);
  let emulator: IamEmulator;
  let registry: SessionRegistry;
  let models: AccountModels;

  before(async () => {
    emulator = await startIamEmulator({ port: 0, users: 0 });
    emulator.store.addUser({ userName: 'idle' });
    // Created 400 days ago, last used 120 days ago: "Unused 90+ days" only once last use is known.
    emulator.store.addAccessKey('idle', { accessKeyId: KEY_ID, createDate: new Date(Date.now() - 400 * DAY), lastUsed: { date: new Date(Date.now() - 120 * DAY), serviceName: 's3', region: 'us-east-1' } });
    isolateThisProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-lastused-')), { awsCredentials: credentialsFileText() });
  });
  beforeEach(() => {
    registry = emulatorSessionRegistry(emulator.url, [ADMIN, ROOT]);
    models = new AccountModels(() => 100);
    emulator.resetCounters();
  });
  afterEach(() => {
    models.clear();
    registry.dispose();
  });
  after(async () => {
    await emulator.close();
  });

  /** Both profiles' sessions, identity known, with the user's key loaded through each one's model. */
  async function twoProfiles(): Promise<Array<{ session: ConnectionSession; key: AccessKey }>> {
    const sessions = await registry.sessions();
    assert.equal(sessions.length, 2);
    const out = [];
    for (const session of sessions) {
      await session.ensureIdentity();
      const list = models.of(session).keysOf('idle');
      await list.loadNext();
      out.push({ session, key: list.loaded.find((k) => k.AccessKeyId === KEY_ID)! });
    }
    assert.equal(out[0]!.session.account(), out[1]!.session.account(), 'both profiles reach one account');
    return out;
  }

  /** The health labels' rule codes a key row of `session` shows now (no call is made). */
  function rowCodes(session: ConnectionSession, key: AccessKey): string[] {
    const health = assessAccessKey(key, { now: new Date(), rotationWarningDays: 90, unusedWarningDays: 45, lastUsed: session.knownLastUsedOf(key), isRoot: session.isRootKey(key), activeKeysOfUser: 1 });
    return rowFindingCodes(health.findings);
  }

  const lastUsedCalls = (): number => emulator.requestLog().filter((entry) => entry.action === 'GetAccessKeyLastUsed').length;

  it('last use loaded through one profile gives the other the same labels, with no call of its own', async () => {
    const [admin, root] = await twoProfiles();
    await admin!.session.lastUsed(KEY_ID); // what hovering the key's row under the first profile fetches
    assert.ok(rowCodes(admin!.session, admin!.key).includes('unused-90'), rowCodes(admin!.session, admin!.key).join(','));
    assert.deepEqual(rowCodes(root!.session, root!.key), rowCodes(admin!.session, admin!.key));
    assert.equal((await root!.session.lastUsed(KEY_ID)).ServiceName, 's3');
    assert.equal(lastUsedCalls(), 1, 'one GetAccessKeyLastUsed for the account');
  });

  it('a change to the key through one profile (deactivate, rotate) forgets its last use for both', async () => {
    const [admin, root] = await twoProfiles();
    await root!.session.lastUsed(KEY_ID);
    assert.ok(admin!.session.knownLastUsed(KEY_ID));
    admin!.session.forgetKey(KEY_ID); // what keyChanged() does after a write
    assert.equal(root!.session.knownLastUsed(KEY_ID), undefined);
    await root!.session.lastUsed(KEY_ID);
    assert.equal(lastUsedCalls(), 2, 'asked again after the change');
  });

  it('a Refresh of one profile asks again for the account', async () => {
    const [admin, root] = await twoProfiles();
    await admin!.session.lastUsed(KEY_ID);
    root!.session.reconnect();
    assert.equal(admin!.session.knownLastUsed(KEY_ID), undefined);
  });
});
