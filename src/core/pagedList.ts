// The state of one paged IAM list (users, or one user's keys): what is loaded, the next
// Marker, whether IAM said IsTruncated, and the last error. One load runs at a time, so a
// double click on "Load more…" makes one call; a reset drops answers that were in flight.
import type { Page } from './types';

/** `bulk`: the whole list is wanted (Load all), so the fetcher may ask for IAM's largest pages. */
export type PageFetcher<T> = (marker: string | undefined, signal: AbortSignal, hint: { readonly bulk: boolean }) => Promise<Page<T>>;

export type LoadOutcome =
  | { readonly kind: 'loaded'; readonly added: number; readonly calls: number }
  | { readonly kind: 'complete' }
  | { readonly kind: 'failed'; readonly error: unknown; readonly calls: number }
  | { readonly kind: 'stale' };

/** IAM's largest MaxItems. */
export const IAM_MAX_ITEMS = 1000;

/** MaxItems for a load: IAM's largest when the whole list is wanted, the view's page size otherwise. */
export function pageSizeFor(hint: { readonly bulk: boolean }, viewPageSize: number): number {
  return hint.bulk ? IAM_MAX_ITEMS : viewPageSize;
}

/** IAM may answer a truncated page with no items; follow at most this many in one load. */
export const MAX_EMPTY_PAGES_PER_LOAD = 10;

/** `loaded` before the first answer: one shared empty array, never appended to (a first page replaces it). */
const NOT_STARTED: readonly never[] = Object.freeze([]);

/** The load running now: its answer, shared by concurrent callers, and its abort switch (also its identity). */
interface RunningLoad {
  outcome: Promise<LoadOutcome>;
  readonly controller: AbortController;
}

/** What a list holds only between answers or after a failure (absent: none of them). */
interface Pending {
  readonly marker?: string;
  readonly error?: unknown;
  readonly running?: RunningLoad;
}

export class PagedList<T> {
  // Two fields: every user of 100 accounts has a key list (#22 memory). "Started" is `items`
  // not being NOT_STARTED; the Marker, the last error and the running load sit in one object
  // that exists only while one of them is set (a user's key list is one page, then none is),
  // and a load is stale once `running` is no longer its own.
  private items: readonly T[] = NOT_STARTED;
  private pending: Pending | undefined;

  private get nextMarker(): string | undefined {
    return this.pending?.marker;
  }
  private set nextMarker(marker: string | undefined) {
    this.setPending({ ...this.pending, marker });
  }
  private get lastError(): unknown {
    return this.pending?.error;
  }
  private set lastError(error: unknown) {
    this.setPending({ ...this.pending, error });
  }
  private get running(): RunningLoad | undefined {
    return this.pending?.running;
  }
  private set running(running: RunningLoad | undefined) {
    this.setPending({ ...this.pending, running });
  }
  private setPending(next: Pending): void {
    this.pending = next.marker === undefined && next.error === undefined && next.running === undefined ? undefined : next;
  }

  /**
   * Without a fetcher, a subclass overrides fetchPage. A fetcher is kept as an own `fetchPage`,
   * so a list that fetches by method has no field for it (one per user's key list: #22 memory).
   */
  constructor(fetcher?: PageFetcher<T>) {
    if (fetcher) this.fetchPage = fetcher;
  }

  /** One page from the Marker (undefined for the first page). */
  protected fetchPage(_marker: string | undefined, _signal: AbortSignal, _hint: { readonly bulk: boolean }): Promise<Page<T>> {
    return Promise.reject(new Error('PagedList: no page fetcher'));
  }

  /** Called when a page's items were appended at `from` (a subclass keeps an index in step). */
  protected appended(_items: readonly T[], _from: number): void {}

