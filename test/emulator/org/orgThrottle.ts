// Throttling per API family and per account, as AWS applies it: a random share
// of requests per family (seeded, for "30% of STS calls throttled"), and a rate
// limit per (account, family) — a token bucket refilled at `ratePerSecond` with
// room for `burst` — for "this account may make N calls a second".
import { SeededRandom } from '../random';

export type ApiFamily = 'iam' | 'sts' | 'organizations' | 'sso';
export const API_FAMILIES: readonly ApiFamily[] = ['iam', 'sts', 'organizations', 'sso'];

export interface RateLimit {
  readonly ratePerSecond: number;
  readonly burst: number;
}

export interface OrgThrottleConfig {
  readonly seed?: number;
  /** Share (0–1) of requests of a family answered with that family's throttling error. */
  readonly rateByFamily?: Readonly<Partial<Record<ApiFamily, number>>>;
  /** Calls per second each account may make to a family; beyond it, throttled. */
  readonly limitByFamily?: Readonly<Partial<Record<ApiFamily, RateLimit>>>;
}

export class OrgThrottle {
  private config: OrgThrottleConfig = {};
  private random = new SeededRandom(1);
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    config: OrgThrottleConfig = {},
    private readonly nowMs: () => number = () => Date.now(),
  ) {
    this.replace(config);
  }

  get current(): OrgThrottleConfig {
    return this.config;
  }

  replace(config: OrgThrottleConfig): void {
    for (const [family, rate] of Object.entries(config.rateByFamily ?? {})) {
      if (!(typeof rate === 'number' && rate >= 0 && rate <= 1)) throw new Error(`rateByFamily.${family} must be from 0 to 1`);
    }
    for (const [family, limit] of Object.entries(config.limitByFamily ?? {})) {
      if (!(limit && limit.ratePerSecond > 0 && limit.burst >= 1)) {
        throw new Error(`limitByFamily.${family} needs ratePerSecond > 0 and burst >= 1`);
      }
    }
    this.config = { ...config };
    this.random = new SeededRandom(config.seed ?? 1);
    this.buckets.clear();
  }

  /** True when this request is to be throttled. Draws one random number per call, always. */
  throttles(family: ApiFamily, accountId: string): boolean {
    const draw = this.random.float();
    if (draw < (this.config.rateByFamily?.[family] ?? 0)) return true;
    const limit = this.config.limitByFamily?.[family];
    if (!limit) return false;
    const key = `${family}|${accountId}`;
    const now = this.nowMs();
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, at: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.ratePerSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return true;
    bucket.tokens -= 1;
    return false;
  }
}
