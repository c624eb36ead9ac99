// The owner lookup (src/aws/keyOwner.ts) where a sampled Stryker run found behaviour no test
// checked (#27): with no session there is nothing to ask, whatever the key ID says; and when
// STS may not place a key, each account's IAM is asked and the answer kept is the first that
// is not an error, else the first error. Real SDK over HTTP to local IAM endpoints (and to a
// loopback port nobody listens on).
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
import { freePort } from '../support/freePort';

const ADMIN = BUILT_IN_IDENTITIES.caller.profile;
const STRANGER = '609629065308';
// Made by the local endpoint's own encoder: IDs that carry their account.
const STRANGER_KEY = makeAccessKeyId(STRANGER, new SeededRandom(2));
const STRANGER_TEMP = makeAccessKeyId(STRANGER, new SeededRandom(3), 'ASIA');
// An older ID: no account in it, so STS (GetAccessKeyInfo) or each account's IAM must place it.
const OLD_KEY = 'AKIAIOSFODNN7EXAMPLE';

describe('owner lookup: no session, and which account’s answer is kept (#27)', function () {
  this.timeout(30_000);
  let answering: IamEmulator;
  let throttling: IamEmulator;
  let nameless: IamEmulator;
  let unreachableUrl: string;
  const registries: SessionRegistry[] = [];

  before(async () => {
    isolateThisProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-owner-fallback-')), { awsCredentials: credentialsFileText() });
    // Neither lets the caller use sts:GetAccessKeyInfo.
    answering = await startIamEmulator({ faults: { denyActions: ['GetAccessKeyInfo'] } });
    throttling = await startIamEmulator({ faults: { denyActions: ['GetAccessKeyInfo'], throttleRateByAction: { GetCallerIdentity: 1, GetAccessKeyLastUsed: 1 } } });
    // Answers IAM, but not who the caller is: its account stays unknown.
    nameless = await startIamEmulator({ faults: { denyActions: ['GetAccessKeyInfo'], throttleRateByAction: { GetCallerIdentity: 1 } } });
    unreachableUrl = `http://127.0.0.1:${await freePort()}`;
  });
  after(async () => {
    for (const registry of registries) registry.dispose();
    await answering.close();
    await throttling.close();
    await nameless.close();
  });

  /** The admin profile's session against the endpoint at `url`. */
  async function sessionAt(url: string): Promise<ConnectionSession> {
    const registry = emulatorSessionRegistry(url, [ADMIN]);
    registries.push(registry);
    const [session] = await registry.sessions();
    assert.ok(session);
    return session;
  }

  it('with no session, a key ID that names its account is "no connection", not "other account"', async () => {
    assert.deepEqual(await lookUpKeyOwner([], STRANGER_KEY), { kind: 'no-connection', accessKeyId: STRANGER_KEY });
    assert.deepEqual(await lookUpKeyOwner([], STRANGER_TEMP), { kind: 'no-connection', accessKeyId: STRANGER_TEMP });
  });

  it('an account that answers "not found" is kept over an earlier one that could not be reached', async () => {
    const unreachable = await sessionAt(unreachableUrl);
    const answers = await sessionAt(answering.url);
    const info = await lookUpKeyOwner([unreachable, answers], OLD_KEY);
    assert.deepEqual(info, { kind: 'not-found', accessKeyId: OLD_KEY, account: EMULATOR_ACCOUNT_ID });
  });

  it('an account that answers "not found" is kept over a later one that fails', async () => {
    const answers = await sessionAt(answering.url);
    const throttled = await sessionAt(throttling.url);
    const info = await lookUpKeyOwner([answers, throttled], OLD_KEY);
    assert.deepEqual(info, { kind: 'not-found', accessKeyId: OLD_KEY, account: EMULATOR_ACCOUNT_ID });
    assert.equal(throttling.counters().byAction.GetAccessKeyLastUsed, 1, 'the second account was asked too');
  });

  it('of two "not found" answers the first is kept', async () => {
    const answers = await sessionAt(answering.url);
    const unnamed = await sessionAt(nameless.url);
    const info = await lookUpKeyOwner([answers, unnamed], OLD_KEY);
    assert.deepEqual(info, { kind: 'not-found', accessKeyId: OLD_KEY, account: EMULATOR_ACCOUNT_ID });
    assert.equal(nameless.counters().byAction.GetAccessKeyLastUsed, 1, 'the second account was asked too');
  });

  it('when every account fails, the first failure is the answer', async () => {
    const unreachable = await sessionAt(unreachableUrl);
    const throttled = await sessionAt(throttling.url);
    const info = await lookUpKeyOwner([unreachable, throttled], OLD_KEY);
    assert.deepEqual(info, { kind: 'error', accessKeyId: OLD_KEY, message: 'Network error', hint: 'Nothing answered at the endpoint. Is it running?' });
  });
});
