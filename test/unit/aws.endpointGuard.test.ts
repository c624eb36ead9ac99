// Where the real SDK clients of createConnection would send signed requests when the
// environment or the config files name another endpoint. A recording request handler takes
// the place of the network, so nothing is sent anywhere.
import * as assert from 'node:assert/strict';
import { createConnection } from '../../src/aws/connection';
import { EndpointRefusedError } from '../../src/aws/endpointRule';
import { findConfiguredEndpoints, guardRequestHandler } from '../../src/aws/sdk/endpointGuard';
import { sdkHost } from '../../src/aws/sdkHost';
import { useIsolatedAwsEnv, type ProcessAwsEnv } from '../support/processAwsEnv';
import { RecordingRequestHandler, type RecordedRequest } from '../support/recordingRequestHandler';

const EVIL = 'evil.example';
const EVIL_URL = `http://${EVIL}:8080`;

const CREDENTIALS = [
  '[dev]',
  'aws_access_key_id = AKIADEVEXAMPLE000001',
  'aws_secret_access_key = TESTONLYdevSecret0000000000000000000000a',
  '[default]',
  'aws_access_key_id = AKIADEFAULTEXAMPLE01',
  'aws_secret_access_key = TESTONLYdefaultSecret0000000000000000000b',
  '',
].join('\n');

interface Case {
  readonly name: string;
  readonly profile: string;
  readonly config?: string;
  readonly env?: Record<string, string>;
  /** Which configured source the log must name. */
  readonly source: RegExp;
}

const CASES: Case[] = [
  { name: 'AWS_ENDPOINT_URL', profile: 'dev', env: { AWS_ENDPOINT_URL: EVIL_URL }, source: /from AWS_ENDPOINT_URL:/ },
  { name: 'AWS_ENDPOINT_URL_IAM', profile: 'dev', env: { AWS_ENDPOINT_URL_IAM: EVIL_URL }, source: /from AWS_ENDPOINT_URL_IAM:/ },
  { name: 'AWS_ENDPOINT_URL_STS', profile: 'dev', env: { AWS_ENDPOINT_URL_STS: EVIL_URL }, source: /from AWS_ENDPOINT_URL_STS:/ },
  { name: 'AWS_ENDPOINT_URL with the default chain', profile: '', env: { AWS_ENDPOINT_URL: EVIL_URL }, source: /from AWS_ENDPOINT_URL:/ },
  { name: 'endpoint_url of the selected profile', profile: 'dev', config: `[profile dev]\nregion = us-east-1\nendpoint_url = ${EVIL_URL}\n`, source: /endpoint_url of \[profile dev\]/ },
  {
    name: 'endpoint_url of [default] while another profile is selected',
    profile: 'dev',
    config: `[default]\nendpoint_url = ${EVIL_URL}\n[profile dev]\nregion = us-east-1\n`,
    source: /endpoint_url of \[default\]/,
  },
  { name: 'endpoint_url of [default] with the default chain', profile: '', config: `[default]\nendpoint_url = ${EVIL_URL}\n`, source: /endpoint_url of \[default\]/ },
  {
    name: 'a services section of the selected profile',
    profile: 'dev',
    config: `[profile dev]\nservices = redirect\n[services redirect]\niam =\n  endpoint_url = ${EVIL_URL}\nsts =\n  endpoint_url = ${EVIL_URL}\n`,
    source: /iam\.endpoint_url of \[services redirect\]/,
  },
  {
    name: 'a services section of [default] while another profile is selected',
    profile: 'dev',
    config: `[default]\nservices = redirect\n[profile dev]\nregion = us-east-1\n[services redirect]\nsts =\n  endpoint_url = ${EVIL_URL}\n`,
    source: /sts\.endpoint_url of \[services redirect\]/,
  },
];

/** Runs an STS and an IAM call through a connection; returns what was recorded and logged. */
async function callsOf(profile: string, endpoint = ''): Promise<{ requests: RecordedRequest[]; warnings: string[] }> {
  const recorder = new RecordingRequestHandler();
  const warnings: string[] = [];
  const connection = createConnection(
    { profile, region: 'us-east-1', endpoint, requestTimeoutMs: 1000, maxAttempts: 1 },
    { requestHandler: () => recorder, log: { warn: (m) => warnings.push(m) } },
  );
  try {
    await assert.rejects(connection.api.getCallerIdentity(), /recorded, not sent/);
    await assert.rejects(connection.api.listUsers({ maxItems: 1 }), /recorded, not sent/);
    await until(() => warnings.length > 0 || endpoint !== '', 'the ignored endpoint was logged');
  } finally {
    connection.dispose();
  }
  return { requests: recorder.requests, warnings };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`timed out waiting: ${what}`);
}

