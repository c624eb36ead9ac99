// Whole-file sweep (issue #27) of the credentials file reader: keys under a section the AWS SDK
// skips ("[]", "[other x]") belong to no profile, so no profile is said to hold them.
import * as assert from 'node:assert/strict';
import { profilesHoldingKey, readProfileKeys } from '../../src/core/credentialsFile';

describe('credentials file: sections the SDK skips (sweep)', () => {
  it('keys under "[]" or "[other x]" are no profile\'s: no profile holds that key', () => {
    const text = '[]\naws_access_key_id = AKIASKIPPED1\naws_secret_access_key = s1\n[other x]\naws_access_key_id = AKIASKIPPED1\naws_secret_access_key = s1\n[dev]\naws_access_key_id = AKIADEV1\naws_secret_access_key = d1\n';
    assert.deepEqual(profilesHoldingKey(text, 'AKIASKIPPED1'), []);
    assert.deepEqual(profilesHoldingKey(text, 'AKIADEV1'), ['dev']);
    const onlyEmptySection = '[]\naws_access_key_id = AKIASKIPPED1\naws_secret_access_key = s1\n';
    assert.deepEqual(profilesHoldingKey(onlyEmptySection, 'AKIASKIPPED1'), []);
    const onlyOtherSection = '[other x]\naws_access_key_id = AKIASKIPPED1\naws_secret_access_key = s1\n';
    assert.deepEqual(profilesHoldingKey(onlyOtherSection, 'AKIASKIPPED1'), []);
  });

  it('profilesHoldingKey lists the profiles holding the key in file order, and only those', () => {
    const text = '[b]\nregion = x\naws_access_key_id = AKIA1\naws_secret_access_key = s\n[a]\naws_access_key_id = AKIA1\naws_secret_access_key = s\n[c]\naws_access_key_id = AKIA2\naws_secret_access_key = s\n';
    assert.deepEqual(profilesHoldingKey(text, 'AKIA1'), ['b', 'a']);
    assert.deepEqual(profilesHoldingKey(text, 'AKIA2'), ['c']);
    assert.deepEqual(profilesHoldingKey(text, 'AKIA3'), []);
  });

  it('keys before the first section are no profile\'s', () => {
    const text = 'aws_access_key_id = AKIATOP1\naws_secret_access_key = top\n[dev]\nregion = eu-west-1\n';
    assert.deepEqual(profilesHoldingKey(text, 'AKIATOP1'), []);
    assert.deepEqual(readProfileKeys(text, 'dev'), { ok: false, reason: '[dev] in the credentials file has no aws_access_key_id.' });
  });
});
