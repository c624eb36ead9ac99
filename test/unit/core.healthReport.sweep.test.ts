// The Key health report's data at its edges: each histogram bucket's bounds, keys whose last use
// is unknown, the worst-keys order and its default length, which copy of a key counts when
// profiles overlap (issue #27's sweep of healthReport.ts). Expected values are written by hand.
import assert from 'node:assert/strict';
import { assessListedKeys, type AssessedKey } from '../../src/core/accountHealth';
import { buildHealthReport } from '../../src/core/healthReport';
import type { AccessKey, AccessKeyLastUsed } from '../../src/core/types';

const NOW = new Date('2025-01-01T00:00:00Z');
const DAY = 86_400_000;
const at = (days: number): Date => new Date(NOW.getTime() - days * DAY);
const key = (user: string, id: string, ageDays: number, status: AccessKey['Status'] = 'Active'): AccessKey => ({ UserName: user, AccessKeyId: id, Status: status, CreateDate: at(ageDays) });
const usedAgo = (days: number): AccessKeyLastUsed => ({ UserName: 'u', LastUsedDate: at(days), ServiceName: 's3', Region: 'us-east-1' });
const NEVER: AccessKeyLastUsed = { UserName: 'u', ServiceName: 'N/A', Region: 'N/A' };

/** Keys judged with 90/45-day thresholds; `lastUsed` by key ID (absent: unknown); user '' is root. */
function assess(keys: AccessKey[], lastUsed: Record<string, AccessKeyLastUsed> = {}): AssessedKey[] {
  return assessListedKeys(keys, { now: NOW, rotationWarningDays: 90, unusedWarningDays: 45 }, { lastUsed: (k) => lastUsed[k.AccessKeyId], isRootKey: (k) => k.UserName === '' });
}

const id = (n: number): string => `AKIA${String(n).padStart(16, '0')}`;

