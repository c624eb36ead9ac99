// Child-process entry for the model memory test (test/unit/model.memory.test.ts): loads every
// user and every user's keys of the emulator at `url` through an AccountModel over the real SDK,
// and prints the heap the lists and the session's loaded-key index retain, per key. Its own
// process, so the emulator's and mocha's garbage is not measured; run with --expose-gc (and
// --no-opt --no-sparkplug, so code compiled during the measure does not count as data).
//
//   node --expose-gc --no-opt --no-sparkplug out/test/support/modelMemoryChild.js '{"url":"http://127.0.0.1:PORT","profile":"…"}'
import { createConnection } from '../../src/aws/connection';
import { SessionRegistry } from '../../src/aws/sessionRegistry';
import { mapWithConcurrency } from '../../src/core/concurrency';
import { AccountModels } from '../../src/model/accountModels';

const quiet = { warn: () => undefined, debug: () => undefined, trace: () => undefined };

function settledHeapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const { url, profile } = JSON.parse(process.argv[2] ?? '{}') as { url: string; profile: string };
  const registry = new SessionRegistry({
    settings: () => ({ profiles: [profile] }),
    connect: (name, hooks) => createConnection({ profile: name, region: 'us-east-1', endpoint: url, requestTimeoutMs: 10_000, maxAttempts: 2 }, hooks),
    listProfiles: async () => [{ name: profile, kind: 'static keys', mfa: false }],
    env: () => ({}),
    log: quiet,
  });
  const session = await registry.main();
  if (!session) throw new Error('no session');
  const loadEverything = async (models: AccountModels, users?: number): Promise<number> => {
    const model = models.of(session);
    const all = await model.users.loadAll();
    if (all.kind !== 'loaded') throw new Error(`users: ${all.kind}`);
    const counts = await mapWithConcurrency(model.users.loaded.slice(0, users), 8, async (user) => {
      const list = model.keysOf(user.UserName);
      const outcome = await list.loadNext();
      if (outcome.kind !== 'loaded') throw new Error(`keys of ${user.UserName}: ${outcome.kind}`);
      return list.loaded.length;
    });
    return counts.reduce((a, b) => a + b, 0);
  };
  // Warm-up: the SDK client and the code run once; a reconnect then empties the session's index
  // (the client is made again by one more list).
  const warm = new AccountModels(() => 100);
  await loadEverything(warm, 50);
  warm.clear();
  session.reconnect();
  await loadEverything(new AccountModels(() => 100), 1);

  const before = settledHeapUsed();
  const models = new AccountModels(() => 100);
  const keys = await loadEverything(models);
  const after = settledHeapUsed();
  process.stdout.write(`${JSON.stringify({ keys, indexed: registry.loadedKeys().length, bytesPerKey: Math.round((after - before) / keys) })}\n`);
  models.clear();
  registry.dispose();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
