import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  describeValue,
  isConfigFileProfileName,
  isLoopbackHost,
  parseBoundedInteger,
  parsePageSize,
  validateAccessKeyId,
  validateEndpoint,
  validateProfileName,
  validateUserName,
} from '../../src/core/validation';
import { refusalReason } from '../support/refusalReason';


const USER_NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-'.split('');
const userNameArb = fc.string({ unit: fc.constantFrom(...USER_NAME_CHARS), minLength: 1, maxLength: 64 });

describe('core/validation', () => {
  describe('validateUserName', () => {
    it('accepts every name made of IAM’s characters, 1–64 long, unchanged', () => {
      fc.assert(
        fc.property(userNameArb, (name) => {
          assert.deepEqual(validateUserName(name), { ok: true, value: name });
        }),
      );
    });

    it('accepts names at the edges of the rule', () => {
      for (const name of ['a', 'x'.repeat(64), 'bob@example.com', 'svc+deploy=1,2.3_4-5', '_']) {
        assert.equal(validateUserName(name).ok, true, name);
      }
    });

    it('names the offending character and its 1-based position', () => {
      assert.equal(
        refusalReason(validateUserName('ops/bob')),
        'User names can\'t contain "/" (position 4). Allowed: letters, digits and + = , . @ _ -',
      );
      assert.match(refusalReason(validateUserName('bob smith')), /can't contain a space \(position 4\)/);
      assert.match(refusalReason(validateUserName('a\tb')), /a tab \(position 2\)/);
      assert.match(refusalReason(validateUserName('a\u0007')), /U\+0007 \(position 2\)/);
      // C1 controls (U+0080–U+009F: CSI is U+009B) are named by code point too, never shown raw (#27)
      assert.match(refusalReason(validateUserName('a\u009b')), /U\+009B \(position 2\)/);
      // counted in characters, not UTF-16 units: the emoji is one character
      assert.match(refusalReason(validateUserName('😀é')), /"😀" \(position 1\)/);
      assert.match(refusalReason(validateUserName('ab😀é')), /"😀" \(position 3\)/);
    });

    it('rejects any string with a character outside [\\w+=,.@-], pointing at the first one', () => {
      const badChar = fc
        .nat({ max: 0x10ffff })
        .filter((cp) => cp < 0xd800 || cp > 0xdfff)
        .map((cp) => String.fromCodePoint(cp))
        .filter((c) => !/^[\w+=,.@-]$/.test(c));
      fc.assert(
        fc.property(userNameArb, badChar, userNameArb, (a, bad, b) => {
          const name = a.slice(0, 20) + bad + b.slice(0, 20);
          const r = validateUserName(name);
          assert.equal(r.ok, false);
          if (!/^\s/.test(name) && !/\s$/.test(name)) {
            assert.ok(
              refusalReason(r).includes(`(position ${Array.from(a.slice(0, 20)).length + 1})`),
              `${JSON.stringify(name)} → ${refusalReason(r)}`,
            );
          }
        }),
      );
    });

    it('says so when a space is at either end instead of trimming it', () => {
      assert.equal(refusalReason(validateUserName(' bob')), "User names can't begin with a space (position 1).");
      assert.equal(refusalReason(validateUserName('bob ')), "User names can't end with a space (position 4).");
      assert.match(refusalReason(validateUserName('bob\n')), /can't end with a line break/);
    });

    it('limits the length to 64 and says how long it was', () => {
      assert.equal(
        refusalReason(validateUserName('x'.repeat(70))),
        'User names are at most 64 characters (this one has 70).',
      );
      assert.equal(validateUserName('x'.repeat(65)).ok, false);
    });

    it('rejects the empty string and non-strings', () => {
      assert.equal(refusalReason(validateUserName('')), 'Enter a user name.');
      assert.equal(validateUserName(42 as unknown as string).ok, false);
    });
  });

  describe('validateAccessKeyId', () => {
    const upperAlnum = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567890'.split('')), minLength: 16, maxLength: 16 });

    it('accepts AKIA/ASIA + 16 upper-case letters or digits', () => {
      fc.assert(
        fc.property(fc.constantFrom('AKIA', 'ASIA'), upperAlnum, (p, rest) => {
          assert.deepEqual(validateAccessKeyId(p + rest), { ok: true, value: p + rest });
        }),
      );
      assert.equal(validateAccessKeyId('AKIAIOSFODNN7EXAMPLE').ok, true);
    });

    it('gives the AKIA/ASIA length rule when the length is wrong', () => {
      assert.equal(
        refusalReason(validateAccessKeyId('AKIAIOSFODNN7EXAMPL')),
        'Access key IDs are 20 characters: AKIA or ASIA and 16 letters or digits (this one has 19).',
      );
      assert.match(refusalReason(validateAccessKeyId('ASIAIOSFODNN7EXAMPLE1')), /this one has 21/);
      // even though 16 ≤ length ≤ 128 would satisfy IAM's bare pattern
      assert.match(refusalReason(validateAccessKeyId('AKIA' + 'A'.repeat(30))), /this one has 34/);
    });

    it('explains lower case without changing the value', () => {
      const r = refusalReason(validateAccessKeyId('akiaiosfodnn7example'));
      assert.match(r, /upper case \(found "a" at position 1\)/);
      assert.match(r, /did you mean AKIAIOSFODNN7EXAMPLE\?/);
      assert.match(refusalReason(validateAccessKeyId('AKIAIOSFODNn7EXAMPLE')), /found "n" at position 12/);
    });

    it('rejects underscores inside AKIA ids', () => {
      assert.match(refusalReason(validateAccessKeyId('AKIAIOSFODNN7EXAMPL_')), /"_" at position 20/);
    });

    it('accepts other [\\w]{16,128} ids, as IAM does', () => {
      const word = fc.string({ unit: fc.constantFrom(...'abcXYZ019_'.split('')), minLength: 16, maxLength: 128 });
      fc.assert(
        fc.property(word, (id) => {
          fc.pre(!/^(akia|asia)/i.test(id));
          assert.deepEqual(validateAccessKeyId(id), { ok: true, value: id });
        }),
      );
    });

    it('applies IAM’s 16–128 length to other ids', () => {
      assert.equal(
        refusalReason(validateAccessKeyId('LKIA12345')),
        'Access key IDs are at least 16 characters (this one has 9).',
      );
      assert.equal(
        refusalReason(validateAccessKeyId('L'.repeat(129))),
        'Access key IDs are at most 128 characters (this one has 129).',
      );
      assert.equal(validateAccessKeyId('L'.repeat(128)).ok, true);
      assert.equal(validateAccessKeyId('L'.repeat(16)).ok, true);
    });

    it('names bad characters and edge whitespace', () => {
      assert.equal(
        refusalReason(validateAccessKeyId('AKIA-IOSFODNN7EXAMPLE')),
        'Access key IDs can\'t contain "-" (position 5). Allowed: letters, digits and _',
      );
      assert.match(refusalReason(validateAccessKeyId('AKIAIOSFODNN7EXAMPLE ')), /can't end with a space \(position 21\)/);
      assert.match(refusalReason(validateAccessKeyId(' AKIAIOSFODNN7EXAMPLE')), /can't begin with a space/);
      assert.equal(refusalReason(validateAccessKeyId('')), 'Enter an access key ID.');
    });
  });

  describe('parseBoundedInteger / parsePageSize', () => {
    it('passes integers in range through without a warning', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 1000 }), (n) => {
          assert.deepEqual(parsePageSize(n), { value: n });
        }),
      );
    });

    it('always returns an integer in range, and warns exactly when it changed the value', () => {
      fc.assert(
        fc.property(fc.oneof(fc.double(), fc.integer(), fc.anything()), (v) => {
          const r = parsePageSize(v);
          assert.ok(Number.isInteger(r.value) && r.value >= 1 && r.value <= 1000, String(r.value));
          assert.equal(r.warning === undefined, v === undefined || v === r.value);
        }),
      );
    });

    it('clamps with a warning that names the setting and both values', () => {
      assert.deepEqual(parsePageSize(5000), {
        value: 1000,
        warning: 'iamKeys.pageSize must be from 1 to 1000; using 1000 instead of 5000.',
      });
      assert.deepEqual(parsePageSize(0).value, 1);
      assert.deepEqual(parsePageSize(-3).value, 1);
      assert.equal(parsePageSize(Infinity).value, 1000);
      assert.equal(parsePageSize(-Infinity).value, 1);
    });

    it('rounds fractions', () => {
      assert.deepEqual(parsePageSize(2.5), {
        value: 3,
        warning: 'iamKeys.pageSize must be a whole number; using 3 instead of 2.5.',
      });
      assert.equal(parsePageSize(99.4).value, 99);
      assert.match(parsePageSize(5000.5).warning ?? '', /from 1 to 1000; using 1000 instead of 5000\.5/);
    });

    it('falls back to the default for non-numbers, naming the bad value', () => {
      assert.deepEqual(parsePageSize('50'), {
        value: 100,
        warning: 'iamKeys.pageSize must be a whole number from 1 to 1000, not "50"; using 100.',
      });
      assert.match(parsePageSize(NaN).warning ?? '', /not NaN; using 100/);
      assert.match(parsePageSize(null).warning ?? '', /not null/);
      assert.match(parsePageSize({ a: 1 }).warning ?? '', /not \{"a":1\}/);
      assert.match(parsePageSize(true).warning ?? '', /not true/);
      assert.deepEqual(parsePageSize(undefined), { value: 100 });
    });

    it('works for other settings and never yields -0', () => {
      const spec = { min: 0, max: 86400, default: 300, name: 'iamKeys.hover.cacheSeconds' };
      assert.deepEqual(parseBoundedInteger(600, spec), { value: 600 });
      const r = parseBoundedInteger(-0.2, spec);
      assert.ok(Object.is(r.value, 0));
      assert.match(parseBoundedInteger('x', spec).warning ?? '', /^iamKeys\.hover\.cacheSeconds .* using 300\.$/);
    });

    it('refuses inconsistent specs', () => {
      assert.throws(() => parseBoundedInteger(1, { min: 5, max: 1, default: 3, name: 'n' }), RangeError);
      assert.throws(() => parseBoundedInteger(1, { min: 1, max: 5, default: 9, name: 'n' }), RangeError);
    });

    it('describes odd values briefly and safely', () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      assert.equal(describeValue(cyclic), 'an object');
      assert.equal(describeValue('x'.repeat(100)).length, 58);
      assert.equal(describeValue(Symbol('s')), 'a symbol');
      assert.equal(describeValue(10n), '10');
    });
  });

  describe('validateEndpoint', () => {
    it('treats empty as "no override"', () => {
      assert.deepEqual(validateEndpoint(''), { ok: true, value: '' });
    });

    it('accepts https anywhere and returns the value unchanged', () => {
      for (const url of [
        'https://iam.amazonaws.com',
        'https://iam.us-gov.amazonaws.com/',
        'https://localhost.localstack.cloud:4566',
        'HTTPS://Example.com:8443/base',
      ]) {
        assert.deepEqual(validateEndpoint(url), { ok: true, value: url });
      }
    });

    it('accepts http only on loopback', () => {
      for (const url of ['http://localhost:4566', 'http://127.0.0.1:5000', 'http://127.10.20.30', 'http://[::1]:4566/', 'http://LOCALHOST']) {
        assert.equal(validateEndpoint(url).ok, true, url);
      }
      for (const url of ['http://iam.amazonaws.com', 'http://10.0.0.5:4566', 'http://128.0.0.1', 'http://localhost.evil.com', 'http://[::2]', 'http://0.0.0.0:4566']) {
        assert.equal(
          refusalReason(validateEndpoint(url)),
          `iamKeys.endpoint must be https://, or http:// on this machine (localhost/127.0.0.1). Got "${url}"`,
        );
      }
    });

    it('rejects other schemes and things that are not URLs', () => {
      assert.match(refusalReason(validateEndpoint('ftp://localhost')), /must be https:\/\//);
      assert.match(refusalReason(validateEndpoint('iam.amazonaws.com')), /must be https:\/\//);
      assert.match(refusalReason(validateEndpoint('https:iam.amazonaws.com')), /must be https:\/\//);
      assert.match(refusalReason(validateEndpoint('https://')), /not a valid URL/);
      assert.match(refusalReason(validateEndpoint('https://exa mple.com')), /spaces/);
      assert.match(refusalReason(validateEndpoint('http:\\\\localhost')), /backslashes/);
    });

    it('rejects credentials without echoing them', () => {
      const r = refusalReason(validateEndpoint('https://admin:hunter2@iam.example.com'));
      assert.match(r, /user name or password/);
      assert.ok(!r.includes('hunter2'));
      assert.equal(validateEndpoint('http://user@localhost:4566').ok, false);
    });

    it('rejects queries and fragments', () => {
      assert.match(refusalReason(validateEndpoint('https://iam.example.com/?x=1')), /query/);
      assert.match(refusalReason(validateEndpoint('https://iam.example.com/?')), /query/);
      assert.match(refusalReason(validateEndpoint('https://iam.example.com/#top')), /fragment/);
    });

    it('knows the loopback hosts', () => {
      assert.equal(isLoopbackHost('127.255.255.254'), true);
      assert.equal(isLoopbackHost('[::1]'), true);
      assert.equal(isLoopbackHost('127.0.0.1.nip.io'), false);
      assert.equal(isLoopbackHost('localhost'), true);
    });
  });

  describe('validateProfileName', () => {
    it('is permissive about ordinary characters', () => {
      for (const name of ['default', 'dev', 'prod-admin', 'team/ops', 'a.b@c+d=e,f', 'sso:org%1', 'ünïcode']) {
        assert.deepEqual(validateProfileName(name), { ok: true, value: name });
      }
    });

    it('rejects empty, whitespace, brackets, quotes and line breaks', () => {
      assert.equal(refusalReason(validateProfileName('')), 'Enter a profile name.');
      assert.match(refusalReason(validateProfileName('my profile')), /a space \(position 3\)/);
      assert.match(refusalReason(validateProfileName(' dev')), /begin with a space/);
      assert.match(refusalReason(validateProfileName('dev]')), /"\]" \(position 4\)/);
      assert.match(refusalReason(validateProfileName('[dev')), /"\[" \(position 1\)/);
      assert.match(refusalReason(validateProfileName('a"b')), /"""/);
      assert.match(refusalReason(validateProfileName('a\nb')), /a line break/);
      assert.equal(validateProfileName('__proto__').ok, false);
    });

    it('accepts exactly the strings without forbidden characters', () => {
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 20, unit: 'binary' }), (s) => {
          const forbidden = /[\s\u0000-\u001f\u007f-\u009f[\]"']/.test(s) || s === '__proto__';
          assert.equal(validateProfileName(s).ok, !forbidden, JSON.stringify(s));
        }),
      );
    });

    it('tells which names the JS SDK reads from ~/.aws/config', () => {
      assert.equal(isConfigFileProfileName('team/ops-1'), true);
      assert.equal(isConfigFileProfileName('a=b'), false);
      assert.equal(isConfigFileProfileName('a,b'), false);
    });
  });
});
