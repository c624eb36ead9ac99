// What the emulator saw, for tests and benchmarks to assert on: calls per
// action (counted on arrival, so dropped and hung requests count too), calls
// per action and user, error answers by code, injected faults by kind, and a
// bounded log of recent requests.

export type FaultKind = 'latency' | 'throttle' | 'serverError' | 'drop' | 'hang' | 'garbage' | 'slowLoris' | 'accessDenied';

export interface CounterSnapshot {
  /** API requests received (admin routes excluded). */
  readonly total: number;
  readonly byAction: Readonly<Record<string, number>>;
  /** action → user name → calls, for calls about a user (named or implied). */
  readonly byActionAndUser: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Error answers sent, by IAM error code (injected or genuine). */
  readonly errorsByCode: Readonly<Record<string, number>>;
  readonly faultsInjected: Readonly<Partial<Record<FaultKind, number>>>;
  readonly faultsTotal: number;
}

export interface RequestLogEntry {
  readonly seq: number;
  readonly time: string;
  readonly action: string;
  readonly accessKeyId?: string;
  /** The AccessKeyId parameter the request asks about (GetAccessKeyLastUsed, UpdateAccessKey…). */
  readonly askedAccessKeyId?: string;
  readonly userName?: string;
  /** HTTP status sent; undefined when no answer was sent (drop, hang). */
  readonly status?: number;
  readonly errorCode?: string;
  readonly fault?: FaultKind;
}

/** Actions that change the account: every one that arrives is kept in the write log. */
export const WRITE_ACTIONS: ReadonlySet<string> = new Set(['CreateUser', 'CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey']);

/** One write action as it arrived and how it was answered. */
export interface WriteLogEntry {
  readonly seq: number;
  readonly time: string;
  readonly action: string;
  /** The key made, changed or deleted (the AccessKeyId parameter when the action failed). */
  readonly accessKeyId?: string;
  readonly userName?: string;
  /** Undefined when no answer was sent. */
  readonly status?: number;
  readonly errorCode?: string;
  readonly fault?: string;
}

const LOG_LIMIT = 1000;

/** Told of every write any emulator in this process records, whatever clearWriteLog() does later. */
export type WriteObserver = (entry: WriteLogEntry) => void;
const writeObservers = new Set<WriteObserver>();

/** Sees every write action arriving at any emulator of this process (the in-host suite's whole-run check); returns the unsubscribe. */
export function observeWrites(observer: WriteObserver): () => void {
  writeObservers.add(observer);
  return () => writeObservers.delete(observer);
}

export class Counters {
  private total = 0;
  private byAction = new Map<string, number>();
  private byActionAndUser = new Map<string, Map<string, number>>();
  private errorsByCode = new Map<string, number>();
  private faults = new Map<FaultKind, number>();
  private log: RequestLogEntry[] = [];
  private writes: WriteLogEntry[] = [];
  private seq = 0;
  private writeSeq = 0;

  recordArrival(action: string): void {
    this.total++;
    increment(this.byAction, action);
  }

  recordSubject(action: string, userName: string): void {
    let perUser = this.byActionAndUser.get(action);
    if (!perUser) {
      perUser = new Map();
      this.byActionAndUser.set(action, perUser);
    }
    increment(perUser, userName);
  }

  recordError(code: string): void {
    increment(this.errorsByCode, code);
  }

  recordFault(kind: FaultKind): void {
    increment(this.faults, kind);
  }

  recordLog(entry: Omit<RequestLogEntry, 'seq' | 'time'>): void {
    this.log.push({ seq: ++this.seq, time: new Date().toISOString(), ...entry });
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
  }

  recordWrite(entry: Omit<WriteLogEntry, 'seq' | 'time'>): void {
    const write = { seq: ++this.writeSeq, time: new Date().toISOString(), ...entry };
    this.writes.push(write);
    for (const observer of writeObservers) observer(write);
  }

  /** Every write action since the start (or the last clearWriteLog), oldest first; not cleared by reset(). */
  writeLog(): readonly WriteLogEntry[] {
    return [...this.writes];
  }

  clearWriteLog(): void {
    this.writes = [];
  }

  snapshot(): CounterSnapshot {
    const faultsInjected = Object.fromEntries(this.faults) as Partial<Record<FaultKind, number>>;
    return {
      total: this.total,
      byAction: Object.fromEntries(this.byAction),
      byActionAndUser: Object.fromEntries([...this.byActionAndUser].map(([action, users]) => [action, Object.fromEntries(users)])),
      errorsByCode: Object.fromEntries(this.errorsByCode),
      faultsInjected,
      faultsTotal: [...this.faults.values()].reduce((sum, n) => sum + n, 0),
    };
  }

  /** Most recent requests, oldest first (at most 1000). */
  requestLog(): readonly RequestLogEntry[] {
    return [...this.log];
  }

  reset(): void {
    this.total = 0;
    this.byAction = new Map();
    this.byActionAndUser = new Map();
    this.errorsByCode = new Map();
    this.faults = new Map();
    this.log = [];
  }
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
