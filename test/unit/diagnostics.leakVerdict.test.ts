// Severity and message of a leaked credential from what the owner lookup knows (hand-written
// expectations: the wording the Problems view shows).
import * as assert from 'assert/strict';
import type { KeyInfo } from '../../src/aws/keyInfo';
import { accessKeyVerdict, secretVerdict } from '../../src/features/diagnostics/leakVerdict';

const NOW = new Date('2026-06-10T12:00:00Z');
const ID = 'AKIAQWERTYUIOPASDFGH';
const key = (Status: 'Active' | 'Inactive') => ({ UserName: 'alice', AccessKeyId: ID, Status, CreateDate: new Date('2026-01-01T00:00:00Z') });
const found = (Status: 'Active' | 'Inactive', LastUsedDate?: Date): KeyInfo => ({
  kind: 'found', accessKeyId: ID, account: '123456789012', profile: 'dev', userName: 'alice', root: false, key: key(Status),
  lastUsed: { UserName: 'alice', LastUsedDate, ServiceName: 's3', Region: 'us-east-1' },
});

describe('leakVerdict: how serious a leaked credential is', () => {
  it('an Active key of an account you can see is an Error naming owner, account and last use', () => {
    assert.deepEqual(accessKeyVerdict(ID, found('Active', new Date('2026-06-08T09:00:00Z')), NOW), {
      severity: 'error', status: 'Active', account: '123456789012', userName: 'alice', message: 'Active access key of alice in 123456789012, last used 2 days ago',
    });
    assert.equal(accessKeyVerdict(ID, found('Active'), NOW).message, 'Active access key of alice in 123456789012, never used');
  });

  it('an Inactive key is a Warning', () => {
    const v = accessKeyVerdict(ID, found('Inactive', new Date('2026-06-10T08:00:00Z')), NOW);
    assert.deepEqual([v.severity, v.status, v.message], ['warning', 'Inactive', 'Inactive access key of alice in 123456789012, last used today']);
  });

  it('a root key is an Error naming the root user', () => {
    const info: KeyInfo = { kind: 'found', accessKeyId: ID, account: '123456789012', profile: '', userName: '', root: true, key: { ...key('Active'), UserName: undefined } as never };
    const v = accessKeyVerdict(ID, info, NOW);
    assert.deepEqual([v.severity, v.userName, v.message], ['error', 'root', 'Active access key of the root user in 123456789012']);
  });

  it('a deleted key is a Hint', () => {
    const v = accessKeyVerdict(ID, { kind: 'not-found', accessKeyId: ID, account: '123456789012' }, NOW);
    assert.deepEqual([v.severity, v.status, v.message], ['hint', 'not-found', 'Access key ID not found in 123456789012: deleted, or never existed']);
  });

  it("another account's key is Information naming that account", () => {
    const v = accessKeyVerdict(ID, { kind: 'other-account', accessKeyId: ID, account: '210987654321' }, NOW);
    assert.deepEqual([v.severity, v.account, v.message], ['information', '210987654321', 'Access key ID of account 210987654321, which none of your profiles can see']);
  });

  it('not looked up (limit, no connection): Information with the account the ID carries', () => {
    // ASIAY34FZKBOKMUTVV7A carries 609629065308 (see core.accountFromKeyId.test).
    const id = 'ASIAY34FZKBOKMUTVV7A';
    assert.equal(accessKeyVerdict(id, { kind: 'limit-reached', accessKeyId: id, retryInMs: 5000 }, NOW).message, 'Access key ID of account 609629065308 (lookup limit reached)');
    assert.equal(accessKeyVerdict(id, undefined, NOW).severity, 'information');
    assert.equal(accessKeyVerdict('AKIAIOSFODNN7EXAMPLE', { kind: 'no-connection', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' }, NOW).message, 'Access key ID (not looked up)');
  });

  it('a secret is an Error whose message names where it was, never what it is', () => {
    assert.deepEqual(secretVerdict('aws_secret_access_key'), {
      severity: 'error', message: 'Secret access key in a file (aws_secret_access_key): deactivate the key, make a new one, and keep secrets out of files',
    });
  });

  describe('a secret paired with the key ID beside it', () => {
    const paired = (info: KeyInfo) => secretVerdict('aws_secret_access_key', undefined, { accessKeyId: ID, verdict: accessKeyVerdict(ID, info, NOW) });

    it('of an Active key: an Error naming the key, its owner and account', () => {
      assert.deepEqual(paired(found('Active')), {
        severity: 'error', accessKeyId: ID, account: '123456789012', userName: 'alice', status: 'Active',
        message: 'Secret access key of AKIAQWERTYUIOPASDFGH, an Active key of alice in 123456789012, in a file (aws_secret_access_key): deactivate the key, make a new one, and keep secrets out of files',
      });
    });

    it('of an Inactive key: a Warning', () => {
      const v = paired(found('Inactive'));
      assert.deepEqual([v.severity, v.status, v.message], ['warning', 'Inactive', 'Secret access key of AKIAQWERTYUIOPASDFGH, an Inactive key of alice in 123456789012, in a file (aws_secret_access_key): delete the key, and keep secrets out of files']);
    });

    it('of a deleted key: a Hint', () => {
      const v = paired({ kind: 'not-found', accessKeyId: ID, account: '123456789012' });
      assert.deepEqual([v.severity, v.status, v.message], ['hint', 'not-found', 'Secret access key of AKIAQWERTYUIOPASDFGH, a key that no longer exists, in a file (aws_secret_access_key): remove it from the file']);
    });

    it("of another account's key, or one not looked up: still an Error, naming what is known", () => {
      const other = paired({ kind: 'other-account', accessKeyId: ID, account: '210987654321' });
      assert.deepEqual([other.severity, other.message], ['error', 'Secret access key of AKIAQWERTYUIOPASDFGH (account 210987654321) in a file (aws_secret_access_key): deactivate the key, make a new one, and keep secrets out of files']);
      const unknown = secretVerdict('SecretAccessKey', undefined, { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', verdict: accessKeyVerdict('AKIAIOSFODNN7EXAMPLE', undefined, NOW) });
      assert.deepEqual([unknown.severity, unknown.message], ['error', 'Secret access key of AKIAIOSFODNN7EXAMPLE in a file (SecretAccessKey): deactivate the key, make a new one, and keep secrets out of files']);
    });
  });
});
