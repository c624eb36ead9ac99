import * as assert from 'assert/strict';
import { accountFromKeyId } from '../../src/core/accountFromKeyId';
import { makeAccessKeyId } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';

describe('accountFromKeyId: the account read from a key ID, no call', () => {
  // Published key IDs with the account STS GetAccessKeyInfo named for them; each was also
  // checked by hand (python3: base64.b32decode, int.from_bytes(x[:6], 'big') & 0x7fffffffff80 >> 7).
  //
  // ASIAY34FZKBOKMUTVV7A: Y 3 4 F Z K B O K M = 24 27 28 5 25 10 1 14 10 12
  //   = 11000 11011 11100 00101 11001 01010 00001 01110 01010 01100 (50 bits; first 48 =
  //   0xc6f85ca82e53); & 0x7fffffffff80 = 0x46f85ca82e00; >> 7 = 0x8df0b9505c = 609629065308.
  //   (Aidan Steele, "AWS Access Key ID formats", 2020; Tal Be'ery, "A short note on AWS KEY ID".)
  // ASIAVJ2E6QGR2WZILJFM: first 6 bytes 0xaa744f40d1d5 → 364679954851 (psanford/aws-account-id-from-key README).
  // AKIAV7S32T2OSBFJQOIY: first 6 bytes 0xafe5bd4f4e90 → 411435703965 (praetorian-inc/nebula test).
  // ASIAQAAAAAAAGMKEM7X5: first 6 bytes 0x800000000033 → 000000000000 (LocalStack's example).
  const KNOWN: ReadonlyArray<readonly [string, string]> = [
    ['ASIAY34FZKBOKMUTVV7A', '609629065308'],
    ['ASIAVJ2E6QGR2WZILJFM', '364679954851'],
    ['AKIAV7S32T2OSBFJQOIY', '411435703965'],
    ['ASIAQAAAAAAAGMKEM7X5', '000000000000'],
  ];

  for (const [id, account] of KNOWN) {
    it(`${id} → ${account}`, () => assert.equal(accountFromKeyId(id), account));
  }

  it('the last 6 characters do not change the account (they are not part of it)', () => {
    assert.equal(accountFromKeyId('ASIAY34FZKBOKMAAAAAA'), '609629065308');
    assert.equal(accountFromKeyId('ASIAY34FZKBOKM777777'), '609629065308');
  });

  it('old-format IDs (AKIAI…, AKIAJ…, the new-format bit clear) carry no account', () => {
    for (const id of ['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QHBDHBEXAMPLE', 'AKIAJXXXXXXXXXXXXXXX', 'ASIAJEXAMPLEXAMPLE22', 'AKIAEMULATORADMINKEY']) {
      assert.equal(accountFromKeyId(id), undefined, id);
    }
  });

  it('anything not shaped like a key ID gives undefined', () => {
    for (const id of ['', 'AKIA', 'asiay34fzkbokmutvv7a', 'ASIAY34FZKBOKMUTVV7', 'ASIAY34FZKBOKMUTVV7AA', 'ASIAY34FZKBOKMUTVV70', 'ASIAY34FZKBOKMUTVV1A', 'ASIAY34FZKB8KMUTVV7A', 'BSIAY34FZKBOKMUTVV7A']) {
      assert.equal(accountFromKeyId(id), undefined, JSON.stringify(id));
    }
    assert.equal(accountFromKeyId(42 as unknown as string), undefined);
  });

  it('reads back the account the local endpoint encoded in the keys it makes (its own encoder)', () => {
    const random = new SeededRandom(7);
    for (const account of ['123456789012', '000000000001', '609629065308', '999999999999', '549755813888']) {
      for (let i = 0; i < 20; i++) {
        const id = makeAccessKeyId(account, random, i % 2 ? 'ASIA' : 'AKIA');
        assert.equal(accountFromKeyId(id), account, id);
      }
    }
  });
});
