// Every account of the canary-token lists (trufflehog's pkg/detectors/aws/access_keys/canary.go,
// thinkstCanaryList and thinkstKnockoffsCanaryList) is named from a key ID of that account, with
// its provider; neighbouring accounts, old-format IDs and no account at all are not. The IDs are
// built by an encoder written for the test from the published format.
import assert from 'node:assert/strict';
import { canaryProviderOfAccount, canaryToken } from '../../src/core/canaryAccounts';
import { keyIdOfAccount } from '../support/keyIdOfAccount';

const CANARYTOKENS_ORG = ['052310077262', '171436882533', '534261010715', '595918472158', '717712589309', '819147034852', '992382622183', '730335385048', '266735846894'];
const LOOK_ALIKES = [
  '044858866125', '251535659677', '344043088457', '351906852752', '390477818340', '426127672474', '427150556519', '439872796651',
  '445142720921', '465867158099', '637958123769', '693412236332', '732624840810', '735421457923', '959235150393', '982842642351',
];

describe('canary token accounts (sweep)', () => {
  it('names every canarytokens.org account from a key ID', () => {
    for (const account of CANARYTOKENS_ORG) assert.deepEqual(canaryToken(keyIdOfAccount(account)), { account, provider: 'canarytokens.org' }, account);
  });

  it('names every look-alike account from a key ID', () => {
    for (const account of LOOK_ALIKES) assert.deepEqual(canaryToken(keyIdOfAccount(account)), { account, provider: 'canarytokens.org look-alike' }, account);
  });

  it('names no other account, no old-format ID, and no missing account', () => {
    assert.equal(canaryToken(keyIdOfAccount('052310077263')), undefined);
    assert.equal(canaryToken(keyIdOfAccount('000000000000')), undefined);
    assert.equal(canaryToken('AKIAIOSFODNN7EXAMPLE'), undefined);
    assert.equal(canaryProviderOfAccount(undefined), undefined);
    assert.equal(canaryProviderOfAccount(''), undefined);
    assert.equal(canaryProviderOfAccount('982842642351'), 'canarytokens.org look-alike');
  });
});
