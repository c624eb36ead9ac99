// Organization-wide export and "keys needing attention" (#13) across 100 accounts × 50 users,
// with the organization emulator in ITS OWN PROCESS (orgEmulatorHost.ts): our code
// (src/aws/organization/orgWide*.ts over OrganizationSource: maxConcurrentAccounts 4, maxConcurrentRequests 4
// inside an account, the STS pace of orgRates.ts) against the limit (round trips × latency ÷
// concurrency) and a sequential boto3 loop over the accounts (peer_boto3_org.py), same
// emulator process; then heap/RSS with 100 accounts × 1,000 keys loaded (an export's rows).
//
//   npm run compile-tests && node --expose-gc out/test/bench/orgWideBench.js [--runs 3] [--no-peer] [--no-memory]
//
// Env: BENCH_ACCOUNTS (100), BENCH_USERS (50), BENCH_LATENCY_MS (10), BENCH_MEMORY_USERS (500,
// 2 keys each). The management account is excluded from our walk, as the peer skips it (it has
// no member role), so both read the same 100 accounts. Only 127.0.0.1 is contacted.
import { execFile } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { OrganizationSource } from '../../src/aws/organization/organizationSource';
import { orgApiBuckets } from '../../src/aws/organization/orgRates';
import { readCsv } from '../../src/aws/csvReader';
import { findOrganizationKeysNeedingAttention, type OrgAttentionResult } from '../../src/aws/organization/orgWideAttention';
import { exportOrganizationKeys, type OrgExportResult } from '../../src/aws/organization/orgWideExport';
import type { OrgWideOptions } from '../../src/aws/organization/orgWideWalk';
import { CALLER_CREDENTIALS, EMULATOR_ACCOUNT_ID } from '../emulator/identities';
import { DEFAULT_ROLE_NAME, type OrgCounterSnapshot } from '../emulator/org/index';
import { stopProcess } from '../support/childProcess';
import { adminClient } from './emulatorProcess';
import { spawnHost } from './hostProcess';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100);
const USERS = Number(process.env.BENCH_USERS ?? 50);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 10);
const MEMORY_USERS = Number(process.env.BENCH_MEMORY_USERS ?? 500);
const ACCOUNT_CONCURRENCY = 4;
const REQUEST_CONCURRENCY = 4;
const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1] || 3) || 3;
const PEER = !argv.includes('--no-peer');
const MEMORY = !argv.includes('--no-memory');

interface OrgHost {
  readonly url: string;
  readonly accounts: number;
  readonly users: number;
  readonly keys: number;
  counters(): Promise<OrgCounterSnapshot>;
  resetCounters(): Promise<void>;
  close(): Promise<void>;
}

async function spawnOrgEmulator(spec: Record<string, unknown>): Promise<OrgHost> {
  const { child, ready } = await spawnHost<{ url: string; accounts: number; users: number; keys: number }>('orgEmulatorHost.js', spec, 120_000);
  const admin = adminClient(ready.url);
  return {
    ...ready,
    counters: () => admin<OrgCounterSnapshot>('GET', '/__org/counters'),
    resetCounters: async () => {
      await admin('POST', '/__org/counters/reset');
    },
    close: () => stopProcess(child, { graceMs: 5000 }),
  };
}

function organization(url: string): OrganizationSource {
  return new OrganizationSource(
    { profile: 'mgmt', roleName: DEFAULT_ROLE_NAME, excludeAccounts: [EMULATOR_ACCOUNT_ID] },
    {
      settings: { profile: 'mgmt', region: 'us-east-1', endpoint: url, requestTimeoutMs: 30_000, maxAttempts: 5 },
      buckets: orgApiBuckets(),
      credentials: () => Promise.resolve(CALLER_CREDENTIALS),
    },
  );
}

const options = (): OrgWideOptions => ({
  concurrency: ACCOUNT_CONCURRENCY,
  perAccountConcurrency: REQUEST_CONCURRENCY,
  thresholds: { now: new Date(), rotationWarningDays: 90, unusedWarningDays: 45 },
});

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

async function timed<T>(host: OrgHost, run: () => Promise<T>): Promise<{ ms: number; calls: number; byAction: Record<string, number>; value: T }> {
  await host.resetCounters();
  const started = performance.now();
  const value = await run();
  const ms = performance.now() - started;
  const counters = await host.counters();
  return { ms, calls: counters.total, byAction: { ...counters.byAction }, value };
}

async function peer(host: OrgHost, mode: string): Promise<{ ms: number; calls: number; accounts: number; keys: number; countedCalls: number }> {
  await host.resetCounters();
  const env: NodeJS.ProcessEnv = { ...process.env, AWS_ACCESS_KEY_ID: CALLER_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: CALLER_CREDENTIALS.secretAccessKey };
  delete env.AWS_PROFILE;
  delete env.AWS_SESSION_TOKEN;
  const script = path.join(__dirname, '../../../test/bench/peer_boto3_org.py');
  const out = await promisify(execFile)('python3', [script, host.url, DEFAULT_ROLE_NAME, mode], { env, maxBuffer: 1 << 20 });
  const result = JSON.parse(out.stdout) as { accounts: number; keys: number; calls: number; seconds: number };
  const counters = await host.counters();
  return { ms: result.seconds * 1000, calls: result.calls, countedCalls: counters.total, accounts: result.accounts, keys: result.keys };
}

