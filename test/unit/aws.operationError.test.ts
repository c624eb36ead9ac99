// What the command catch-all says about a failure (describeFailure): the classification the tree
// uses, placed by operation, profile and host, and never the SDK's own text. The first case
// runs the real SDK credential provider on a helper that prints secrets and exits 3.
import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { createConnection } from '../../src/aws/connection';
import { describeFailure, inOperation, OperationError } from '../../src/aws/operationError';
import { plantedIn, writeLeakyCredentialHelper } from '../support/leakyCredentialHelper';
import { useIsolatedAwsEnv, type ProcessAwsEnv } from '../support/processAwsEnv';
import { RecordingRequestHandler } from '../support/recordingRequestHandler';

const CONTEXT = { operation: 'iam:UpdateAccessKey', profile: 'leaky', endpoint: 'http://127.0.0.1:4599/', region: 'us-east-1' };

describe('aws: describeFailure (the command catch-all)', () => {
  let env: ProcessAwsEnv | undefined;
  afterEach(() => {
    env?.restore();
    env = undefined;
  });

  it('a credential_process that prints a password, a Vault token and a secret, then exits 3: named by profile, none of its output', async () => {
    env = useIsolatedAwsEnv({ config: `[profile leaky]\nregion = us-east-1\ncredential_process = ${writeLeakyCredentialHelper()}\n` });
    const connection = createConnection(
      { profile: 'leaky', region: 'us-east-1', endpoint: '', requestTimeoutMs: 5000, maxAttempts: 1 },
      { requestHandler: () => new RecordingRequestHandler() },
    );
    const error = await inOperation(CONTEXT, () => connection.api.getCallerIdentity()).then(
      () => assert.fail('the helper exits 3: the call must fail'),
      (e: unknown) => e,
    );
    connection.dispose();
    assert.ok(error instanceof OperationError);
    // Only worth something if the SDK really carries the helper's output.
    assert.deepEqual(plantedIn(inspect(error.cause)).sort(), ['password', 'secret', 'vaultToken']);
    const { problem, text } = describeFailure(error);
    assert.equal(problem.kind, 'credentials');
    assert.equal(text, 'The credential_process of profile leaky failed (iam:UpdateAccessKey). Its output is not shown because it may hold secrets: run the command yourself to see why.');
    assert.deepEqual(plantedIn(error.message), []);
    assert.deepEqual(plantedIn(`${error.name} ${String(error)}`), []);
  });

  it('an IAM answer is placed by operation, profile and endpoint host; the hint follows', () => {
    const denied = Object.assign(new Error('User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:UpdateAccessKey on resource: user dev'), { name: 'AccessDenied' });
    assert.equal(
      describeFailure(new OperationError(CONTEXT, denied)).text,
      'Access denied: iam:UpdateAccessKey (profile leaky, endpoint 127.0.0.1:4599). Your credentials need the iam:UpdateAccessKey permission.',
    );
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4599'), { code: 'ECONNREFUSED' });
    assert.equal(
      describeFailure(new OperationError({ operation: 'iam:ListAccessKeys', profile: '', region: 'eu-west-1' }, refused)).text,
      'Network error (iam:ListAccessKeys, profile default, AWS endpoints of eu-west-1). Nothing answered at the endpoint. Is it running?',
    );
  });

  it('a call placed inside another keeps the inner place: the sentence names the call that failed, once (#27)', async () => {
    const denied = Object.assign(new Error('User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:ListAccessKeys on resource: user dev'), { name: 'AccessDenied' });
    const error = await inOperation({ operation: 'iam:UpdateAccessKey', profile: 'outer' }, () =>
      inOperation({ operation: 'iam:ListAccessKeys', profile: 'dev' }, () => Promise.reject(denied)),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof OperationError);
    assert.equal(error.message, 'Access denied: iam:ListAccessKeys (profile dev). Your credentials need the iam:ListAccessKeys permission.');
    assert.equal(describeFailure(error).text, error.message);
  });

  it('without a context: classified all the same, a credential_process failure still shows none of its output', () => {
    const raw = Object.assign(new Error('Command failed: /opt/helper\nthe password is Kq7-mZp2_wLx9.Rt4vBn'), { name: 'CredentialsProviderError' });
    const { text } = describeFailure(raw);
    assert.equal(text, "The profile's credential_process failed. Its output is not shown because it may hold secrets: run the command yourself to see why.");
    assert.deepEqual(plantedIn(text), []);
  });
});
