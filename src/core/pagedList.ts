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

export class PagedList<T> {
  private items: T[] = [];
  private nextMarker: string | undefined;
  private started = false;
  private lastError: unknown;
  private inFlight: Promise<LoadOutcome> | undefined;
  private controller: AbortController | undefined;
  private generation = 0;

  /** Without a fetcher, a subclass overrides fetchPage (one closure less per list: #22 memory). */
  constructor(private readonly fetcher?: PageFetcher<T>) {}

  /** One page from the Marker (undefined for the first page). */
  protected fetchPage(marker: string | undefined, signal: AbortSignal, hint: { readonly bulk: boolean }): Promise<Page<T>> {
    if (!this.fetcher) throw new Error('PagedList: no page fetcher');
    return this.fetcher(marker, signal, hint);
  }

  get loaded(): readonly T[] {
    return this.items;
  }
  /** True once a page or an error came back. */
  get hasStarted(): boolean {
    return this.started;
  }
  /** True while IAM's last answer said IsTruncated: there is more to load. */
  get isTruncated(): boolean {
    return this.nextMarker !== undefined;
  }
  /** True when nothing more can be loaded without an error to retry. */
  get isComplete(): boolean {
    return this.started && this.nextMarker === undefined && this.lastError === undefined;
  }
  get error(): unknown {
    return this.lastError;
  }
  get isLoading(): boolean {
    return this.inFlight !== undefined;
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
    if (this.inFlight) return this.inFlight;
    if (this.isComplete) return Promise.resolve({ kind: 'complete' });
    const generation = this.generation;
    const controller = new AbortController();
    this.controller = controller;
    const load = this.runLoad(generation, controller.signal, { bulk: options.bulk === true }).finally(() => {
      if (this.generation === generation) {
        this.inFlight = undefined;
        this.controller = undefined;
      }
    });
    this.inFlight = load;
    return load;
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
    this.generation++;
    this.controller?.abort();
    this.controller = undefined;
    this.inFlight = undefined;
    this.items = [];
    this.nextMarker = undefined;
    this.started = false;
    this.lastError = undefined;
  }

  private async runLoad(generation: number, signal: AbortSignal, hint: { bulk: boolean }): Promise<LoadOutcome> {
    let calls = 0;
    let added = 0;
    let emptyPages = 0;
    try {
      for (;;) {
        calls++;
        const page = await this.fetchPage(this.nextMarker, signal, hint);
        if (generation !== this.generation) return { kind: 'stale' };
        this.started = true;
        this.lastError = undefined;
        // The first page is copied at its size: most lists (a user's keys) are one short page,
        // and pushing into an empty array reserves room for 16 more (#22 memory).
        if (this.items.length === 0) this.items = page.items.slice();
        else this.items.push(...page.items);
        added += page.items.length;
        // IsTruncated without a Marker would loop forever on the first page; treat it as the end.
        this.nextMarker = page.nextMarker || undefined;
        if (!this.nextMarker || page.items.length > 0) break;
        if (++emptyPages >= MAX_EMPTY_PAGES_PER_LOAD) break;
      }
      return { kind: 'loaded', added, calls };
    } catch (error) {
      if (generation !== this.generation) return { kind: 'stale' };
      this.started = true;
      this.lastError = error;
      return { kind: 'failed', error, calls };
    }
  }
}