  get loaded(): readonly T[] {
    return this.items;
  }
  /** True once a page or an error came back. */
  get hasStarted(): boolean {
    return this.items !== NOT_STARTED;
  }
  /** True while IAM's last answer said IsTruncated: there is more to load. */
  get isTruncated(): boolean {
    return this.nextMarker !== undefined;
  }
  /** True when nothing more can be loaded without an error to retry. */
  get isComplete(): boolean {
    return this.hasStarted && this.nextMarker === undefined && this.lastError === undefined;
  }
  get error(): unknown {
    return this.lastError;
  }
  get isLoading(): boolean {
    return this.running !== undefined;
  }
  /** The Marker the next load will send (undefined before the first page and at the end). */
  get marker(): string | undefined {
    return this.nextMarker;
  }

  /**
   * Loads the next page (the first page when nothing is loaded). Concurrent calls share one
   * load. Empty truncated pages are followed so a load never ends on nothing with more to come.
   * On failure the loaded items and the Marker stay, so the next call retries the same page.
   */
  loadNext(options: { bulk?: boolean } = {}): Promise<LoadOutcome> {
    if (this.running) return this.running.outcome;
    if (this.isComplete) return Promise.resolve({ kind: 'complete' });
    const controller = new AbortController();
    // Running before the fetcher is called: a fetcher that throws at once fails this load, not a stale one.
    const running: RunningLoad = { outcome: Promise.resolve({ kind: 'stale' }), controller };
    this.running = running;
    running.outcome = this.runLoad(controller, { bulk: options.bulk === true }).finally(() => {
      if (this.running === running) this.running = undefined;
    });
    return running.outcome;
  }

  /** Loads every remaining page, one after another; stops on error or when `signal` aborts. */
  async loadAll(options: { signal?: AbortSignal; onPage?: (loaded: number) => void } = {}): Promise<LoadOutcome> {
    let calls = 0;
    let added = 0;
    for (;;) {
      if (options.signal?.aborted) return { kind: 'loaded', added, calls };
      const outcome = await this.loadNext({ bulk: true });
      // 'complete' comes only on the first turn: a later turn starts only while IAM said IsTruncated.
      if (outcome.kind !== 'loaded') return outcome;
      calls += outcome.calls;
      added += outcome.added;
      options.onPage?.(this.items.length);
      // Also ends the walk when onPage reset the list (nothing is truncated after a reset).
      if (!this.isTruncated) return { kind: 'loaded', added, calls };
    }
  }

  /** Forgets everything; an answer still in flight is dropped when it arrives. */
  reset(): void {
    this.running?.controller.abort();
    this.pending = undefined;
    this.items = NOT_STARTED;
  }

  private async runLoad(controller: AbortController, hint: { bulk: boolean }): Promise<LoadOutcome> {
    let calls = 0;
    let added = 0;
    let emptyPages = 0;
    // A reset (or a newer load after one) makes this load no longer the running one.
    const stale = (): boolean => this.running?.controller !== controller;
    try {
      for (;;) {
        calls++;
        const page = await this.fetchPage(this.nextMarker, controller.signal, hint);
        if (stale()) return { kind: 'stale' };
        this.lastError = undefined;
        const from = this.items.length;
        // The first page is copied at its size: most lists (a user's keys) are one short page,
        // and pushing into an empty array reserves room for 16 more (#22 memory).
        if (from === 0) this.items = page.items.slice();
        else (this.items as T[]).push(...page.items);
        if (page.items.length > 0) this.appended(this.items, from);
        added += page.items.length;
        // IsTruncated without a Marker would loop forever on the first page; treat it as the end.
        this.nextMarker = page.nextMarker || undefined;
        if (!this.nextMarker || page.items.length > 0) break;
        if (++emptyPages >= MAX_EMPTY_PAGES_PER_LOAD) break;
      }
      return { kind: 'loaded', added, calls };
    } catch (error) {
      if (stale()) return { kind: 'stale' };
      if (this.items === NOT_STARTED) this.items = [];
      this.lastError = error;
      return { kind: 'failed', error, calls };
    }
  }
}
