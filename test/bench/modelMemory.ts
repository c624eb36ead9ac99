// Memory of an organization's keys loaded THROUGH THE MODEL the tree reads (#22): the real
// explorer (ExplorerProvider → OrganizationNode → AccountNode → UsersNode → UserNode → key
// rows, which are the key records, each list an AccountModel's over the real SDK from
// OrganizationSource, roles assumed over HTTP) against the organization emulator in ITS OWN PROCESS (orgEmulatorHost.ts:
// 100 member accounts × 500 users × 2 keys by default), with a stubbed `vscode` module. Every
// account, user and key row is fetched and rendered (getChildren + getTreeItem) as the view does
// when everything is expanded; then heap used (after full GCs) against before.
//
//   npm run compile-tests && node --expose-gc out/test/bench/modelMemory.js [--accounts 100] [--users 500] [--snapshot PREFIX]
//
// Prints one JSON line: keys, calls, heap before/after, bytes per key, RSS. A warm-up over the
// first account (then dropped) compiles the code paths, so the growth measured is data.
// --snapshot writes PREFIX.before/.after.heapsnapshot (see where the bytes go).
import './installStub';
import * as os from 'node:os';
import * as v8 from 'node:v8';
import { OrgSources } from '../../src/aws/organization/orgSources';
import { createConnection } from '../../src/aws/connection';
import { listProfiles } from '../../src/aws/profiles';
import { SessionRegistry } from '../../src/aws/sessionRegistry';
import type { IamKeysSettings } from '../../src/config';
import { mapWithConcurrency } from '../../src/core/concurrency';
import { ExplorerProvider } from '../../src/explorer/explorerProvider';
import { AccountNode } from '../../src/explorer/nodes/accountNode';
import { OrganizationNode } from '../../src/explorer/nodes/organizationNode';
import { isKeyElement, type TreeElement } from '../../src/explorer/nodes/treeElement';
import { UserNode } from '../../src/explorer/nodes/userNode';
import { UsersNode } from '../../src/explorer/nodes/usersNode';
import { ViewState } from '../../src/explorer/viewState';
import type { Log } from '../../src/log';
import { EMULATOR_ACCOUNT_ID } from '../emulator/identities';
import { DEFAULT_ROLE_NAME, type OrgCounterSnapshot } from '../emulator/org/index';
import { stopProcess } from '../support/childProcess';
import { BENCH_PROFILE, setUpBenchEnv } from './benchEnv';
import { adminClient } from './emulatorProcess';
import { spawnHost } from './hostProcess';
import { nowMs } from './stats';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number): number => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const ACCOUNTS = arg('--accounts', 100);
const USERS = arg('--users', 500);
const SNAPSHOT = argv.includes('--snapshot') ? argv[argv.indexOf('--snapshot') + 1] : undefined;
/** Accounts entered at once, and users' key lists loaded at once inside one account. */
const ACCOUNT_CONCURRENCY = 4;
const USER_CONCURRENCY = 4;

const gc = (globalThis as { gc?: () => void }).gc;
function settle(): number {
  if (!gc) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}
const mib = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;
const quietLog: Log = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

interface Tree {
  readonly explorer: ExplorerProvider;
  readonly registry: SessionRegistry;
  readonly organizations: OrgSources;
}

function buildTree(url: string): Tree {
  const settings: IamKeysSettings = {
    profiles: [BENCH_PROFILE],
    region: 'us-east-1',
    endpoint: url,
    pageSize: 100,
    rotationWarningDays: 90,
    unusedWarningDays: 45,
    maxConcurrentRequests: 4,
    requestTimeoutMs: 30_000,
    hover: { enabled: true, cacheSeconds: 300, maxLookupsPerMinute: 30 },
    decorations: false,
    allowWriteActions: false,
    organizations: [{ profile: BENCH_PROFILE, roleName: DEFAULT_ROLE_NAME, excludeAccounts: [EMULATOR_ACCOUNT_ID] }],
    identityCenter: [],
    maxConcurrentAccounts: ACCOUNT_CONCURRENCY,
    warnings: [],
  };
  const connect = (profile: string, hooks: Parameters<typeof createConnection>[1]) =>
    createConnection({ profile, region: settings.region, endpoint: settings.endpoint, requestTimeoutMs: settings.requestTimeoutMs, maxAttempts: 5 }, hooks);
  const registry = new SessionRegistry({ settings: () => settings, connect, listProfiles, env: () => process.env, log: quietLog });
  const organizations = new OrgSources({ settings: () => settings, registry, maxAttempts: 5, log: quietLog });
  const explorer = new ExplorerProvider({ settings: () => settings, log: quietLog, now: () => new Date(), view: new ViewState() }, registry, organizations);
  return { explorer, registry, organizations };
}

