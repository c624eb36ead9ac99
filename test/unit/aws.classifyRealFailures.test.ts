// classifyError (src/aws/errors.ts) on failures the real SDK raises over real HTTP on loopback:
// IAM's AccessDenied, NoSuchEntity, ValidationError and SignatureDoesNotMatch, a proxy's 429 with
// a text body, a refused connection, an HTML page where IAM's XML should be, the SSO portal's
// UnauthorizedException, a failing credential_process and a profile naming an [sso-session]
// that is not there. Each answer the user reads is written out
// (issue #27: survivors of the seed-1206 sampled src/aws run).
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetUserCommand, ListAccessKeysCommand, ListUsersCommand, type IAMClient } from '@aws-sdk/client-iam';
import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { createConnection } from '../../src/aws/connection';
import { classifyError } from '../../src/aws/errors';
import { ClientFactory } from '../../src/aws/sdk/clientFactory';
import { sdkHost } from '../../src/aws/sdkHost';
import { CALLER_CREDENTIALS } from '../emulator';
import { startOrgEmulator } from '../emulator/org';
import { useEmulator } from '../support/emulatorFixture';
import { freePort } from '../support/freePort';
import { useIsolatedAwsEnv } from '../support/processAwsEnv';
import { RecordingRequestHandler } from '../support/recordingRequestHandler';

/** The error of `call` on an IAM client of the extension's factory at `endpoint`, signed with `keys`. */
async function iamFailure(endpoint: string, keys: typeof CALLER_CREDENTIALS, call: (iam: IAMClient) => Promise<unknown>): Promise<unknown> {
  const factory = new ClientFactory({ profile: '', region: 'us-east-1', endpoint, requestTimeoutMs: 5_000, maxAttempts: 1 }, sdkHost);
  try {
    return await call(factory.iam(async () => keys)).then(
      () => assert.fail('the call was expected to fail'),
      (error: unknown) => error,
    );
  } finally {
    factory.dispose();
  }
}

/** The error of one ListUsers at `endpoint`, signed with the emulator's caller. */
function listUsersFailure(endpoint: string): Promise<unknown> {
  return iamFailure(endpoint, CALLER_CREDENTIALS, (iam) => iam.send(new ListUsersCommand({})));
}

/** The error of GetCallerIdentity signed with `profile`'s credentials (nothing is sent: the provider fails first). */
async function profileFailure(profile: string): Promise<unknown> {
  const connection = createConnection({ profile, region: 'us-east-1', endpoint: '', requestTimeoutMs: 5_000, maxAttempts: 1 }, { requestHandler: () => new RecordingRequestHandler() });
  try {
    return await connection.api.getCallerIdentity().then(
      () => assert.fail('the profile has no usable credentials'),
      (error: unknown) => error,
    );
  } finally {
    connection.dispose();
  }
}

