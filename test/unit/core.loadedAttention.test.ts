// The view badge's count: keyHealth's warning-or-worse keys among loaded ones, a key listed by
// two connections counted once, two active keys judged per user within one connection.
import assert from 'node:assert/strict';
import { countNeedingAttention, type LoadedKeyFacts } from '../../src/core/loadedAttention';
import type { AccessKeyStatus } from '../../src/core/types';

const NOW = new Date('2026-12-06T10:00:00Z');
const DAY = 86_400_000;
const THRESHOLDS = { rotationWarningDays: 90, unusedWarningDays: 45 };

function loaded(id: string, ageDays: number, more: Partial<LoadedKeyFacts> & { status?: AccessKeyStatus; user?: string } = {}): LoadedKeyFacts {
  return {
    key: { AccessKeyId: id, UserName: more.user ?? 'dev', Status: more.status ?? 'Active', CreateDate: new Date(NOW.getTime() - ageDays * DAY) },
    connection: more.connection ?? 'profile/dev',
    ...more,
  };
}

describe('countNeedingAttention (view badge)', () => {
  it('counts rotation-due, unused and root keys; not fresh, inactive, or info-only (two active) keys', () => {
    const keys = [
      loaded('AKIAROTATIONDUE00001', 120, { user: 'a' }),
      loaded('AKIAUNUSED0000000001', 10, { user: 'b', lastUsed: { UserName: 'b', LastUsedDate: new Date(NOW.getTime() - 50 * DAY), ServiceName: 's3', Region: 'us-east-1' } }),
      loaded('AKIAROOTKEY000000001', 5, { user: '', isRoot: true }),
      loaded('AKIAFRESH00000000001', 10, { user: 'c' }),
      loaded('AKIAFRESH00000000002', 11, { user: 'c' }),
      loaded('AKIAOLDINACTIVE00001', 400, { user: 'd', status: 'Inactive' }),
    ];
    assert.equal(countNeedingAttention(keys, THRESHOLDS, NOW), 3);
  });

  it('counts a key two connections loaded once', () => {
    const keys = [loaded('AKIAROTATIONDUE00001', 120), loaded('AKIAROTATIONDUE00001', 120, { connection: 'profile/default' })];
    assert.equal(countNeedingAttention(keys, THRESHOLDS, NOW), 1);
  });

  it('follows the thresholds', () => {
    assert.equal(countNeedingAttention([loaded('AKIA100DAYS000000001', 100)], { rotationWarningDays: 180, unusedWarningDays: 45 }, NOW), 0);
    assert.equal(countNeedingAttention([], THRESHOLDS, NOW), 0);
  });
});
