import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { isSecretKeyName, REDACTED, redactObject, redactSecrets } from '../../src/core/redact';

const B64 = Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+');
const HEX = Array.from('0123456789abcdef');

/** A 40-character secret access key: random base64 characters with both cases present. */
const secretKey = fc
  .tuple(fc.string({ unit: fc.constantFrom(...B64), minLength: 38, maxLength: 38 }), fc.constantFrom(...'ABCXYZ'), fc.constantFrom(...'abcxyz'))
  .chain(([s, up, lo]) => fc.tuple(fc.nat(38), fc.nat(39)).map(([i, j]) => {
    const withUp = s.slice(0, i) + up + s.slice(i);
    return withUp.slice(0, j) + lo + withUp.slice(j);
  }));

/** Any 40 base64-ish characters (for named forms, where case doesn't matter). */
const anyKey = fc.string({ unit: fc.constantFrom(...B64), minLength: 40, maxLength: 40 });

/** STS session tokens are long base64, often starting "IQoJb3JpZ2luX2Vj". */
const sessionToken = fc
  .tuple(fc.constantFrom('', 'IQoJb3JpZ2luX2Vj', 'FwoGZXIvYXdzE'), fc.string({ unit: fc.constantFrom(...B64), minLength: 60, maxLength: 400 }), fc.constantFrom('', '=', '=='))
  .map(([p, s, pad]) => p + s + pad);

const hex64 = fc.string({ unit: fc.constantFrom(...HEX), minLength: 64, maxLength: 64 });
const bearer = fc.string({ unit: fc.constantFrom(...Array.from('abcXYZ0129._-')), minLength: 12, maxLength: 80 });

const word = fc.oneof(
  fc.constantFrom(
    'GET',
    'POST',
    'ListAccessKeys',
    'user',
    'bob',
    'AKIAIOSFODNN7EXAMPLE',
    'ASIAJEXAMPLEXEG2JICE',
    'arn:aws:iam::123456789012:user/bob',
    '9fceb02d0ae598e95dc970b74767f19372d61af8',
    'DA39A3EE5E6B4B0D3255BFEF95601890AFD80709',
    '"Marker": "AAEAAX0"',
    '"NextToken": "eyJNYXJrZXIiOiAiQUFFQUFYMCJ9"',
    'SignedHeaders=host;x-amz-date',
    'Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/iam/aws4_request',
    'https://iam.amazonaws.com/',
    'x-amz-date: 20240101T000000Z',
    'SessionToken',
    'Signature',
    'secret',
    'password',
    'region=us-east-1',
    'took 123ms',
    '{"UserName": "bob", "Status": "Active"}',
    '[REDACTED]',
  ),
  // random words, without the separators that would turn "SessionToken" + word into an assignment
  fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).filter((w) => !/[:=|>]/.test(w)),
  fc.string({ unit: 'grapheme', maxLength: 10 }).filter((w) => !/[:=|>]/.test(w)),
);
const joiner = fc.constantFrom(' ', ', ', '\n', '\t', ' - ');
const logText = fc.array(fc.tuple(word, joiner), { maxLength: 15 }).map((parts) => parts.map(([w, j]) => w + j).join(''));

/** A log line's surroundings; ends/starts with whitespace so a standalone secret stays standalone. */
const around = fc.tuple(logText, logText).map(([a, b]) => [`${a} `, ` ${b}`] as const);

type Form = (s: string) => string;

