// Listed users and keys keep their fields compact (#22 memory) and still read back as IAM gave
// them: dates to the millisecond, the ARN whether or not it is head + path + name.
import * as assert from 'assert/strict';
import { ListedAccessKey, ListedUser } from '../../src/aws/sdk/listedRecords';
import type { AccessKeyStatus } from '../../src/core/types';

describe('listed records: compact fields read back as IAM gave them', () => {
  it('a user\'s ARN, path, name and dates come back as given', () => {
    const created = new Date('2019-03-04T05:06:07Z'); // before the packing base, whole seconds
    const used = new Date('2026-11-30T23:59:59Z');
    const user = new ListedUser('bob', 'AIDAEXAMPLE000000001', 'arn:aws:iam::123456789012:user/dev/team/bob', '/dev/team/', created, used);
    assert.equal(user.Arn, 'arn:aws:iam::123456789012:user/dev/team/bob');
    assert.equal(user.Path, '/dev/team/');
    assert.equal(user.CreateDate.toISOString(), '2019-03-04T05:06:07.000Z');
    assert.equal(user.PasswordLastUsed?.toISOString(), '2026-11-30T23:59:59.000Z');
    assert.deepEqual(JSON.parse(JSON.stringify(user)), {
      UserName: 'bob',
      UserId: 'AIDAEXAMPLE000000001',
      Arn: 'arn:aws:iam::123456789012:user/dev/team/bob',
      Path: '/dev/team/',
      CreateDate: '2019-03-04T05:06:07.000Z',
      PasswordLastUsed: '2026-11-30T23:59:59.000Z',
    });
  });

  it('an ARN that is not head + path + name is kept whole', () => {
    const odd = new ListedUser('bob', 'AIDAEXAMPLE000000001', 'arn:aws:iam::123456789012:user/other/alice', '/dev/', new Date(0), undefined);
    assert.equal(odd.Arn, 'arn:aws:iam::123456789012:user/other/alice');
    const bare = new ListedUser('bob', 'AIDAEXAMPLE000000001', 'bob', '', new Date(0), undefined);
    assert.equal(bare.Arn, 'bob');
    assert.equal(bare.PasswordLastUsed, undefined);
  });

  it('two users of an account share one ARN head, each ARN still its own', () => {
    const a = new ListedUser('a', 'AIDA1', 'arn:aws:iam::111122223333:user/a', '/', new Date(0), undefined);
    const b = new ListedUser('b', 'AIDA2', 'arn:aws:iam::111122223333:user/ops/b', '/ops/', new Date(0), undefined);
    assert.deepEqual([a.Arn, b.Arn], ['arn:aws:iam::111122223333:user/a', 'arn:aws:iam::111122223333:user/ops/b']);
  });

  it('dates keep their milliseconds, and dates far from 2020 (1970, 1985, 2100) come back exact', () => {
    for (const iso of ['2024-05-06T07:08:09.123Z', '1970-01-01T00:00:00.000Z', '2100-12-31T23:59:59.999Z', '2020-01-01T00:00:00.001Z', '1985-07-31T08:10:00.314Z']) {
      const key = ListedAccessKey.of('bob', 'AKIAEXAMPLE000000001', 'Active', new Date(iso));
      assert.equal(key.CreateDate.toISOString(), iso);
    }
  });

  it('a fresh Date each read: changing one does not change the record', () => {
    const key = ListedAccessKey.of('bob', 'AKIAEXAMPLE000000001', 'Active', new Date('2024-01-01T00:00:00Z'));
    key.CreateDate.setFullYear(1999);
    assert.equal(key.CreateDate.toISOString(), '2024-01-01T00:00:00.000Z');
  });

  it('a key\'s status reads back for each status IAM gives, a status it may add later too', () => {
    for (const status of ['Active', 'Inactive', 'Expired', 'Retired'] as AccessKeyStatus[]) {
      const key = ListedAccessKey.of('bob', 'AKIAEXAMPLE000000001', status, new Date('2024-01-01T00:00:00Z'));
      assert.equal(key.Status, status);
      assert.equal(key.toJSON().Status, status);
    }
  });
});
