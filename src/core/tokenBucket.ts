// A token bucket per API family (STS, SSO, Organizations): at most `burst` calls at once, then
// `ratePerSecond` on average. Callers reserve a slot and wait their turn, first come first
// served, so a walk over hundreds of accounts paces itself instead of being throttled (Identity
// Center documents 20 requests per second; STS and Organizations limits are unpublished). The
// clock and sleep are injected so tests don't wait.
import { AbortError } from './concurrency';

export type Clock = () => number;
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface TokenBucketRate {
  readonly ratePerSecond: number;
  readonly burst: number;
}

export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    readonly rate: TokenBucketRate,
    private readonly now: Clock = Date.now,
    private readonly sleep: Sleep = sleepFor,
  ) {
    if (!(rate.ratePerSecond > 0 && Number.isFinite(rate.ratePerSecond))) {
      throw new RangeError(`ratePerSecond must be a finite number > 0, not ${rate.ratePerSecond}`);
    }
    if (!(rate.burst >= 1 && Number.isFinite(rate.burst))) throw new RangeError(`burst must be a finite number ≥ 1, not ${rate.burst}`);
    this.tokens = rate.burst;
    this.at = now();
  }

  /** Takes a slot now and returns how long (ms) its holder must wait before calling. */
  reserve(): number {
    this.refill();
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.rate.ratePerSecond);
  }

  /** Gives back a slot reserved but not used (the caller gave up). */
  release(): void {
    this.refill();
    this.tokens = Math.min(this.rate.burst, this.tokens + 1);
  }

  /** Waits for a slot; rejects with AbortError (and gives the slot back) when `signal` aborts first. */
  async take(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
    const wait = this.reserve();
    if (wait === 0) return;
    try {
      await this.sleep(wait, signal);
    } catch (error) {
      this.release();
      throw error;
    }
  }

  private refill(): void {
    const t = this.now();
    if (t > this.at) {
      this.tokens = Math.min(this.rate.burst, this.tokens + ((t - this.at) * this.rate.ratePerSecond) / 1000);
      this.at = t;
    }
  }
}

/** One bucket per API family, made on first use. */
export class TokenBuckets<Family extends string> {
  private readonly buckets = new Map<Family, TokenBucket>();

  constructor(
    private readonly rates: Readonly<Record<Family, TokenBucketRate>>,
    private readonly now: Clock = Date.now,
    private readonly sleep: Sleep = sleepFor,
  ) {}

  of(family: Family): TokenBucket {
    let bucket = this.buckets.get(family);
    if (!bucket) this.buckets.set(family, (bucket = new TokenBucket(this.rates[family], this.now, this.sleep)));
    return bucket;
  }
}

function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortError(undefined, { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
