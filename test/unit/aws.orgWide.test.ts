// Organization-wide export and "keys needing attention" (src/aws/organization/orgWideExport.ts and orgWideAttention.ts) against the
// organization endpoint over HTTP with the real SDK: every active account entered once (one
// AssumeRole each), the denied account listed with its reason, the suspended one skipped, the
// rows per account as the emulator's own stores hold them; the credential report path (3 calls,
// 2 for a report IAM still holds) with a live fallback where it is denied; a cancel that keeps
// whole accounts and says it is partial.
import * as assert from 'node:assert/strict';
import { readCsv } from '../../src/aws/csvReader';
import { findOrganizationKeysNeedingAttention } from '../../src/aws/organization/orgWideAttention';
import { exportOrganizationKeys } from '../../src/aws/organization/orgWideExport';
import type { OrgWideOptions } from '../../src/aws/organization/orgWideWalk';
import { EMULATOR_ACCOUNT_ID } from '../emulator/identities';
import { memberAccountId, type OrgEmulator } from '../emulator/org/index';
import { startOrgSource, type OrgSourceFixture } from '../support/orgSourceFixture';

const MEMBERS = 12;
const DENYING = [2];
const SUSPENDED = [5];
const REPORT_DENIED = 7;
const DAY = 86_400_000;

