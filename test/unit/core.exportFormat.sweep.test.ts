// Export rows with parts missing: a key whose last use could not be read, a key not judged, an
// organization account without a name. Every column is still there, empty, in both formats.
import * as assert from 'assert/strict';
import { ORG_EXPORT_COLUMNS, toCsv, toExportJson, type ExportRow } from '../../src/core/exportFormat';

const bare: ExportRow = {
  profile: 'ops',
  account: '210987654321',
  key: { UserName: 'dave', AccessKeyId: 'AKIADAVE000000000004', Status: 'Active', CreateDate: new Date('2022-02-03T04:05:06Z') },
};

describe('export format sweep: rows with unread last use, no findings, no account name', () => {
  it('JSON keeps every column: last use empty strings, findings and controls empty lists', () => {
    const parsed = JSON.parse(toExportJson([bare])) as { AccessKeys: Array<Record<string, unknown>> };
    assert.deepEqual(parsed.AccessKeys, [
      {
        Profile: 'ops',
        Account: '210987654321',
        UserName: 'dave',
        AccessKeyId: 'AKIADAVE000000000004',
        Status: 'Active',
        CreateDate: '2022-02-03T04:05:06Z',
        LastUsedDate: '',
        LastUsedService: '',
        LastUsedRegion: '',
        Findings: [],
        Controls: [],
      },
    ]);
  });

  it('CSV writes the unread last use and the missing findings as empty cells', () => {
    assert.equal(
      toCsv([bare]),
      'Profile,Account,UserName,AccessKeyId,Status,CreateDate,LastUsedDate,LastUsedService,LastUsedRegion,Findings,Controls\r\n' +
        'ops,210987654321,dave,AKIADAVE000000000004,Active,2022-02-03T04:05:06Z,,,,,\r\n',
    );
  });

  it('an organization account without a name gets an empty AccountName, in CSV and JSON', () => {
    assert.equal(
      toCsv([bare], ORG_EXPORT_COLUMNS),
      'AccountId,AccountName,UserName,AccessKeyId,Status,CreateDate,LastUsedDate,LastUsedService,LastUsedRegion,Findings,Controls\r\n' +
        '210987654321,,dave,AKIADAVE000000000004,Active,2022-02-03T04:05:06Z,,,,,\r\n',
    );
    const parsed = JSON.parse(toExportJson([bare], ORG_EXPORT_COLUMNS)) as { AccessKeys: Array<Record<string, unknown>> };
    assert.equal(parsed.AccessKeys[0]?.AccountName, '');
  });
});
