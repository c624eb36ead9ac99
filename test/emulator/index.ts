// Entry point: start a local IAM/STS endpoint that speaks the real Query wire
// protocol (so the AWS SDK v3 and the aws CLI talk to it unchanged), pages like
// IAM, checks SigV4 signatures, and can inject faults. Dev tooling for tests,
// benchmarks and the demo; never shipped.
import { createHash } from 'node:crypto';
import { CredentialReportState } from './actions';
import { addBuiltInIdentities } from './builtIns';
import { Counters, type CounterSnapshot, type RequestLogEntry, type WriteLogEntry } from './counters';
import { addDemoAccount, startOfTodayUtc } from './demo';
import { FaultInjector, type FaultConfig } from './faults';
import { GENERATED_REFERENCE_DATE, generateAccount } from './generate';
import { BUILT_IN_IDENTITIES, CALLER_CREDENTIALS, EMULATOR_ACCOUNT_ID, type BuiltInIdentities } from './identities';
import { EmulatorHttpServer } from './server';
import { IamStore } from './store';

export interface IamEmulatorOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Loopback only; the only accepted value. */
  readonly host?: '127.0.0.1';
  /** Generated users on top of the built-in ones (default 0). */
  readonly users?: number;
  /** Seed for generated data, short pages and markers (default 1). */
  readonly seed?: number;
  /** Add the small readable demo account (about 25 users). */
  readonly demo?: boolean;
  /** Shorthand for faults.latencyMs / faults.jitterMs. */
  readonly latencyMs?: number;
  readonly jitterMs?: number;
  /** Pages with fewer than MaxItems items, sometimes none, as the IAM docs warn. */
  readonly shortPages?: boolean;
  readonly faults?: FaultConfig;
  /** false turns the SigV4 signature check off (default true). */
  readonly verifySignatures?: boolean;
  /** Record each signed call as its key's last use, as IAM does (default false: the store stays as generated). */
  readonly trackKeyUsage?: boolean;
  /** "Now" for generated dates (default 2026-06-01 for generated data, today for the demo). */
  readonly referenceDate?: Date;
  /** How long a credential report takes to make, by the store's clock (default 0). */
  readonly credentialReportDelayMs?: number;
}

export interface IamEmulator {
  /** e.g. "http://127.0.0.1:43123" — use as the SDK's `endpoint` or the CLI's --endpoint-url. */
  readonly url: string;
  readonly port: number;
  /** The account behind the endpoint: read it for expected answers, mutate it between calls. */
  readonly store: IamStore;
  readonly identities: BuiltInIdentities;
  counters(): CounterSnapshot;
  resetCounters(): void;
  /** Most recent requests (at most 1000), oldest first. */
  requestLog(): readonly RequestLogEntry[];
  /** Every write action (CreateAccessKey, UpdateAccessKey, DeleteAccessKey, CreateUser) since start or clearWriteLog(). */
  writeLog(): readonly WriteLogEntry[];
  clearWriteLog(): void;
  /** Merges into the fault config (a given seed restarts the fault PRNG). */
  setFaults(partial: FaultConfig): void;
  /** Replaces the whole fault config (what POST /__admin/faults does). */
  replaceFaults(config: FaultConfig): void;
  faults(): FaultConfig;
  /** Closes the port and every connection, including hung and trickling ones. */
  close(): Promise<void>;
}

export async function startIamEmulator(options: IamEmulatorOptions = {}): Promise<IamEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('the IAM emulator only listens on 127.0.0.1');
  const seed = options.seed ?? 1;
  const store = buildStore(options, seed);
  const faults = new FaultInjector({
    ...options.faults,
    latencyMs: options.latencyMs ?? options.faults?.latencyMs,
    jitterMs: options.jitterMs ?? options.faults?.jitterMs,
  });
  const counters = new Counters();
  const server = new EmulatorHttpServer({
    store,
    faults,
    counters,
    credentialReport: new CredentialReportState(options.credentialReportDelayMs ?? 0),
    paging: {
      secret: createHash('sha256').update(`iam-emulator-markers:${seed}`).digest(),
      shortPagesSeed: options.shortPages ? seed : undefined,
    },
    trackKeyUsage: options.trackKeyUsage ?? false,
    auth: { verifySignatures: options.verifySignatures ?? true, fallbackAccessKeyId: CALLER_CREDENTIALS.accessKeyId },
  });
  const address = await server.listen(options.port ?? 0, host);
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    store,
    identities: BUILT_IN_IDENTITIES,
    counters: () => counters.snapshot(),
    resetCounters: () => counters.reset(),
    requestLog: () => counters.requestLog(),
    writeLog: () => counters.writeLog(),
    clearWriteLog: () => counters.clearWriteLog(),
    setFaults: (partial) => faults.update(partial),
    replaceFaults: (config) => faults.replace(config),
    faults: () => faults.config,
    close: () => server.close(),
  };
}

/** Built-in identities, then the demo account and/or generated users, all from the seed. */
export function buildStore(options: Pick<IamEmulatorOptions, 'users' | 'demo' | 'referenceDate'>, seed: number): IamStore {
  const referenceDate = options.referenceDate ?? (options.demo ? startOfTodayUtc() : GENERATED_REFERENCE_DATE);
  const store = new IamStore({
    accountId: EMULATOR_ACCOUNT_ID,
    seed,
    rootCreateDate: new Date(referenceDate.getTime() - 2500 * 86_400_000),
  });
  addBuiltInIdentities(store, referenceDate);
  if (options.demo) addDemoAccount(store, referenceDate);
  if (options.users) generateAccount(store, { users: options.users, seed, referenceDate });
  return store;
}

export type { FaultConfig, ActionFault } from './faults';
export type { CounterSnapshot, RequestLogEntry, FaultKind, WriteLogEntry, WriteObserver } from './counters';
export { observeWrites } from './counters';
export type { IamStore, StoredUser, StoredAccessKey, KeyLastUsed, AccessKeyStatus } from './store';
export * from './identities';
