// Guards for the hover's IAM lookups: a file full of key IDs must not turn into a burst of
// GetAccessKeyLastUsed calls that throttles the account. MinuteBudget caps new lookups per
// sliding minute (`iamKeys.hover.maxLookupsPerMinute`), TtlCache remembers answers
// (`iamKeys.hover.cacheSeconds`), and InFlight makes concurrent hovers over the same ID share
// one request. Clocks are injected so tests don't sleep.

export type Clock = () => number;

const WINDOW_MS = 60_000;

/** At most `perMinute` takes in any 60-second window. */
export class MinuteBudget {
  private readonly capacity: number;
  /** Ring buffer of take times, oldest at `head`. */
  private readonly times: number[];
  private head = 0;
  private count = 0;

  constructor(
    perMinute: number,
    private readonly now: Clock = Date.now,
  ) {
    if (!(perMinute >= 0) || !Number.isFinite(perMinute)) {
      throw new RangeError(`perMinute must be a finite number ≥ 0, not ${perMinute}`);
    }
    this.capacity = Math.floor(perMinute);
    this.times = new Array<number>(this.capacity);
  }

  private prune(t: number): void {
    while (this.count > 0 && t - (this.times[this.head] as number) >= WINDOW_MS) {
      this.head = (this.head + 1) % this.capacity;
      this.count--;
    }
  }

  /** Takes `units` (default one) if the window has room for all; false (and nothing taken) otherwise. */
  tryTake(units = 1): boolean {
    const t = this.now();
    this.prune(t);
    if (this.count + units > this.capacity) return false;
    for (let i = 0; i < units; i++) {
      this.times[(this.head + this.count) % this.capacity] = t;
      this.count++;
    }
    return true;
  }

  /** Units available right now. */
  remaining(): number {
    this.prune(this.now());
    return this.capacity - this.count;
  }

  /** Milliseconds until `units` (default one) are free (0 if they are now; Infinity if more than the capacity). */
  msUntilNext(units = 1): number {
    const t = this.now();
    this.prune(t);
    const short = this.count + units - this.capacity;
    if (short <= 0) return 0;
    if (units > this.capacity) return Infinity;
    // The `short`-th oldest take has to leave the window.
    return Math.max(0, (this.times[(this.head + short - 1) % this.capacity] as number) + WINDOW_MS - t);
  }
}

interface CacheEntry<V> {
  readonly value: V;
  readonly expires: number;
}

/**
 * A map whose entries vanish `ttlMs` after they were set. Reads refresh an entry's place in
 * the eviction order (not its expiry); beyond `maxEntries` the least recently used go first.
 * A ttl of 0 or less caches nothing.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, CacheEntry<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: Clock = Date.now,
    private readonly maxEntries = 1000,
  ) {
    if (Number.isNaN(ttlMs)) throw new RangeError('ttlMs must be a number');
    if (!(maxEntries >= 1)) throw new RangeError(`maxEntries must be at least 1, not ${maxEntries}`);
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() >= entry.expires) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  has(key: K): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (this.now() >= entry.expires) {
      this.entries.delete(key);
      return false;
    }
    return true;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    if (!(this.ttlMs > 0)) return;
    const t = this.now();
    this.entries.set(key, { value, expires: t + this.ttlMs });
    if (this.entries.size > this.maxEntries) {
      this.dropExpired(t);
      for (const k of this.entries.keys()) {
        if (this.entries.size <= this.maxEntries) break;
        this.entries.delete(k);
      }
    }
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Live (unexpired) entries. */
  get size(): number {
    this.dropExpired(this.now());
    return this.entries.size;
  }

  private dropExpired(t: number): void {
    for (const [k, entry] of this.entries) {
      if (t >= entry.expires) this.entries.delete(k);
    }
  }
}

/** One pending promise per key: callers asking for a key already being fetched share it. */
export class InFlight<K, V> {
  private readonly pending = new Map<K, Promise<V>>();

  /**
   * Returns the pending promise for `key`, or calls `start` and tracks its promise until it
   * settles (fulfilled or rejected), after which the next call starts afresh.
   */
  run(key: K, start: () => Promise<V>): Promise<V> {
    const existing = this.pending.get(key);
    if (existing) return existing;
    let started: Promise<V>;
    try {
      started = Promise.resolve(start());
    } catch (error) {
      started = Promise.reject(error);
    }
    const forget = (): void => {
      if (this.pending.get(key) === tracked) this.pending.delete(key);
    };
    const tracked: Promise<V> = started.then(
      (value) => {
        forget();
        return value;
      },
      (error: unknown) => {
        forget();
        throw error;
      },
    );
    this.pending.set(key, tracked);
    return tracked;
  }

  has(key: K): boolean {
    return this.pending.has(key);
  }

  get size(): number {
    return this.pending.size;
  }
}
