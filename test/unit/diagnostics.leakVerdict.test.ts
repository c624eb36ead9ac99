// Severity and message of a leaked credential from what the owner lookup knows (hand-written
// expectations: the wording the Problems view shows).
import * as assert from 'assert/strict';
import type { KeyInfo } from '../../src/aws/keyInfo';
import { accessKeyVerdict, secretVerdict } from '../../src/diagnostics/leakVerdict';

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
});
