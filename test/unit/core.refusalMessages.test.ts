// What a user reads when a value is refused, and which hosts count as this machine. Issue #27:
// seeded Stryker sample 1206 left these messages and the start anchor of the 127/8 check unchecked.
import * as assert from 'node:assert/strict';
import { assertLockHeld } from '../../src/core/credentialsFileLock';
import { ProfileExists } from '../../src/core/credentialsFileStore';
import { isLoopbackHost, validateEndpoint, validateProfileName, validateUserName } from '../../src/core/validation';

describe('refusal messages and loopback hosts (sample 1206)', () => {
  it('a user name that is not text is refused as such', () => {
    assert.deepEqual(validateUserName(42 as unknown as string), { ok: false, reason: 'User names must be text.' });
  });

  it('"__proto__" is refused as a profile name, named in the message', () => {
    assert.deepEqual(validateProfileName('__proto__'), { ok: false, reason: '"__proto__" can\'t be used as a profile name.' });
  });

  it('a host that only ends in a 127/8 address is not this machine', () => {
    assert.equal(isLoopbackHost('127.0.0.1'), true);
    assert.equal(isLoopbackHost('evil.127.0.0.1'), false);
    assert.equal(isLoopbackHost('127.0.0.1.evil.example'), false);
    assert.equal(validateEndpoint('http://evil.127.0.0.1:4566').ok, false);
  });

  it('an existing profile without keys is named without a key ID', () => {
    assert.equal(new ProfileExists('dev', undefined).message, 'the profile dev already exists');
  });

  it('a lost lock stops the write with a message naming the file', () => {
    assert.throws(() => assertLockHeld({ file: '/home/u/.aws/credentials', compromised: true }), {
      message: 'the lock on /home/u/.aws/credentials was lost; nothing was written',
    });
    assert.doesNotThrow(() => assertLockHeld({ file: '/home/u/.aws/credentials', compromised: false }));
  });
});