describe('aws: endpoint guard (configured endpoint URLs)', () => {
  let env: ProcessAwsEnv | undefined;
  afterEach(() => {
    env?.restore();
    env = undefined;
  });

  for (const c of CASES) {
    it(`sends nothing to a configured http:// endpoint: ${c.name}`, async () => {
      env = useIsolatedAwsEnv({ config: c.config, credentials: CREDENTIALS }, c.env);
      const { requests, warnings } = await callsOf(c.profile);
      assert.deepEqual(
        requests.map((r) => r.action),
        ['GetCallerIdentity', 'ListUsers'],
        'both calls reached the request handler',
      );
      assert.deepEqual(
        requests.map((r) => `${r.protocol}://${r.hostname}`),
        ['https://sts.us-east-1.amazonaws.com', 'https://iam.amazonaws.com'],
        'AWS endpoints, not the configured one',
      );
      assert.ok(requests.every((r) => r.signed), 'the requests were signed (so they were the ones at risk)');
      assert.ok(warnings.some((w) => c.source.test(w) && w.includes(EVIL_URL)), `the log says what was ignored and why: ${warnings.join(' | ')}`);
    });
  }

  it('the assume-role STS client of the credential provider ignores AWS_ENDPOINT_URL_STS too', async () => {
    env = useIsolatedAwsEnv(
      { config: '[profile role]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = dev\nregion = us-east-1\n', credentials: CREDENTIALS },
      { AWS_ENDPOINT_URL_STS: EVIL_URL, AWS_ENDPOINT_URL: EVIL_URL },
    );
    const recorder = new RecordingRequestHandler();
    const connection = createConnection(
      { profile: 'role', region: 'us-east-1', endpoint: '', requestTimeoutMs: 1000, maxAttempts: 1 },
      { requestHandler: () => recorder },
    );
    try {
      await assert.rejects(connection.api.getCallerIdentity());
    } finally {
      connection.dispose();
    }
    assert.equal(recorder.requests[0]?.action, 'AssumeRole', JSON.stringify(recorder.requests));
    assert.deepEqual(recorder.requests.filter((r) => r.hostname === EVIL), []);
  });

  it('the iamKeys.endpoint setting still wins over configured endpoint URLs', async () => {
    env = useIsolatedAwsEnv({ config: `[default]\nendpoint_url = ${EVIL_URL}\n`, credentials: CREDENTIALS }, { AWS_ENDPOINT_URL: EVIL_URL });
    const { requests } = await callsOf('dev', 'http://127.0.0.1:4599');
    assert.deepEqual(requests.map((r) => `${r.protocol}://${r.hostname}:${r.port}`), ['http://127.0.0.1:4599', 'http://127.0.0.1:4599']);
  });

  it('never logs the user:pass@ or path of an ignored endpoint', async () => {
    env = useIsolatedAwsEnv({ credentials: CREDENTIALS }, { AWS_ENDPOINT_URL_IAM: 'http://admin:hunter2pass@evil.example/secret-path?token=abc' });
    const { warnings } = await callsOf('dev');
    const text = warnings.join('\n');
    assert.match(text, /http:\/\/evil\.example from AWS_ENDPOINT_URL_IAM/);
    for (const part of ['hunter2pass', 'admin', 'secret-path', 'token=abc']) assert.ok(!text.includes(part), `${part} in ${text}`);
  });

  it('refuses to build clients for an endpoint that breaks the https-or-loopback rule', () => {
    env = useIsolatedAwsEnv({ credentials: CREDENTIALS });
    const recorder = new RecordingRequestHandler();
    assert.throws(
      () => createConnection({ profile: 'dev', region: 'us-east-1', endpoint: EVIL_URL, requestTimeoutMs: 1000, maxAttempts: 1 }, { requestHandler: () => recorder }),
      EndpointRefusedError,
    );
    assert.deepEqual(recorder.requests, []);
  });

  it('the guarded handler refuses an http:// request to a host other than this machine, and passes https and loopback', async () => {
    const recorder = new RecordingRequestHandler();
    const refused: string[] = [];
    const guarded = guardRequestHandler(recorder, sdkHost, (m) => refused.push(m));
    const request = (protocol: string, hostname: string) =>
      ({ protocol, hostname, port: 8080, path: '/', method: 'POST', headers: { authorization: 'x' }, query: {}, body: 'Action=ListUsers' }) as unknown as Parameters<RecordingRequestHandler['handle']>[0];
    await assert.rejects(guarded.handle(request('http:', EVIL)), EndpointRefusedError);
    await assert.rejects(guarded.handle(request('ftp:', 'localhost')), EndpointRefusedError);
    assert.equal(recorder.requests.length, 0, 'nothing reached the inner handler');
    assert.equal(refused.length, 2);
    assert.match(refused[0]!, /http:\/\/evil\.example:8080/);
    for (const [protocol, host] of [['https:', EVIL], ['http:', '127.0.0.1'], ['http:', 'localhost']] as const) {
      await assert.rejects(guarded.handle(request(protocol, host)), /recorded, not sent/);
    }
    assert.equal(recorder.requests.length, 3);
  });

  it('finds configured endpoints of AWS_PROFILE and [default] but not of unrelated profiles', () => {
    const files = {
      configFile: {
        default: { endpoint_url: 'http://d.example' },
        other: { endpoint_url: 'http://o.example' },
        picked: { endpoint_url: 'https://p.example/x' },
        dev: {},
      },
    };
    const found = findConfiguredEndpoints({ AWS_PROFILE: 'picked' }, files, 'dev').map((f) => f.endpoint);
    assert.deepEqual(found.sort(), ['http://d.example', 'https://p.example']);
  });
});
