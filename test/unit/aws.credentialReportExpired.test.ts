// fetchCredentialReport (src/aws/credentialReport.ts) when the report IAM still offered ages out
// between GenerateCredentialReport (COMPLETE) and GetCredentialReport (ReportExpired): a new one
// is asked for and read, not the error thrown (#27). Real SDK over HTTP, the emulator's clock.
import assert from 'node:assert/strict';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { STSClient } from '@aws-sdk/client-sts';
import { fetchCredentialReport } from '../../src/aws/credentialReport';
import { readCsv } from '../../src/aws/csvReader';
import { SdkIamApi } from '../../src/aws/sdk/sdkIamApi';
import { sdkHost } from '../../src/aws/sdkHost';
import { CALLER_CREDENTIALS, startIamEmulator, type IamEmulator } from '../emulator';
import { iamClientFor, stsClientFor } from '../emulator/clients';

const T0 = Date.parse('2026-06-01T12:00:00Z');
const HOUR = 3_600_000;

describe('aws/credentialReport: a report that ages out between the calls (#27)', () => {
  let emulator: IamEmulator;
  let iam: IAMClient;
  let sts: STSClient;

  afterEach(async () => {
    iam?.destroy();
    sts?.destroy();
    await emulator?.close();
  });

  it('ReportExpired after COMPLETE: a new report is generated and read', async () => {
    emulator = await startIamEmulator({ users: 0 });
    let clock = T0;
    emulator.store.now = () => new Date(clock);
    iam = iamClientFor(emulator, CALLER_CREDENTIALS, { maxAttempts: 1 });
    sts = stsClientFor(emulator, CALLER_CREDENTIALS);
    const api = new SdkIamApi(iam, sts, sdkHost);
    await fetchCredentialReport(api, { readCsv, pollIntervalMs: 1 });

    // One second before the 4 hours Generate still answers COMPLETE; the read comes after them.
    clock = T0 + 4 * HOUR - 1000;
    const actions: string[] = [];
    const fetched = await fetchCredentialReport(api, {
      readCsv,
      pollIntervalMs: 1,
      onCall: (action) => {
        actions.push(action);
        if (action === 'GetCredentialReport' && clock < T0 + 4 * HOUR) clock = T0 + 4 * HOUR;
      },
    });
    assert.deepEqual(actions, ['GenerateCredentialReport', 'GetCredentialReport', 'GenerateCredentialReport', 'GetCredentialReport']);
    assert.equal(fetched.calls, 4);
    assert.equal(fetched.report.generatedAt.toISOString(), '2026-06-01T16:00:00.000Z');
  });
});
