// Resolves an access key ID to what its hover shows, in the order that costs the fewest calls:
// keys the explorer already loaded, then answers remembered for `cacheSeconds`, then what the
// ID itself says (a temporary key, or an account none of the sessions is in), and only then
// AWS (the one owner lookup, aws/keyOwner). Hovers over the same ID share one request, and
// requests are capped per minute (one unit of iamKeys.hover.maxLookupsPerMinute per request,
// shared by hover, diagnostics and the workspace scan) so a file full of key IDs can't throttle
// the account. Editor-free.
import { classifyError } from '../../aws/errors';
import type { KeyInfo } from '../../aws/keyInfo';
import { keyOwnerWithoutCalls, lookUpKeyOwner, type OwnerLookupSession } from '../../aws/keyOwner';
import { accountFromKeyId } from '../../core/accountFromKeyId';
import { canaryToken } from '../../core/canaryAccounts';
import { AbortError, untilAborted } from '../../core/concurrency';
import { type Clock, InFlight, MinuteBudget, TtlCache } from '../../core/lookupLimiter';
import type { AccessKey, AccessKeyLastUsed } from '../../core/types';
import type { LookupResult } from './keyInfo';

/** A key already listed in the explorer, with what its connection knows about it. */
export interface LoadedKeyInfo {
  readonly key: AccessKey;
  readonly profile: string;
  /** The listing connection's account, when known. */
  readonly account?: string;
  readonly root: boolean;
  /** Only when already fetched: reading it must not cost a call. */
  readonly lastUsed?: AccessKeyLastUsed;
  /** GetAccessKeyLastUsed through the connection's memo (shared with the tree's tooltip). */
  readonly fetchLastUsed?: () => Promise<AccessKeyLastUsed>;
}

export interface KeyLookupSources {
  /** The key, when the explorer already listed it. */
  loadedKey(accessKeyId: string): Promise<LoadedKeyInfo | undefined>;
  sessions(): Promise<readonly OwnerLookupSession[]>;
}

export interface KeyLookupLimits {
  readonly cacheSeconds: number;
  readonly maxLookupsPerMinute: number;
}

/**
 * Requests a lookup usually makes, taken from the budget before it starts (so lookups started
 * together don't each wait for their second unit): GetAccessKeyLastUsed and the owner's
 * ListAccessKeys, and STS GetAccessKeyInfo when the ID doesn't carry its account. Any further
 * request (a session's account, other accounts' IAM) waits for room in the window.
 */
function usualRequests(accessKeyId: string): number {
  return accountFromKeyId(accessKeyId) === undefined ? 3 : 2;
}

/** Waits `ms` (abortable); injectable so tests on a fake clock don't sleep. */
export type Wait = (ms: number, signal: AbortSignal) => Promise<void>;

/** Answers worth remembering: facts about the key, not about our situation (errors, limits). */
const CACHEABLE: ReadonlySet<KeyInfo['kind']> = new Set(['found', 'temporary', 'other-account', 'not-found']);

export class KeyLookup {
  private cache!: TtlCache<string, KeyInfo>;
  private budget!: MinuteBudget;
  private limits: KeyLookupLimits | undefined;
  private readonly inFlight = new InFlight<string, KeyInfo>();
  /** Bumped by clear(): an answer started before it must not land in the cache. */
  private generation = 0;
  /** Aborted by dispose(); single hovers never abort a shared request. */
  private readonly lifetime = new AbortController();

  constructor(
    private readonly sources: KeyLookupSources,
    limits: KeyLookupLimits,
    private readonly now: Clock = Date.now,
    private readonly wait: Wait = delay,
  ) {
    this.configure(limits);
  }

  /** Applies new limits; the cache and the budget restart only when theirs changed. */
  configure(limits: KeyLookupLimits): void {
    if (limits.cacheSeconds !== this.limits?.cacheSeconds) this.cache = new TtlCache(limits.cacheSeconds * 1000, this.now);
    if (limits.maxLookupsPerMinute !== this.limits?.maxLookupsPerMinute) this.budget = new MinuteBudget(limits.maxLookupsPerMinute, this.now);
    this.limits = { ...limits };
  }

  /** Forgets what was remembered about one key (it was changed or deleted). */
  forget(accessKeyId: string): void {
    this.generation++;
    this.cache.delete(accessKeyId);
  }

  /** Forgets remembered answers (the connections changed). */
  clear(): void {
    this.generation++;
    this.cache.clear();
  }

