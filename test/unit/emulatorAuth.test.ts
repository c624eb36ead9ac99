// Authentication and wire format of the emulator: SigV4 verification checked
// against AWS's published test vectors, then end to end with the SDK and with
// raw HTTP (GET query strings, unsigned and tampered requests, XML envelopes).
import * as assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { ListUsersCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import {
  CALLER_CREDENTIALS,
  SESSION_CREDENTIALS,
  startIamEmulator,
  type IamEmulator,
  type TestCredentials,
} from '../emulator/index';
import { captureError, iamClientFor, stsClientFor } from '../emulator/clients';
import { canonicalQuery, expectedSignature, parseAuthorization, type ReceivedRequest } from '../emulator/sigv4';
import { IAM_NAMESPACE, STS_NAMESPACE } from '../emulator/protocol/xml';

const EXAMPLE_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

function vector(method: string, path: string, query: string, headers: [string, string][], authorization: string): string {
  const auth = parseAuthorization(authorization);
  if ('error' in auth) throw new Error(auth.error);
  const request: ReceivedRequest = { method, path, query, headers, body: Buffer.alloc(0) };
  const amzDate = headers.find(([name]) => name.toLowerCase() === 'x-amz-date')?.[1] ?? '';
  return expectedSignature(request, auth, amzDate, EXAMPLE_SECRET);
}

describe('IAM emulator SigV4 verification (AWS test vectors)', () => {
  const host: [string, string] = ['Host', 'example.amazonaws.com'];
  const date: [string, string] = ['X-Amz-Date', '20150830T123600Z'];
  const scope = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=x';

  it('get-vanilla', () => {
    assert.equal(vector('GET', '/', '', [host, date], scope), '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
  });

  it('post-vanilla', () => {
    assert.equal(vector('POST', '/', '', [host, date], scope), '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b');
  });

  it('post-vanilla-query', () => {
    assert.equal(vector('POST', '/', 'Param1=value1', [host, date], scope), '28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11');
  });

  it('the IAM ListUsers GET example from the signing documentation', () => {
    const signature = vector(
      'GET',
      '/',
      'Action=ListUsers&Version=2010-05-08',
      [
        ['content-type', 'application/x-www-form-urlencoded; charset=utf-8'],
        ['host', 'iam.amazonaws.com'],
        ['x-amz-date', '20150830T123600Z'],
      ],
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=x',
    );
    assert.equal(signature, '5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7');
  });

  it('canonical query: decoded, RFC 3986 re-encoded, sorted by name then value', () => {
    assert.equal(canonicalQuery('b=2&a=z&a=y&c=a+b&d=%2a%7E'), 'a=y&a=z&b=2&c=a%20b&d=%2A~');
  });

  it('rejects malformed Authorization headers with a reason', () => {
    assert.ok('error' in parseAuthorization('AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam, Signature=x'));
    assert.ok('error' in parseAuthorization('Basic dXNlcjpwYXNz'));
  });
});

/** Signs raw requests with the SDK's own signer, independent of the emulator's verifier. */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

function toBytes(data: string | ArrayBuffer | ArrayBufferView): string | Buffer {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

async function signedFetch(
  emulator: IamEmulator,
  options: { method: 'GET' | 'POST'; query?: Record<string, string>; body?: string; service?: string; credentials?: TestCredentials; tamper?: boolean },
): Promise<{ status: number; text: string; contentType: string | null }> {
  const url = new URL(emulator.url);
  const signer = new SignatureV4({
    credentials: options.credentials ?? CALLER_CREDENTIALS,
    region: 'us-east-1',
    service: options.service ?? 'iam',
    sha256: NodeSha256,
  });
  const signed = await signer.sign({
    method: options.method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    query: options.query ?? {},
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded' },
    body: options.body,
  });
  const queryString = new URLSearchParams(options.query ?? {}).toString().replace(/\+/g, '%20');
  const response = await fetch(`${emulator.url}/${queryString ? '?' + queryString : ''}`, {
    method: options.method,
    headers: signed.headers,
    body: options.tamper ? `${options.body}&x=1` : options.body,
  });
  return { status: response.status, text: await response.text(), contentType: response.headers.get('content-type') };
}

describe('IAM emulator authentication and wire format', function () {
  let emulator: IamEmulator;

  before(async () => {
    emulator = await startIamEmulator({ users: 12, seed: 8 });
  });
  after(() => emulator.close());

  it('a wrong secret is SignatureDoesNotMatch 403', async () => {
    const client = iamClientFor(emulator, { accessKeyId: CALLER_CREDENTIALS.accessKeyId, secretAccessKey: 'not-the-secret' }, { maxAttempts: 1 });
    const error = await captureError(client.send(new ListUsersCommand({})));
    client.destroy();
    assert.equal(error.code, 'SignatureDoesNotMatch');
    assert.equal(error.httpStatus, 403);
    assert.match(error.message, /^The request signature we calculated does not match the signature you provided/);
  });

  it('an unknown access key is InvalidClientTokenId 403', async () => {
    const client = iamClientFor(emulator, { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' }, { maxAttempts: 1 });
    const error = await captureError(client.send(new ListUsersCommand({})));
    client.destroy();
    assert.equal(error.code, 'InvalidClientTokenId');
    assert.equal(error.httpStatus, 403);
    assert.equal(error.message, 'The security token included in the request is invalid.');
  });

  it('temporary (ASIA) credentials need their session token', async () => {
    const withoutToken = stsClientFor(emulator, { ...SESSION_CREDENTIALS, sessionToken: undefined }, { maxAttempts: 1 });
    const withToken = stsClientFor(emulator, SESSION_CREDENTIALS, { maxAttempts: 1 });
    try {
      assert.equal((await captureError(withoutToken.send(new GetCallerIdentityCommand({})))).code, 'InvalidClientTokenId');
      assert.match((await withToken.send(new GetCallerIdentityCommand({}))).Arn ?? '', /:user\/demo-admin$/);
    } finally {
      withoutToken.destroy();
      withToken.destroy();
    }
  });

  it('verifySignatures: false accepts any secret but still needs a known key', async () => {
    const lax = await startIamEmulator({ users: 2, verifySignatures: false });
    const wrongSecret = iamClientFor(lax, { accessKeyId: CALLER_CREDENTIALS.accessKeyId, secretAccessKey: 'anything' }, { maxAttempts: 1 });
    const unknownKey = iamClientFor(lax, { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'anything' }, { maxAttempts: 1 });
    try {
      assert.equal((await wrongSecret.send(new ListUsersCommand({}))).Users?.length, lax.store.users().length);
      assert.equal((await captureError(unknownKey.send(new ListUsersCommand({})))).code, 'InvalidClientTokenId');
    } finally {
      wrongSecret.destroy();
      unknownKey.destroy();
      await lax.close();
    }
  });

  it('answers a signed GET with the query string in IAM\'s XML envelope and namespace', async () => {
    const response = await signedFetch(emulator, { method: 'GET', query: { Action: 'ListUsers', Version: '2010-05-08', MaxItems: '2' } });
    assert.equal(response.status, 200);
    assert.match(response.contentType ?? '', /^text\/xml/);
    assert.match(
      response.text,
      new RegExp(
        `^<ListUsersResponse xmlns="${IAM_NAMESPACE.replace(/\./g, '\\.')}"><ListUsersResult><Users><member><Path>[^<]+</Path><UserName>[^<]+</UserName>` +
          '.*</Users><IsTruncated>true</IsTruncated><Marker>[A-Za-z0-9+/=]+</Marker></ListUsersResult>' +
          '<ResponseMetadata><RequestId>[0-9a-f-]{36}</RequestId></ResponseMetadata></ListUsersResponse>\\n$',
      ),
    );
  });

  it('a body changed after signing is SignatureDoesNotMatch; a scope for another service too', async () => {
    const body = 'Action=ListUsers&Version=2010-05-08';
    assert.equal((await signedFetch(emulator, { method: 'POST', body })).status, 200);
    const tampered = await signedFetch(emulator, { method: 'POST', body, tamper: true });
    assert.equal(tampered.status, 403);
    assert.match(tampered.text, /<Code>SignatureDoesNotMatch<\/Code>/);
    const s3Scope = await signedFetch(emulator, { method: 'POST', body, service: 's3' });
    assert.equal(s3Scope.status, 403);
    assert.match(s3Scope.text, /Credential should be scoped to correct service/);
  });

  it('unsigned requests are MissingAuthenticationToken in the error envelope', async () => {
    const response = await fetch(emulator.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ListUsers&Version=2010-05-08',
    });
    assert.equal(response.status, 403);
    assert.match(
      await response.text(),
      new RegExp(
        `^<ErrorResponse xmlns="${IAM_NAMESPACE.replace(/\./g, '\\.')}"><Error><Type>Sender</Type><Code>MissingAuthenticationToken</Code>` +
          '<Message>Request is missing Authentication Token</Message></Error><RequestId>[0-9a-f-]{36}</RequestId></ErrorResponse>',
      ),
    );
  });

  it('unknown actions and wrong versions are InvalidAction; STS errors use the STS namespace', async () => {
    const unknown = await signedFetch(emulator, { method: 'POST', body: 'Action=DeleteEverything&Version=2010-05-08' });
    assert.equal(unknown.status, 400);
    assert.match(unknown.text, /<Code>InvalidAction<\/Code><Message>Could not find operation DeleteEverything for version 2010-05-08<\/Message>/);
    const wrongVersion = await signedFetch(emulator, { method: 'POST', body: 'Action=GetCallerIdentity&Version=2010-05-08', service: 'sts' });
    assert.equal(wrongVersion.status, 400);
    assert.ok(wrongVersion.text.includes(`<ErrorResponse xmlns="${STS_NAMESPACE}">`));
    const ok = await signedFetch(emulator, { method: 'POST', body: 'Action=GetCallerIdentity&Version=2011-06-15', service: 'sts' });
    assert.ok(ok.text.startsWith(`<GetCallerIdentityResponse xmlns="${STS_NAMESPACE}"><GetCallerIdentityResult>`));
  });
});
