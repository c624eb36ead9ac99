// Every key of an account judged the same way from the credential report or from a live list:
// what each judged key carries (user, root, slot, last use, findings), the two-active rule
// counting only active keys of the same user, and the users a filter shows. Expected findings
// are written by hand from the rules' definitions.
import assert from 'node:assert/strict';
import { assessListedKeys, assessReport, assessReportUser, usersNeedingAttention, type AssessedKey } from '../../src/core/accountHealth';
import type { ReportUser } from '../../src/core/credentialReport';
import type { AccessKey, AccessKeyLastUsed } from '../../src/core/types';

const NOW = new Date('2026-12-06T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * DAY);
const THRESHOLDS = { now: NOW, rotationWarningDays: 90, unusedWarningDays: 45 };

const codes = (a: AssessedKey): string[] => a.health.findings.map((f) => f.code);

const pair: ReportUser = {
  userName: 'pair',
  arn: 'arn:aws:iam::123456789012:user/pair',
  isRoot: false,
  userCreateDate: daysAgo(300),
  passwordEnabled: false,
  keys: [
    { slot: 1, active: true, lastRotated: daysAgo(10), lastUsedDate: daysAgo(1), lastUsedService: 's3', lastUsedRegion: 'eu-west-1' },
    { slot: 2, active: true, lastRotated: daysAgo(5), lastUsedDate: daysAgo(2), lastUsedService: 'sts', lastUsedRegion: 'us-east-1' },
  ],
};
const rotated: ReportUser = {
  userName: 'rotated',
  arn: 'arn:aws:iam::123456789012:user/rotated',
  isRoot: false,
  keys: [
    { slot: 1, active: true, lastRotated: daysAgo(10), lastUsedDate: daysAgo(1), lastUsedService: 's3', lastUsedRegion: 'eu-west-1' },
    { slot: 2, active: false, lastRotated: daysAgo(20), lastUsedDate: daysAgo(15), lastUsedService: 's3', lastUsedRegion: 'eu-west-1' },
  ],
};
// A key made with its user, never used, while the user signs in with a password (CIS 1.11).
const setup: ReportUser = {
  userName: 'setup',
  arn: 'arn:aws:iam::123456789012:user/setup',
  isRoot: false,
  userCreateDate: daysAgo(30),
  passwordEnabled: true,
  keys: [{ slot: 2, active: true, lastRotated: new Date(daysAgo(30).getTime() + 60_000) }],
};
const root: ReportUser = {
  userName: '',
  arn: 'arn:aws:iam::123456789012:root',
  isRoot: true,
  keys: [{ slot: 1, active: true, lastRotated: daysAgo(3), lastUsedDate: daysAgo(1), lastUsedService: 'iam', lastUsedRegion: 'us-east-1' }],
};

describe('accountHealth (sweep)', () => {
  it('a report user: both slots, each with its slot, key, last use and findings', () => {
    const judged = assessReportUser(pair, THRESHOLDS);
    assert.deepEqual(
      judged.map((a) => [a.userName, a.isRoot, a.slot, a.key, a.lastUsed, codes(a), a.health.severity]),
      [
        ['pair', false, 1, { UserName: 'pair', AccessKeyId: '', Status: 'Active', CreateDate: daysAgo(10) }, { UserName: 'pair', LastUsedDate: daysAgo(1), ServiceName: 's3', Region: 'eu-west-1' }, ['two-active'], 'info'],
        ['pair', false, 2, { UserName: 'pair', AccessKeyId: '', Status: 'Active', CreateDate: daysAgo(5) }, { UserName: 'pair', LastUsedDate: daysAgo(2), ServiceName: 'sts', Region: 'us-east-1' }, ['two-active'], 'info'],
      ],
    );
    assert.equal(judged[0]?.health.findings[0]?.message, 'The user has 2 active access keys: usually only during a rotation');
  });

  it('a report user with one active and one inactive slot has no two-active finding', () => {
    assert.deepEqual(assessReportUser(rotated, THRESHOLDS).map(codes), [[], ['inactive']]);
  });

  it('the report user\'s password and creation reach the rules; root is judged as root', () => {
    assert.deepEqual(assessReportUser(setup, THRESHOLDS).map(codes), [['setup-key-unused']]);
    const [rootKey] = assessReportUser(root, THRESHOLDS);
    assert.deepEqual([rootKey?.userName, rootKey?.isRoot, codes(rootKey as AssessedKey), rootKey?.health.severity], ['', true, ['root-key'], 'critical']);
  });

  it('the whole report: every user\'s slots in report order', () => {
    const judged = assessReport({ generatedAt: NOW, users: [pair, rotated, setup, root] }, THRESHOLDS);
    assert.deepEqual(judged.map((a) => [a.userName, a.slot]), [['pair', 1], ['pair', 2], ['rotated', 1], ['rotated', 2], ['setup', 2], ['', 1]]);
    assert.deepEqual(usersNeedingAttention(judged), ['setup', '']);
    assert.deepEqual(assessReport({ generatedAt: NOW, users: [] }, THRESHOLDS), []);
  });

  it('keys listed live: two-active per user over active keys only, facts asked per key', () => {
    const key = (user: string, id: string, ageDays: number, status: AccessKey['Status'] = 'Active'): AccessKey => ({ UserName: user, AccessKeyId: id, Status: status, CreateDate: daysAgo(ageDays) });
    const keys = [
      key('ann', 'AKIAANN0000000000001', 10),
      key('bob', 'AKIABOB0000000000001', 200),
      key('ann', 'AKIAANN0000000000002', 5),
      key('bob', 'AKIABOB0000000000002', 30, 'Inactive'),
      key('', 'AKIAROOT000000000001', 3),
    ];
    const used: AccessKeyLastUsed = { UserName: 'bob', LastUsedDate: daysAgo(1), ServiceName: 's3', Region: 'us-east-1' };
    const judged = assessListedKeys(keys, THRESHOLDS, {
      lastUsed: (k) => (k.AccessKeyId === 'AKIABOB0000000000001' ? used : undefined),
      isRootKey: (k) => k.UserName === '',
    });
    assert.deepEqual(
      judged.map((a) => [a.userName, a.isRoot, a.key.AccessKeyId, a.lastUsed, a.slot, codes(a)]),
      [
        ['ann', false, 'AKIAANN0000000000001', undefined, undefined, ['two-active']],
        ['bob', false, 'AKIABOB0000000000001', used, undefined, ['rotation-due']],
        ['ann', false, 'AKIAANN0000000000002', undefined, undefined, ['two-active']],
        ['bob', false, 'AKIABOB0000000000002', undefined, undefined, ['inactive']],
        ['', true, 'AKIAROOT000000000001', undefined, undefined, ['root-key']],
      ],
    );
    assert.deepEqual(usersNeedingAttention(judged), ['bob', '']);
  });

  it('usersNeedingAttention: each user once, in order, warnings and worse only', () => {
    const judged = assessListedKeys(
      [
        { UserName: 'old', AccessKeyId: 'AKIAOLD0000000000001', Status: 'Active', CreateDate: daysAgo(400) },
        { UserName: 'fresh', AccessKeyId: 'AKIAFRESH00000000001', Status: 'Active', CreateDate: daysAgo(1) },
        { UserName: 'old', AccessKeyId: 'AKIAOLD0000000000002', Status: 'Active', CreateDate: daysAgo(300) },
      ],
      THRESHOLDS,
      { lastUsed: () => undefined, isRootKey: () => false },
    );
    assert.deepEqual(usersNeedingAttention(judged), ['old']);
    assert.deepEqual(usersNeedingAttention([]), []);
  });
});
