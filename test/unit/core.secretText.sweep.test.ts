// A held secret key reads "[redacted]" everywhere text is made of it (String, templates, JSON,
// util.inspect, toString) and gives its value only through reveal(); isSecretText tells one by
// its shape, so look-alikes that miss a part of the shape are not taken for one.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { isSecretText, SecretText } from '../../src/core/secretText';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('SecretText (sweep)', () => {
  it('reveal() gives the value; every other way of making text gives "[redacted]"', () => {
    const held = new SecretText(SECRET);
    assert.equal(held.reveal(), SECRET);
    assert.equal(String(held), '[redacted]');
    assert.equal(`${held}`, '[redacted]');
    assert.equal(held.toString(), '[redacted]');
    assert.equal(JSON.stringify({ secretAccessKey: held }), '{"secretAccessKey":"[redacted]"}');
    assert.equal(inspect({ secretAccessKey: held }), '{ secretAccessKey: [redacted] }');
    assert.equal(inspect(held), '[redacted]');
  });

  it('isSecretText: a SecretText, and nothing that lacks part of its shape', () => {
    assert.equal(isSecretText(new SecretText(SECRET)), true);
    assert.equal(isSecretText(null), false);
    assert.equal(isSecretText(undefined), false);
    assert.equal(isSecretText('[redacted]'), false);
    assert.equal(isSecretText(SECRET), false);
    // Says "[redacted]" but cannot reveal.
    assert.equal(isSecretText({ toString: () => '[redacted]' }), false);
    assert.equal(isSecretText({ reveal: 'x', toString: () => '[redacted]' }), false);
    // Can reveal but prints itself: a plain credentials object, not a held secret.
    assert.equal(isSecretText({ reveal: () => SECRET }), false);
    // A function with both parts is still not an object holding a secret.
    const lookalike = Object.assign(() => SECRET, { reveal: () => SECRET, toString: () => '[redacted]' });
    assert.equal(isSecretText(lookalike), false);
  });
});
