// Child-process entry: the organization emulator for the organization-wide benchmark (#13), in
// its own Node process so its CPU work (SigV4 checks, XML, JSON) never runs on the measured
// client's event loop, as for boto3, which is another process anyway.
//
//   node out/test/bench/orgEmulatorHost.js '{"members":100,"usersPerAccount":50,"latencyMs":10}'
//
// `keysPerUser` tops every member user up to that many keys (the generator gives 0–2). Prints
// one JSON line {url, accounts, users, keys} once listening (member accounts only in the
// counts); counters through the loopback admin routes /__org/counters and /__org/counters/reset.
// Stops on SIGTERM/SIGINT or when its stdin closes (the parent went away).
import { startOrgEmulator } from '../emulator/org/index';
import { serveUntilParentLeaves } from './hostProcess';

interface HostOptions {
  readonly members: number;
  readonly usersPerAccount: number;
  readonly latencyMs: number;
  readonly seed?: number;
  readonly keysPerUser?: number;
  readonly denyingMembers?: number[];
  readonly suspendedMembers?: number[];
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as HostOptions;
  const emulator = await startOrgEmulator({
    members: options.members,
    usersPerAccount: options.usersPerAccount,
    latencyMs: options.latencyMs,
    seed: options.seed ?? 21,
    denyingMembers: options.denyingMembers,
    suspendedMembers: options.suspendedMembers,
  });
  const members = emulator.world.accounts.filter((a) => a !== emulator.world.management);
  let users = 0;
  let keys = 0;
  for (const account of members) {
    const store = account.store;
    for (const user of store.users()) {
      users++;
      if (options.keysPerUser !== undefined) {
        while (user.accessKeys.length < options.keysPerUser) store.addAccessKey(user.userName, { status: 'Active', createDate: new Date('2026-01-15T00:00:00Z') });
      }
      keys += user.accessKeys.length;
    }
  }
  process.stdout.write(`${JSON.stringify({ url: emulator.url, accounts: members.length, users, keys })}\n`);

  serveUntilParentLeaves(() => emulator.close());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
