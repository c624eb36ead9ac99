// What every scenario shares: run counts, the emulators (one per account size, started once),
// one extension connection per emulator (as one profile in the tree), the peers, and helpers
// that time a run while the emulator counts its calls.
import { type Connection, createConnection } from '../../src/aws/connection';
import type { CounterSnapshot } from '../emulator/index';
import { BENCH_PROFILE, type BenchEnv } from './benchEnv';
import { type EmulatorSpec, type RunningEmulator, spawnEmulator } from './emulatorProcess';
import { type BotoAnswer, type BotoPeer, type CliInfo, runCliJson } from './peers';
import type { Measured } from './report';
import { median, timed } from './stats';

export interface BenchConfig {
  readonly quick: boolean;
  /** Runs of each extension measurement (after one unmeasured warm-up). */
  readonly runs: number;
  /** Runs of long measurements (whole exports, boto3 loops). */
  readonly heavyRuns: number;
  /** Runs of the slowest peer measurements (the sequential boto3 export loop). */
  readonly slowPeerRuns: number;
  /** Runs of aws CLI measurements (each invocation is a new Python process). */
  readonly cliRuns: number;
  readonly latencyMs: number;
  /** Users in the big account (scenarios 1, 2, 6). */
  readonly bigAccount: number;
  /** Users of the export scenario (3) and the hover (4). */
  readonly exportAccount: number;
  /** Users looked up one CLI process at a time in scenario 3 (then extrapolated). */
  readonly cliSampleUsers: number;
  readonly scaleSizes: readonly number[];
  readonly detectorBytes: number;
  readonly memory: { readonly users: number; readonly keysPerUser: number };
  readonly withPeers: boolean;
}

export interface Ctx {
  readonly config: BenchConfig;
  readonly env: BenchEnv;
  readonly cli?: CliInfo;
  readonly boto?: BotoPeer;
  /** Fixed cost of one aws CLI invocation beyond its round trips (measured in the preamble). */
  cliOverheadMs?: number;
  emulator(users: number, extra?: Partial<EmulatorSpec>): Promise<RunningEmulator>;
  connection(emulator: RunningEmulator): Connection;
  log(message: string): void;
  closeAll(): Promise<void>;
}

export function createContext(config: BenchConfig, env: BenchEnv, peers: { cli?: CliInfo; boto?: BotoPeer }, log: (m: string) => void): Ctx {
  const emulators = new Map<string, Promise<RunningEmulator>>();
  const connections = new Map<string, Connection>();
  return {
    config,
    env,
    cli: peers.cli,
    boto: peers.boto,
    log,
    emulator(users, extra = {}) {
      const spec: EmulatorSpec = { users, latencyMs: config.latencyMs, ...extra };
      const key = JSON.stringify(spec);
      let running = emulators.get(key);
      if (!running) {
        running = spawnEmulator(spec).then((emulator) => {
          if (emulator.users !== users) throw new Error(`emulator has ${emulator.users} users, wanted ${users}`);
          return emulator;
        });
        emulators.set(key, running);
      }
      return running;
    },
    connection(emulator) {
      let connection = connections.get(emulator.url);
      if (!connection) {
        // The same settings the extension passes (extension.ts): profile, region, endpoint,
        // default timeout (iamKeys.requestTimeoutSeconds = 15) and 5 attempts.
        connection = createConnection({ profile: BENCH_PROFILE, region: 'us-east-1', endpoint: emulator.url, requestTimeoutMs: 15_000, maxAttempts: 5 });
        connections.set(emulator.url, connection);
      }
      return connection;
    },
    async closeAll() {
      for (const connection of connections.values()) connection.dispose();
      const all = await Promise.allSettled(emulators.values());
      await Promise.all(all.map((r) => (r.status === 'fulfilled' ? r.value.close() : undefined)));
    },
  };
}

export interface CountedRuns {
  readonly samplesMs: number[];
  readonly medianMs: number;
  /** Calls of the last run (every run is checked to make the same number). */
  readonly calls: number;
  readonly byAction: Record<string, number>;
}

/**
 * One unmeasured warm-up (unless `warmup` is false), then `runs` timed runs, each with the
 * emulator's counters reset before and read after. Throws if runs disagree on the call count.
 */