/** What the view does for an expanded row: fetch its children, render each. */
async function expand(explorer: ExplorerProvider, node: TreeElement | undefined): Promise<TreeElement[]> {
  const children = await explorer.getChildren(node);
  for (const child of children) explorer.getTreeItem(child);
  return children;
}

/** Expands the organization, `accounts` of its accounts, their users (all) and every user's keys; returns the key rows rendered. */
async function expandAll(tree: Tree, accounts: number): Promise<number> {
  const org = (await expand(tree.explorer, undefined)).find((row): row is OrganizationNode => row instanceof OrganizationNode);
  if (!org) throw new Error('no organization row');
  await expand(tree.explorer, org);
  await org.loadAll();
  const accountRows = (await expand(tree.explorer, org)).filter((row): row is AccountNode => row instanceof AccountNode)
    // The management account is excluded (as in the organization-wide bench): a greyed row.
    .filter((row) => row.source.traversal.entry(row.account).kind !== 'skipped')
    .slice(0, accounts);
  const keyRows = await mapWithConcurrency(accountRows, ACCOUNT_CONCURRENCY, async (account) => {
    const users = (await expand(tree.explorer, account)).find((row): row is UsersNode => row instanceof UsersNode);
    if (!users) throw new Error(`${account.id}: no Users row`);
    await expand(tree.explorer, users);
    const all = await users.loadAll();
    if (all.kind === 'failed') throw all.error;
    const userRows = (await expand(tree.explorer, users)).filter((row): row is UserNode => row instanceof UserNode);
    const counts = await mapWithConcurrency(userRows, USER_CONCURRENCY, async (user) => (await expand(tree.explorer, user)).filter(isKeyElement).length);
    return counts.reduce((a, b) => a + b, 0);
  });
  return keyRows.reduce((a, b) => a + b, 0);
}

function dispose(tree: Tree): void {
  tree.explorer.dispose();
  tree.organizations.dispose();
  tree.registry.dispose();
}

/** Kept reachable until the end, so the measured heap holds it. */
const retained: unknown[] = [];

async function main(): Promise<void> {
  const env = setUpBenchEnv();
  const load = { start: os.loadavg().map((l) => Math.round(l * 100) / 100) };
  const { child, ready } = await spawnHost<{ url: string; accounts: number; users: number; keys: number }>(
    'orgEmulatorHost.js',
    { members: ACCOUNTS, usersPerAccount: USERS, keysPerUser: 2, latencyMs: 0, seed: 22 },
    180_000,
  );
  const admin = adminClient(ready.url);
  try {
    // Warm-up on a throwaway tree: one account, so the SDK and tree code is loaded and compiled.
    const warm = buildTree(ready.url);
    await expandAll(warm, 1);
    dispose(warm);

    const heapBefore = settle();
    if (SNAPSHOT) v8.writeHeapSnapshot(`${SNAPSHOT}.before.heapsnapshot`);
    const rssBefore = process.memoryUsage().rss;
    await admin('POST', '/__org/counters/reset');
    const t0 = nowMs();
    const tree = buildTree(ready.url);
    retained.push(tree);
    const keyRows = await expandAll(tree, ACCOUNTS);
    const loadMs = nowMs() - t0;
    const counters = await admin<OrgCounterSnapshot>('GET', '/__org/counters');
    const heapAfter = settle();
    const rssAfter = process.memoryUsage().rss;
    if (keyRows !== ready.keys) throw new Error(`${keyRows} key rows, the emulator holds ${ready.keys} keys`);
    if (SNAPSHOT) v8.writeHeapSnapshot(`${SNAPSHOT}.after.heapsnapshot`);
    const out = {
      accounts: ready.accounts,
      users: ready.users,
      keys: keyRows,
      loadMs: Math.round(loadMs),
      calls: counters.total,
      callsByAction: counters.byAction,
      heapUsedBeforeMiB: mib(heapBefore),
      heapUsedAfterMiB: mib(heapAfter),
      heapDeltaMiB: mib(heapAfter - heapBefore),
      bytesPerKey: Math.round((heapAfter - heapBefore) / keyRows),
      rssBeforeMiB: mib(rssBefore),
      rssAfterMiB: mib(rssAfter),
      node: process.version,
      loadAverage: { ...load, end: os.loadavg().map((l) => Math.round(l * 100) / 100) },
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    dispose(tree);
  } finally {
    await stopProcess(child, { graceMs: 5000 });
    env.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
