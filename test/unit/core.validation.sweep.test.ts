// Refusals a user reads when typing a user name, key ID, profile name or endpoint, and the
// warnings for odd settings values. Issue #27: the whole-file Stryker sweep of
// src/core/validation.ts left these unchecked: how unusual characters are named, non-text
// input, inconsistent setting bounds, a password in a refused endpoint, empty fragments.
import assert from 'node:assert/strict';
import { requestAllowed } from '../../src/aws/endpointRule';
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


const ENDPOINT_RULE = 'iamKeys.endpoint must be https://, or http:// on this machine (localhost/127.0.0.1). Got ';

describe('core/validation (sweep)', () => {
  describe('naming a character the user cannot see', () => {
    it('calls CR and the Unicode line and paragraph separators a line break', () => {
      const expected = "User names can't contain a line break (position 2). Allowed: letters, digits and + = , . @ _ -";
      assert.equal(refusalReason(validateUserName('a\rb')), expected);
      assert.equal(refusalReason(validateUserName('a\u2028b')), expected);
      assert.equal(refusalReason(validateUserName('a\u2029b')), expected);
    });

    it('calls U+00A0 a non-breaking space', () => {
      assert.equal(refusalReason(validateProfileName('my\u00a0dev')), "Profile names can't contain a non-breaking space (position 3).");
    });

    it('names DEL, the last C1 control and lone surrogates by code point, never raw', () => {
      assert.match(refusalReason(validateUserName('a\u007f')), /can't contain U\+007F \(position 2\)/);
      assert.match(refusalReason(validateUserName('a\u009f')), /can't contain U\+009F \(position 2\)/);
      assert.match(refusalReason(validateUserName('a\ud800')), /can't contain U\+D800 \(position 2\)/);
      assert.match(refusalReason(validateUserName('a\udfff')), /can't contain U\+DFFF \(position 2\)/);
      assert.match(refusalReason(validateUserName('a\udbffb')), /can't contain U\+DBFF \(position 2\)/);
      // just outside the ranges: shown as the character itself
      assert.match(refusalReason(validateUserName('a\u00a1')), /can't contain "\u00a1" \(position 2\)/);
    });
  });

  describe('text only', () => {
    it('refuses a key ID, profile name or endpoint that is not text, without throwing', () => {
      assert.deepEqual(validateAccessKeyId(42 as unknown as string), { ok: false, reason: 'Access key IDs must be text.' });
      assert.deepEqual(validateProfileName(42 as unknown as string), { ok: false, reason: 'Profile names must be text.' });
      assert.deepEqual(validateEndpoint(42 as unknown as string), { ok: false, reason: 'iamKeys.endpoint must be text.' });
    });
  });

  describe('profile names', () => {
    it('says where trailing whitespace is', () => {
      assert.equal(refusalReason(validateProfileName('dev ')), "Profile names can't end with a space (position 4).");
      assert.equal(refusalReason(validateProfileName('dev\t')), "Profile names can't end with a tab (position 4).");
    });

    it('never calls __proto__ readable from ~/.aws/config', () => {
      assert.equal(isConfigFileProfileName('__proto__'), false);
      assert.equal(isConfigFileProfileName('__proto'), true);
    });
  });

  describe('describeValue', () => {
    it('writes undefined and functions as words', () => {
      assert.equal(describeValue(undefined), 'undefined');
      assert.equal(describeValue(() => 1), 'a function');
      assert.equal(parsePageSize(() => 1).warning, 'iamKeys.pageSize must be a whole number from 1 to 1000, not a function; using 100.');
    });

    it('writes an array it cannot serialise as "an array"', () => {
      const cyclic: unknown[] = [];
      cyclic.push(cyclic);
      assert.equal(describeValue(cyclic), 'an array');
    });

    it('keeps a value of exactly 60 characters whole and shortens one of 61', () => {
      assert.equal(describeValue('x'.repeat(58)), `"${'x'.repeat(58)}"`);
      assert.equal(describeValue('x'.repeat(59)), `"${'x'.repeat(56)}…`);
    });
  });

  describe('parseBoundedInteger specs', () => {
    it('refuses fractional bounds or defaults, whichever one it is', () => {
      assert.throws(() => parseBoundedInteger(3, { min: 1.5, max: 5, default: 3, name: 'n' }), { name: 'RangeError', message: 'Bad bounds for n: min 1.5, max 5, default 3' });
      assert.throws(() => parseBoundedInteger(3, { min: 1, max: 5.5, default: 3, name: 'n' }), { name: 'RangeError', message: 'Bad bounds for n: min 1, max 5.5, default 3' });
      assert.throws(() => parseBoundedInteger(3, { min: 1, max: 5, default: 2.5, name: 'n' }), { name: 'RangeError', message: 'Bad bounds for n: min 1, max 5, default 2.5' });
    });

    it('refuses a default below the minimum, saying so', () => {
      assert.throws(() => parseBoundedInteger(3, { min: 1, max: 5, default: 0, name: 'n' }), { name: 'RangeError', message: 'Default 0 for n is outside 1–5' });
    });

    it('never yields -0 where the range holds negatives', () => {
      const spec = { min: -5, max: 5, default: 0, name: 'n' };
      assert.ok(Object.is(parseBoundedInteger(-0, spec).value, 0));
      const r = parseBoundedInteger(-0.3, spec);
      assert.ok(Object.is(r.value, 0));
      assert.equal(r.warning, 'n must be a whole number; using 0 instead of -0.3.');
    });
  });

  describe('endpoints', () => {
    it('counts a bare ::1 as this machine, as the request check sees it', () => {
      assert.equal(isLoopbackHost('::1'), true);
      assert.equal(requestAllowed('http:', '::1'), true);
      assert.equal(isLoopbackHost('::2'), false);
    });

    it('hides a password in a malformed endpoint it echoes back', () => {
      assert.equal(refusalReason(validateEndpoint('https:/admin:hunter2@iam.example.com')), `${ENDPOINT_RULE}"https:/…@iam.example.com"`);
      assert.equal(
        refusalReason(validateEndpoint('https://admin:hunter2@iam.example.com /')),
        'iamKeys.endpoint can\'t contain spaces, control characters or backslashes. Got "https://…@iam.example.com /"',
      );
    });

    it('wants the scheme at the very start', () => {
      assert.equal(refusalReason(validateEndpoint('iam.example.com/https://x')), `${ENDPOINT_RULE}"iam.example.com/https://x"`);
      assert.equal(refusalReason(validateEndpoint('1https://iam.example.com')), `${ENDPOINT_RULE}"1https://iam.example.com"`);
    });

    it('refuses a password given without a user name', () => {
      assert.deepEqual(validateEndpoint('https://:hunter2@iam.example.com'), {
        ok: false,
        reason: 'iamKeys.endpoint must not contain a user name or password (user:pass@host).',
      });
    });

    it('refuses an empty fragment, which the URL parser drops', () => {
      assert.equal(refusalReason(validateEndpoint('https://iam.example.com/#')), 'iamKeys.endpoint can\'t have a fragment (#…). Got "https://iam.example.com/#"');
    });
  });
});
