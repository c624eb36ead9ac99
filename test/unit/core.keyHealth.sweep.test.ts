// HEALTH_RULES as the reader meets them: every rule's finding in full (sentence, template and
// arguments), the whole legend, the CIS 1.11 setup window's bound, thresholds that are not
// numbers, and phrases translated inside a sentence (issue #27's sweep of keyHealth.ts).
// Expected values are written by hand.
import assert from 'node:assert/strict';
import { assessAccessKey, findingText, healthLegend, healthRule, type KeyFindingCode, type KeyHealthContext } from '../../src/core/keyHealth';
import type { Translate } from '../../src/core/translate';
import type { AccessKey, AccessKeyLastUsed, AccessKeyStatus } from '../../src/core/types';

const NOW = new Date('2025-04-21T12:00:00Z');
const DAY = 86_400_000;
const key = (ageDays: number, status: AccessKeyStatus = 'Active'): AccessKey => ({ UserName: 'bob', AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Status: status, CreateDate: new Date(NOW.getTime() - ageDays * DAY) });
const usedAgo = (days: number): AccessKeyLastUsed => ({ UserName: 'bob', LastUsedDate: new Date(NOW.getTime() - days * DAY), ServiceName: 's3', Region: 'us-east-1' });
const NEVER: AccessKeyLastUsed = { UserName: 'bob', ServiceName: 'N/A', Region: 'N/A' };
const ctx = (extra: Partial<KeyHealthContext> = {}): KeyHealthContext => ({ now: NOW, rotationWarningDays: 90, ...extra });

/** A translator that marks what went through it: ⟦text⟧. */
const marked: Translate = (message, ...args) => `⟦${message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]))}⟧`;

describe('core/keyHealth sweep (#27)', () => {
  it('gives each rule\'s finding whole: severity, label, controls, sentence, template and arguments', () => {
    assert.deepEqual(assessAccessKey(key(10), ctx({ isRoot: true, lastUsed: usedAgo(1) })).findings, [
      {
        code: 'root-key',
        severity: 'critical',
        label: 'Root key',
        controls: ['IAM.4', 'CIS 1.4'],
        message: 'Root user access key: delete it and use IAM users or roles instead',
        template: 'Root user access key: delete it and use IAM users or roles instead',
        args: [],
      },
    ]);
    const setup = assessAccessKey(key(10), ctx({ lastUsed: NEVER, passwordEnabled: true, userCreateDate: new Date(NOW.getTime() - 10 * DAY) }));
    assert.deepEqual(setup.findings, [
      {
        code: 'setup-key-unused',
        severity: 'warning',
        label: 'Setup key unused',
        controls: ['CIS 1.11'],
        message: 'Created with the user, never used, and the user signs in with a console password',
        template: 'Created with the user, never used, and the user signs in with a console password',
        args: [],
      },
    ]);
    assert.deepEqual(assessAccessKey(key(10), ctx({ lastUsed: usedAgo(1), activeKeysOfUser: 2 })).findings, [
      {
        code: 'two-active',
        severity: 'info',
        label: 'Two active keys',
        controls: ['CIS 1.13'],
        message: 'The user has 2 active access keys: usually only during a rotation',
        template: 'The user has {0} active access keys: usually only during a rotation',
        args: [2],
      },
    ]);
    assert.deepEqual(assessAccessKey(key(400, 'Inactive'), ctx()).findings, [
      { code: 'inactive', severity: 'info', label: 'Inactive', controls: [], message: "Inactive: can't sign requests", template: "Inactive: can't sign requests", args: [] },
    ]);
    assert.deepEqual(assessAccessKey(key(400, 'Expired'), ctx()).findings, [
      { code: 'expired', severity: 'info', label: 'Expired', controls: [], message: "Expired: can't sign requests", template: "Expired: can't sign requests", args: [] },
    ]);
  });

  it('CIS 1.11: a key made exactly a day after its user was made at setup; a millisecond later it was not', () => {
    const userMade = new Date(NOW.getTime() - 11 * DAY);
    const codes = (keyMade: Date): KeyFindingCode[] =>
      assessAccessKey({ ...key(0), CreateDate: keyMade }, ctx({ lastUsed: NEVER, passwordEnabled: true, userCreateDate: userMade })).findings.map((f) => f.code);
    assert.deepEqual(codes(new Date(userMade.getTime() + DAY)), ['setup-key-unused']);
    assert.deepEqual(codes(new Date(userMade.getTime() - DAY)), ['setup-key-unused']);
    assert.deepEqual(codes(new Date(userMade.getTime() + DAY + 1)), []);
  });

  it('falls back to 90 and 45 days for thresholds that are infinite', () => {
    const h = assessAccessKey(key(91), ctx({ rotationWarningDays: Infinity, unusedWarningDays: Infinity, lastUsed: usedAgo(45) }));
    assert.deepEqual(h.findings.map((f) => f.message), ['Active for 91 days (rotate every 90 days)', 'Not used for 45 days or more (last used 45 days ago)']);
    assert.ok(healthLegend({ rotationWarningDays: Infinity, unusedWarningDays: Infinity }).includes('active for more than 90 days'));
  });

  it('translates the "last used" and "never used, created" phrases inside the sentence', () => {
    const [used] = assessAccessKey(key(60), ctx({ lastUsed: usedAgo(50) })).findings;
    assert.equal(findingText(used!, marked), '⟦Not used for 45 days or more (⟦last used⟧ 50 days ago)⟧');
    const [never] = assessAccessKey(key(60), ctx({ lastUsed: NEVER })).findings;
    assert.equal(findingText(never!, marked), '⟦Not used for 45 days or more (⟦never used, created⟧ 60 days ago)⟧');
  });

  it('looks a rule up by its code, and refuses a code it does not know', () => {
    assert.equal(healthRule('root-key').label, 'Root key');
    assert.equal(healthRule('expired').message, "Expired: can't sign requests");
    assert.throws(() => healthRule('no-such-rule' as KeyFindingCode), { message: 'no health rule no-such-rule' });
  });

  it('writes the whole legend, each rule with its thresholds in force', () => {
    assert.equal(
      healthLegend({ rotationWarningDays: 60, unusedWarningDays: 30 }),
      [
        '**Key health markers**',
        '',
        "- **Root key** (critical; IAM.4, CIS 1.4): an access key of the account's root user. Delete it; use IAM users or roles.",
        '- **Rotation due** (warning; IAM.3, CIS 1.14): active for more than 60 days (`iamKeys.rotationWarningDays`; the controls say 90).',
        '- **Unused** (warning; IAM.22, CIS 1.12): active and not used for 30 days or more, counted from creation if never used (`iamKeys.unusedWarningDays`; the controls say 45).',
        '- **Unused 90+ days** (warning; IAM.8): active and not used for 90 days or more, counted from creation if never used.',
        '- **Setup key unused** (warning; CIS 1.11): active, created at user setup, never used, while the user has a console password (known from the credential report).',
        '- **Two active keys** (info; CIS 1.13): the user has more than one active key, which is normal only while rotating.',
        "- **Inactive** (info): disabled; it can't sign requests. Delete it once you're sure it isn't needed.",
        "- **Expired** (info): IAM marked it expired; it can't sign requests.",
        '',
        'IAM.x: AWS Security Hub controls; CIS x.y: CIS AWS Foundations Benchmark (v1.4–v3.0).',
      ].join('\n'),
    );
  });
});
