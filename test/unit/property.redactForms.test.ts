// The redactor against secrets written the ways real text writes them: URL-encoded, JSON with
// "\/", wrapped over lines, after a comma, as a CLI flag's value, as a URL's user info, and STS
// tokens with each real prefix. Inputs are random secrets from the base64 alphabet (or a
// password alphabet) put at random places in random text; none is built from the redactor's
// own patterns. A secret "survives" if any 12-character piece of it (or of its encoded form)
// is still in the output.
import * as assert from 'assert/strict';
import fc from 'fast-check';
import { REDACTED, redactedErrorMessage, redactSecrets } from '../../src/core/redact';

const BASE64 = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+'];
const PASSWORD = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~+/-'];

/** A secret access key as AWS makes them: 40 random base64 characters (both cases present). */
const secretKey = fc
  .tuple(fc.string({ unit: fc.constantFrom(...BASE64), minLength: 38, maxLength: 38 }), fc.nat(38), fc.nat(39), fc.constantFrom(...'QWERTY'), fc.constantFrom(...'qwerty'))
  .map(([s, i, j, up, lo]) => {
    const a = s.slice(0, i) + up + s.slice(i);
    return a.slice(0, j) + lo + a.slice(j);
  });

/** Passwords and helper tokens: any length, not the shape of a secret key. */
const password = fc.string({ unit: fc.constantFrom(...PASSWORD), minLength: 8, maxLength: 48 }).filter((p) => !p.startsWith('-') && p.length !== 40);

/** STS session tokens: a prefix real tokens start with, then random base64. */
const sessionToken = fc
  .tuple(fc.constantFrom('IQoJb3JpZ2luX2VjE', 'AQoDYXdzEJr', 'FwoGZXIvYXdzE', 'IQoJb3JpZ2lu'), fc.string({ unit: fc.constantFrom(...BASE64), minLength: 150, maxLength: 600 }))
  .map(([p, s]) => p + s);

/** Random text around the secret: printable ASCII, kept apart from it by whitespace. */
const text = fc.string({ unit: 'grapheme-ascii', maxLength: 40 });
const around = fc.tuple(text, fc.constantFrom(' ', '\n', '\t', ' | '), text).map(([a, gap, b]) => [`${a}${gap}`, `${gap}${b}`] as const);

/** Splits `s` into lines of `width`, each continued with `indent`. */
function wrap(s: string, width: number, eol: string, indent: string): string {
  const lines: string[] = [];
  for (let i = 0; i < s.length; i += width) lines.push(s.slice(i, i + width));
  return lines.join(eol + indent);
}
const wrapping = fc.record({ width: fc.integer({ min: 12, max: 76 }), eol: fc.constantFrom('\n', '\r\n'), indent: fc.constantFrom('', '  ', '\t') });

const jsonEscaped = (s: string): string => JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/');

function survives(out: string, secret: string): string | undefined {
  const n = Math.min(12, secret.length);
  for (const form of [secret, encodeURIComponent(secret), jsonEscaped(secret)]) {
    for (let i = 0; i + n <= form.length; i++) if (out.includes(form.slice(i, i + n))) return form.slice(i, i + n);
  }
  return undefined;
}

/** `around` is the random text put around the secret: it must not hold the secret by chance. */
function assertGone(input: string, secret: string, around: readonly [string, string]): void {
  fc.pre(survives(around.join(''), secret) === undefined);
  const out = redactSecrets(input);
  const left = survives(out, secret);
  assert.equal(left, undefined, `"${left}" of the secret survived in: ${JSON.stringify(out)}`);
  assert.ok(out.includes(REDACTED), out);
}

