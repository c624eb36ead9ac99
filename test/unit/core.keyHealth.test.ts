// HEALTH_RULES: each control's exact threshold, the controls each finding names, severity
// order, and the legend built from the same table. Expected values are written by hand.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AccessKey, AccessKeyLastUsed, AccessKeyStatus } from '../../src/core/types';
import {
  assessAccessKey,
  countActive,
  findingLine,
  findingText,
  healthLegend,
  HEALTH_RULES,
  maxSeverity,
  needsAttention,
  usersWithSeveralActiveKeys,
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
  describe('HEALTH_RULES', () => {
    it('names each rule by its controls, in one table', () => {
      assert.deepEqual(
        HEALTH_RULES.map((r) => [r.code, r.severity, r.label, r.controls.join(' ')]),
        [
          ['root-key', 'critical', 'Root key', 'IAM.4 CIS 1.4'],
          ['rotation-due', 'warning', 'Rotation due', 'IAM.3 CIS 1.14'],
          ['unused', 'warning', 'Unused', 'IAM.22 CIS 1.12'],
          ['unused-90', 'warning', 'Unused 90+ days', 'IAM.8'],
          ['setup-key-unused', 'warning', 'Setup key unused', 'CIS 1.11'],
          ['two-active', 'info', 'Two active keys', 'CIS 1.13'],
          ['inactive', 'info', 'Inactive', ''],
          ['expired', 'info', 'Expired', ''],
        ],
      );
    });
  });

  describe('assessAccessKey', () => {
    it('is ok for a fresh, used, active key', () => {
      assert.deepEqual(assessAccessKey(key(10), ctx({ lastUsed: used(1) })), { ageDays: 10, findings: [], severity: 'ok' });
    });

    it('IAM.3 / CIS 1.14: rotation due after more than 90 days (the setting), not at 90', () => {
      assert.deepEqual(codes(key(90), ctx()), []);
      const h = assessAccessKey(key(412), ctx());
      assert.equal(h.findings.length, 1);
      assert.deepEqual(
        { code: h.findings[0]!.code, severity: h.findings[0]!.severity, message: h.findings[0]!.message, controls: h.findings[0]!.controls },
        { code: 'rotation-due', severity: 'warning', message: 'Active for 412 days (rotate every 90 days)', controls: ['IAM.3', 'CIS 1.14'] },
      );
      assert.equal(h.severity, 'warning');
      assert.equal(h.ageDays, 412);
      assert.deepEqual(codes(key(31), ctx({ rotationWarningDays: 30 })), ['rotation-due']);
      assert.deepEqual(codes(key(91), ctx({ rotationWarningDays: NaN })), ['rotation-due']);
      assert.deepEqual(codes(key(90), ctx({ rotationWarningDays: 0 })), []);
    });

    it('IAM.22 / CIS 1.12: unused for 45 days or more (from creation when never used), a setting', () => {
      assert.deepEqual(codes(key(60), ctx({ lastUsed: used(44) })), []);
      assert.deepEqual(codes(key(60), ctx({ lastUsed: used(45) })), ['unused']);
      assert.equal(assessAccessKey(key(60), ctx({ lastUsed: used(45) })).findings[0]!.message, 'Not used for 45 days or more (last used 45 days ago)');
      assert.deepEqual(codes(key(44), ctx({ lastUsed: used(undefined) })), []);
      assert.deepEqual(codes(key(45), ctx({ lastUsed: used(undefined) })), ['unused']);
      assert.equal(assessAccessKey(key(50), ctx({ lastUsed: used(undefined) })).findings[0]!.message, 'Not used for 45 days or more (never used, created 50 days ago)');
      assert.deepEqual(codes(key(60), ctx({ unusedWarningDays: 30, lastUsed: used(30) })), ['unused']);
      assert.deepEqual(codes(key(60), ctx({ unusedWarningDays: 50, lastUsed: used(45) })), []);
      assert.deepEqual(codes(key(80), ctx()), [], 'last use unknown: no claim');
      assert.deepEqual(codes(key(80, 'Inactive'), ctx({ lastUsed: used(undefined) })), ['inactive']);
    });

    it('IAM.8: unused for 90 days or more, whatever the setting', () => {
      assert.deepEqual(codes(key(89), ctx({ lastUsed: used(89) })), ['unused']);
      assert.deepEqual(codes(key(89), ctx({ lastUsed: used(undefined) })), ['unused']);
      const h = assessAccessKey(key(95), ctx({ lastUsed: used(90, 'iam') }));
      assert.deepEqual(h.findings.map((f) => [f.code, f.message, f.controls.join(',')]), [
        ['rotation-due', 'Active for 95 days (rotate every 90 days)', 'IAM.3,CIS 1.14'],
        ['unused', 'Not used for 45 days or more (last used 90 days ago)', 'IAM.22,CIS 1.12'],
        ['unused-90', 'Not used for 90 days or more (last used 90 days ago): remove it', 'IAM.8'],
      ]);
      assert.deepEqual(codes(key(95), ctx({ unusedWarningDays: 200, lastUsed: used(90) })), ['rotation-due', 'unused-90']);
    });

    it('CIS 1.11: a key made at user setup, never used, of a user with a console password', () => {
      const setup = (extra: Partial<KeyHealthContext>): string[] =>
        codes(key(10), ctx({ lastUsed: used(undefined), passwordEnabled: true, userCreateDate: new Date(NOW.getTime() - 10 * DAY - 3_600_000), ...extra }));
      assert.deepEqual(setup({}), ['setup-key-unused']);
      assert.deepEqual(setup({ passwordEnabled: false }), []);
      assert.deepEqual(setup({ passwordEnabled: undefined }), [], 'password unknown: no claim');
      assert.deepEqual(setup({ lastUsed: used(2) }), []);
      assert.deepEqual(setup({ userCreateDate: new Date(NOW.getTime() - 12 * DAY) }), [], 'made two days after the user');
      assert.deepEqual(assessAccessKey(key(10), ctx({ lastUsed: used(undefined), passwordEnabled: true, userCreateDate: key(10).CreateDate })).findings[0]!.controls, ['CIS 1.11']);
    });

    it('CIS 1.13: more than one active key of the user is info, on each active key', () => {
      assert.deepEqual(codes(key(10), ctx({ activeKeysOfUser: 2, lastUsed: used(1) })), ['two-active']);
      assert.equal(assessAccessKey(key(10), ctx({ activeKeysOfUser: 2 })).findings[0]!.message, 'The user has 2 active access keys: usually only during a rotation');
      assert.equal(assessAccessKey(key(10), ctx({ activeKeysOfUser: 2 })).severity, 'info');
      assert.deepEqual(codes(key(10), ctx({ activeKeysOfUser: 1 })), []);
      assert.deepEqual(codes(key(10, 'Inactive'), ctx({ activeKeysOfUser: 2 })), ['inactive']);
    });

    it('IAM.4 / CIS 1.4: a root key is critical and listed first, active or not', () => {
      const h = assessAccessKey(key(400), ctx({ isRoot: true, lastUsed: used(200) }));
      assert.equal(h.severity, 'critical');
      assert.deepEqual(h.findings.map((f) => f.code), ['root-key', 'rotation-due', 'unused', 'unused-90']);
      assert.deepEqual(h.findings[0]!.controls, ['IAM.4', 'CIS 1.4']);
      assert.equal(assessAccessKey(key(1, 'Inactive'), ctx({ isRoot: true })).severity, 'critical');
    });

    it('notes inactive and expired keys without asking to rotate them', () => {
      assert.deepEqual(codes(key(400, 'Inactive'), ctx()), ['inactive']);
      assert.deepEqual(codes(key(400, 'Expired'), ctx()), ['expired']);
      assert.equal(assessAccessKey(key(400, 'Inactive'), ctx()).severity, 'info');
    });

    it('never reports a negative age (clock skew)', () => {
      assert.equal(assessAccessKey(key(-3), ctx()).ageDays, 0);
    });

    it('keeps severity equal to the worst finding, findings sorted worst first', () => {
      const arb = fc.record({
        age: fc.integer({ min: -5, max: 2000 }),
        status: fc.constantFrom<AccessKeyStatus>('Active', 'Inactive', 'Expired'),
        rotation: fc.integer({ min: 1, max: 3650 }),
        unused: fc.integer({ min: 1, max: 3650 }),
        lastUsed: fc.option(fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }), { nil: null }),
        isRoot: fc.boolean(),
        activeKeys: fc.integer({ min: 0, max: 2 }),
      });
      const rank = { ok: 0, info: 1, warning: 2, critical: 3 } as const;
      fc.assert(
        fc.property(arb, (a) => {
          const h = assessAccessKey(key(a.age, a.status), {
            now: NOW,
            rotationWarningDays: a.rotation,
            unusedWarningDays: a.unused,
            isRoot: a.isRoot,
            activeKeysOfUser: a.activeKeys,
            ...(a.lastUsed === null ? {} : { lastUsed: used(a.lastUsed) }),
          });
          const worst = h.findings.reduce((m, f) => Math.max(m, rank[f.severity]), 0);
          assert.equal(rank[h.severity], worst);
          for (let i = 1; i < h.findings.length; i++) assert.ok(rank[h.findings[i - 1]!.severity] >= rank[h.findings[i]!.severity]);
          assert.equal(needsAttention(h), worst >= 2);
          const c = h.findings.map((f) => f.code);
          assert.equal(c.includes('rotation-due'), a.status === 'Active' && Math.max(0, a.age) > a.rotation);
          assert.equal(c.includes('root-key'), a.isRoot);
          assert.equal(new Set(c).size, c.length);
          if (a.status !== 'Active') assert.ok(!c.includes('unused') && !c.includes('unused-90') && !c.includes('two-active'));
        }),
      );
    });
  });

  describe('finding texts', () => {
    it('a finding line names its controls; the sentence goes through the translator', () => {
      const [f] = assessAccessKey(key(100), ctx()).findings;
      assert.equal(findingLine(f!), 'Active for 100 days (rotate every 90 days) [IAM.3, CIS 1.14]');
      const upper = (m: string, ...args: Array<string | number | boolean>): string => `${m.toUpperCase()}|${args.join('|')}`;
      assert.equal(findingText(f!, upper), 'ACTIVE FOR {0} (ROTATE EVERY {1} DAYS)|100 days|90');
      const [inactive] = assessAccessKey(key(1, 'Inactive'), ctx()).findings;
      assert.equal(findingLine(inactive!), "Inactive: can't sign requests");
    });
  });

  describe('needsAttention / maxSeverity / usersWithSeveralActiveKeys', () => {
    it('is true only for warning and critical', () => {
      assert.equal(needsAttention({ ageDays: 0, findings: [], severity: 'ok' }), false);
      assert.equal(needsAttention({ ageDays: 0, findings: [], severity: 'info' }), false);
      assert.equal(needsAttention({ ageDays: 0, findings: [], severity: 'warning' }), true);
      assert.equal(needsAttention({ ageDays: 0, findings: [], severity: 'critical' }), true);
      assert.equal(maxSeverity('info', 'warning'), 'warning');
      assert.equal(maxSeverity('critical', 'ok'), 'critical');
    });

    it('names the users with more than one active key', () => {
      assert.deepEqual(
        usersWithSeveralActiveKeys([
          key(1, 'Active', 'AKIAAAAAAAAAAAAAAAA1', 'alice'),
          key(1, 'Active', 'AKIAAAAAAAAAAAAAAAA2', 'bob'),
          key(1, 'Active', 'AKIAAAAAAAAAAAAAAAA3', 'alice'),
          key(1, 'Active', 'AKIAAAAAAAAAAAAAAAA4', 'carol'),
          key(1, 'Inactive', 'AKIAAAAAAAAAAAAAAAA5', 'carol'),
        ]),
        ['alice'],
      );
      assert.deepEqual(usersWithSeveralActiveKeys([]), []);
    });

    it('countActive counts the Active keys only (an Inactive key is no second active key)', () => {
      const keys = [
        key(1, 'Active', 'AKIAAAAAAAAAAAAAAAA1', 'alice'),
        key(1, 'Inactive', 'AKIAAAAAAAAAAAAAAAA2', 'alice'),
        key(1, 'Inactive', 'AKIAAAAAAAAAAAAAAAA3', 'alice'),
        key(1, 'Active', 'AKIAAAAAAAAAAAAAAAA4', 'alice'),
      ];
      assert.equal(countActive(keys), 2);
      assert.equal(countActive([key(1, 'Inactive'), key(2, 'Inactive')]), 0);
      assert.equal(countActive([]), 0);
    });
  });

  describe('healthLegend', () => {
    it('has one line per rule with its severity, controls and the thresholds in force', () => {
      const legend = healthLegend({ rotationWarningDays: 60, unusedWarningDays: 30 });
      const lines = legend.split('\n').filter((l) => l.startsWith('- '));
      assert.equal(lines.length, 8);
      assert.equal(lines[0], "- **Root key** (critical; IAM.4, CIS 1.4): an access key of the account's root user. Delete it; use IAM users or roles.");
      assert.equal(lines[1], '- **Rotation due** (warning; IAM.3, CIS 1.14): active for more than 60 days (`iamKeys.rotationWarningDays`; the controls say 90).');
      assert.match(lines[2]!, /^- \*\*Unused\*\* \(warning; IAM\.22, CIS 1\.12\): active and not used for 30 days or more/);
      assert.match(lines[2]!, /`iamKeys\.unusedWarningDays`/);
      assert.equal(lines[6], "- **Inactive** (info): disabled; it can't sign requests. Delete it once you're sure it isn't needed.");
    });

    it('says each severity through the translator too (it read "warning" in every language)', () => {
      const marked = (message: string, ...args: Array<string | number | boolean>): string => `⟦${message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]))}⟧`;
      const lines = healthLegend({ rotationWarningDays: 60 }, marked).split('\n').filter((l) => l.startsWith('- '));
      assert.match(lines[0]!, /^- \*\*⟦Root key⟧\*\* \(⟦critical⟧; IAM\.4, CIS 1\.4\): ⟦/);
      assert.match(lines[1]!, /^- \*\*⟦Rotation due⟧\*\* \(⟦warning⟧; IAM\.3/);
      assert.match(lines[6]!, /^- \*\*⟦Inactive⟧\*\* \(⟦info⟧\): ⟦/);
    });
  });
});
