import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AccessKey, AccessKeyLastUsed, AccessKeyStatus } from '../../src/core/types';
import {
  assessAccessKey,
  assessUserKeys,
  HEALTH_LEGEND,
  maxSeverity,
  needsAttention,
  type KeyHealthContext,
} from '../../src/core/keyHealth';

const NOW = new Date('2025-04-21T12:00:00Z');
const DAY = 86_400_000;

function key(ageDays: number, status: AccessKeyStatus = 'Active', id = 'AKIAIOSFODNN7EXAMPLE', user = 'bob'): AccessKey {
  return { UserName: user, AccessKeyId: id, Status: status, CreateDate: new Date(NOW.getTime() - ageDays * DAY) };
}

function used(daysAgo: number | undefined, service = 's3'): AccessKeyLastUsed {
  return daysAgo === undefined
    ? { UserName: 'bob', ServiceName: 'N/A', Region: 'N/A' }
    : { UserName: 'bob', LastUsedDate: new Date(NOW.getTime() - daysAgo * DAY), ServiceName: service, Region: 'us-east-1' };
}

const ctx = (extra: Partial<KeyHealthContext> = {}): KeyHealthContext => ({ now: NOW, rotationWarningDays: 90, ...extra });
const codes = (k: AccessKey, c: KeyHealthContext): string[] => assessAccessKey(k, c).findings.map((f) => f.code);