describe('property: redaction of secrets in the forms real text uses', () => {
  it('a secret key URL-encoded (%2F, %2B) is redacted, standalone or in a query', () => {
    fc.assert(
      fc.property(around, secretKey.filter((s) => /[/+]/.test(s)), fc.boolean(), ([before, after], s, inQuery) => {
        const encoded = encodeURIComponent(s);
        assertGone(before + (inQuery ? `https://example.com/cb?state=1&k=${encoded}&x=2` : encoded) + after, s, [before, after]);
      }),
      { numRuns: 400 },
    );
  });

  it('a secret key in JSON with "\\/" escapes is redacted, standalone or named', () => {
    fc.assert(
      fc.property(around, secretKey.filter((s) => s.includes('/')), fc.constantFrom('"value"', '"SecretAccessKey"', '"secret_access_key"', '"note"'), ([before, after], s, name) => {
        assertGone(`${before}{${name}:"${jsonEscaped(s)}","n":1}${after}`, s, [before, after]);
      }),
      { numRuns: 400 },
    );
  });

  it('a secret key split over two lines at a random place is redacted', () => {
    fc.assert(
      fc.property(around, secretKey, fc.integer({ min: 1, max: 39 }), wrapping, ([before, after], s, at, w) => {
        assertGone(`${before}${s.slice(0, at)}${w.eol}${w.indent}${s.slice(at)}${after}`, s, [before, after]);
      }),
      { numRuns: 400 },
    );
  });

  it('a session token or secret wrapped over lines after its name is redacted', () => {
    fc.assert(
      fc.property(
        around,
        fc.oneof(sessionToken, secretKey),
        wrapping,
        fc.constantFrom('aws_session_token = ', 'AWS_SESSION_TOKEN=', 'SessionToken: ', 'aws_secret_access_key = ', 'X-Amz-Security-Token: '),
        ([before], t, w, name) => {
          assertGone(`${before}${name}${wrap(t, w.width, w.eol, w.indent)}${w.eol}next line`, t, [before, 'next line']);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a session token with a real prefix is redacted without a name: plain, wrapped, URL-encoded or JSON-escaped', () => {
    fc.assert(
      fc.property(around, sessionToken, wrapping, fc.constantFrom('plain', 'wrapped', 'url', 'json'), ([before, after], t, w, how) => {
        const shown = how === 'wrapped' ? `${wrap(t, w.width, w.eol, w.indent)}${w.eol}` : how === 'url' ? encodeURIComponent(t) : how === 'json' ? `"${jsonEscaped(t)}"` : t;
        assertGone(before + shown + after, t, [before, after]);
      }),
      { numRuns: 400 },
    );
  });

  it('the value of a secret command-line flag is redacted, whatever its length', () => {
    fc.assert(
      fc.property(
        around,
        password,
        // Single-dash forms too (mysql -password, vault -token): issue #27, a survivor of the sampled src/core run.
        fc.constantFrom('--password', '--secret', '--secret-access-key', '--aws-secret-access-key', '--session-token', '--token', '--client-secret', '--db-password', '--api-key', '-password', '-token'),
        fc.constantFrom(' ', '  ', '='),
        fc.constantFrom('', '"', "'"),
        ([before, after], p, flag, sep, quote) => {
          assertGone(`${before}/usr/bin/helper --profile dev ${flag}${sep}${quote}${p}${quote} --json${after}`, p, [before, after]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the user info of a URL is redacted', () => {
    fc.assert(
      fc.property(around, password, fc.constantFrom('https', 'http', 'postgres', 'git+https'), fc.boolean(), ([before, after], p, scheme, withUser) => {
        const info = withUser ? `deploy:${encodeURIComponent(p)}` : encodeURIComponent(p);
        assertGone(`${before}${scheme}://${info}@host.example:8443/path?q=1${after}`, p, [before, after]);
      }),
      { numRuns: 400 },
    );
  });

  it('the part of a named value after a comma is redacted too', () => {
    fc.assert(
      fc.property(
        around,
        password,
        fc.string({ unit: fc.constantFrom(...PASSWORD), minLength: 1, maxLength: 8 }),
        fc.constantFrom('password=', 'aws_secret_access_key=', 'SecretAccessKey: ', 'passwd = ', "password: '"),
        ([before, after], p, first, name) => {
          assertGone(`${before}${name}${first},${p}${after}`, p, [before, after]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps what is not a secret: pagination flags, plain URLs, hosts and IDs', () => {
    for (const keep of [
      'aws iam list-access-keys --starting-token eyJNYXJrZXIiOiAiQUFFQUFYMCJ9 --max-items 5',
      'aws iam list-users --next-token abcdef123456',
      'https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08',
      'user bob@example.com has AKIAIOSFODNN7EXAMPLE',
      'endpoint http://127.0.0.1:4599/ answered 200',
    ]) {
      assert.equal(redactSecrets(keep), keep);
    }
  });

  it('examples: each form names what it keeps', () => {
    assert.equal(redactSecrets('aws --password hunter2x now'), 'aws --password [REDACTED] now');
    assert.equal(redactSecrets('helper --secret "s3cr3t value"'), 'helper --secret "[REDACTED]"');
    assert.equal(redactSecrets('mysql -u bob -password hunter2x db'), 'mysql -u bob -password [REDACTED] db');
    assert.equal(redactSecrets('clone https://deploy:p%40ss@git.example/repo'), 'clone https://[REDACTED]@git.example/repo');
    assert.equal(redactSecrets('password=abc,def next'), 'password=[REDACTED] next');
    assert.equal(redactSecrets('token AQoDYXdzEJr1234567890abcdefABCDEF end'), 'token [REDACTED] end');
  });
});

describe('redactedErrorMessage', () => {
  it('gives the redacted message of anything thrown, and never throws', () => {
    const secret = 'hlp.9Tq-Vx2Lm_Rk7Wp4Zs';
    assert.equal(redactedErrorMessage(new Error(`Command failed: /bin/helper --secret ${secret}`)), 'Command failed: /bin/helper --secret [REDACTED]');
    assert.equal(redactedErrorMessage(`password=${secret}`), 'password=[REDACTED]');
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    assert.equal(redactedErrorMessage(hostile), 'unknown error');
    assert.equal(redactedErrorMessage(undefined), 'undefined');
    fc.assert(
      fc.property(fc.anything(), (value) => {
        assert.equal(typeof redactedErrorMessage(value), 'string');
      }),
    );
  });
});