describe('organization-wide export and attention (orgWide)', function () {
  this.timeout(60_000);
  let emulator: OrgEmulator;
  let fixture: OrgSourceFixture;
  const now = new Date();
  const options: OrgWideOptions = { concurrency: 3, perAccountConcurrency: 2, thresholds: { now, rotationWarningDays: 90, unusedWarningDays: 45 } };
  beforeEach(async () => {
    fixture = await startOrgSource({ members: MEMBERS, usersPerAccount: 4, denyingMembers: DENYING, suspendedMembers: SUSPENDED, seed: 9 });
    ({ emulator } = fixture);
  });
  afterEach(() => fixture.close());

  const source = () => fixture.source();
  const active = () => emulator.world.accounts.filter((a) => a.status === 'ACTIVE');
  const members = () => active().filter((a) => a.id !== EMULATOR_ACCOUNT_ID);
  const trusting = () => active().filter((a) => !DENYING.map(memberAccountId).includes(a.id));

  it('exports every key of every entered account, with one AssumeRole per active member; the denied account fails, the suspended one is skipped', async () => {
    const result = await exportOrganizationKeys([source()], options);
    assert.equal(result.partial, false);
    assert.equal(result.accounts, trusting().length);
    assert.deepEqual(
      result.failedAccounts.map((f) => [f.accountId, f.name, f.stage]),
      DENYING.map((i) => [memberAccountId(i), emulator.world.account(memberAccountId(i))?.name, 'enter']),
    );
    assert.match(result.failedAccounts[0]?.reason ?? '', /denied|not authorized/i);
    assert.deepEqual(result.skippedAccounts, SUSPENDED.map((i) => ({ accountId: memberAccountId(i), name: `member-${String(i).padStart(3, '0')}`, status: 'SUSPENDED' })));
    for (const account of trusting()) {
      const expected = account.store.users().flatMap((u) => u.accessKeys.map((k) => `${u.userName}/${k.accessKeyId}/${k.status}`)).sort();
      const got = result.rows.filter((r) => r.account === account.id).map((r) => `${r.key.UserName}/${r.key.AccessKeyId}/${r.key.Status}`).sort();
      assert.deepEqual(got, expected, `keys of ${account.id}`);
      assert.ok(result.rows.filter((r) => r.account === account.id).every((r) => r.accountName === account.name));
    }
    assert.deepEqual(emulator.counters().assumeRoleByTarget, Object.fromEntries(members().map((a) => [a.id, 1])));
  });

  it('finds keys needing attention from each account’s credential report, live where the report is denied', async () => {
    const issue = emulator.world.issueRoleSession.bind(emulator.world);
    emulator.world.issueRoleSession = (account, ...rest) => {
      const session = issue(account, ...rest);
      if (account.id === memberAccountId(REPORT_DENIED)) session.principal.deniedActions.add('GenerateCredentialReport');
      return session;
    };
    const result = await findOrganizationKeysNeedingAttention([source()], { ...options, readCsv });
    assert.equal(result.partial, false);
    assert.deepEqual(result.failedAccounts.map((f) => f.accountId), DENYING.map(memberAccountId));
    assert.deepEqual(result.skippedAccounts.map((s) => s.accountId), SUSPENDED.map(memberAccountId));
    assert.deepEqual(result.accountResults.map((a) => a.accountId).sort(), trusting().map((a) => a.id).sort());
    for (const account of result.accountResults) {
      assert.equal(account.source, account.accountId === memberAccountId(REPORT_DENIED) ? 'live' : 'credential-report', account.accountId);
    }
    // The emulator's own data: every active user key older than 92 days is flagged "rotation due";
    // none younger than 88 days is.
    let oldKeys = 0;
    for (const account of trusting()) {
      const flagged = new Set(result.keys.filter((k) => k.account === account.id && k.findings.some((f) => f.code === 'rotation-due')).map((k) => k.accessKeyId));
      for (const user of account.store.users()) {
        for (const key of user.accessKeys) {
          const age = (now.getTime() - key.createDate.getTime()) / DAY;
          if (key.status === 'Active' && age > 92) oldKeys++;
          if (key.status === 'Active' && age > 92) assert.ok(flagged.has(key.accessKeyId), `${account.id} ${key.accessKeyId} (${Math.floor(age)} days) is flagged`);
          if (age < 88) assert.ok(!flagged.has(key.accessKeyId), `${account.id} ${key.accessKeyId} (${Math.floor(age)} days) is not`);
        }
      }
    }
    assert.ok(oldKeys > 0, 'the emulator holds keys old enough to check');

    const byAccount = emulator.counters().byAccount;
    const reportAccount = trusting().find((a) => a.id !== memberAccountId(REPORT_DENIED) && a.id !== EMULATOR_ACCOUNT_ID);
    assert.ok(reportAccount);
    assert.equal(byAccount[reportAccount.id]?.GenerateCredentialReport, 2, 'generate, then generate answering COMPLETE');
    assert.equal(byAccount[reportAccount.id]?.GetCredentialReport, 1);
    assert.equal(byAccount[reportAccount.id]?.ListUsers, undefined, 'no user listing on the report path');
    assert.ok((byAccount[memberAccountId(REPORT_DENIED)]?.ListUsers ?? 0) >= 1, 'the denied account is listed live');

    // A report of the last 4 hours is read as it is: 2 calls.
    emulator.resetCounters();
    const again = await findOrganizationKeysNeedingAttention([source()], { ...options, readCsv });
    assert.equal(again.keys.length, result.keys.length);
    assert.equal(emulator.counters().byAccount[reportAccount.id]?.GenerateCredentialReport, 1, 'IAM answers COMPLETE');
    assert.equal(emulator.counters().byAccount[reportAccount.id]?.GetCredentialReport, 1);
  });

  it('a cancel keeps the accounts read completely and says the result is partial', async () => {
    const controller = new AbortController();
    const issue = emulator.world.issueRoleSession.bind(emulator.world);
    let issued = 0;
    emulator.world.issueRoleSession = (...args) => {
      if (++issued === 4) controller.abort();
      return issue(...args);
    };
    const result = await exportOrganizationKeys([source()], { ...options, signal: controller.signal });
    assert.equal(result.cancelled, true);
    assert.equal(result.partial, true);
    assert.ok(result.accounts < trusting().length, `${result.accounts} of ${trusting().length} accounts`);
    const exported = new Set(result.rows.map((r) => r.account));
    for (const id of exported) {
      const account = emulator.world.account(id);
      const expected = account?.store.users().reduce((n, u) => n + u.accessKeys.length, 0);
      assert.equal(result.rows.filter((r) => r.account === id).length, expected, `every key of ${id}, or none`);
    }
    assert.ok(Object.keys(emulator.counters().assumeRoleByTarget).length < members().length, 'not every account was entered');
  });
});