export async function countedRuns(
  emulator: RunningEmulator,
  runs: number,
  run: (i: number) => Promise<unknown>,
  options: { warmup?: boolean; check?: (value: unknown) => void } = {},
): Promise<CountedRuns> {
  if (options.warmup !== false) options.check?.(await run(-1));
  const samplesMs: number[] = [];
  let calls: number | undefined;
  let byAction: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    await emulator.resetCounters();
    const { ms, value } = await timed(() => run(i));
    const snapshot: CounterSnapshot = await emulator.counters();
    options.check?.(value);
    if (snapshot.errorsByCode && Object.keys(snapshot.errorsByCode).length > 0) {
      throw new Error(`errors during a measured run: ${JSON.stringify(snapshot.errorsByCode)}`);
    }
    if (calls !== undefined && snapshot.total !== calls) throw new Error(`call count changed between runs: ${calls} then ${snapshot.total}`);
    calls = snapshot.total;
    byAction = { ...snapshot.byAction };
    samplesMs.push(ms);
  }
  return { samplesMs, medianMs: median(samplesMs), calls: calls ?? 0, byAction };
}

export function measuredFrom(label: string, runs: CountedRuns, extra: Partial<Measured> = {}): Measured {
  return { label, calls: runs.calls, samplesMs: runs.samplesMs, medianMs: runs.medianMs, ...extra };
}

/** Times a boto3 worker operation (its own perf_counter), counting calls at the emulator. */
export async function botoRuns(
  ctx: Ctx,
  emulator: RunningEmulator,
  runs: number,
  command: Record<string, unknown>,
  expectCount?: number,
): Promise<Measured | undefined> {
  const boto = ctx.boto;
  if (!boto) return undefined;
  const samplesMs: number[] = [];
  let calls: number | undefined;
  for (let i = 0; i < runs; i++) {
    await emulator.resetCounters();
    const answer: BotoAnswer = await boto.request({ url: emulator.url, ...command });
    const snapshot = await emulator.counters();
    if (expectCount !== undefined && answer.count !== expectCount) {
      throw new Error(`boto3 ${String(command.op)} returned ${answer.count} items, expected ${expectCount}`);
    }
    if (calls !== undefined && snapshot.total !== calls) throw new Error(`boto3 call count changed: ${calls} then ${snapshot.total}`);
    calls = snapshot.total;
    samplesMs.push(answer.ms);
  }
  return { label: boto.flavour.split(' (')[0] ?? 'boto3', calls, samplesMs, medianMs: median(samplesMs) };
}

/**
 * Runs a sequence of aws CLI invocations (one "run" = all of `invocations`, in order, each a new
 * process) and times the whole. `invocations` gets the previous output to chain NextTokens.
 *
 * Where one process pages through several calls, the CLI's fixed start-up is also estimated
 * right after each run (a one-call invocation, minus one round trip) and subtracted from that
 * run, so drift in machine load hits both alike ("w/o start-up"). Where each process makes one
 * call, that difference would be noise around calls × latency, so it is not shown.
 */
export async function cliRuns<T>(
  ctx: Ctx,
  emulator: RunningEmulator,
  runs: number,
  invocations: (previous: T | undefined, step: number) => string[] | undefined,
  check?: (outputs: T[]) => void,
): Promise<Measured | undefined> {
  const cli = ctx.cli;
  if (!cli) return undefined;
  const samplesMs: number[] = [];
  const adjusted: number[] = [];
  let calls: number | undefined;
  let processes = 0;
  for (let i = 0; i < runs; i++) {
    await emulator.resetCounters();
    let total = 0;
    const outputs: T[] = [];
    let previous: T | undefined;
    for (let step = 0; step < 10_000; step++) {
      const args = invocations(previous, step);
      if (!args) break;
      const { ms, json } = await runCliJson<T>(cli, [...args, '--endpoint-url', emulator.url], ctx.env.peerEnv);
      total += ms;
      outputs.push(json);
      previous = json;
    }
    const snapshot = await emulator.counters();
    check?.(outputs);
    if (calls !== undefined && snapshot.total !== calls) throw new Error(`aws CLI call count changed: ${calls} then ${snapshot.total}`);
    calls = snapshot.total;
    processes = outputs.length;
    samplesMs.push(total);
    if (calls > processes) {
      const one = await runCliJson(cli, ['iam', 'list-access-keys', '--user-name', 'demo-admin', '--endpoint-url', emulator.url], ctx.env.peerEnv);
      const startup = Math.max(0, one.ms - ctx.config.latencyMs);
      adjusted.push(Math.max(0, total - processes * startup));
    }
  }
  return {
    label: processes === 1 ? 'aws CLI' : `aws CLI ×${processes}`,
    calls,
    samplesMs,
    medianMs: median(samplesMs),
    adjustedMs: adjusted.length > 0 ? median(adjusted) : undefined,
  };
}
