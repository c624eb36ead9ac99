// The credential report end to end over HTTP: the emulator's 4-hour rule and ReportInProgress,
// fetchCredentialReport's calls and polling through the real SDK, the CSV read by csv-parse
// into both key slots, and the account judged by HEALTH_RULES. Expected values by hand.
import assert from 'node:assert/strict';
import { GenerateCredentialReportCommand, GetCredentialReportCommand, type IAMClient } from '@aws-sdk/client-iam';
import type { STSClient } from '@aws-sdk/client-sts';
import { fetchCredentialReport } from '../../src/aws/credentialReport';
import { readCsv } from '../../src/aws/csvReader';
import { classifyError } from '../../src/aws/errors';
import { SdkIamApi } from '../../src/aws/sdk/sdkIamApi';
import { sdkHost } from '../../src/aws/sdkHost';
import { assessReport, usersNeedingAttention } from '../../src/core/accountHealth';
import { parseCredentialReport, reportAgeHours } from '../../src/core/credentialReport';
import { CALLER_CREDENTIALS, startIamEmulator, type IamEmulator } from '../emulator';
import { captureError, iamClientFor, stsClientFor } from '../emulator/clients';

const T0 = Date.parse('2026-06-01T12:00:00Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('aws/credentialReport', () => {
  let emulator: IamEmulator;
  let iam: IAMClient;
  let sts: STSClient;
  let api: SdkIamApi;
  let clock: number;

  async function start(delayMs: number): Promise<void> {
    emulator = await startIamEmulator({ users: 0, credentialReportDelayMs: delayMs });
    clock = T0;
    emulator.store.now = () => new Date(clock);
    iam = iamClientFor(emulator, CALLER_CREDENTIALS, { maxAttempts: 1 });
    sts = stsClientFor(emulator, CALLER_CREDENTIALS);
    api = new SdkIamApi(iam, sts, sdkHost);
  }

  afterEach(async () => {
    iam?.destroy();
    sts?.destroy();
    await emulator?.close();
  });

  describe('emulator: GenerateCredentialReport / GetCredentialReport', () => {
    it('STARTED, INPROGRESS and ReportInProgress while it is made; COMPLETE and reused for 4 hours; then ReportExpired and a new one', async () => {
      await start(5 * 60_000);
      const generate = async (): Promise<string | undefined> => (await iam.send(new GenerateCredentialReportCommand({}))).State;
      const csv = async (): Promise<string> => Buffer.from((await iam.send(new GetCredentialReportCommand({}))).Content ?? new Uint8Array()).toString('utf8');

      assert.equal((await captureError(iam.send(new GetCredentialReportCommand({})))).code, 'ReportNotPresent');
      assert.equal(await generate(), 'STARTED');
      assert.equal(await generate(), 'INPROGRESS');
      const inProgress = await captureError(iam.send(new GetCredentialReportCommand({})));
      assert.equal(inProgress.code, 'ReportInProgress');
      assert.equal(inProgress.httpStatus, 404);

      clock = T0 + 5 * 60_000;
      assert.equal(await generate(), 'COMPLETE');
      const first = await iam.send(new GetCredentialReportCommand({}));
      assert.equal(first.GeneratedTime?.toISOString(), '2026-06-01T12:00:00.000Z');
      assert.doesNotMatch(await csv(), /^late-user,/m);

      // A user added later is not in the report IAM keeps for 4 hours.
      emulator.store.addUser({ userName: 'late-user', createDate: new Date(clock) });
      clock = T0 + 4 * HOUR - 1000;
      assert.equal(await generate(), 'COMPLETE');
      assert.doesNotMatch(await csv(), /^late-user,/m);

      clock = T0 + 4 * HOUR;
      const expired = await captureError(iam.send(new GetCredentialReportCommand({})));
      assert.equal(expired.code, 'ReportExpired');
      assert.equal(expired.httpStatus, 410);
      assert.equal(await generate(), 'STARTED');
      clock += 5 * 60_000;
      assert.match(await csv(), /^late-user,/m);
    });
  });

  describe('fetchCredentialReport', () => {
    it('takes 2 calls when the report is ready after one wait, and 2 again while it is fresh', async () => {
      await start(0);
      const actions: string[] = [];
      const first = await fetchCredentialReport(api, { readCsv, pollIntervalMs: 1, onCall: (a) => actions.push(a) });
      assert.equal(first.calls, 2);
      assert.deepEqual(actions, ['GenerateCredentialReport', 'GetCredentialReport']);
      const second = await fetchCredentialReport(api, { readCsv, pollIntervalMs: 1 });
      assert.equal(second.calls, 2);
      assert.equal(emulator.counters().byAction.GenerateCredentialReport, 2);
      assert.equal(emulator.counters().byAction.GetCredentialReport, 2);
      assert.equal(second.report.generatedAt.toISOString(), '2026-06-01T12:00:00.000Z');
      assert.equal(reportAgeHours(second.report, new Date(T0 + 3 * HOUR + 59 * 60_000)), 3);
    });

    it('polls GetCredentialReport while IAM answers ReportInProgress', async () => {
      await start(10_000);
      // Each poll's wait moves the emulator's clock 4 s: ready at the third read (t = 12 s).
      const actions: string[] = [];
      const fetched = await fetchCredentialReport(api, { readCsv,
        pollIntervalMs: 1,
        onCall: (a) => {
          actions.push(a);
          if (a === 'GetCredentialReport') clock += 4000;
        },
      });
      assert.deepEqual(actions, ['GenerateCredentialReport', 'GetCredentialReport', 'GetCredentialReport', 'GetCredentialReport']);
      assert.equal(fetched.calls, 4);
      assert.ok(fetched.report.users.some((u) => u.isRoot));
    });

    it('throws AccessDenied as is, for the caller to fall back to live calls', async () => {
      await start(0);
      emulator.setFaults({ denyActions: ['GenerateCredentialReport'] });
      const error = await fetchCredentialReport(api, { readCsv, pollIntervalMs: 1 }).then(
        () => assert.fail('should have been denied'),
        (e: unknown) => e,
      );
      assert.equal(classifyError(error).kind, 'access-denied');
      assert.equal(emulator.counters().byAction.GetCredentialReport ?? 0, 0);
    });

    it('reads both key slots of every user and judges them by the health rules', async () => {
      await start(0);
      const store = emulator.store;
      const at = (days: number): Date => new Date(T0 - days * DAY);
      store.addUser({ userName: 'alice', createDate: at(400), passwordEnabled: true });
      store.addAccessKey('alice', { createDate: at(400), lastUsed: { date: at(1), serviceName: 's3', region: 'eu-west-1' } });
      store.addAccessKey('alice', { createDate: at(10), status: 'Inactive' });
      // Made with the user, never used, console password: CIS 1.11 and (100 days) IAM.22 + IAM.8.
      store.addUser({ userName: 'bob', createDate: at(100), passwordEnabled: true });
      store.addAccessKey('bob', { createDate: at(100) });
      store.addUser({ userName: 'carol', createDate: at(30) });
      store.addAccessKey('carol', { createDate: at(20), lastUsed: { date: at(2), serviceName: 'iam', region: 'us-east-1' } });
      store.addRootAccessKey({ createDate: at(5), lastUsed: { date: at(1), serviceName: 'sts', region: 'us-east-1' } });

      const { report } = await fetchCredentialReport(api, { readCsv, pollIntervalMs: 1 });
      const alice = report.users.find((u) => u.userName === 'alice');
      assert.deepEqual(alice, {
        userName: 'alice',
        arn: `arn:aws:iam::${store.accountId}:user/alice`,
        isRoot: false,
        userCreateDate: at(400),
        passwordEnabled: true,
        keys: [
          { slot: 1, active: true, lastRotated: at(400), lastUsedDate: at(1), lastUsedService: 's3', lastUsedRegion: 'eu-west-1' },
          { slot: 2, active: false, lastRotated: at(10), lastUsedDate: undefined, lastUsedService: undefined, lastUsedRegion: undefined },
        ],
      });
      const root = report.users.find((u) => u.isRoot);
      assert.equal(root?.userName, '');
      assert.equal(root?.passwordEnabled, undefined);

      const assessed = assessReport(report, { now: new Date(T0), rotationWarningDays: 90, unusedWarningDays: 45 });
      const codesOf = (user: string): string[][] => assessed.filter((a) => a.userName === user).map((a) => a.health.findings.map((f) => f.code));
      assert.deepEqual(codesOf('alice'), [['rotation-due'], ['inactive']]);
      assert.deepEqual(codesOf('bob'), [['rotation-due', 'unused', 'unused-90', 'setup-key-unused']]);
      assert.deepEqual(codesOf('carol'), [[]]);
      // Root already has the built-in identities' key; every root slot is critical (IAM.4), ours last.
      const rootCodes = codesOf('');
      assert.ok(rootCodes.length >= 1 && rootCodes.every((c) => c[0] === 'root-key'), JSON.stringify(rootCodes));
      assert.deepEqual(rootCodes.at(-1), ['root-key', 'two-active']);
      const flagged = usersNeedingAttention(assessed);
      assert.ok(flagged.includes('alice') && flagged.includes('bob') && flagged.includes(''));
      assert.ok(!flagged.includes('carol'));
    });
  });

  describe('parseCredentialReport', () => {
    it('reads quoted fields with csv-parse and names missing columns', () => {
      const header = 'user,arn,user_creation_time,password_enabled,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service';
      const row = '"a,b",arn:aws:iam::1:user/x,2024-01-02T03:04:05+00:00,false,true,2024-01-02T03:04:05+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A';
      const report = parseCredentialReport(`${header}\n${row}\n`, new Date(0), readCsv);
      assert.equal(report.users[0]?.userName, 'a,b');
      assert.equal(report.users[0]?.keys.length, 1);
      assert.equal(report.users[0]?.keys[0]?.lastUsedDate, undefined);
      assert.throws(() => parseCredentialReport('user,arn\nx,y\n', new Date(0), readCsv), /lacks the columns user_creation_time, password_enabled, access_key_1_active/);
      assert.throws(() => parseCredentialReport('user,arn\n"x,y\n', new Date(0), readCsv), /not valid CSV/);
    });
  });
});
