// Child-process entry: one IAM emulator for the benchmark, in its own Node process so the
// server's CPU work (SigV4 checks, XML) never runs on the measured client's event loop, just as
// for the aws CLI and boto3, which are other processes anyway.
//
//   node out/test/bench/emulatorHost.js '{"users":5000,"latencyMs":20}'
//
// `users` is the TOTAL number of IAM users (the two built-in callers included), so an account of
// 5,000 users lists exactly 5,000. `keysPerUser` tops every user up to that many keys (the
// generator gives 0–2, about 1 on average). Prints one JSON line {url, users, keys} once
// listening; stops on SIGTERM/SIGINT or when its stdin closes (the parent went away).
import { startIamEmulator } from '../emulator/index';
import { serveUntilParentLeaves } from './hostProcess';

interface HostOptions {
  readonly users: number;
  readonly latencyMs: number;
  readonly seed?: number;
  readonly keysPerUser?: number;
}

const BUILT_IN_USERS = 2; // demo-admin and limited-auditor (test/emulator/builtIns.ts)

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as HostOptions;
  const emulator = await startIamEmulator({
    port: 0,
    users: Math.max(0, options.users - BUILT_IN_USERS),
    seed: options.seed ?? 1,
    latencyMs: options.latencyMs,
    jitterMs: 0,
    verifySignatures: true,
  });
  const store = emulator.store;
  if (options.keysPerUser !== undefined) {
    const created = new Date('2026-01-15T00:00:00Z');
    for (const user of store.users()) {
      let have = store.keysOf({ kind: 'user', user }).length;
      while (have < options.keysPerUser) {
        store.addAccessKey(user.userName, { status: 'Active', createDate: created });
        have++;
      }
    }
  }
  const users = store.users();
  const keys = users.reduce((sum, user) => sum + store.keysOf({ kind: 'user', user }).length, 0);
  process.stdout.write(`${JSON.stringify({ url: emulator.url, users: users.length, keys })}\n`);

  serveUntilParentLeaves(() => emulator.close());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