/** Whether any 12-character piece of `secret` (or of its JSON-escaped or URL-encoded form) is in `out`. */
function leaks(out: string, secret: string): boolean {
  for (const form of [secret, secret.replace(/\//g, '\\/'), encodeURIComponent(secret)]) {
    for (let i = 0; i + 12 <= form.length; i++) if (out.includes(form.slice(i, i + 12))) return true;
  }
  return false;
}

const SECRET_KEY_FORMS: Form[] = [
  (s) => `aws_secret_access_key = ${s}`,
  (s) => `aws_secret_access_key=${s}`,
  (s) => `AWS_SECRET_ACCESS_KEY=${s}`,
  (s) => `export AWS_SECRET_ACCESS_KEY="${s}"`,
  (s) => `$env:AWS_SECRET_ACCESS_KEY='${s}'`,
  (s) => `"SecretAccessKey": "${s}",`,
  (s) => `{"secretAccessKey":"${s}"}`,
  (s) => `{ secretAccessKey: '${s}' }`,
  (s) => `SecretAccessKey: ${s}`,
  (s) => `<SecretAccessKey>${s}</SecretAccessKey>`,
  (s) => `"{\\"SecretAccessKey\\":\\"${s}\\"}"`,
  (s) => `"SecretAccessKey": "${s.replace(/\//g, '\\/')}"`,
  (s) => `|  SecretAccessKey  |  ${s}  |`,
  (s) => `secret_key => '${s}'`,
];

const SESSION_TOKEN_FORMS: Form[] = [
  (t) => `aws_session_token = ${t}`,
  (t) => `AWS_SESSION_TOKEN=${t}`,
  (t) => `aws_security_token=${t}`,
  (t) => `"SessionToken": "${t}"`,
  (t) => `sessionToken: '${t}'`,
  (t) => `<SessionToken>${t}</SessionToken>`,
  (t) => `X-Amz-Security-Token: ${t}`,
  (t) => `https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240101&X-Amz-Security-Token=${encodeURIComponent(t)}&X-Amz-Date=20240101T000000Z`,
  (t) => `'x-amz-security-token': '${t}'`,
];

describe('core/redact', () => {
  describe('redactSecrets', () => {
    it('removes secret access keys in every form, keeping the name', () => {
      const s = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
      assert.equal(redactSecrets(`aws_secret_access_key = ${s}`), 'aws_secret_access_key = [REDACTED]');
      assert.equal(redactSecrets(`"SecretAccessKey": "${s}",`), '"SecretAccessKey": "[REDACTED]",');
      assert.equal(redactSecrets(`<SecretAccessKey>${s}</SecretAccessKey>`), '<SecretAccessKey>[REDACTED]</SecretAccessKey>');
      assert.equal(redactSecrets(`key ${s} id AKIAIOSFODNN7EXAMPLE`), 'key [REDACTED] id AKIAIOSFODNN7EXAMPLE');
    });

    it('never lets a planted secret access key through', () => {
      fc.assert(
        fc.property(around, fc.constantFrom(...SECRET_KEY_FORMS), anyKey, ([before, after], form, s) => {
          const out = redactSecrets(before + form(s) + after);
          assert.ok(!leaks(out, s), out);
          assert.ok(out.includes(REDACTED));
        }),
        { numRuns: 500 },
      );
    });

    it('catches standalone secret-key-shaped tokens anywhere in a line', () => {
      fc.assert(
        fc.property(around, secretKey, fc.constantFrom(' ', '\t', '=', ':', '"', "'", ',', '\n'), ([before, after], s, sep) => {
          const out = redactSecrets(`${before}${sep}${s}${sep}${after}`);
          assert.ok(!leaks(out, s), out);
        }),
        { numRuns: 300 },
      );
    });

    it('never lets a planted session token through', () => {
      fc.assert(
        fc.property(around, fc.constantFrom(...SESSION_TOKEN_FORMS), sessionToken, ([before, after], form, t) => {
          const out = redactSecrets(before + form(t) + after);
          assert.ok(!leaks(out, t), out);
        }),
        { numRuns: 400 },
      );
    });

    it('catches STS tokens by their prefix even without a name', () => {
      fc.assert(
        fc.property(around, sessionToken.filter((t) => /^(IQoJ|Fwo)/.test(t)), ([before, after], t) => {
          const out = redactSecrets(`${before}CREDENTIALS\tASIAJEXAMPLEXEG2JICE\t2024-01-01T00:00:00Z\t${t}${after}`);
          assert.ok(!out.includes(t));
          assert.ok(out.includes('ASIAJEXAMPLEXEG2JICE'));
        }),
      );
    });

    it('keeps SigV4 scope but removes signatures', () => {
      fc.assert(
        fc.property(around, hex64, ([before, after], sig) => {
          const header =
            'Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20150830/us-east-1/iam/aws4_request, ' +
            `SignedHeaders=content-type;host;x-amz-date, Signature=${sig}`;
          const out = redactSecrets(before + header + after);
          assert.ok(!out.includes(sig));
          assert.ok(out.includes('Credential=AKIAIOSFODNN7EXAMPLE/20150830/us-east-1/iam/aws4_request'));
          assert.ok(out.includes('SignedHeaders=content-type;host;x-amz-date, Signature=[REDACTED]'));
          const url = `https://b.s3.amazonaws.com/k?X-Amz-SignedHeaders=host&X-Amz-Signature=${sig}&x=1`;
          assert.equal(redactSecrets(url), url.replace(sig, REDACTED));
        }),
      );
    });

    it('removes other Authorization credentials, keeping the scheme', () => {
      fc.assert(
        fc.property(around, bearer, fc.constantFrom('Bearer', 'Basic', 'token'), ([before, after], b, scheme) => {
          for (const line of [`Authorization: ${scheme} ${b}`, `"authorization": "${scheme} ${b}"`, `proxy-authorization=${scheme} ${b}`]) {
            const out = redactSecrets(before + line + after);
            assert.ok(!out.includes(b), out);
            assert.ok(out.includes(`${scheme} [REDACTED]`), out);
          }
        }),
      );
      assert.equal(redactSecrets('Authorization: AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg='), 'Authorization: AWS [REDACTED]');
      assert.equal(redactSecrets('authorization: sometoken'), 'authorization: [REDACTED]');
    });

    it('passes text without secrets through unchanged', () => {
      fc.assert(
        fc.property(logText, (text) => {
          assert.equal(redactSecrets(text), text);
        }),
        { numRuns: 500 },
      );
    });

    it('leaves hex digests, IDs and null values alone', () => {
      for (const text of [
        'commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
        'sha1 DA39A3EE5E6B4B0D3255BFEF95601890AFD80709',
        '"SessionToken": null, "SecretAccessKey": ""',
        'AKIAIOSFODNN7EXAMPLE AROADBQP57FF2AEXAMPLE',
        'Signature Version 4 signing, signatureVersion: v4', // no separator right after the name
        // 41 and 39 characters: not the shape of a secret key
        'aaaaaaaaaaBBBBBBBBBBccccccccccDDDDDDDDDDe',
        'aaaaaaaaaaBBBBBBBBBBccccccccccDDDDDDDDD',
      ]) {
        assert.equal(redactSecrets(text), text);
      }
    });

    it('is idempotent', () => {
      fc.assert(
        fc.property(around, fc.constantFrom(...SECRET_KEY_FORMS, ...SESSION_TOKEN_FORMS), anyKey, ([before, after], form, s) => {
          const once = redactSecrets(before + form(s) + after);
          assert.equal(redactSecrets(once), once);
        }),
      );
      const auth = redactSecrets('Authorization: Bearer abc');
      assert.equal(redactSecrets(auth), auth);
    });

    it('handles empty and non-string input', () => {
      assert.equal(redactSecrets(''), '');
      assert.equal(redactSecrets(undefined as unknown as string), undefined);
    });
  });

  describe('redactObject', () => {
    it('redacts secret-named properties deeply and leaves the rest', () => {
      const input = {
        AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        NextToken: 'eyJNYXJrZXIiOiAiQUFFQUFYMCJ9',
        request: {
          headers: { authorization: 'AWS4-HMAC-SHA256 …', 'x-amz-security-token': 'IQoJ…', host: 'iam.amazonaws.com' },
          body: 'Action=ListAccessKeys&Version=2010-05-08',
        },
        credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' },
        list: [{ password: 'hunter2', name: 'bob' }],
        note: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        count: 3,
        ok: true,
        nothing: null,
      };
      assert.deepEqual(redactObject(input), {
        AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        SecretAccessKey: REDACTED,
        NextToken: 'eyJNYXJrZXIiOiAiQUFFQUFYMCJ9',
        request: {
          headers: { authorization: REDACTED, 'x-amz-security-token': REDACTED, host: 'iam.amazonaws.com' },
          body: 'Action=ListAccessKeys&Version=2010-05-08',
        },
        credentials: REDACTED,
        list: [{ password: REDACTED, name: 'bob' }],
        note: 'aws_secret_access_key = [REDACTED]',
        count: 3,
        ok: true,
        nothing: null,
      });
      // the input is untouched
      assert.equal(input.SecretAccessKey, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    });

    it('is cycle-safe, and shared objects are not cycles', () => {
      const a: Record<string, unknown> = { name: 'a' };
      a.self = a;
      a.children = [a, { parent: a }];
      const shared = { x: 1 };
      assert.deepEqual(redactObject(a), {
        name: 'a',
        self: '[Circular]',
        children: ['[Circular]', { parent: '[Circular]' }],
      });
      assert.deepEqual(redactObject([shared, shared]), [{ x: 1 }, { x: 1 }]);
    });

    it('turns errors into plain objects with redacted text', () => {
      const err = Object.assign(new Error('signing failed for SecretAccessKey=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'), {
        $metadata: { httpStatusCode: 403, requestId: 'abc' },
        Code: 'SignatureDoesNotMatch',
        cause: new Error('inner token=x'),
      });
      const out = redactObject(err) as Record<string, unknown>;
      assert.equal(out.name, 'Error');
      assert.equal(out.message, 'signing failed for SecretAccessKey=[REDACTED]');
      assert.ok(typeof out.stack === 'string' && !out.stack.includes('wJalrXUtnFEMI'));
      assert.deepEqual(out.$metadata, { httpStatusCode: 403, requestId: 'abc' });
      assert.equal(out.Code, 'SignatureDoesNotMatch');
      assert.equal((out.cause as Record<string, unknown>).message, 'inner token=x');
    });

    it('summarises binaries, functions and class instances instead of walking them', () => {
      class Socket {
        secret = 'x';
      }
      const out = redactObject({
        buf: Buffer.from('secret'),
        fn: function named() {},
        sock: new Socket(),
        when: new Date('2024-01-01Z'),
        map: new Map<string, unknown>([['token', 'abc'], ['user', 'bob']]),
        set: new Set(['aws_secret_access_key=abc']),
      }) as Record<string, unknown>;
      assert.equal(out.buf, '[Binary 6 bytes]');
      assert.equal(out.fn, '[Function named]');
      assert.equal(out.sock, '[Socket]');
      assert.deepEqual(out.when, new Date('2024-01-01Z'));
      assert.deepEqual(out.map, new Map([['token', REDACTED], ['user', 'bob']]));
      assert.deepEqual(out.set, new Set(['aws_secret_access_key=[REDACTED]']));
    });

    it('cuts very deep and very wide values short', () => {
      let deep: Record<string, unknown> = { leaf: true };
      for (let i = 0; i < 50; i++) deep = { next: deep };
      assert.match(inspect(redactObject(deep), { depth: 100 }), /'\[…\]'/);
      const wide = Array.from({ length: 600 }, (_, i) => i);
      const out = redactObject(wide) as unknown[];
      assert.equal(out.length, 501);
      assert.equal(out[500], '[… 100 more]');
    });

    it('never throws and never leaks a secret put under a secret-looking key', () => {
      const secretName = fc.constantFrom('SecretAccessKey', 'sessionToken', 'Authorization', 'password', 'x-amz-security-token', 'credentials', 'aws_secret_access_key', 'Signature');
      fc.assert(
        fc.property(fc.anything(), fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }), secretName, anyKey, (junk, path, name, s) => {
          let planted: Record<string, unknown> = { [name]: s };
          for (const p of path) planted = { [p]: planted, junk };
          const out = redactObject({ junk, planted });
          assert.ok(!inspect(out, { depth: Infinity, maxStringLength: Infinity }).includes(s));
        }),
      );
    });

    it('recognises secret-looking names but not pagination tokens', () => {
      for (const n of ['SecretAccessKey', 'sessionToken', 'X-Amz-Security-Token', 'authorization', 'Password', 'credentials', 'privateKey', 'Cookie', 'signature']) {
        assert.equal(isSecretKeyName(n), true, n);
      }
      for (const n of ['NextToken', 'nextToken', 'ContinuationToken', 'AccessKeyId', 'UserName', 'Marker', 'Status']) {
        assert.equal(isSecretKeyName(n), false, n);
      }
    });
  });
});
