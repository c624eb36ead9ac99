// The https-or-loopback rule and the endpoint guard's pure parts, case by case with
// hand-written expectations (issue #27: what the SDK-level tests of aws.endpointGuard.test.ts
// leave unchecked): which protocol/host pairs pass, the refusal text, what a handler passes
// through, which configured endpoints are found and how each is named in the log.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { EndpointRefusedError, requestAllowed } from '../../src/aws/endpointRule';
import { describeEndpoint, findConfiguredEndpoints, guardedEndpointConfig, guardRequestHandler, ignoredEndpointMessages, reportIgnoredEndpoints } from '../../src/aws/sdk/endpointGuard';
import { sdkHost } from '../../src/aws/sdkHost';
import { useIsolatedAwsEnv } from '../support/processAwsEnv';

describe('aws: endpoint rule and guard, case by case', () => {
  it('requestAllowed: https anywhere, http only on this machine, any case, with or without the colon', () => {
    const cases: Array<[string | undefined, string | undefined, boolean]> = [
      ['https:', 'iam.amazonaws.com', true],
      ['https', 'iam.amazonaws.com', true],
      ['HTTPS:', 'iam.amazonaws.com', true],
      ['http:', 'iam.amazonaws.com', false],
      ['http:', 'localhost', true],
      ['HTTP', '127.0.0.1', true],
      ['http:', '[::1]', true],
      ['ftp:', 'localhost', false],
      ['https:x', 'iam.amazonaws.com', false],
      // Only a colon at the end is dropped: "http:s" is not https.
      ['http:s', 'evil.example', false],
      [undefined, 'localhost', false],
      ['https:', undefined, false],
      ['https:', '', false],
    ];
    const got = cases.map(([protocol, host]) => `${String(protocol)} ${String(host)}: ${requestAllowed(protocol, host)}`);
    assert.deepEqual(
      got,
      cases.map(([protocol, host, allowed]) => `${String(protocol)} ${String(host)}: ${allowed}`),
    );
  });

  it('EndpointRefusedError says its name', () => {
    assert.equal(new EndpointRefusedError('x').name, 'EndpointRefusedError');
  });

  it('guardedEndpointConfig: no endpoint key for the empty setting, the URL for a good one, a refusal for a bad one', () => {
    assert.deepEqual(guardedEndpointConfig('', sdkHost), { ignoreConfiguredEndpointUrls: true });
    assert.deepEqual(guardedEndpointConfig('http://127.0.0.1:4566', sdkHost), { endpoint: 'http://127.0.0.1:4566', ignoreConfiguredEndpointUrls: true });
    assert.throws(() => guardedEndpointConfig('http://evil.example', sdkHost), EndpointRefusedError);
  });

  it('describeEndpoint: scheme, host and port only', () => {
    assert.equal(describeEndpoint('http://user:pw@evil.example:8080/p?q=1#f'), 'http://evil.example:8080');
    assert.equal(describeEndpoint('not a url'), '(not a URL)');
  });

  it('guardRequestHandler: the refusal names where without a missing port; other properties are the inner handler\'s', async () => {
    const sent: unknown[] = [];
    const inner = {
      name: 'inner',
      handle: (request: { protocol?: string; hostname?: string; port?: number }) => {
        sent.push(request);
        return Promise.resolve('sent');
      },
    };
    const refused: string[] = [];
    const guarded = guardRequestHandler(inner, sdkHost, (m) => refused.push(m));
    assert.equal(guarded.name, 'inner');
    await assert.rejects(guarded.handle({ protocol: 'http:', hostname: 'evil.example' }), {
      name: 'EndpointRefusedError',
      message: 'Refused to send a signed request to http://evil.example: only https://, or http:// on this machine, is allowed.',
    });
    await assert.rejects(guarded.handle({ hostname: 'evil.example', port: 81 }), { message: /to :\/\/evil\.example:81: only/ });
    await assert.rejects(guarded.handle({ protocol: 'http:' }), { message: /to http:\/\/: only/ });
    await assert.rejects(guarded.handle({ protocol: 'http:s', hostname: 'evil.example' }), { message: /to http:s:\/\/evil\.example: only/ });
    assert.equal(await guarded.handle({ protocol: 'https:', hostname: 'iam.amazonaws.com' }), 'sent');
    assert.equal(refused.length, 4);
    assert.deepEqual(sent, [{ protocol: 'https:', hostname: 'iam.amazonaws.com' }]);
    // Without a listener the refusal still rejects.
    await assert.rejects(guardRequestHandler(inner, sdkHost).handle({ protocol: 'http:', hostname: 'evil.example' }), EndpointRefusedError);
  });

  it('findConfiguredEndpoints: every variable, both files, services sections; each source named', () => {
    const env = {
      AWS_ENDPOINT_URL: 'http://a.example',
      AWS_ENDPOINT_URL_IAM: 'http://b.example',
      AWS_ENDPOINT_URL_STS: 'http://c.example',
      AWS_ENDPOINT_URL_ORGANIZATIONS: 'http://d.example',
      AWS_ENDPOINT_URL_SSO: 'http://e.example',
      AWS_ENDPOINT_URL_SSO_OIDC: 'http://f.example',
      AWS_ENDPOINT_URL_S3: 'http://not-ours.example',
    };
    const files = {
      configFile: {
        dev: { services: 'redirect' },
        'services.redirect': { 'iam.endpoint_url': 'http://g.example', 'sts.endpoint_url': 'http://h.example', 'organizations.endpoint_url': 'http://i.example', 'sso.endpoint_url': 'http://j.example', 'sso_oidc.endpoint_url': 'http://k.example', 's3.endpoint_url': 'http://not-ours.example' },
        default: { endpoint_url: 'http://l.example' },
      },
      credentialsFile: { dev: { endpoint_url: 'http://m.example' } },
    };
    assert.deepEqual(findConfiguredEndpoints(env, files, 'dev'), [
      { source: 'AWS_ENDPOINT_URL', endpoint: 'http://a.example' },
      { source: 'AWS_ENDPOINT_URL_IAM', endpoint: 'http://b.example' },
      { source: 'AWS_ENDPOINT_URL_STS', endpoint: 'http://c.example' },
      { source: 'AWS_ENDPOINT_URL_ORGANIZATIONS', endpoint: 'http://d.example' },
      { source: 'AWS_ENDPOINT_URL_SSO', endpoint: 'http://e.example' },
      { source: 'AWS_ENDPOINT_URL_SSO_OIDC', endpoint: 'http://f.example' },
      { source: 'iam.endpoint_url of [services redirect] (used by [profile dev] in the config file)', endpoint: 'http://g.example' },
      { source: 'sts.endpoint_url of [services redirect] (used by [profile dev] in the config file)', endpoint: 'http://h.example' },
      { source: 'organizations.endpoint_url of [services redirect] (used by [profile dev] in the config file)', endpoint: 'http://i.example' },
      { source: 'sso.endpoint_url of [services redirect] (used by [profile dev] in the config file)', endpoint: 'http://j.example' },
      { source: 'sso_oidc.endpoint_url of [services redirect] (used by [profile dev] in the config file)', endpoint: 'http://k.example' },
      { source: 'endpoint_url of [profile dev] in the credentials file', endpoint: 'http://m.example' },
      { source: 'endpoint_url of [default] in the config file', endpoint: 'http://l.example' },
    ]);
    // The selected profile named again in AWS_PROFILE is read once; an empty profile is the default chain.
    assert.deepEqual(findConfiguredEndpoints({ AWS_PROFILE: 'dev' }, files, 'dev').length, 7);
    assert.deepEqual(findConfiguredEndpoints({}, files, ''), [{ source: 'endpoint_url of [default] in the config file', endpoint: 'http://l.example' }]);
    assert.deepEqual(findConfiguredEndpoints({}, {}, 'dev'), []);
  });

  it('reportIgnoredEndpoints reads the config file again on every call (an edit between two connections is seen)', async () => {
    const env = useIsolatedAwsEnv({ config: '[default]\nendpoint_url = http://first.example\n' });
    try {
      assert.match((await reportIgnoredEndpoints({}, '')).join('\n'), /http:\/\/first\.example/);
      await fs.writeFile(path.join(env.dir, 'config'), '[default]\nendpoint_url = http://second.example\n');
      assert.match((await reportIgnoredEndpoints({}, '')).join('\n'), /Ignored the endpoint http:\/\/second\.example from endpoint_url of \[default\] in the config file/);
    } finally {
      env.restore();
    }
  });

  it('ignoredEndpointMessages: one sentence per endpoint, naming it and its source', () => {
    assert.deepEqual(ignoredEndpointMessages([{ source: 'AWS_ENDPOINT_URL', endpoint: 'http://a.example' }]), [
      'Ignored the endpoint http://a.example from AWS_ENDPOINT_URL: only the iamKeys.endpoint setting (https://, or http:// on this machine) chooses where signed requests go, so an environment variable or another profile cannot redirect them.',
    ]);
  });
});
