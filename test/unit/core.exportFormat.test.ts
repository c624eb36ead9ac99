// Export files: every column of the table in both formats, CSV quoting and formula defusing,
// and each key's findings with the controls they name.
import * as assert from 'assert/strict';
import { ORG_EXPORT_COLUMNS, toCsv, toExportJson, type ExportRow } from '../../src/core/exportFormat';
import { assessAccessKey } from '../../src/core/keyHealth';
import type { AccessKey, AccessKeyLastUsed } from '../../src/core/types';

const NOW = new Date('2024-06-01T00:00:00Z');
const alice: AccessKey = { UserName: 'alice', AccessKeyId: 'AKIAALICE00000000001', Status: 'Active', CreateDate: new Date('2024-01-02T03:04:05Z') };
const aliceUsed: AccessKeyLastUsed = { UserName: 'alice', LastUsedDate: new Date('2024-05-06T07:08:09Z'), ServiceName: 's3', Region: 'eu-west-1' };
const carol: AccessKey = { UserName: 'carol', AccessKeyId: 'AKIACAROL00000000003', Status: 'Active', CreateDate: new Date('2023-01-01T00:00:00Z') };
const carolUsed: AccessKeyLastUsed = { UserName: 'carol', ServiceName: 'N/A', Region: 'N/A' };

const rows: ExportRow[] = [
  {
    profile: 'dev',
    account: '123456789012',
    key: alice,
    lastUsed: aliceUsed,
    // 151 days old, last used 25 days ago: rotation due only.
    health: assessAccessKey(alice, { now: NOW, rotationWarningDays: 90, lastUsed: aliceUsed }),
  },
  {
    profile: 'dev',
    account: '123456789012',
    key: carol,
    lastUsed: carolUsed,
    // 517 days old and never used: rotation, IAM.22 and IAM.8.
    health: assessAccessKey(carol, { now: NOW, rotationWarningDays: 90, lastUsed: carolUsed }),
  },
  {
    profile: '',
    account: '123456789012',
    key: { UserName: '=cmd,"x"', AccessKeyId: 'AKIABOB0000000000002', Status: 'Inactive', CreateDate: new Date('2023-12-31T23:59:59Z') },
    lastUsed: { UserName: '=cmd', ServiceName: 'N/A', Region: 'N/A' },
  },
];

describe('export format', () => {
  it('writes CSV with every column, last use empty when never used, findings and controls, names quoted and defused', () => {
    assert.equal(
      toCsv(rows),
      'Profile,Account,UserName,AccessKeyId,Status,CreateDate,LastUsedDate,LastUsedService,LastUsedRegion,Findings,Controls\r\n' +
        'dev,123456789012,alice,AKIAALICE00000000001,Active,2024-01-02T03:04:05Z,2024-05-06T07:08:09Z,s3,eu-west-1,Rotation due,IAM.3; CIS 1.14\r\n' +
        'dev,123456789012,carol,AKIACAROL00000000003,Active,2023-01-01T00:00:00Z,,,,Rotation due; Unused; Unused 90+ days,IAM.3; CIS 1.14; IAM.22; CIS 1.12; IAM.8\r\n' +
        `,123456789012,"'=cmd,""x""",AKIABOB0000000000002,Inactive,2023-12-31T23:59:59Z,,,,,\r\n`,
    );
  });

  it('writes JSON with the same columns as keys', () => {
    const parsed = JSON.parse(toExportJson(rows)) as { AccessKeys: Array<Record<string, unknown>> };
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
      Findings: ['Rotation due'],
      Controls: ['IAM.3', 'CIS 1.14'],
    });
    assert.equal(parsed.AccessKeys[2]?.LastUsedDate, '');
    assert.deepEqual(parsed.AccessKeys[2]?.Findings, []);
  });

  it('writes organization exports with the account ID and name first, and the header fields before the keys', () => {
    const orgRows = rows.slice(0, 1).map((row) => ({ ...row, accountName: 'member, "one"' }));
    assert.equal(
      toCsv(orgRows, ORG_EXPORT_COLUMNS),
      'AccountId,AccountName,UserName,AccessKeyId,Status,CreateDate,LastUsedDate,LastUsedService,LastUsedRegion,Findings,Controls\r\n' +
        '123456789012,"member, ""one""",alice,AKIAALICE00000000001,Active,2024-01-02T03:04:05Z,2024-05-06T07:08:09Z,s3,eu-west-1,Rotation due,IAM.3; CIS 1.14\r\n',
    );
    const parsed = JSON.parse(toExportJson(orgRows, ORG_EXPORT_COLUMNS, { Partial: true, FailedAccounts: [] })) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed), ['Partial', 'FailedAccounts', 'AccessKeys']);
    assert.equal(parsed.Partial, true);
    assert.equal((parsed.AccessKeys as Array<Record<string, string>>)[0]?.AccountName, 'member, "one"');
  });
});
