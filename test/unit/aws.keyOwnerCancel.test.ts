// The owner lookup (src/aws/keyOwner.ts) cancelled, where a sampled Stryker run found behaviour
// no test checked (#27): a cancel while the owner's key list is read ends the lookup (no
// "found" answer without the key's status), and a lookup cancelled before it starts says why,
// carrying the cancel's reason. Real SDK over HTTP to the local IAM endpoint.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ConnectionSession } from '../../src/aws/connectionSession';
import { lookUpKeyOwner } from '../../src/aws/keyOwner';
import type { SessionRegistry } from '../../src/aws/sessionRegistry';
import { credentialsFileText } from '../emulator/identities';
import { BUILT_IN_IDENTITIES, EMULATOR_ACCOUNT_ID, startIamEmulator, type IamEmulator } from '../emulator/index';
import { makeAccessKeyId } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';
import { isolateThisProcess } from '../support/awsEnv';
import { emulatorSessionRegistry } from '../support/emulatorSessions';

const ADMIN = BUILT_IN_IDENTITIES.caller.profile;
// Made by the local endpoint's own encoder: the ID carries its account, so no STS call places it.
const WORKER_KEY = makeAccessKeyId(EMULATOR_ACCOUNT_ID, new SeededRandom(11));
// An older ID: no account in it.
const OLD_KEY = 'AKIAIOSFODNN7EXAMPLE';

describe('owner lookup: cancelled (#27)', function () {
  this.timeout(30_000);
  let emulator: IamEmulator;
  let registry: SessionRegistry;
  let session: ConnectionSession;

  before(async () => {
    isolateThisProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-owner-cancel-')), { awsCredentials: credentialsFileText() });
    emulator = await startIamEmulator({ users: 0 });
    emulator.store.addUser({ userName: 'worker' });
    emulator.store.addAccessKey('worker', { accessKeyId: WORKER_KEY });
    registry = emulatorSessionRegistry(emulator.url, [ADMIN]);
    const [only] = await registry.sessions();
    assert.ok(only);
    session = only;
  });
  after(async () => {
    registry.dispose();
    await emulator.close();
  });

  it('a cancel while the owner’s keys are listed ends the lookup with no answer', async () => {
    const controller = new AbortController();
    const keysOf = emulator.store.keysOf.bind(emulator.store);
    emulator.store.keysOf = (owner) => {
      controller.abort();
      return keysOf(owner);
    };
    try {
      await assert.rejects(lookUpKeyOwner([session], WORKER_KEY, controller.signal), { name: 'AbortError' });
    } finally {
      emulator.store.keysOf = keysOf;
    }
    assert.equal(emulator.requestLog().filter((entry) => entry.action === 'ListAccessKeys').length, 1, 'the owner’s keys were being listed');
  });

  it('a lookup cancelled before it starts asks nothing and carries the cancel’s reason', async () => {
    emulator.resetCounters();
    const controller = new AbortController();
    const reason = new Error('the hover was closed');
    controller.abort(reason);
    await assert.rejects(lookUpKeyOwner([session], OLD_KEY, controller.signal), (error: unknown) => {
      assert.equal((error as Error).name, 'AbortError');
      assert.equal((error as Error).cause, reason);
      return true;
    });
    assert.deepEqual(emulator.requestLog(), []);
  });
});
