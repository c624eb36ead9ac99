// src/aws/sdk behaviours the seed-1206 Stryker sample found no unit test checking (issue #27):
// a cancelled call that must stop, a listener and clients that must be released, an MFA session
// renewed at its 5-minute edge, the text of a profile that is not an SSO profile. Real SDK over
// real HTTP to the emulator; expected values written out.
import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Readable } from 'node:stream';
import { createKeyPairConnection, type KeyPairConnection } from '../../src/aws/connection';
import { ClientFactory } from '../../src/aws/sdk/clientFactory';
import { DeadlineHttpHandler } from '../../src/aws/sdk/deadlineHttpHandler';
import { forgetMfaSessions, mfaSessionCredentials } from '../../src/aws/sdk/mfaSession';
import { createIdentityCenterApi } from '../../src/aws/sdk/identityCenterApi';
import { createOrganizationsApi } from '../../src/aws/sdk/organizationsApi';
import { readSsoProfile } from '../../src/aws/sdk/ssoToken';
import { sdkHost } from '../../src/aws/sdkHost';
import { SecretText } from '../../src/core/secretText';
import { EMULATOR_MFA_CODE } from '../emulator/actions/sessionToken';
import { CALLER_CREDENTIALS, EMULATOR_ACCOUNT_ID } from '../emulator/identities';
import { startIamEmulator, type IamEmulator } from '../emulator/index';
import { memberAccountId, SSO_ACCESS_TOKEN, startOrgEmulator, writeSsoTokenCache } from '../emulator/org/index';
import { useIsolatedAwsEnv } from '../support/processAwsEnv';

describe('src/aws/sdk sampled survivors (seed 1206): what a call stops, releases and renews', function () {
  this.timeout(30_000);
  let emulator: IamEmulator;
  let connection: KeyPairConnection;
  const settings = (url: string) => ({ profile: '', region: 'us-east-1', endpoint: url, requestTimeoutMs: 5000, maxAttempts: 1 });

  beforeEach(async () => {
    emulator = await startIamEmulator({ seed: 1206 });
    connection = createKeyPairConnection(settings(emulator.url), { accessKeyId: CALLER_CREDENTIALS.accessKeyId, secret: new SecretText(CALLER_CREDENTIALS.secretAccessKey) });
  });
  afterEach(async () => {
    connection.dispose();
    forgetMfaSessions();
    await emulator.close();
  });

  it('a cancelled GetAccessKeyInfo or GenerateCredentialReport is stopped, not sent to its end', async () => {
    const cancelled = AbortSignal.abort();
    await assert.rejects(connection.api.getAccessKeyAccount('AKIAEMULATORADMINKEY', cancelled), { name: 'AbortError' });
    await assert.rejects(connection.api.generateCredentialReport(cancelled), { name: 'AbortError' });
    assert.equal(emulator.counters().byAction.GenerateCredentialReport ?? 0, 0);
    // The same calls uncancelled answer (the emulator is there).
    assert.equal(await connection.api.getAccessKeyAccount('AKIAEMULATORADMINKEY'), EMULATOR_ACCOUNT_ID);
  });

  it('a response read to its end leaves no abort listener on the caller\'s signal (one signal serves a whole walk)', async () => {
    const handler = new DeadlineHttpHandler(new NodeHttpHandler(), 5000);
    const walk = new AbortController();
    try {
      const url = new URL(emulator.url);
      const request = { protocol: 'http:', hostname: url.hostname, port: Number(url.port), method: 'GET', path: '/', query: {}, headers: { host: url.host } } as unknown as Parameters<DeadlineHttpHandler['handle']>[0];
      for (let i = 0; i < 3; i++) {
        const { response } = await handler.handle(request, { abortSignal: walk.signal });
        for await (const chunk of response.body as Readable) void chunk;
      }
      assert.equal(getEventListeners(walk.signal, 'abort').length, 0);
    } finally {
      handler.destroy();
    }
  });

  it('an MFA session with exactly 5 minutes left is not used again: the code is asked anew', async () => {
    const asked: string[] = [];
    const serial = `arn:aws:iam::${EMULATOR_ACCOUNT_ID}:mfa/caller-device`;
    const factory = new ClientFactory(settings(emulator.url), sdkHost, {});
    const realNow = Date.now;
    try {
      const credentials = mfaSessionCredentials(factory, async () => CALLER_CREDENTIALS, {
        profile: 'iam-emulator-admin',
        serial: async () => serial,
        code: async (s) => {
          asked.push(s);
          return EMULATOR_MFA_CODE;
        },
      });
      const first = await credentials();
      assert.ok(first.expiration);
      const end = first.expiration.getTime();
      Date.now = () => end - 300_001;
      assert.equal((await credentials()).accessKeyId, first.accessKeyId, 'with more than 5 minutes left the session is used again');
      assert.equal(asked.length, 1);
      Date.now = () => end - 300_000;
      const renewed = await credentials();
      assert.equal(asked.length, 2, 'at 5 minutes left the code is asked again');
      assert.notEqual(renewed.accessKeyId, first.accessKeyId);
    } finally {
      Date.now = realNow;
      factory.dispose();
    }
  });
});

