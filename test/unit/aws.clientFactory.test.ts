// Where every client and credential provider of the client factory sends its requests while
// AWS_ENDPOINT_URL, _IAM, _STS, _ORGANIZATIONS, _SSO, _SSO_OIDC and the profiles' endpoint_url
// name another host: only to iamKeys.endpoint (or AWS's own endpoints when it is empty). A
// recording request handler takes the place of the network; the other host is a `.invalid`
// name (RFC 6761: never resolves), so even a wrong build could send nothing anywhere.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ListUsersCommand } from '@aws-sdk/client-iam';
import { ListAccountsCommand as ListOrgAccountsCommand } from '@aws-sdk/client-organizations';
import { ListAccountsCommand as ListPortalAccountsCommand } from '@aws-sdk/client-sso';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ClientFactory } from '../../src/aws/sdk/clientFactory';
import type { ConnectionSettings } from '../../src/aws/connection';
import { EndpointRefusedError } from '../../src/aws/endpointRule';
import { sdkHost } from '../../src/aws/sdkHost';
import { useIsolatedAwsEnv, type ProcessAwsEnv } from '../support/processAwsEnv';
import { RecordingRequestHandler, type RecordedRequest } from '../support/recordingRequestHandler';

const CAPTURE_HOST = 'capture.invalid';
const CAPTURE = `http://${CAPTURE_HOST}:8080`;
const ENDPOINT = 'http://127.0.0.1:4599';
const STATIC = { accessKeyId: 'AKIADEVEXAMPLE000001', secretAccessKey: 'TESTONLYdevSecret0000000000000000000000a' };

const CREDENTIALS = ['[dev]', `aws_access_key_id = ${STATIC.accessKeyId}`, `aws_secret_access_key = ${STATIC.secretAccessKey}`, ''].join('\n');

function config(ssoSession: string): string {
  return [
    '[default]',
    `endpoint_url = ${CAPTURE}`,
    '[profile mgmt-role]',
    'role_arn = arn:aws:iam::123456789012:role/OrgAdmin',
    'source_profile = dev',
    'region = us-east-1',
    `endpoint_url = ${CAPTURE}`,
    '[profile mgmt-sso]',
    `sso_session = ${ssoSession}`,
    'sso_account_id = 123456789012',
    'sso_role_name = OrgAdmin',
    'region = us-east-1',
    `endpoint_url = ${CAPTURE}`,
    `[sso-session ${ssoSession}]`,
    'sso_start_url = https://example.awsapps.com/start',
    'sso_region = eu-west-1',
    '',
  ].join('\n');
}

const CAPTURE_ENV = {
  AWS_ENDPOINT_URL: CAPTURE,
  AWS_ENDPOINT_URL_IAM: CAPTURE,
  AWS_ENDPOINT_URL_STS: CAPTURE,
  AWS_ENDPOINT_URL_ORGANIZATIONS: CAPTURE,
  AWS_ENDPOINT_URL_SSO: CAPTURE,
  AWS_ENDPOINT_URL_SSO_OIDC: CAPTURE,
};

/** An `aws sso login` token that expires within the SDK's 5-minute window, so the provider refreshes it through SSO-OIDC. */
function writeExpiringToken(home: string, session: string): void {
  const dir = path.join(home, '.aws', 'sso', 'cache');
  fs.mkdirSync(dir, { recursive: true });
  const token = {
    startUrl: 'https://example.awsapps.com/start',
    region: 'eu-west-1',
    accessToken: 'TESTONLY-sso-access-token',
    expiresAt: new Date(Date.now() + 120_000).toISOString(),
    clientId: 'TESTONLY-client-id',
    clientSecret: 'TESTONLY-client-secret',
    refreshToken: 'TESTONLY-refresh-token',
    registrationExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  };
  fs.writeFileSync(path.join(dir, `${createHash('sha1').update(session).digest('hex')}.json`), JSON.stringify(token), { mode: 0o600 });
}

const where = (r: RecordedRequest): string => `${r.protocol}://${r.hostname}${r.port ? `:${r.port}` : ''}`;

