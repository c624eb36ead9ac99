// Account-wide "keys needing attention": the credential report (2–3 calls whatever the number of
// users) against today's per-user path (ListUsers pages, then ListAccessKeys and
// GetAccessKeyLastUsed per user and key, `maxConcurrentRequests` at a time), on the local
// emulator with a fixed latency per call. Both must flag the same users.
//
//   node out/test/bench/attentionScan.js [--users 5000] [--latency-ms 20] [--concurrency 4]
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { fetchCredentialReport } from '../../src/aws/credentialReport';
import { readCsv } from '../../src/aws/csvReader';
import { SdkIamApi } from '../../src/aws/sdk/sdkIamApi';
import { sdkHost } from '../../src/aws/sdkHost';
import { assessListedKeys, assessReport, usersNeedingAttention } from '../../src/core/accountHealth';
import { mapWithConcurrency } from '../../src/core/concurrency';
import type { AccessKey, AccessKeyLastUsed } from '../../src/core/types';
import { CALLER_CREDENTIALS, startIamEmulator } from '../emulator';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const users = flag('--users', 5000);
  const latencyMs = flag('--latency-ms', 20);
  const concurrency = flag('--concurrency', 4);
  const emulator = await startIamEmulator({ users, seed: 7, latencyMs });
  const client = { endpoint: emulator.url, region: 'us-east-1', credentials: CALLER_CREDENTIALS, maxAttempts: 5 };
  const iam = new IAMClient(client);
  const sts = new STSClient(client);
  const api = new SdkIamApi(iam, sts, sdkHost);
  const now = new Date(emulator.store.now());
  const thresholds = { now, rotationWarningDays: 90, unusedWarningDays: 45 };
  const total = (): number => Object.values(emulator.counters().byAction).reduce((a, b) => a + (b ?? 0), 0);
  try {
    emulator.resetCounters();
    let start = performance.now();
    const { report } = await fetchCredentialReport(api, { pollIntervalMs: 50, readCsv });
    const viaReport = usersNeedingAttention(assessReport(report, thresholds)).filter((u) => u !== '');
    const reportMs = performance.now() - start;
    const reportCalls = total();

    emulator.resetCounters();
    start = performance.now();
    const listed = await api.listAllUsers({ pageSize: 100 });
    const perUser = await mapWithConcurrency(listed, concurrency, async (user) => {
      const keys = await api.listAllAccessKeys(user.UserName, { pageSize: 100 });
      const used = new Map<string, AccessKeyLastUsed>();
      for (const key of keys) used.set(key.AccessKeyId, await api.getAccessKeyLastUsed(key.AccessKeyId));
      return { keys, used };
    });
    const keys: AccessKey[] = perUser.flatMap((u) => u.keys);
    const lastUsed = new Map(perUser.flatMap((u) => [...u.used]));
    const viaLive = usersNeedingAttention(assessListedKeys(keys, thresholds, { lastUsed: (k) => lastUsed.get(k.AccessKeyId), isRootKey: () => false }));
    const liveMs = performance.now() - start;
    const liveCalls = total();

    const same = viaReport.length === viaLive.length && viaReport.every((u) => viaLive.includes(u));
    if (!same) throw new Error(`the two paths disagree: report ${viaReport.length} users, live ${viaLive.length}`);
    const rows = [
      ['credential report', reportCalls, reportMs, viaReport.length],
      ['per-user (today)', liveCalls, liveMs, viaLive.length],
    ] as const;
    console.log(`attention scan, ${listed.length} users (${users} generated + built-ins), ${latencyMs} ms per call, concurrency ${concurrency}`);
    console.log('| path | IAM calls | time | users needing attention |');
    console.log('|---|---:|---:|---:|');
    for (const [name, calls, ms, flagged] of rows) console.log(`| ${name} | ${calls} | ${(ms / 1000).toFixed(2)} s | ${flagged} |`);
    console.log(`speed-up ${(liveMs / reportMs).toFixed(1)}×, ${(liveCalls / reportCalls).toFixed(0)}× fewer calls`);
  } finally {
    iam.destroy();
    sts.destroy();
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
