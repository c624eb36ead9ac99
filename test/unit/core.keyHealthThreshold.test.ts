// A rotation threshold of 1 day is the smallest the setting allows and must be honoured, not
// replaced by the 90-day default (#27: a sampled Stryker mutant did that and survived).
import assert from 'node:assert/strict';
import { assessAccessKey } from '../../src/core/keyHealth';

const NOW = new Date('2025-01-01T00:00:00Z');
const key = (ageDays: number) => ({ UserName: 'dev', AccessKeyId: 'AKIADEV0000000000001', Status: 'Active' as const, CreateDate: new Date(NOW.getTime() - ageDays * 86_400_000) });

describe('keyHealth thresholds', () => {
  it('finds a 2-day-old key due for rotation when the threshold is 1 day', () => {
    const codes = assessAccessKey(key(2), { now: NOW, rotationWarningDays: 1 }).findings.map((f) => f.code);
    assert.ok(codes.includes('rotation-due'), codes.join());
  });

  it('falls back to 90 days for a threshold below 1', () => {
    const codes = (days: number) => assessAccessKey(key(days), { now: NOW, rotationWarningDays: 0.5 }).findings.map((f) => f.code);
    assert.ok(!codes(2).includes('rotation-due'), codes(2).join());
    assert.ok(codes(91).includes('rotation-due'), codes(91).join());
  });
});
