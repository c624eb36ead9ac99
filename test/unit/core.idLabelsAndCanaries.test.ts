// ID kinds a user reads in a hover ("IAM user group", ...), non-text input to the ID finder, and
// the canary-token accounts in the middle of the published look-alike list. Issue #27: seeded
// Stryker sample 1206 left these labels, the non-text guard and three list entries unchecked.
import * as assert from 'node:assert/strict';
import { describeIdKind, findAccessKeyIds } from '../../src/core/accessKeyIds';
import { canaryToken } from '../../src/core/canaryAccounts';
import { keyIdOfAccount } from '../support/keyIdOfAccount';

describe('ID kind labels and canary accounts (sample 1206)', () => {
  it('names groups, public keys and STS bearer tokens as the IAM documentation does', () => {
    assert.equal(describeIdKind('group'), 'IAM user group');
    assert.equal(describeIdKind('public-key'), 'Public key');
    assert.equal(describeIdKind('bearer-token'), 'AWS STS service bearer token');
  });

  it('finds no ID in a value that is not text, even one whose string form holds an ID', () => {
    const bytes = Buffer.from('AKIAIOSFODNN7EXAMPLE');
    assert.deepEqual(findAccessKeyIds(bytes as unknown as string), []);
  });

  it('names keys of look-alike canary accounts listed mid-list as canary tokens', () => {
    for (const account of ['251535659677', '637958123769', '732624840810']) {
      assert.deepEqual(canaryToken(keyIdOfAccount(account)), { account, provider: 'canarytokens.org look-alike' }, account);
    }
  });
});
