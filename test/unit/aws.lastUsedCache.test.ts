// Last use (GetAccessKeyLastUsed) kept per account (src/aws/connectionSession.ts,
// src/aws/accountLastUsed.ts) where a sampled Stryker run found behaviour no test checked
// (#27): a failed ask is not kept, so the next one asks IAM again; an account keeps the last
// use of every key asked, not only the latest. Real SDK over HTTP to the local IAM endpoint.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createConnection, type RequestSender } from '../../src/aws/connection';
import { ConnectionSession } from '../../src/aws/connectionSession';
import type { SessionRegistry } from '../../src/aws/sessionRegistry';
import { credentialsFileText } from '../emulator/identities';
import { BUILT_IN_IDENTITIES, startIamEmulator, type IamEmulator } from '../emulator/index';
import { isolateThisProcess } from '../support/awsEnv';
import { emulatorSessionRegistry } from '../support/emulatorSessions';
import { HttpSender } from '../support/httpSender';

const ADMIN = BUILT_IN_IDENTITIES.caller.profile;
const FIRST = 'AKIALASTUSEDCACHE001';
const SECOND = 'AKIALASTUSEDCACHE002';
const DAY = 86_400_000;

/** Sends each request over HTTP at once, but hands its answer to the SDK only when released. */
class HeldAnswers extends HttpSender {
  readonly answered: Array<Promise<void>> = [];
  readonly releases: Array<() => void> = [];
  override handle: RequestSender['handle'] = async (request, options) => {
    const release = new Promise<void>((resolve) => this.releases.push(resolve));
    const pending = this.send(request, options);
    this.answered.push(pending.then(() => undefined));
    const answer = await pending;
    await release;
    return answer;
  };
}

describe('aws: last use kept per account — failures are not, every key is (#27)', function () {
  this.timeout(30_000);
  let emulator: IamEmulator;
  let registry: SessionRegistry;
  let session: ConnectionSession;

  before(async () => {
    emulator = await startIamEmulator({ users: 0 });
    emulator.store.addUser({ userName: 'worker' });
    emulator.store.addAccessKey('worker', { accessKeyId: FIRST, createDate: new Date(Date.now() - 400 * DAY), lastUsed: { date: new Date(Date.now() - 3 * DAY), serviceName: 's3', region: 'eu-west-1' } });
    emulator.store.addAccessKey('worker', { accessKeyId: SECOND, createDate: new Date(Date.now() - 300 * DAY), lastUsed: { date: new Date(Date.now() - 5 * DAY), serviceName: 'ec2', region: 'us-east-2' } });
    isolateThisProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-lastused-cache-')), { awsCredentials: credentialsFileText() });
  });
  beforeEach(async () => {
    emulator.replaceFaults({});
    registry = emulatorSessionRegistry(emulator.url, [ADMIN]);
    const [only] = await registry.sessions();
    assert.ok(only);
    session = only;
    await session.ensureIdentity();
    emulator.resetCounters();
  });
  afterEach(() => registry.dispose());
  after(async () => emulator.close());

  const lastUsedCalls = (): number => emulator.requestLog().filter((entry) => entry.action === 'GetAccessKeyLastUsed').length;

  it('a failed ask is not kept: the next ask goes to IAM and its answer is kept', async () => {
    emulator.setFaults({ actionFaults: { GetAccessKeyLastUsed: 'serverError' } });
    await assert.rejects(session.lastUsed(FIRST), { name: 'ServiceFailureException' });
    emulator.replaceFaults({});
    assert.equal((await session.lastUsed(FIRST)).ServiceName, 's3');
    assert.equal(session.knownLastUsed(FIRST)?.Region, 'eu-west-1');
    assert.equal(lastUsedCalls(), 2);
  });

  it('an overtaken ask that fails late leaves the newer ask in place: a third ask joins it', async () => {
    const held = new HeldAnswers();
    const own = new ConnectionSession(ADMIN, { name: ADMIN, kind: 'static keys', mfa: false }, (profile, hooks) =>
      createConnection({ profile, region: 'us-east-1', endpoint: emulator.url, requestTimeoutMs: 5_000, maxAttempts: 1 }, { ...hooks, requestHandler: () => held }),
    );
    try {
      emulator.setFaults({ actionFaults: { GetAccessKeyLastUsed: 'serverError' } });
      const overtaken = own.lastUsed(FIRST);
      while (held.answered.length < 1) await new Promise((resolve) => setImmediate(resolve));
      await held.answered[0];
      emulator.replaceFaults({});
      own.forgetKey(FIRST); // what a write to the key does while the ask is under way
      const newer = own.lastUsed(FIRST);
      held.releases[0]!();
      await assert.rejects(overtaken, { name: 'ServiceFailureException' });
      const third = own.lastUsed(FIRST);
      assert.equal(third, newer, 'the third ask joins the newer one');
      while (held.releases.length < 2) await new Promise((resolve) => setImmediate(resolve));
      held.releases[1]!();
      assert.equal((await third).ServiceName, 's3');
      assert.equal(lastUsedCalls(), 2);
    } finally {
      for (const release of held.releases) release();
      own.dispose();
    }
  });

  it('the account keeps the last use of every key asked, not only the latest', async () => {
    assert.equal((await session.lastUsed(FIRST)).ServiceName, 's3');
    assert.equal((await session.lastUsed(SECOND)).ServiceName, 'ec2');
    assert.equal(session.knownLastUsed(FIRST)?.ServiceName, 's3');
    assert.equal((await session.lastUsed(FIRST)).Region, 'eu-west-1');
    assert.equal(lastUsedCalls(), 2, 'one GetAccessKeyLastUsed per key');
  });
});
