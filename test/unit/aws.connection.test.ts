// The real SDK client built by createConnection, over HTTP to the local IAM endpoint.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createConnection, type Connection } from '../../src/aws/connection';
import { classifyError } from '../../src/aws/errors';
import { credentialsFileText } from '../emulator/identities';
import { BUILT_IN_IDENTITIES, startIamEmulator, type IamEmulator } from '../emulator/index';
import { isolateThisProcess } from '../support/awsEnv';

describe('aws: connection', function () {
  this.timeout(30_000);
  let emulator: IamEmulator;
  let connection: Connection;
  before(async () => {
    emulator = await startIamEmulator({ port: 0, users: 30, seed: 4 });
    isolateThisProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-conn-')), { awsCredentials: credentialsFileText() });
    connection = createConnection({ profile: BUILT_IN_IDENTITIES.caller.profile, region: 'us-east-1', endpoint: emulator.url, requestTimeoutMs: 400, maxAttempts: 2 });
  });
  after(async () => {
    connection.dispose();
    await emulator.close();
  });
  beforeEach(() => emulator.resetCounters());
  afterEach(() => emulator.replaceFaults({}));

  it('pages users with the profile\'s credentials', async () => {
    const page = await connection.api.listUsers({ maxItems: 10 });
    assert.equal(page.items.length, 10);
    assert.ok(page.nextMarker);
    assert.deepEqual(page.items.map((u) => u.UserName), emulator.store.users().slice(0, 10).map((u) => u.userName));
  });

  it('gives up on an answer that trickles forever, attempt by attempt, as a timeout', async () => {
    emulator.setFaults({ slowLorisRate: 1, slowLorisNeverFinish: true, slowLorisIntervalMs: 50 });
    const started = Date.now();
    const error = await connection.api.listUsers({ maxItems: 10 }).then(() => undefined, (e: unknown) => e);
    const elapsed = Date.now() - started;
    assert.ok(error, 'the call failed');
    assert.equal(classifyError(error).kind, 'timeout');
    assert.equal(emulator.counters().byAction.ListUsers, 2, 'both attempts were made');
    // A ratio of the deadline, not a tight clock: the two attempts' 400 ms each, ten times over
    // for a loaded machine (without the deadline the answer never ends at all).
    assert.ok(elapsed < 10 * 2 * 400, `ended after ${elapsed} ms`);
  });

  it('a hang is cut by the same deadline', async () => {
    emulator.setFaults({ hangRate: 1 });
    const error = await connection.api.getCallerIdentity().then(() => undefined, (e: unknown) => e);
    assert.equal(classifyError(error).kind, 'timeout');
  });
});