function limits(calls: number, assumeRoles: number) {
  const sts = (assumeRoles / 10) * 1000; // orgRates: STS paced at 10/s
  return {
    limitAccountsMs: Math.round((calls * LATENCY_MS) / ACCOUNT_CONCURRENCY),
    limitInFlightMs: Math.round((calls * LATENCY_MS) / (ACCOUNT_CONCURRENCY * REQUEST_CONCURRENCY)),
    stsPaceFloorMs: Math.round(sts),
  };
}

async function main(): Promise<void> {
  const load = { start: os.loadavg().map((l) => Math.round(l * 100) / 100) };
  const out: Record<string, unknown> = { accounts: ACCOUNTS, usersPerAccount: USERS, latencyMs: LATENCY_MS, accountConcurrency: ACCOUNT_CONCURRENCY, requestConcurrency: REQUEST_CONCURRENCY, runs: RUNS };

  const host = await spawnOrgEmulator({ members: ACCOUNTS, usersPerAccount: USERS, latencyMs: LATENCY_MS, seed: 21 });
  out.emulator = { accounts: host.accounts, users: host.users, keys: host.keys };
  try {
    for (const kind of ['export', 'attention'] as const) {
      const samples: { ms: number; calls: number; byAction: Record<string, number> }[] = [];
      let check = '';
      for (let run = 0; run < RUNS; run++) {
        const org = organization(host.url); // fresh: every run assumes every role again
        const r = await timed<OrgExportResult | OrgAttentionResult>(host, () => (kind === 'export' ? exportOrganizationKeys([{ id: 'org', traversal: org.traversal }], options()) : findOrganizationKeysNeedingAttention([{ id: 'org', traversal: org.traversal }], { ...options(), readCsv })));
        org.dispose();
        const failed = r.value.failedAccounts.length;
        if (r.value.accounts !== host.accounts || failed > 0 || r.value.partial) throw new Error(`${kind}: ${r.value.accounts} of ${host.accounts} accounts, ${failed} failed`);
        if (kind === 'export' && 'rows' in r.value && r.value.rows.length !== host.keys) throw new Error(`export: ${r.value.rows.length} rows, the emulator holds ${host.keys} keys`);
        check = kind === 'export' && 'rows' in r.value ? `${r.value.rows.length} keys` : 'keys' in r.value ? `${r.value.keys.length} keys needing attention` : '';
        samples.push({ ms: r.ms, calls: r.calls, byAction: r.byAction });
        console.error(`${kind} run ${run + 1}: ${Math.round(r.ms)} ms, ${r.calls} calls (${check})`);
      }
      const calls = samples[samples.length - 1]!.calls;
      const entry: Record<string, unknown> = {
        oursMedianMs: Math.round(median(samples.map((s) => s.ms))),
        oursMs: samples.map((s) => Math.round(s.ms)),
        calls,
        callsByAction: samples[samples.length - 1]!.byAction,
        result: check,
        ...limits(calls, samples[samples.length - 1]!.byAction.AssumeRole ?? 0),
      };
      if (PEER) {
        const p = await peer(host, kind === 'export' ? 'export-last-used' : 'attention');
        entry.boto3Sequential = { ms: Math.round(p.ms), calls: p.calls, callsCountedByEmulator: p.countedCalls, accounts: p.accounts, keys: p.keys };
        console.error(`${kind} boto3: ${Math.round(p.ms)} ms, ${p.countedCalls} calls`);
      }
      out[kind] = entry;
    }
  } finally {
    await host.close();
  }

  if (MEMORY) {
    const big = await spawnOrgEmulator({ members: ACCOUNTS, usersPerAccount: MEMORY_USERS, keysPerUser: 2, latencyMs: 0, seed: 22 });
    try {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      const before = process.memoryUsage();
      const org = organization(big.url);
      const r = await timed(big, () => exportOrganizationKeys([{ id: 'org', traversal: org.traversal }], options()));
      gc?.();
      const after = process.memoryUsage();
      if (r.value.rows.length !== big.keys) throw new Error(`memory run: ${r.value.rows.length} rows of ${big.keys} keys`);
      out.memory = {
        accounts: big.accounts,
        keysLoaded: r.value.rows.length,
        exportMs: Math.round(r.ms),
        calls: r.calls,
        gcExposed: gc !== undefined,
        heapUsedBeforeMiB: mb(before.heapUsed),
        heapUsedAfterMiB: mb(after.heapUsed),
        heapDeltaMiB: mb(after.heapUsed - before.heapUsed),
        bytesPerKey: Math.round((after.heapUsed - before.heapUsed) / r.value.rows.length),
        rssBeforeMiB: mb(before.rss),
        rssAfterMiB: mb(after.rss),
      };
      org.dispose();
    } finally {
      await big.close();
    }
  }
  out.loadAverage = { ...load, end: os.loadavg().map((l) => Math.round(l * 100) / 100) };
  console.log(JSON.stringify(out, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
