// A secret on a failing credential_process command line: the real SDK provider throws
// "Command failed: <the whole command line>". The planted secret is NOT 40 characters, so only
// the redaction of a secret flag's value can hide it (the secret-key shape rule cannot).
import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { createConnection } from '../../src/aws/connection';
import { classifyError } from '../../src/aws/errors';
import { redactedErrorMessage, redactObject } from '../../src/core/redact';
import { useIsolatedAwsEnv, type ProcessAwsEnv } from '../support/processAwsEnv';
import { RecordingRequestHandler } from '../support/recordingRequestHandler';

const HELPER_SECRET = 'hlp.9Tq-Vx2Lm_Rk7Wp4Zs';

describe('aws: a secret on a failing credential_process command line', () => {
  let env: ProcessAwsEnv | undefined;
  afterEach(() => {
    env?.restore();
    env = undefined;
  });

  for (const flag of ['--secret-access-key', '--password', '--secret', '--token']) {
    it(`never reaches the error row, a notification or the log (${flag} ${HELPER_SECRET.length}-character secret)`, async () => {
      assert.notEqual(HELPER_SECRET.length, 40, 'not the shape of a secret access key');
      env = useIsolatedAwsEnv({ config: `[profile leaky]\nregion = us-east-1\ncredential_process = /no/such/credential-helper ${flag} ${HELPER_SECRET} --json\n` });
      const recorder = new RecordingRequestHandler();
      const connection = createConnection(
        { profile: 'leaky', region: 'us-east-1', endpoint: '', requestTimeoutMs: 1000, maxAttempts: 1 },
        { requestHandler: () => recorder },
      );
      const error = await connection.api.getCallerIdentity().then(
        () => assert.fail('the helper does not exist: the call must fail'),
        (e: unknown) => e,
      );
      connection.dispose();
      assert.deepEqual(recorder.requests, [], 'no credentials, so nothing was signed or sent');
      // The test is only worth something if the SDK really puts the secret in its error.
      assert.ok(inspect(error).includes(HELPER_SECRET), 'the raw SDK error carries the command line');
      const problem = classifyError(error);
      for (const [where, text] of [
        ['the error row (classifyError)', `${problem.message} ${problem.hint ?? ''}`],
        ['a notification (redactedErrorMessage)', redactedErrorMessage(error)],
        ['the log (redactObject)', inspect(redactObject(error), { depth: Infinity })],
      ] as const) {
        assert.ok(!text.includes(HELPER_SECRET), `${where} shows the secret: ${text}`);
        for (const piece of HELPER_SECRET.split(/[.\-_]/).filter((p) => p.length >= 4)) assert.ok(!text.includes(piece), `${where} shows part of it: ${text}`);
      }
    });
  }
});
