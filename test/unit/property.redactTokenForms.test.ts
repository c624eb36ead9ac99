// The redactor against the token forms SSO, OIDC, Vault and credential helpers write (issue 21):
// SSO cache JSON (accessToken), OIDC client registrations (refreshToken, clientSecret), the
// x-amz-sso_bearer_token header, the same JSON URL-encoded, secret keys with "/" written as
// \u002f, Vault tokens, and passwords in a helper's output lines. Each secret is random (from
// the alphabet real tokens use) and put in random text; a secret "survives" if any 12-character
// piece of it, or of its encoded form, is still in the output.
import * as assert from 'assert/strict';
import fc from 'fast-check';
import { REDACTED, redactSecrets } from '../../src/core/redact';

const BASE64 = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+'];
const BASE62 = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'];
/** What SSO access tokens, OIDC refresh tokens and client secrets are made of (JWTs, "Atzr|…", "aoa…:…"). */
const TOKEN = [...BASE62, '-', '_', '.', ':', '|', '=', '+', '/'];
const PASSWORD = [...BASE62, '.', '_', '~', '+', '/', '-', '!', '#', '$', '%', '^', '*', '(', '?'];

const token = fc.string({ unit: fc.constantFrom(...TOKEN), minLength: 16, maxLength: 400 }).filter((t) => /[A-Za-z0-9]{4}/.test(t));
const password = fc.string({ unit: fc.constantFrom(...PASSWORD), minLength: 8, maxLength: 40 }).filter((p) => /^[A-Za-z0-9]/.test(p));
/** A secret access key with at least one "/" (so the \u002f form differs) and both cases. */
const secretKey = fc
  .tuple(fc.string({ unit: fc.constantFrom(...BASE64), minLength: 37, maxLength: 37 }), fc.nat(37), fc.nat(38), fc.nat(39))
  .map(([s, i, j, k]) => {
    const a = `${s.slice(0, i)}/${s.slice(i)}`;
    const b = `${a.slice(0, j)}Q${a.slice(j)}`;
    return `${b.slice(0, k)}q${b.slice(k)}`;
  });
const vaultToken = fc.oneof(
  fc.tuple(fc.constantFrom('hvs.', 'hvb.', 'hvr.'), fc.string({ unit: fc.constantFrom(...BASE62, '-', '_'), minLength: 24, maxLength: 160 })).map(([p, s]) => p + s),
  // Legacy service tokens: "s." and 24 characters (both cases, as Vault makes them).
  fc.tuple(fc.string({ unit: fc.constantFrom(...BASE62), minLength: 22, maxLength: 22 }), fc.nat(22)).map(([s, i]) => `s.${s.slice(0, i)}Kk${s.slice(i)}`),
);

/** Random text around the form: printable ASCII, kept apart from it by whitespace. */
const text = fc.string({ unit: 'grapheme-ascii', maxLength: 40 });
const around = fc.tuple(text, fc.constantFrom(' ', '\n', '\t', '\r\n'), text).map(([a, gap, b]) => [`${a}${gap}`, `${gap}${b}`] as const);

