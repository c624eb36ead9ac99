// Rotation bench: calls and wall time of one rotation against the propagation delay of a new
// key, on a local emulator adding a fixed latency to every call. The host's settings are used
// (first verify retry after 500 ms, doubling up to 2 s, giving up after 30 s).
//
//   node out/test/bench/rotation.js [--latency-ms L] [--delays 0,1000,3000,8000] [--runs N] [--make-room]
//
// Fewest calls: GetCallerIdentity (old key) + ListAccessKeys + CreateAccessKey +
// GetCallerIdentity (new key, once it propagated) + UpdateAccessKey = 5; each verify attempt
// made before the key propagated adds one GetCallerIdentity; deleteOld adds DeleteAccessKey.
// --make-room: the user has a second, Inactive key first and the rotation deletes it (makeRoom):
// the fewest calls are then 6 (DeleteAccessKey of the other key on top; its last use is read
// only when it is named in a refusal).
import { rotateAccessKey } from '../../src/aws/rotateAccessKey';
import { startIamEmulator } from '../emulator/index';
import { ROTATED_USER, rotationFixture } from '../support/rotationFixture';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const latencyMs = Number(option('--latency-ms', '20'));
  const delays = option('--delays', '0,1000,3000,8000').split(',').map(Number);
  const runs = Number(option('--runs', '3'));
  const makeRoom = process.argv.includes('--make-room');
  const rows: string[][] = [];
  for (const delay of delays) {
    const times: number[] = [];
    let calls: Record<string, number> = {};
    for (let run = 0; run < runs; run++) {
      const emulator = await startIamEmulator({ seed: 7, latencyMs, faults: { propagationDelayMs: delay } });
      const fixture = await rotationFixture(emulator, { maxAttempts: 3 });
      try {
        if (makeRoom) emulator.store.addAccessKey(ROTATED_USER, { status: 'Inactive' });
        emulator.resetCounters();
        const started = performance.now();
        const outcome = await rotateAccessKey(fixture.request({ makeRoom }), fixture.deps({ verifyIntervalMs: 500 }));
        times.push(performance.now() - started);
        if (outcome.kind !== 'rotated') throw new Error(`rotation did not complete: ${outcome.message}`);
        calls = emulator.counters().byAction;
      } finally {
        await fixture.dispose();
        await emulator.close();
      }
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const total = Object.values(calls).reduce((a, b) => a + b, 0);
    rows.push([
      `${delay} ms`,
      `${Math.round(median)} ms`,
      `${Math.round(median - delay)} ms`,
      String(total),
      `${calls.GetCallerIdentity ?? 0} GetCallerIdentity, ${calls.ListAccessKeys ?? 0} ListAccessKeys, ${calls.GetAccessKeyLastUsed ?? 0} GetAccessKeyLastUsed, ${calls.DeleteAccessKey ?? 0} DeleteAccessKey, ${calls.CreateAccessKey ?? 0} CreateAccessKey, ${calls.UpdateAccessKey ?? 0} UpdateAccessKey`,
    ]);
  }
  const header = ['propagation delay', 'rotation (median)', 'over the delay', 'calls', 'calls by action'];
  console.log(`rotation bench${makeRoom ? ' (make room: an Inactive second key deleted first)' : ''}: latency ${latencyMs} ms per call, ${runs} runs each, node ${process.version}`);
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
