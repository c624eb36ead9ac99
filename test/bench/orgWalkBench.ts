// Organization-wide export across 100 accounts × 50 users: our walk (OrganizationSource,
// maxConcurrentAccounts 4) against the limit (round trips × latency ÷ concurrency) and a
// sequential boto3 loop over accounts. Run: node out/test/bench/orgWalkBench.js
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mapWithConcurrency } from '../../src/core/concurrency';
import { OrganizationSource } from '../../src/aws/organization/organizationSource';
import { orgApiBuckets } from '../../src/aws/organization/orgRates';
import { CALLER_CREDENTIALS } from '../emulator/identities';
import { DEFAULT_ROLE_NAME, startOrgEmulator } from '../emulator/org/index';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100);
const USERS = Number(process.env.BENCH_USERS ?? 50);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 10);
const CONCURRENCY = 4;

async function main(): Promise<void> {
  const emulator = await startOrgEmulator({ members: ACCOUNTS, usersPerAccount: USERS, latencyMs: LATENCY_MS, seed: 21 });
  const settings = { profile: 'mgmt', region: 'us-east-1', endpoint: emulator.url, requestTimeoutMs: 15_000, maxAttempts: 5 };
  const org = new OrganizationSource({ profile: 'mgmt', roleName: DEFAULT_ROLE_NAME }, {
    settings,
    buckets: orgApiBuckets(),
    credentials: () => Promise.resolve(CALLER_CREDENTIALS),
  });
  const started = Date.now();
  let keys = 0;
  const result = await org.traversal.walk({
    concurrency: CONCURRENCY,
    visit: async (_account, session) => {
      const users = await session.api.listAllUsers({ pageSize: 1000 });
      const perUser = await mapWithConcurrency(users, 1, (u) => session.api.listAllAccessKeys(u.UserName, { pageSize: 1000 }));
      keys += perUser.reduce((n, k) => n + k.length, 0);
      return users.length;
    },
  });
  const oursMs = Date.now() - started;
  const calls = emulator.counters().total;
  const limitMs = (calls * LATENCY_MS) / CONCURRENCY;
  emulator.resetCounters();
  const env: NodeJS.ProcessEnv = { ...process.env, AWS_ACCESS_KEY_ID: CALLER_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: CALLER_CREDENTIALS.secretAccessKey };
  delete env.AWS_PROFILE;
  const peer = await promisify(execFile)('python3', ['test/bench/peer_boto3_org.py', emulator.url, DEFAULT_ROLE_NAME], { env, maxBuffer: 1 << 20 });
  const boto = JSON.parse(peer.stdout) as { accounts: number; keys: number; calls: number; seconds: number };
  const heap = process.memoryUsage().heapUsed;
  console.log(JSON.stringify({
    accounts: ACCOUNTS, usersPerAccount: USERS, latencyMs: LATENCY_MS, concurrency: CONCURRENCY,
    ours: { ms: oursMs, calls, visited: result.results.length, failures: result.failures.length, keys },
    limitMs: Math.round(limitMs),
    boto3Sequential: { ms: Math.round(boto.seconds * 1000), calls: boto.calls, accounts: boto.accounts, keys: boto.keys },
    heapUsedMB: Math.round(heap / 1e6),
  }));
  org.dispose();
  await emulator.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
