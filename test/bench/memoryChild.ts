// Child-process entry, run with --expose-gc: the real explorer tree model (SessionRegistry →
// ExplorerProvider → ConnectionNode → UsersNode → UserNode → key records as rows, each list a
// PagedList over SdkIamApi from createConnection), with a stubbed `vscode` module, fully loaded
// from the emulator. Then the hover path (KeyLookup fed by sessionLookupSources, AccessKeyHoverProvider.provideHover)
// over that loaded tree, which is what every hover scans before its cache.
//
//   node --expose-gc out/test/bench/memoryChild.js '{"url":"http://127.0.0.1:PORT", ...}'
//
// Prints one JSON line with heap figures, calls, and hover timings.
import './installStub';
import { createConnection } from '../../src/aws/connection';
import type { IamKeysSettings } from '../../src/config';
import { mapWithConcurrency } from '../../src/core/concurrency';
import { listProfiles } from '../../src/aws/profiles';
import { SessionRegistry } from '../../src/aws/sessionRegistry';
import { ExplorerProvider } from '../../src/explorer/explorerProvider';
import { ViewState } from '../../src/explorer/viewState';
import { AccessKeyHoverProvider } from '../../src/features/hover/accessKeyHoverProvider';
import { KeyLookup } from '../../src/features/hover/keyLookup';
import { sessionLookupSources } from '../../src/features/hover/sessionSources';
import type { Log } from '../../src/log';
import { BENCH_PROFILE } from './benchEnv';
import { adminClient } from './emulatorProcess';
import { nowMs, percentile } from './stats';

interface ChildOptions {
  readonly url: string;
  readonly pageSize: number;
  readonly concurrency: number;
  readonly hoverSamples: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function settle(): number {
  if (!gc) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

const quietLog: Log = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** Kept reachable until the end, so the measured heap holds it. */
const retained: unknown[] = [];

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
  const admin = adminClient(options.url);
  const settings: IamKeysSettings = {
    profiles: [BENCH_PROFILE],
    region: 'us-east-1',
    endpoint: options.url,
    pageSize: options.pageSize,
    rotationWarningDays: 90,
    unusedWarningDays: 45,
    maxConcurrentRequests: 4,
    requestTimeoutMs: 15_000,
    hover: { enabled: true, cacheSeconds: 300, maxLookupsPerMinute: 30 },
    decorations: false,
    allowWriteActions: false,
    organizations: [],
    identityCenter: [],
    maxConcurrentAccounts: 4,
    warnings: [],
  };
  const connect = (profile: string, hooks: Parameters<typeof createConnection>[1]) =>
    createConnection({ profile, region: settings.region, endpoint: settings.endpoint, requestTimeoutMs: settings.requestTimeoutMs, maxAttempts: 5 }, hooks);
  const tree = (pageSize: number): { explorer: ExplorerProvider; registry: SessionRegistry } => {
    const registry = new SessionRegistry({ settings: () => settings, connect, listProfiles, env: () => process.env, log: quietLog });
    const explorer = new ExplorerProvider({ settings: () => ({ ...settings, pageSize }), log: quietLog, now: () => new Date(), view: new ViewState() }, registry);
    return { explorer, registry };
  };

  // Warm-up on a throwaway tree: loads and JIT-compiles the SDK and tree code paths, so the
  // measured growth is data, not code.
  {
    const warm = tree(5);
    const [root] = await warm.explorer.connectionRows();
    if (!root) throw new Error('no connection root (credentials not found?)');
    await root.getChildren();
    await root.users.getChildren();
    for (const user of root.users.userNodes()) await user.getChildren();
    await root.myKeys.getChildren();
    warm.explorer.dispose();
    warm.registry.dispose();
  }
  const heapBefore = settle();
  const rssBefore = process.memoryUsage().rss;
  await admin('POST', '/__admin/counters/reset');

  const t0 = nowMs();
  const { explorer, registry } = tree(settings.pageSize);
  retained.push(explorer, registry);
  const [root] = await explorer.connectionRows();
  if (!root) throw new Error('no connection root');
  await root.getChildren(); // GetCallerIdentity
  await root.users.getChildren(); // first page
  const all = await root.users.loadAll(); // "Load all" on Users
  if (all.kind === 'failed') throw all.error;
  const userNodes = root.users.userNodes();
  await mapWithConcurrency(userNodes, options.concurrency, (node) => node.getChildren());
  const loadMs = nowMs() - t0;
  const counters = await admin<{ total: number; byAction: Record<string, number> }>('GET', '/__admin/counters');
  const loadedKeys = explorer.models.loadedKeys();
  const users = root.users.list.loaded.length;
  const keys = loadedKeys.length;

  const heapAfter = settle();
  const rssAfter = process.memoryUsage().rss;

  // Hover over the loaded tree: every lookup first scans the keys loaded in the explorer.
  const lookup = new KeyLookup(sessionLookupSources(registry, explorer.models), settings.hover);
  const provider = new AccessKeyHoverProvider({ lookup, settings: () => settings, now: () => new Date() });
  const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
  const hoverOnce = async (keyId: string): Promise<unknown> => {
    const line = `aws_access_key_id = ${keyId}`;
    const document = { lineAt: () => ({ text: line }) };
    return provider.provideHover(document as never, { line: 0, character: 25 } as never, token as never);
  };
  const sample = async (keyId: string): Promise<number[]> => {
    const samples: number[] = [];
    for (let i = 0; i < options.hoverSamples; i++) {
      const start = nowMs();
      const hover = await hoverOnce(keyId);
      samples.push(nowMs() - start);
      if (!hover) throw new Error(`no hover for ${keyId}`);
    }
    return samples;
  };
  const inTree = loadedKeys[Math.floor(loadedKeys.length / 2)]?.key.AccessKeyId ?? '';
  const foreign = 'AKIAIOSFODNN7EXAMPLE'; // another account's key: one STS call, then cached
  await hoverOnce(inTree);
  await hoverOnce(foreign);
  await admin('POST', '/__admin/counters/reset');
  const loadedSamples = await sample(inTree);
  const cachedSamples = await sample(foreign);
  const hoverCalls = (await admin<{ total: number }>('GET', '/__admin/counters')).total;
  lookup.dispose();

  const summary = (s: number[]) => ({ n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: Math.max(...s) });
  process.stdout.write(
    `${JSON.stringify({
      users,
      keys,
      userNodes: userNodes.length,
      loadMs,
      calls: counters.total,
      byAction: counters.byAction,
      heapBefore,
      heapAfter,
      heapDeltaBytes: heapAfter - heapBefore,
      rssDeltaBytes: rssAfter - rssBefore,
      hoverCalls,
      hoverLoaded: summary(loadedSamples),
      hoverCachedForeign: summary(cachedSamples),
    })}\n`,
  );
  explorer.dispose();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