describe('core/keyHealth', () => {
  describe('assessAccessKey', () => {
    it('is ok for a fresh, used, active key', () => {
      assert.deepEqual(assessAccessKey(key(10), ctx({ lastUsed: used(1) })), { ageDays: 10, findings: [], severity: 'ok' });
    });

    it('flags rotation once the key is older than the rotation period', () => {
      assert.deepEqual(codes(key(90), ctx()), []);
      const h = assessAccessKey(key(412), ctx());
      assert.deepEqual(h.findings, [
        { code: 'rotation-due', severity: 'warning', message: 'Active for 412 days (rotate every 90)' },
      ]);
      assert.equal(h.severity, 'warning');
      assert.equal(h.ageDays, 412);
      assert.deepEqual(codes(key(31), ctx({ rotationWarningDays: 30 })), ['rotation-due']);
    });

    it('does not ask to rotate inactive or expired keys, but notes their status', () => {
      assert.deepEqual(assessAccessKey(key(400, 'Inactive'), ctx()).findings, [
        { code: 'inactive', severity: 'info', message: "Inactive: can't sign requests" },
      ]);
      assert.deepEqual(codes(key(400, 'Expired'), ctx()), ['expired']);
      assert.equal(assessAccessKey(key(400, 'Inactive'), ctx()).severity, 'info');
    });

    it('flags never-used active keys only after 7 days and only when known', () => {
      assert.deepEqual(codes(key(7), ctx({ lastUsed: used(undefined) })), []);
      assert.deepEqual(assessAccessKey(key(8), ctx({ lastUsed: used(undefined) })).findings, [
        { code: 'never-used', severity: 'warning', message: 'Active but never used (created 8 days ago)' },
      ]);
      assert.deepEqual(codes(key(8), ctx()), []); // last use unknown: no claim
      assert.deepEqual(codes(key(30, 'Inactive'), ctx({ lastUsed: used(undefined) })), ['inactive']);
    });

    it('flags keys unused for longer than the rotation period', () => {
      assert.deepEqual(codes(key(60), ctx({ lastUsed: used(90) })), []);
      const h = assessAccessKey(key(60), ctx({ lastUsed: used(91, 'iam') }));
      assert.deepEqual(h.findings.map((f) => [f.code, f.message]), [['unused-long', 'Not used for 91 days (last used with iam)']]);
      assert.deepEqual(codes(key(300), ctx({ lastUsed: used(200) })), ['rotation-due', 'unused-long']);
    });

    it('makes a root key critical and lists it first', () => {
      const h = assessAccessKey(key(400), ctx({ isRoot: true, lastUsed: used(200) }));
      assert.equal(h.severity, 'critical');
      assert.deepEqual(h.findings.map((f) => f.code), ['root-key', 'rotation-due', 'unused-long']);
      assert.equal(assessAccessKey(key(1), ctx({ isRoot: true })).severity, 'critical');
    });

    it('never reports a negative age (clock skew) and survives a bad rotation setting', () => {
      assert.equal(assessAccessKey(key(-3), ctx()).ageDays, 0);
      assert.deepEqual(codes(key(91), ctx({ rotationWarningDays: NaN })), ['rotation-due']);
      assert.deepEqual(codes(key(90), ctx({ rotationWarningDays: 0 })), []);
    });

    it('keeps severity equal to the worst finding, findings sorted worst first', () => {
      const arb = fc.record({
        age: fc.integer({ min: -5, max: 2000 }),
        status: fc.constantFrom<AccessKeyStatus>('Active', 'Inactive', 'Expired'),
        rotation: fc.integer({ min: 1, max: 3650 }),
        lastUsed: fc.option(fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }), { nil: null }),
        isRoot: fc.boolean(),
      });
      const rank = { ok: 0, info: 1, warning: 2, critical: 3 } as const;
      fc.assert(
        fc.property(arb, (a) => {
          const h = assessAccessKey(key(a.age, a.status), {
            now: NOW,
            rotationWarningDays: a.rotation,
            isRoot: a.isRoot,
            ...(a.lastUsed === null ? {} : { lastUsed: used(a.lastUsed) }),
          });
          const worst = h.findings.reduce((m, f) => Math.max(m, rank[f.severity]), 0);
          assert.equal(rank[h.severity], worst);
          for (let i = 1; i < h.findings.length; i++) {
            assert.ok(rank[h.findings[i - 1]!.severity] >= rank[h.findings[i]!.severity]);
          }
          assert.equal(needsAttention(h), worst >= 2);
          const c = h.findings.map((f) => f.code);
          assert.equal(c.includes('rotation-due'), a.status === 'Active' && Math.max(0, a.age) > a.rotation);
          assert.equal(c.includes('root-key'), a.isRoot);
          assert.equal(new Set(c).size, c.length);
          if (a.status !== 'Active') assert.ok(!c.includes('never-used') && !c.includes('unused-long'));
        }),
      );
    });
  });

  describe('needsAttention / maxSeverity', () => {
    it('is true only for warning and critical', () => {
      assert.equal(needsAttention({ ageDays: 0, findings: [], severity: 'ok' }), false);
      assert.equal(needsAttention({ ageDays: 0, findings: [], severity: 'info' }), false);
      assert.equal(needsAttention({ ageDays: 0, findings: [], severity: 'warning' }), true);
      assert.equal(needsAttention({ ageDays: 0, findings: [], severity: 'critical' }), true);
      assert.equal(maxSeverity('info', 'warning'), 'warning');
      assert.equal(maxSeverity('critical', 'ok'), 'critical');
    });
  });

  describe('assessUserKeys', () => {
    it('flags a user whose two keys are both active', () => {
      const f = assessUserKeys([key(10, 'Active', 'AKIAAAAAAAAAAAAAAAAA'), key(100, 'Active', 'AKIABBBBBBBBBBBBBBBB')]);
      assert.deepEqual(f, [
        {
          code: 'two-active',
          severity: 'info',
          userName: 'bob',
          accessKeyIds: ['AKIAAAAAAAAAAAAAAAAA', 'AKIABBBBBBBBBBBBBBBB'],
          message: 'Both access keys are active: usually only during a rotation',
        },
      ]);
    });

    it('says nothing when at most one key is active', () => {
      assert.deepEqual(assessUserKeys([]), []);
      assert.deepEqual(assessUserKeys([key(1)]), []);
      assert.deepEqual(assessUserKeys([key(1), key(2, 'Inactive', 'AKIABBBBBBBBBBBBBBBB')]), []);
    });

    it('groups by user', () => {
      const f = assessUserKeys([
        key(1, 'Active', 'AKIAAAAAAAAAAAAAAAA1', 'alice'),
        key(1, 'Active', 'AKIAAAAAAAAAAAAAAAA2', 'bob'),
        key(1, 'Active', 'AKIAAAAAAAAAAAAAAAA3', 'alice'),
      ]);
      assert.deepEqual(f.map((x) => [x.userName, x.accessKeyIds]), [['alice', ['AKIAAAAAAAAAAAAAAAA1', 'AKIAAAAAAAAAAAAAAAA3']]]);
    });
  });

  describe('HEALTH_LEGEND', () => {
    it('explains every marker, one markdown line each', () => {
      const lines = HEALTH_LEGEND.split('\n').filter((l) => l.startsWith('- '));
      for (const label of ['Root key', 'Rotation due', 'Never used', 'Unused', 'Two active keys', 'Inactive', 'Expired']) {
        assert.ok(lines.some((l) => l.startsWith(`- **${label}**`)), label);
      }
      assert.match(HEALTH_LEGEND, /iamKeys\.rotationWarningDays/);
      assert.match(HEALTH_LEGEND, /more than 7 days/);
    });
  });
});
