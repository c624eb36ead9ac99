// The accounts of an organization (or an Identity Center portal) and which of them have been
// entered. Accounts are listed page by page (a PagedList: one load at a time, empty pages
// that still carry NextToken followed); an account is entered (AssumeRole, GetRoleCredentials)
// only when asked — expanding it, or an organization-wide walk — and at most once at a time:
// concurrent asks share one entry, a failure is kept with its reason until retried, and an
// answer arriving after reset() is dropped. Suspended or filtered-out accounts are never entered.
import { AbortError, isAbortError, mapWithConcurrency } from '../../core/concurrency';
import { PagedList, type LoadOutcome, type PageFetcher } from '../../core/pagedList';

export interface OrgAccountInfo {
  /** 12-digit account ID. */
  readonly id: string;
  readonly name: string;
  /** Organizations' status: ACTIVE, SUSPENDED, PENDING_CLOSURE, …; Identity Center accounts are ACTIVE. */
  readonly status: string;
}

export type AccountEntry<S> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'entering' }
  | { readonly kind: 'entered'; readonly session: S }
  | { readonly kind: 'failed'; readonly error: unknown }
  /** Not ACTIVE, or excluded by the settings: never entered. */
  | { readonly kind: 'skipped'; readonly reason: 'inactive' | 'excluded' };

export type EnterOutcome<S> =
  | { readonly kind: 'entered'; readonly session: S }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'skipped'; readonly reason: 'inactive' | 'excluded' }
  | { readonly kind: 'stale' };

export type AccountEnterer<A, S> = (account: A, signal: AbortSignal) => Promise<S>;

export interface WalkOptions<A, S, R> {
  /** Accounts entered and visited at once (`iamKeys.maxConcurrentAccounts`). */
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  readonly visit: (account: A, session: S, signal: AbortSignal) => Promise<R>;
  /** After each account, visited or failed. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface WalkResult<A, R> {
  readonly results: readonly { readonly account: A; readonly value: R }[];
  /** Accounts that could not be entered or visited, with the reason. */
  readonly failures: readonly { readonly account: A; readonly error: unknown; readonly stage: 'enter' | 'visit' }[];
  readonly skipped: readonly A[];
  readonly cancelled: boolean;
  /** Set when the account list itself could not be loaded completely. */
  readonly listingError?: unknown;
}

/** true: the account is wanted (includeAccounts / excludeAccounts of the settings). */
export type AccountFilter = (accountId: string) => boolean;

export class OrgTraversal<A extends OrgAccountInfo, S> {
  readonly accounts: PagedList<A>;
  private readonly entries = new Map<string, AccountEntry<S>>();
  private readonly inFlight = new Map<string, { promise: Promise<EnterOutcome<S>>; controller: AbortController }>();
  private generation = 0;

  constructor(
    fetchAccounts: PageFetcher<A>,
    private readonly enterAccount: AccountEnterer<A, S>,
    private readonly wanted: AccountFilter = () => true,
  ) {
    this.accounts = new PagedList(fetchAccounts);
  }

  loadMore(): Promise<LoadOutcome> {
    return this.accounts.loadNext();
  }

  entry(account: A): AccountEntry<S> {
    const skip = this.skipReason(account);
    if (skip) return { kind: 'skipped', reason: skip };
    return this.entries.get(account.id) ?? { kind: 'idle' };
  }

  /** The session of an entered account, if any (no call is made). */
  sessionOf(accountId: string): S | undefined {
    const entry = this.entries.get(accountId);
    return entry?.kind === 'entered' ? entry.session : undefined;
  }

  /** Enters the account unless it is entered already; concurrent calls share one entry; a failed one is retried. */
  enter(account: A): Promise<EnterOutcome<S>> {
    const skip = this.skipReason(account);
    if (skip) return Promise.resolve({ kind: 'skipped', reason: skip });
    const current = this.entries.get(account.id);
    if (current?.kind === 'entered') return Promise.resolve({ kind: 'entered', session: current.session });
    const running = this.inFlight.get(account.id);
    if (running) return running.promise;

    const generation = this.generation;
    const controller = new AbortController();
    this.entries.set(account.id, { kind: 'entering' });
    const promise = this.enterAccount(account, controller.signal).then(
      (session): EnterOutcome<S> => {
        if (generation !== this.generation) return { kind: 'stale' };
        this.entries.set(account.id, { kind: 'entered', session });
        return { kind: 'entered', session };
      },
      (error: unknown): EnterOutcome<S> => {
        if (generation !== this.generation) return { kind: 'stale' };
        this.entries.set(account.id, { kind: 'failed', error });
        return { kind: 'failed', error };
      },
    ).finally(() => {
      if (this.inFlight.get(account.id)?.promise === promise) this.inFlight.delete(account.id);
    });
    this.inFlight.set(account.id, { promise, controller });
    return promise;
  }

  /** Forgets one account's entry (its session, or its failure) so the next enter() starts afresh. */
  forget(accountId: string): void {
    if (this.inFlight.has(accountId)) return; // a running entry settles first
    this.entries.delete(accountId);
  }

  /** Forgets the listing and every entry; answers still in flight are dropped. */
  reset(): void {
    this.generation++;
    for (const { controller } of this.inFlight.values()) controller.abort();
    this.inFlight.clear();
    this.entries.clear();
    this.accounts.reset();
  }

  /**
   * Every wanted, active account: the rest of the listing is loaded, then accounts are entered
   * and visited `concurrency` at a time. One account's failure is recorded and the walk goes
   * on; cancelling keeps what was done so far.
   */
  async walk<R>(options: WalkOptions<A, S, R>): Promise<WalkResult<A, R>> {
    const signal = options.signal ?? new AbortController().signal;
    const results: { account: A; value: R }[] = [];
    const failures: { account: A; error: unknown; stage: 'enter' | 'visit' }[] = [];
    let listingError: unknown;
    if (!this.accounts.isComplete) {
      const outcome = await this.accounts.loadAll({ signal });
      if (outcome.kind === 'failed') listingError = outcome.error;
    }
    const all = [...this.accounts.loaded];
    const skipped = all.filter((account) => this.skipReason(account) !== undefined);
    const targets = all.filter((account) => this.skipReason(account) === undefined);
    let done = 0;
    let cancelled = signal.aborted;
    try {
      await mapWithConcurrency(
        targets,
        options.concurrency,
        async (account) => {
          if (signal.aborted) throw new AbortError();
          const entered = await this.enter(account);
          if (entered.kind === 'entered') {
            try {
              results.push({ account, value: await options.visit(account, entered.session, signal) });
            } catch (error) {
              if (isAbortError(error) && signal.aborted) throw error;
              failures.push({ account, error, stage: 'visit' });
            }
          } else if (entered.kind === 'failed') {
            failures.push({ account, error: entered.error, stage: 'enter' });
          } else if (entered.kind === 'stale') {
            throw new AbortError('reset during the walk');
          }
          options.onProgress?.(++done, targets.length);
        },
        { signal },
      );
    } catch (error) {
      if (!isAbortError(error)) throw error;
      cancelled = true;
    }
    return { results, failures, skipped, cancelled, listingError };
  }

  private skipReason(account: A): 'inactive' | 'excluded' | undefined {
    if (account.status !== 'ACTIVE') return 'inactive';
    if (!this.wanted(account.id)) return 'excluded';
    return undefined;
  }
}
