// Export files: every column of the table in both formats, CSV quoting and formula defusing.
import * as assert from 'assert/strict';
import { toCsv, toExportJson, type ExportRow } from '../../src/core/exportFormat';

const rows: ExportRow[] = [
  {
    profile: 'dev',
    account: '123456789012',
    key: { UserName: 'alice', AccessKeyId: 'AKIAALICE00000000001', Status: 'Active', CreateDate: new Date('2024-01-02T03:04:05Z') },
    lastUsed: { UserName: 'alice', LastUsedDate: new Date('2024-05-06T07:08:09Z'), ServiceName: 's3', Region: 'eu-west-1' },
  },
  {
    profile: '',
    account: '123456789012',
    key: { UserName: '=cmd,"x"', AccessKeyId: 'AKIABOB0000000000002', Status: 'Inactive', CreateDate: new Date('2023-12-31T23:59:59Z') },
    lastUsed: { UserName: '=cmd', ServiceName: 'N/A', Region: 'N/A' },
  },
];

describe('export format', () => {
  it('writes CSV with every column, last use empty when never used, names quoted and defused', () => {
    assert.equal(
      toCsv(rows),
      'Profile,Account,UserName,AccessKeyId,Status,CreateDate,LastUsedDate,LastUsedService,LastUsedRegion\r\n' +
        'dev,123456789012,alice,AKIAALICE00000000001,Active,2024-01-02T03:04:05Z,2024-05-06T07:08:09Z,s3,eu-west-1\r\n' +
        `,123456789012,"'=cmd,""x""",AKIABOB0000000000002,Inactive,2023-12-31T23:59:59Z,,,\r\n`,
    );
  });

  it('writes JSON with the same columns as keys', () => {
    const parsed = JSON.parse(toExportJson(rows)) as { AccessKeys: Array<Record<string, string>> };
    assert.deepEqual(parsed.AccessKeys[0], {
      Profile: 'dev',
      Account: '123456789012',
      UserName: 'alice',
      AccessKeyId: 'AKIAALICE00000000001',
      Status: 'Active',
      CreateDate: '2024-01-02T03:04:05Z',
      LastUsedDate: '2024-05-06T07:08:09Z',
      LastUsedService: 's3',
      LastUsedRegion: 'eu-west-1',
    });
    assert.equal(parsed.AccessKeys[1]?.LastUsedDate, '');
  });
});