describe('aws: client factory (every client and provider, configured endpoints set)', () => {
  let env: ProcessAwsEnv | undefined;
  let recorder: RecordingRequestHandler;
  let warnings: string[];
  let session: string;
  const factoryFor = (endpoint: string, log = { warn: (m: string) => warnings.push(m) }): ClientFactory => {
    const settings: ConnectionSettings = { profile: 'mgmt-role', region: 'us-east-1', endpoint, requestTimeoutMs: 1000, maxAttempts: 1 };
    return new ClientFactory(settings, sdkHost, { requestHandler: () => recorder, log });
  };

  beforeEach(() => {
    recorder = new RecordingRequestHandler();
    warnings = [];
    // A new SSO session name per test: the SDK skips a refresh tried within 30 s for the same session.
    session = `corp-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    env = useIsolatedAwsEnv({ config: config(session), credentials: CREDENTIALS }, CAPTURE_ENV);
    process.env.HOME = env.dir;
    writeExpiringToken(env.dir, session);
  });
  afterEach(() => {
    env?.restore();
    env = undefined;
  });

  it('every client kind sends only to iamKeys.endpoint', async () => {
    const factory = factoryFor(ENDPOINT);
    const creds = async () => STATIC;
    try {
      await assert.rejects(factory.iam(creds).send(new ListUsersCommand({})), /recorded, not sent/);
      await assert.rejects(factory.sts(creds).send(new GetCallerIdentityCommand({})), /recorded, not sent/);
      await assert.rejects(factory.organizations(creds).send(new ListOrgAccountsCommand({})), /recorded, not sent/);
      await assert.rejects(
        factory.assumeRoleSts(creds).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/R', RoleSessionName: 's' })),
        /recorded, not sent/,
      );
      await assert.rejects(factory.ssoPortal('eu-west-1').send(new ListPortalAccountsCommand({ accessToken: 'TESTONLY-token' })), /recorded, not sent/);
    } finally {
      factory.dispose();
    }
    assert.equal(recorder.requests.length, 5, JSON.stringify(recorder.requests));
    assert.deepEqual(recorder.requests.map(where), Array(5).fill(ENDPOINT));
    assert.deepEqual(recorder.requests.map((r) => r.action ?? r.path), ['ListUsers', 'GetCallerIdentity', '/', 'AssumeRole', '/assignment/accounts']);
  });

  it('a role_arn + source_profile profile: AssumeRole, signed with the source profile’s key, goes only to iamKeys.endpoint', async () => {
    const factory = factoryFor(ENDPOINT);
    try {
      await assert.rejects(factory.profileCredentials('mgmt-role')());
    } finally {
      factory.dispose();
    }
    assert.deepEqual(recorder.requests.map((r) => [where(r), r.action, r.signed]), [[ENDPOINT, 'AssumeRole', true]]);
  });

  it('an SSO profile: the SSO-OIDC refresh (client secret, refresh token) and GetRoleCredentials (bearer token) go only to iamKeys.endpoint', async () => {
    const factory = factoryFor(ENDPOINT);
    try {
      await assert.rejects(factory.profileCredentials('mgmt-sso')());
    } finally {
      factory.dispose();
    }
    assert.deepEqual(recorder.requests.map((r) => [where(r), r.path]), [
      [ENDPOINT, '/token'],
      [ENDPOINT, '/federation/credentials'],
    ]);
  });

  it('with iamKeys.endpoint empty the providers go to AWS’s own endpoints (the SSO portal and OIDC in sso_region), never the configured host', async () => {
    const factory = factoryFor('');
    try {
      await assert.rejects(factory.profileCredentials('mgmt-role')());
      await assert.rejects(factory.profileCredentials('mgmt-sso')());
    } finally {
      factory.dispose();
    }
    assert.deepEqual(recorder.requests.map((r) => `${where(r)}${r.path}`), [
      'https://sts.us-east-1.amazonaws.com/',
      'https://oidc.eu-west-1.amazonaws.com/token',
      'https://portal.sso.eu-west-1.amazonaws.com/federation/credentials',
    ]);
  });

  it('a request that something redirected to a plain-http host off this machine is refused without being sent', async () => {
    const factory = factoryFor(ENDPOINT);
    const client = factory.sts(async () => STATIC);
    client.middlewareStack.add(
      (next) => (args) => {
        Object.assign(args.request as object, { protocol: 'http:', hostname: CAPTURE_HOST, port: 8080 });
        return next(args);
      },
      { step: 'build', name: 'redirectElsewhere' },
    );
    try {
      await assert.rejects(client.send(new GetCallerIdentityCommand({})), EndpointRefusedError);
    } finally {
      factory.dispose();
    }
    assert.deepEqual(recorder.requests, [], 'nothing reached the network handler');
    assert.ok(warnings.some((w) => w.includes(`http://${CAPTURE_HOST}:8080`) && /Refused/.test(w)), warnings.join(' | '));
  });

  it('refuses to exist for an endpoint that breaks the https-or-loopback rule', () => {
    assert.throws(() => factoryFor(CAPTURE), EndpointRefusedError);
    assert.deepEqual(recorder.requests, []);
  });

  it('logs each ignored configured endpoint once per log, however many connections and providers are made', async () => {
    const log = { warn: (m: string) => warnings.push(m) };
    const factories = [factoryFor(ENDPOINT, log), factoryFor(ENDPOINT, log), factoryFor(ENDPOINT, log)];
    for (const factory of factories) for (const profile of ['mgmt-role', 'mgmt-sso', 'mgmt-role']) factory.profileCredentials(profile);
    await until(() => warnings.some((w) => /mgmt-sso/.test(w)), 'the mgmt-sso endpoint_url was reported');
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const factory of factories) factory.dispose();
    assert.equal(new Set(warnings).size, warnings.length, `a message logged twice:\n${warnings.join('\n')}`);
    for (const name of Object.keys(CAPTURE_ENV)) assert.equal(warnings.filter((w) => w.includes(`from ${name}:`)).length, 1, name);
    const other: string[] = [];
    factoryFor(ENDPOINT, { warn: (m) => other.push(m) }).profileCredentials('mgmt-role');
    await until(() => other.length > 0, 'another log (another session) is told again');
  });
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`timed out waiting: ${what}`);
}