describe('src/aws/sdk sampled survivors (seed 1206): organizations and SSO profiles', function () {
  this.timeout(30_000);

  it('dispose of the organizations API destroys the request handlers of its clients', async () => {
    const org = await startOrgEmulator({ members: 1, usersPerAccount: 1, seed: 1206 });
    let destroyed = 0;
    const api = createOrganizationsApi(
      sdkHost,
      { profile: 'mgmt', region: 'us-east-1', endpoint: org.url, requestTimeoutMs: 5000, maxAttempts: 1 },
      {
        requestHandler: () => {
          const inner = new DeadlineHttpHandler(new NodeHttpHandler(), 5000);
          const destroy = inner.destroy.bind(inner);
          inner.destroy = () => {
            destroyed++;
            destroy();
          };
          return inner;
        },
      },
      () => Promise.resolve(CALLER_CREDENTIALS),
    );
    try {
      await api.describeOrganization();
      assert.equal(destroyed, 0);
      api.dispose();
      assert.ok(destroyed >= 1, 'the handler was destroyed');
    } finally {
      api.dispose();
      await org.close();
    }
  });

  it('a profile with neither sso_session nor sso_start_url is named as not an IAM Identity Center profile', async () => {
    const env = useIsolatedAwsEnv({ config: '[profile plain]\nregion = eu-west-1\n' });
    try {
      await assert.rejects(readSsoProfile('plain'), {
        message: 'The profile "plain" has no sso_session or sso_start_url: it is not an IAM Identity Center profile.',
      });
    } finally {
      env.restore();
    }
  });

  it('a cancelled ListAccountRoles of the IAM Identity Center portal is stopped, not sent', async () => {
    const org = await startOrgEmulator({ members: 2, usersPerAccount: 1, seed: 1206 });
    const env = useIsolatedAwsEnv({
      config: '[profile sso-dev]\nsso_session = my-sso\nregion = us-east-1\n\n[sso-session my-sso]\nsso_start_url = https://example.awsapps.com/start\nsso_region = eu-west-1\n',
    });
    process.env.HOME = env.dir;
    writeSsoTokenCache(env.dir, { cacheKey: 'my-sso', accessToken: SSO_ACCESS_TOKEN, expiresAt: new Date(Date.now() + 3_600_000), region: 'eu-west-1', startUrl: 'https://example.awsapps.com/start' });
    const api = createIdentityCenterApi(sdkHost, { profile: 'sso-dev', region: 'us-east-1', endpoint: org.url, requestTimeoutMs: 5000, maxAttempts: 1 }, {}, async () => {});
    try {
      await assert.rejects(api.listAccountRoles(memberAccountId(1), undefined, AbortSignal.abort()), { name: 'AbortError' });
      // Uncancelled, the same call answers with the account's role.
      assert.deepEqual((await api.listAccountRoles(memberAccountId(1), undefined, new AbortController().signal)).items, ['IamKeysReadOnly']);
    } finally {
      api.dispose();
      env.restore();
      await org.close();
    }
  });
});