  /**
   * What is known about `accessKeyId`. Rejects with AbortError when `signal` aborts; a
   * request shared with other callers goes on and its answer is cached for the next hover.
   */
  async lookup(accessKeyId: string, signal?: AbortSignal): Promise<LookupResult> {
    throwIfAborted(signal);
    // A canary token is named from its ID alone: asking anything about it is not ours to do.
    const canary = canaryToken(accessKeyId);
    if (canary) return { info: { kind: 'canary', accessKeyId, ...canary }, source: 'key-id' };
    const loaded = await this.findLoaded(accessKeyId, signal);
    if (loaded) return { info: loaded, source: 'explorer' };
    throwIfAborted(signal);
    const cached = this.cache.get(accessKeyId);
    if (cached) return { info: cached, source: 'cache' };
    // An answer the key ID gives on its own costs no call, so no budget either.
    if (!this.inFlight.has(accessKeyId) && accountFromKeyId(accessKeyId) !== undefined) {
      const offline = keyOwnerWithoutCalls(await this.sources.sessions().catch(() => []), accessKeyId);
      if (offline) return { info: offline, source: 'key-id' };
      throwIfAborted(signal);
    }
    // Joining a request already on its way costs nothing, so only new ones spend budget: one
    // unit per request, the usual ones taken now.
    let upfront = 0;
    if (!this.inFlight.has(accessKeyId)) {
      const wanted = this.upfrontUnits(accessKeyId);
      upfront = this.budget.tryTake(wanted) ? wanted : 0;
      if (upfront === 0) return { info: { kind: 'limit-reached', accessKeyId, retryInMs: this.budget.msUntilNext(wanted) }, source: 'none' };
    }
    const shared = this.inFlight.run(accessKeyId, () => this.fetch(accessKeyId, upfront));
    return { info: await untilAborted(shared, signal), source: 'aws' };
  }

  /** Stops requests in flight. */
  dispose(): void {
    this.lifetime.abort();
    this.cache.clear();
  }

  /**
   * A key the tree already listed: owner and status cost nothing; its last use costs one
   * call (within the budget), shared with the tree's tooltip so it is asked once per key.
   */
  private async findLoaded(accessKeyId: string, signal: AbortSignal | undefined): Promise<KeyInfo | undefined> {
    const hit = await this.sources.loadedKey(accessKeyId).catch(() => undefined);
    if (!hit) return undefined;
    const { key } = hit;
    let lastUsed = hit.lastUsed;
    if (!lastUsed && hit.fetchLastUsed && this.budget.tryTake()) {
      lastUsed = await untilAborted(hit.fetchLastUsed(), signal).catch((error: unknown) => {
        if (signal?.aborted) throw error;
        return undefined; // owner and status still stand; last use stays unknown
      });
    }
    return { kind: 'found', accessKeyId, account: hit.account ?? '', profile: hit.profile, userName: key.UserName, root: hit.root, key, lastUsed };
  }

  /** The usual requests of a lookup of `accessKeyId`, no more than the cap. */
  private upfrontUnits(accessKeyId: string): number {
    return Math.max(1, Math.min(usualRequests(accessKeyId), Math.floor(this.limits?.maxLookupsPerMinute ?? 1)));
  }

  /** One unit for the next request: from what the lookup took up front, else once the window has room. */
  private async spendUnit(credit: { units: number }): Promise<void> {
    if (credit.units > 0) {
      credit.units--;
      return;
    }
    while (!this.budget.tryTake()) await this.wait(Math.max(1, this.budget.msUntilNext()), this.lifetime.signal);
  }

  private async fetch(accessKeyId: string, upfront: number): Promise<KeyInfo> {
    const generation = this.generation;
    const credit = { units: upfront };
    let info: KeyInfo;
    try {
      const sessions = await this.sources.sessions();
      info = await lookUpKeyOwner(sessions, accessKeyId, this.lifetime.signal, () => this.spendUnit(credit));
    } catch (error) {
      const problem = classifyError(error);
      info = { kind: 'error', accessKeyId, message: problem.message, hint: problem.hint };
    }
    if (CACHEABLE.has(info.kind) && generation === this.generation) this.cache.set(accessKeyId, info);
    return info;
  }
}

/** Resolves after `ms`; rejects with AbortError when `signal` aborts first. */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  return untilAborted(new Promise<void>((resolve) => setTimeout(resolve, ms)), signal);
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
}