describe('classifyError: failures the real SDK raises', () => {
  const fixture = useEmulator({ users: 0 });

  it('IAM denying ListUsers: the action is named and a retry is offered (after the permission is granted)', async () => {
    fixture.emulator.replaceFaults({ denyActions: ['ListUsers'] });
    assert.deepEqual(classifyError(await listUsersFailure(fixture.emulator.url)), {
      kind: 'access-denied',
      code: 'AccessDenied',
      message: 'Access denied: iam:ListUsers',
      hint: 'Your credentials need the iam:ListUsers permission.',
      retryable: true,
    });
  });

  it('a user that is not there is not found, in words, and not worth a retry', async () => {
    const error = await iamFailure(fixture.emulator.url, CALLER_CREDENTIALS, (iam) => iam.send(new GetUserCommand({ UserName: 'ghost' })));
    assert.deepEqual(classifyError(error), { kind: 'not-found', code: 'NoSuchEntity', message: 'IAM has no user named ghost.', retryable: false });
  });

  it('a request IAM rejects as invalid shows its first sentence and is not worth a retry', async () => {
    const error = await iamFailure(fixture.emulator.url, CALLER_CREDENTIALS, (iam) => iam.send(new ListAccessKeysCommand({ MaxItems: 0 })));
    assert.deepEqual(classifyError(error), {
      kind: 'validation',
      code: 'ValidationError',
      message: "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
      retryable: false,
    });
  });

  it('a wrong secret key says the secret does not match, and is not worth a retry', async () => {
    const wrongSecret = { ...CALLER_CREDENTIALS, secretAccessKey: 'TESTONLYwrongSecret00000000000000000000x' };
    const error = await iamFailure(fixture.emulator.url, wrongSecret, (iam) => iam.send(new GetUserCommand({})));
    assert.deepEqual(classifyError(error), {
      kind: 'credentials',
      code: 'SignatureDoesNotMatch',
      message: 'The secret key does not match the access key',
      hint: "Check the profile's secret access key.",
      retryable: false,
    });
  });

  it('an HTML page where IAM XML should be is a bad response, worth a retry', async () => {
    fixture.emulator.replaceFaults({ garbageRate: 1, garbageKind: 'html' });
    assert.deepEqual(classifyError(await listUsersFailure(fixture.emulator.url)), {
      kind: 'bad-response',
      code: 'Error',
      message: 'The endpoint answered something that is not an IAM response',
      hint: 'Check iamKeys.endpoint.',
      retryable: true,
    });
  });

  it('a proxy answering 429 with a text body is throttling, not a bad response', async () => {
    const proxy = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(429, { 'Content-Type': 'text/plain', Connection: 'close' });
        res.end('Too Many Requests');
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = proxy.address() as AddressInfo;
      assert.deepEqual(classifyError(await listUsersFailure(`http://127.0.0.1:${port}`)), {
        kind: 'throttled',
        code: 'Error',
        message: 'Throttled by AWS',
        hint: 'Too many requests; wait a moment and retry.',
        retryable: true,
      });
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('nothing listening at the endpoint is a network error, worth a retry', async () => {
    const port = await freePort();
    assert.deepEqual(classifyError(await listUsersFailure(`http://127.0.0.1:${port}`)), {
      kind: 'network',
      code: 'ECONNREFUSED',
      message: 'Network error',
      hint: 'Nothing answered at the endpoint. Is it running?',
      retryable: true,
    });
  });

  it("the SSO portal refusing the session's token (UnauthorizedException) is a credentials problem", async () => {
    const org = await startOrgEmulator();
    const factory = new ClientFactory({ profile: '', region: 'us-east-1', endpoint: org.url, requestTimeoutMs: 5_000, maxAttempts: 1 }, sdkHost);
    try {
      const error = await factory.ssoPortal('eu-west-1').send(new ListAccountsCommand({ accessToken: 'TESTONLY-unknown-token' })).then(
        () => assert.fail('an unknown token must be refused'),
        (e: unknown) => e,
      );
      assert.deepEqual(classifyError(error), {
        kind: 'credentials',
        code: 'UnauthorizedException',
        message: 'Session token not found or invalid',
        hint: 'Pick another profile or check ~/.aws/config.',
        retryable: true,
      });
    } finally {
      factory.dispose();
      await org.close();
    }
  });

  describe('profiles whose credentials cannot be had', () => {
    let env: ReturnType<typeof useIsolatedAwsEnv> | undefined;
    afterEach(() => {
      env?.restore();
      env = undefined;
    });

    it('a failing credential_process says so, without its output', async () => {
      env = useIsolatedAwsEnv({ config: '[profile helper]\nregion = us-east-1\ncredential_process = false\n' });
      assert.deepEqual(classifyError(await profileFailure('helper')), {
        kind: 'credentials',
        code: 'CredentialsProviderError',
        message: "The profile's credential_process command failed",
        hint: 'Run the command yourself to see why; its output is not shown here because it may hold secrets.',
        retryable: true,
      });
    });

    it("a profile naming an [sso-session] that is not there is an SSO problem, not the SDK's TypeError", async () => {
      env = useIsolatedAwsEnv({ config: '[profile lost]\nsso_session = nowhere\nsso_account_id = 123456789012\nsso_role_name = Admin\nregion = us-east-1\n' });
      assert.deepEqual(classifyError(await profileFailure('lost')), {
        kind: 'credentials',
        code: 'TypeError',
        message: 'The SSO session has expired or is not signed in',
        hint: 'Run: aws sso login',
        retryable: true,
      });
    });
  });
});
