// A connection session (src/aws/connectionSession.ts) where a sampled Stryker run found
// behaviour no test checked (#27): its ID names the profile (the default chain as "default"),
// the credential report's root row is found under '' (so root's key shows its last use without
// a call), and each answered call is traced with the session and the operation. Real SDK over
// HTTP to the local IAM endpoint.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createConnection } from '../../src/aws/connection';
import { ConnectionSession } from '../../src/aws/connectionSession';
import { credentialsFileText, ROOT_CREDENTIALS } from '../emulator/identities';
import { BUILT_IN_IDENTITIES, startIamEmulator, type IamEmulator } from '../emulator/index';
import { isolateThisProcess } from '../support/awsEnv';

const ADMIN = BUILT_IN_IDENTITIES.caller.profile;

describe('aws: a session’s ID, its report’s root row and its trace (#27)', function () {
  this.timeout(30_000);
  let emulator: IamEmulator;
  const sessions: ConnectionSession[] = [];
  const traces: string[] = [];

  before(async () => {
    emulator = await startIamEmulator({ users: 0 });
    isolateThisProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-session-facts-')), { awsCredentials: credentialsFileText() });
  });
  after(async () => {
    for (const session of sessions) session.dispose();
    await emulator.close();
  });

  /** The admin profile's session against the emulator, tracing into `traces`. */
  function adminSession(): ConnectionSession {
    const log = { debug: () => undefined, trace: (message: string) => traces.push(message) };
    const session = new ConnectionSession(
      ADMIN,
      { name: ADMIN, kind: 'static keys', mfa: false },
      (profile, hooks) => createConnection({ profile, region: 'us-east-1', endpoint: emulator.url, requestTimeoutMs: 5_000, maxAttempts: 1 }, hooks),
      log,
    );
    sessions.push(session);
    return session;
  }

  it('the ID names the profile; the default chain’s is "default"', () => {
    const never = (): never => assert.fail('no connection is made for an ID');
    assert.equal(new ConnectionSession('dev', undefined, never).id, 'profile/dev');
    assert.equal(new ConnectionSession('', undefined, never).id, 'profile/default');
  });

  it('after the credential report is read, root’s row is the one under "" and gives root’s key its last use', async () => {
    const session = adminSession();
    await session.loadCredentialReport({ pollIntervalMs: 1 });
    assert.equal(session.reportUser('')?.isRoot, true);
    const rootKey = emulator.store.findAccessKey(ROOT_CREDENTIALS.accessKeyId);
    assert.ok(rootKey?.owner.kind === 'root');
    const lastUsed = session.knownLastUsedOf({ UserName: '', AccessKeyId: rootKey.key.accessKeyId, Status: 'Active', CreateDate: rootKey.key.createDate });
    assert.equal(lastUsed?.LastUsedDate?.toISOString(), '2026-05-20T00:00:00.000Z');
    assert.equal(lastUsed?.ServiceName, 'iam');
  });

  it('an answered call is traced with the session, the operation and its time', async () => {
    traces.length = 0;
    const session = adminSession();
    await session.ensureIdentity();
    assert.equal(traces.length, 1, traces.join('\n'));
    assert.match(traces[0] ?? '', /^profile\/iam-emulator-admin GetCallerIdentityCommand \d+ ms$/);
  });
});
