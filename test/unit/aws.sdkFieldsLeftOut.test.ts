// What src/aws/sdk makes of a well-formed AWS answer with a field left out (issue #27, seed-1206
// sample): an empty text, never "undefined" or a placeholder, and a missing session is an error
// that says so. The real SDK reads each answer over real HTTP from a loopback server.
import * as assert from 'node:assert/strict';
import { createKeyPairConnection } from '../../src/aws/connection';
import { ClientFactory } from '../../src/aws/sdk/clientFactory';
import { forgetMfaSessions, mfaSessionCredentials } from '../../src/aws/sdk/mfaSession';
import { createOrganizationsApi } from '../../src/aws/sdk/organizationsApi';
import { sdkHost } from '../../src/aws/sdkHost';
import { SecretText } from '../../src/core/secretText';
import { CALLER_CREDENTIALS } from '../emulator/identities';
import { jsonAnswer, queryAnswer, startCannedAnswerServer, type CannedAnswerServer } from '../support/cannedAnswerServer';

const STS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const IAM = 'https://iam.amazonaws.com/doc/2010-05-08/';

describe('src/aws/sdk: answers with a field left out (real SDK, loopback HTTP)', function () {
  this.timeout(20_000);
  let server: CannedAnswerServer;
  const settings = () => ({ profile: '', region: 'us-east-1', endpoint: server.url, requestTimeoutMs: 5000, maxAttempts: 1 });

  beforeEach(async () => {
    server = await startCannedAnswerServer({
      GetCallerIdentity: queryAnswer('GetCallerIdentity', STS, '<Account>123456789012</Account><Arn>arn:aws:iam::123456789012:user/bob</Arn>'),
      ListAccessKeys: queryAnswer(
        'ListAccessKeys',
        IAM,
        '<AccessKeyMetadata><member><UserName>bob</UserName><Status>Active</Status><CreateDate>2026-01-01T00:00:00Z</CreateDate></member></AccessKeyMetadata><IsTruncated>false</IsTruncated>',
      ),
      GetSessionToken: queryAnswer('GetSessionToken', STS, ''),
      DescribeOrganization: jsonAnswer({ Organization: { Id: 'o-canned1234' } }),
      ListAccounts: jsonAnswer({ Accounts: [{ Status: 'ACTIVE' }] }),
    });
  });
  afterEach(async () => {
    forgetMfaSessions();
    await server.close();
  });

  it('IAM and STS: a caller without UserId and a key without AccessKeyId read as empty texts', async () => {
    const connection = createKeyPairConnection(settings(), { accessKeyId: CALLER_CREDENTIALS.accessKeyId, secret: new SecretText(CALLER_CREDENTIALS.secretAccessKey) });
    try {
      assert.deepEqual(await connection.api.getCallerIdentity(), { Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/bob', UserId: '' });
      const [key, ...more] = (await connection.api.listAccessKeys({ maxItems: 10, userName: 'bob' })).items;
      assert.deepEqual(more, []);
      assert.deepEqual([key.UserName, key.AccessKeyId, key.Status], ['bob', '', 'Active']);
    } finally {
      connection.dispose();
    }
  });

  it('Organizations: no management account ID and an account with neither name nor ID read as empty texts', async () => {
    const api = createOrganizationsApi(sdkHost, settings(), {}, () => Promise.resolve(CALLER_CREDENTIALS));
    try {
      assert.deepEqual(await api.describeOrganization(), { id: 'o-canned1234', managementAccountId: '' });
      assert.deepEqual((await api.listAccounts(undefined, new AbortController().signal)).items, [{ id: '', name: '', status: 'ACTIVE', email: undefined }]);
    } finally {
      api.dispose();
    }
  });

  it('GetSessionToken answered without credentials: an error that says so, the code asked once', async () => {
    const factory = new ClientFactory(settings(), sdkHost, {});
    const asked: string[] = [];
    try {
      const credentials = mfaSessionCredentials(factory, async () => CALLER_CREDENTIALS, {
        profile: 'dev',
        serial: async () => 'arn:aws:iam::123456789012:mfa/bob',
        code: async (serial) => {
          asked.push(serial);
          return '123456';
        },
      });
      await assert.rejects(credentials(), { message: 'GetSessionToken answered without credentials' });
      assert.deepEqual(asked, ['arn:aws:iam::123456789012:mfa/bob']);
    } finally {
      factory.dispose();
    }
  });
});