const jsonEscaped = (s: string): string => JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/');
const unicodeEscaped = (s: string): string => JSON.stringify(s).slice(1, -1).replace(/\//g, '\\u002f').replace(/\+/g, '\\u002b');

function survives(out: string, secret: string): string | undefined {
  const n = Math.min(12, secret.length);
  for (const form of [secret, encodeURIComponent(secret), jsonEscaped(secret), unicodeEscaped(secret)]) {
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

/** JSON the way SSO and OIDC caches write it, with the secret under `name` among other fields. */
function cacheJson(name: string, secret: string, pretty: boolean): string {
  const value = { startUrl: 'https://d-1234567890.awsapps.com/start', region: 'eu-west-1', [name]: secret, expiresAt: '2026-12-06T08:00:00Z' };
  return pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
}

describe('property: redaction of SSO, OIDC, Vault and helper secrets', () => {
  it('an SSO accessToken, an OIDC refreshToken or clientSecret in cache JSON is redacted (compact or pretty)', () => {
    fc.assert(
      fc.property(around, token, fc.constantFrom('accessToken', 'refreshToken', 'clientSecret', 'access_token', 'refresh_token', 'client_secret', 'idToken'), fc.boolean(), ([before, after], t, name, pretty) => {
        assertGone(before + cacheJson(name, t, pretty) + after, t, [before, after]);
      }),
      { numRuns: 400 },
    );
  });

  it('the x-amz-sso_bearer_token header value is redacted, in a header line or a JSON dump of headers', () => {
    fc.assert(
      fc.property(around, token.filter((t) => !t.includes('|')), fc.constantFrom('line', 'json'), fc.constantFrom('x-amz-sso_bearer_token', 'X-Amz-Sso_bearer_token'), ([before, after], t, how, name) => {
        const shown = how === 'line' ? `GET /federation/credentials HTTP/1.1\r\n${name}: ${t}\r\nhost: portal.sso.eu-west-1.amazonaws.com` : JSON.stringify({ headers: { [name]: t, host: 'portal.sso.eu-west-1.amazonaws.com' } });
        assertGone(before + shown + after, t, [before, after]);
      }),
      { numRuns: 400 },
    );
  });

  it('URL-encoded cache JSON (a token in a query string or a form body) is redacted', () => {
    fc.assert(
      fc.property(around, token, fc.constantFrom('accessToken', 'refreshToken', 'clientSecret'), fc.boolean(), ([before, after], t, name, inQuery) => {
        const encoded = encodeURIComponent(cacheJson(name, t, false));
        assertGone(before + (inQuery ? `https://example.com/cb?state=${encoded}&x=2` : encoded) + after, t, [before, after]);
      }),
      { numRuns: 400 },
    );
  });

  it('a secret access key with "/" written as \\u002f (and "+" as \\u002b) is redacted, named or standalone', () => {
    fc.assert(
      fc.property(around, secretKey, fc.constantFrom('"SecretAccessKey"', '"secretAccessKey"', '"aws_secret_access_key"', '"value"', ''), ([before, after], s, name) => {
        const escaped = unicodeEscaped(s);
        assertGone(before + (name ? `{${name}:"${escaped}","n":1}` : escaped) + after, s, [before, after]);
      }),
      { numRuns: 400 },
    );
  });

  it('a Vault token is redacted by its prefix, alone, in a header or after "token"', () => {
    fc.assert(
      fc.property(around, vaultToken, fc.constantFrom('', 'X-Vault-Token: ', 'VAULT_TOKEN=', 'vault token ', 'token: '), ([before, after], t, lead) => {
        assertGone(`${before}${lead}${t}${after}`, t, [before, after]);
      }),
      { numRuns: 400 },
    );
  });

  it('a password in a credential helper output line is redacted (password=…, Password: …, quoted, JSON)', () => {
    fc.assert(
      fc.property(
        around,
        password,
        fc.constantFrom('password=', 'Password: ', 'PASSWORD = ', 'password: "', "Password='", 'db_password=', '"password": "', 'passphrase: '),
        ([before, after], p, lead) => {
          const close = lead.endsWith('"') ? '"' : lead.endsWith("'") ? "'" : '';
          assertGone(`${before}error: login failed\n${lead}${p}${close}\nexit status 3${after}`, p, [before, after]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('examples: the name and its quotes stay, the value goes', () => {
    assert.equal(redactSecrets('{"accessToken":"aoaAAAAAGN:MGUCMQD","expiresAt":"x"}'), '{"accessToken":"[REDACTED]","expiresAt":"x"}');
    assert.equal(redactSecrets('{"refreshToken":"Atzr|IwEBIA-x"}'), '{"refreshToken":"[REDACTED]"}');
    assert.equal(redactSecrets('x-amz-sso_bearer_token: aoaAAAAA123'), 'x-amz-sso_bearer_token: [REDACTED]');
    assert.equal(redactSecrets('%7B%22clientSecret%22%3A%22eyJraWQiOi%22%7D'), '%7B%22clientSecret%22%3A%22[REDACTED]%22%7D');
    assert.equal(redactSecrets('token hvs.CAESIJ1234abcdEFGHijklMNOP5678 end'), 'token [REDACTED] end');
    assert.equal(redactSecrets('"password": "two words"'), '"password": "[REDACTED]"');
    // Not Vault tokens: a short "hvs." word, a file name, a lower-case "s." run.
    for (const keep of ['hvs.short', 'see docs.example.com/s.html', 's.abcdefghijklmnopqrstuvwx']) assert.equal(redactSecrets(keep), keep);
  });
});