describe('core/healthReport sweep (#27)', () => {
  it('puts an active key of exactly a bucket\'s upper age in that bucket, the next day in the next one', () => {
    const ages = [30, 31, 90, 91, 180, 181, 365, 366, 730, 731];
    const keys = [...ages.map((age, i) => key(`u${i}`, id(i), age)), key('off', id(99), 10, 'Inactive')];
    const data = buildHealthReport([{ profile: 'p', account: '111122223333', source: 'loaded', keys: assess(keys) }], { now: NOW });
    assert.deepEqual(data.keyAge.buckets, ['0–30 days', '31–90 days', '91–180 days', '181–365 days', '1–2 years', 'over 2 years']);
    assert.deepEqual(data.keyAge.counts, [1, 2, 2, 2, 2, 1]);
  });

  it('puts last uses at each bucket\'s bounds, never-used and unknown keys in their own columns', () => {
    const daysAgo = [7, 8, 44, 45, 89, 90, 365, 366];
    const lastUsed: Record<string, AccessKeyLastUsed> = Object.fromEntries(daysAgo.map((d, i) => [id(i), usedAgo(d)]));
    lastUsed[id(20)] = NEVER;
    const keys = [...daysAgo.map((_, i) => key(`u${i}`, id(i), 400)), key('never', id(20), 10), key('unknown1', id(21), 10), key('unknown2', id(22), 10)];
    const data = buildHealthReport([{ profile: 'p', account: '111122223333', source: 'loaded', keys: assess(keys, lastUsed) }], { now: NOW });
    assert.deepEqual(data.lastUsed.buckets, ['0–7 days', '8–44 days', '45–89 days', '90–365 days', 'over a year', 'never used', 'unknown']);
    assert.deepEqual(data.lastUsed.counts, [1, 2, 2, 2, 1, 1, 2]);
  });

  it('orders the worst keys: critical first, then most findings, then oldest, then by user name', () => {
    const lastUsed = { [id(1)]: usedAgo(1), [id(2)]: usedAgo(1), [id(3)]: usedAgo(1), [id(4)]: NEVER, [id(5)]: usedAgo(1) };
    // z and y: rotation due only, 100 days; x: the same, 200 days; w: never used (3 findings); root: critical.
    const keys = [key('z', id(1), 100), key('y', id(2), 100), key('x', id(3), 200), key('w', id(4), 100), key('', id(5), 10)];
    const data = buildHealthReport([{ profile: 'p', account: '111122223333', source: 'loaded', keys: assess(keys, lastUsed) }], { now: NOW });
    assert.deepEqual(
      data.worst.map((w) => [w.userName, w.severity, w.findings.length, w.ageDays]),
      [
        ['', 'critical', 1, 10],
        ['w', 'warning', 3, 100],
        ['x', 'warning', 1, 200],
        ['y', 'warning', 1, 100],
        ['z', 'warning', 1, 100],
      ],
    );
  });

  it('counts the keys failing each control and each rule, every control once with its rules', () => {
    const lastUsed = { [id(1)]: usedAgo(1), [id(2)]: NEVER, [id(3)]: usedAgo(1), [id(5)]: usedAgo(1) };
    // root: IAM.4; w: rotation, unused and unused 90+; x: rotation; off: inactive; ann: fine.
    const keys = [key('', id(1), 10), key('w', id(2), 100), key('x', id(3), 200), key('off', id(4), 10, 'Inactive'), key('ann', id(5), 10)];
    const data = buildHealthReport([{ profile: 'p', account: '111122223333', source: 'loaded', keys: assess(keys, lastUsed) }], { now: NOW });
    assert.deepEqual(data.controls, [
      { control: 'IAM.4', rules: ['root-key'], severity: 'critical', keys: 1 },
      { control: 'CIS 1.4', rules: ['root-key'], severity: 'critical', keys: 1 },
      { control: 'IAM.3', rules: ['rotation-due'], severity: 'warning', keys: 2 },
      { control: 'CIS 1.14', rules: ['rotation-due'], severity: 'warning', keys: 2 },
      { control: 'IAM.22', rules: ['unused'], severity: 'warning', keys: 1 },
      { control: 'CIS 1.12', rules: ['unused'], severity: 'warning', keys: 1 },
      { control: 'IAM.8', rules: ['unused-90'], severity: 'warning', keys: 1 },
      { control: 'CIS 1.11', rules: ['setup-key-unused'], severity: 'warning', keys: 0 },
      { control: 'CIS 1.13', rules: ['two-active'], severity: 'info', keys: 0 },
    ]);
    assert.deepEqual(
      data.rules.map((r) => [r.code, r.label, r.severity, r.controls.join(' '), r.keys]),
      [
        ['root-key', 'Root key', 'critical', 'IAM.4 CIS 1.4', 1],
        ['rotation-due', 'Rotation due', 'warning', 'IAM.3 CIS 1.14', 2],
        ['unused', 'Unused', 'warning', 'IAM.22 CIS 1.12', 1],
        ['unused-90', 'Unused 90+ days', 'warning', 'IAM.8', 1],
        ['setup-key-unused', 'Setup key unused', 'warning', 'CIS 1.11', 0],
        ['two-active', 'Two active keys', 'info', 'CIS 1.13', 0],
        ['inactive', 'Inactive', 'info', '', 1],
        ['expired', 'Expired', 'info', '', 0],
      ],
    );
  });

  it('lists 20 worst keys unless told otherwise', () => {
    const keys = Array.from({ length: 21 }, (_, i) => key(`u${i}`, id(i), 100 + i));
    const data = buildHealthReport([{ profile: 'p', account: '111122223333', source: 'loaded', keys: assess(keys) }], { now: NOW });
    assert.equal(data.totals.needingAttention, 21);
    assert.equal(data.worst.length, 20);
    assert.equal(data.worst[19]!.userName, 'u1', 'the newest key is the one left out');
  });

  it('keeps each account\'s note and report time, and leaves them out when there are none', () => {
    const data = buildHealthReport(
      [
        { profile: 'a', account: '111122223333', source: 'loaded', note: 'AccessDenied: GenerateCredentialReport', keys: [] },
        { profile: 'b', account: '444455556666', source: 'credential-report', reportGeneratedAt: new Date('2024-12-31T08:30:00Z'), keys: [] },
      ],
      { now: NOW },
    );
    assert.deepEqual(data.accounts, [
      { profile: 'a', account: '111122223333', source: 'loaded', note: 'AccessDenied: GenerateCredentialReport', keys: 0 },
      { profile: 'b', account: '444455556666', source: 'credential-report', reportGeneratedAt: '2024-12-31T08:30:00Z', keys: 0 },
    ]);
  });

  it('tells apart accounts whose ID is unknown by their profile', () => {
    const data = buildHealthReport(
      [
        { profile: 'a', account: '', source: 'loaded', keys: assess([key('ann', id(1), 200)]) },
        { profile: 'b', account: '', source: 'loaded', keys: assess([key('ann', id(1), 200)]) },
      ],
      { now: NOW },
    );
    assert.deepEqual(data.totals, { keys: 2, activeKeys: 2, needingAttention: 2, users: 1 });
    assert.deepEqual(data.worst.map((w) => w.profile), ['a', 'b']);
  });

  it('counts both keys of one user', () => {
    const data = buildHealthReport([{ profile: 'p', account: '111122223333', source: 'loaded', keys: assess([key('ann', id(1), 200), key('ann', id(2), 300)]) }], { now: NOW });
    assert.deepEqual(data.totals, { keys: 2, activeKeys: 2, needingAttention: 2, users: 1 });
  });

  it('takes nothing from loaded keys of an account another profile read from its credential report', () => {
    const reportKeys = assess([key('ann', '', 200)]).map((k) => ({ ...k, slot: 1 as const }));
    const data = buildHealthReport(
      [
        { profile: 'live', account: '111122223333', source: 'loaded', keys: assess([key('zed', id(9), 300), key('ann', id(1), 200)]) },
        { profile: 'report', account: '111122223333', source: 'credential-report', keys: reportKeys },
      ],
      { now: NOW },
    );
    assert.deepEqual(data.totals, { keys: 1, activeKeys: 1, needingAttention: 1, users: 1 });
    assert.deepEqual(data.worst.map((w) => [w.profile, w.userName]), [['report', 'ann']]);
  });

  it('keeps the copy of a report slot whose key ID was matched, whichever profile read it first', () => {
    const slot = (accessKeyId: string): AssessedKey[] => assess([key('ann', accessKeyId, 200)]).map((k) => ({ ...k, slot: 1 as const }));
    const report = (first: string, second: string) =>
      buildHealthReport(
        [
          { profile: 'first', account: '111122223333', source: 'credential-report', keys: slot(first) },
          { profile: 'second', account: '111122223333', source: 'credential-report', keys: slot(second) },
        ],
        { now: NOW },
      ).worst.map((w) => [w.profile, w.accessKeyId]);
    assert.deepEqual(report('', id(1)), [['second', id(1)]]);
    assert.deepEqual(report(id(1), ''), [['first', id(1)]]);
    assert.deepEqual(report(id(1), id(2)), [['first', id(1)]]);
  });
});
