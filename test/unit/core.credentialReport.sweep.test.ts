// The credential report's CSV read field by field with the real CSV reader: root, passwords,
// both key slots, dates IAM writes and values it writes instead, and the helpers over a parsed
// user (issue #27's sweep of credentialReport.ts). Expected values are written by hand.
import assert from 'node:assert/strict';
import { readCsv } from '../../src/aws/csvReader';
import { findSlot, parseCredentialReport, reportAgeHours, slotAsKey, slotLastUsed } from '../../src/core/credentialReport';

const HEADER =
  'user,arn,user_creation_time,password_enabled,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service';
const GENERATED = new Date('2026-06-01T12:00:00Z');

describe('core/credentialReport sweep (#27)', () => {
  it('reads root, passwords and both key slots, with N/A and no_information as absent', () => {
    const csv = [
      HEADER,
      '<root_account>,arn:aws:iam::111122223333:root,2020-01-01T00:00:00+00:00,not_supported,true,2021-02-03T04:05:06+00:00,2024-05-06T07:08:09+00:00,us-east-1,sts,false,N/A,N/A,N/A,N/A',
      'ann,arn:aws:iam::111122223333:user/ann,2022-03-04T05:06:07+00:00,true,false,2022-03-04T05:06:30+00:00,no_information,N/A,N/A,true,2023-01-01T00:00:00+00:00,N/A,N/A,N/A',
      'bob,arn:aws:iam::111122223333:user/bob,no_information,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A',
    ].join('\n');
    const report = parseCredentialReport(csv, GENERATED, readCsv);
    assert.equal(report.generatedAt, GENERATED);
    assert.deepEqual(report.users, [
      {
        userName: '',
        arn: 'arn:aws:iam::111122223333:root',
        isRoot: true,
        userCreateDate: new Date('2020-01-01T00:00:00Z'),
        passwordEnabled: undefined,
        keys: [{ slot: 1, active: true, lastRotated: new Date('2021-02-03T04:05:06Z'), lastUsedDate: new Date('2024-05-06T07:08:09Z'), lastUsedService: 'sts', lastUsedRegion: 'us-east-1' }],
      },
      {
        userName: 'ann',
        arn: 'arn:aws:iam::111122223333:user/ann',
        isRoot: false,
        userCreateDate: new Date('2022-03-04T05:06:07Z'),
        passwordEnabled: true,
        keys: [
          { slot: 1, active: false, lastRotated: new Date('2022-03-04T05:06:30Z'), lastUsedDate: undefined, lastUsedService: undefined, lastUsedRegion: undefined },
          { slot: 2, active: true, lastRotated: new Date('2023-01-01T00:00:00Z'), lastUsedDate: undefined, lastUsedService: undefined, lastUsedRegion: undefined },
        ],
      },
      { userName: 'bob', arn: 'arn:aws:iam::111122223333:user/bob', isRoot: false, userCreateDate: undefined, passwordEnabled: false, keys: [] },
    ]);
  });

  it('takes only a report timestamp for a date: a bare number or a day without its time is none', () => {
    const csv = `${HEADER}\ncat,arn:aws:iam::111122223333:user/cat,2024-01-02,true,true,2,N/A,N/A,N/A,true,2024-13-45T00:00:00+00:00,N/A,N/A,N/A\n`;
    const [cat] = parseCredentialReport(csv, GENERATED, readCsv).users;
    assert.equal(cat!.userCreateDate, undefined);
    assert.deepEqual(cat!.keys, [], 'no slot from a last_rotated that is no timestamp');
  });

  it('names every missing column, and refuses text that is not CSV with the reader\'s reason', () => {
    assert.throws(() => parseCredentialReport('user,arn,access_key_2_active\nx,y,true\n', GENERATED, readCsv), {
      message:
        'The credential report lacks the columns user_creation_time, password_enabled, access_key_1_active, access_key_1_last_rotated, access_key_1_last_used_date, access_key_1_last_used_region, access_key_1_last_used_service, access_key_2_last_rotated, access_key_2_last_used_date, access_key_2_last_used_region, access_key_2_last_used_service',
    });
    assert.throws(
      () =>
        parseCredentialReport('x', GENERATED, () => {
          throw new Error('Invalid Closing Quote');
        }),
      { message: 'The credential report is not valid CSV: Invalid Closing Quote' },
    );
    assert.throws(
      () =>
        parseCredentialReport('x', GENERATED, () => {
          throw 'bad quote';
        }),
      { message: 'The credential report is not valid CSV: bad quote' },
    );
  });

  it('reads a field a CSV reader left out of a later row as empty (csv-parse itself refuses such rows)', () => {
    const full = Object.fromEntries(HEADER.split(',').map((column) => [column, 'N/A']));
    const rows: Array<Record<string, string>> = [{ ...full, user: 'ann', arn: 'arn:aws:iam::111122223333:user/ann' }, { password_enabled: 'true' }];
    const users = parseCredentialReport('(rows from the reader)', GENERATED, () => rows).users;
    assert.deepEqual(
      users.map((u) => [u.userName, u.arn, u.isRoot, u.passwordEnabled, u.keys.length]),
      [
        ['ann', 'arn:aws:iam::111122223333:user/ann', false, undefined, 0],
        ['', '', false, true, 0],
      ],
    );
  });

  it('gives a slot as the key IAM would list and its last use, N/A where the report has none', () => {
    const csv = `${HEADER}\nann,arn:aws:iam::111122223333:user/ann,2022-03-04T05:06:07+00:00,true,true,2022-03-04T05:06:30+00:00,2024-05-06T07:08:09+00:00,eu-west-1,s3,false,2023-01-01T00:00:00+00:00,N/A,N/A,N/A\n`;
    const [ann] = parseCredentialReport(csv, GENERATED, readCsv).users;
    const [one, two] = ann!.keys;
    assert.deepEqual(slotAsKey(ann!, one!), { UserName: 'ann', AccessKeyId: '', Status: 'Active', CreateDate: new Date('2022-03-04T05:06:30Z') });
    assert.deepEqual(slotAsKey(ann!, two!, 'AKIAANN0000000000002'), { UserName: 'ann', AccessKeyId: 'AKIAANN0000000000002', Status: 'Inactive', CreateDate: new Date('2023-01-01T00:00:00Z') });
    assert.deepEqual(slotLastUsed(ann!, one!), { UserName: 'ann', LastUsedDate: new Date('2024-05-06T07:08:09Z'), ServiceName: 's3', Region: 'eu-west-1' });
    assert.deepEqual(slotLastUsed(ann!, two!), { UserName: 'ann', LastUsedDate: undefined, ServiceName: 'N/A', Region: 'N/A' });
  });

  it('finds a listed key\'s slot by its creation second, and none a second apart', () => {
    const csv = `${HEADER}\nann,arn:aws:iam::111122223333:user/ann,2022-03-04T05:06:07+00:00,true,true,2022-03-04T05:06:30+00:00,N/A,N/A,N/A,true,2023-01-01T00:00:00+00:00,N/A,N/A,N/A\n`;
    const [ann] = parseCredentialReport(csv, GENERATED, readCsv).users;
    const listed = (iso: string) => ({ UserName: 'ann', AccessKeyId: 'AKIAANN0000000000001', Status: 'Active' as const, CreateDate: new Date(iso) });
    assert.equal(findSlot(ann!, listed('2023-01-01T00:00:00.999Z'))?.slot, 2);
    assert.equal(findSlot(ann!, listed('2022-03-04T05:06:30.000Z'))?.slot, 1);
    assert.equal(findSlot(ann!, listed('2022-03-04T05:06:31.000Z')), undefined);
    assert.equal(findSlot(ann!, listed('2022-12-31T23:59:59.999Z')), undefined);
  });

  it('says a report\'s age in whole hours, never below 0', () => {
    const report = { generatedAt: GENERATED, users: [] };
    assert.equal(reportAgeHours(report, new Date('2026-06-01T14:59:59Z')), 2);
    assert.equal(reportAgeHours(report, new Date('2026-06-01T15:00:00Z')), 3);
    assert.equal(reportAgeHours(report, new Date('2026-06-01T11:00:00Z')), 0);
  });
});
