// accountFromKeyId edges the first tests left open: text around an ID, and values that only
// look like an ID once turned into a string.
import * as assert from 'assert/strict';
import { accountFromKeyId } from '../../src/core/accountFromKeyId';

describe('accountFromKeyId sweep: only a whole key ID string carries an account', () => {
  it('an ID with a character before its prefix is not a key ID (no account read from the shifted text)', () => {
    // ASIAY34FZKBOKMUTVV7A alone is account 609629065308 (see core.accountFromKeyId.test.ts).
    assert.equal(accountFromKeyId('XASIAY34FZKBOKMUTVV7A'), undefined);
    assert.equal(accountFromKeyId(' ASIAY34FZKBOKMUTVV7A'), undefined);
  });

  it('a non-string whose text is a key ID (an array parsed from JSON) gives undefined, not an account made of nothing', () => {
    assert.equal(accountFromKeyId(['ASIAY34FZKBOKMUTVV7A'] as unknown as string), undefined);
    assert.equal(accountFromKeyId({ toString: () => 'ASIAY34FZKBOKMUTVV7A' } as unknown as string), undefined);
  });
});
