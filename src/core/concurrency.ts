// Bounded-parallel map for bulk IAM work (exports, last-used lookups): IAM throttles bursts, so
// we cap how many requests are in flight (`iamKeys.maxConcurrentRequests`), keep results in
// input order, report progress, and stop cleanly on cancel or on the first failure. The
// returned promise settles only once nothing started by it is still running.

/** @perBundle told by its name (isAbortError), as DOMException's and the SDK's are, never by instanceof. */
export class AbortError extends Error {
  override readonly name = 'AbortError';
  constructor(message = 'The operation was aborted', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** True for our AbortError, DOMException AbortError and SDK errors named AbortError. */
export function isAbortError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';
}

export interface MapWithConcurrencyOptions {
  /** When aborted, no new item is started; the result rejects with AbortError. */
  readonly signal?: AbortSignal;
  /** Called after each item completes successfully. Errors thrown by it are ignored. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs `fn` over `items` with at most `limit` calls pending at once, resolving to the results
 * in input order. On the first rejection (or an abort) no further items start; once the calls
 * already running have settled, the promise rejects with that first error (or an AbortError).
 * `fn` should honour the same signal so an abort doesn't wait long.
 */
export function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  options: MapWithConcurrencyOptions = {},
): Promise<R[]> {
  if (!(limit >= 1)) return Promise.reject(new RangeError(`limit must be at least 1, not ${limit}`));
  const { signal, onProgress } = options;
  const total = items.length;
  const snapshot = items.slice();
  const results = new Array<R>(total);
  if (signal?.aborted) return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
  if (total === 0) return Promise.resolve(results);
  const width = Math.min(total, Number.isFinite(limit) ? Math.floor(limit) : total);

  return new Promise<R[]>((resolve, reject) => {
    let next = 0;
    let running = 0;
    let done = 0;
    let failure: { error: unknown } | undefined;
    let finished = false;

    const onAbort = (): void => {
      if (!failure) failure = { error: new AbortError(undefined, { cause: signal?.reason }) };
      if (running === 0) finish();
    };
    const finish = (): void => {
      if (finished) return;
      finished = true;
      signal?.removeEventListener('abort', onAbort);
      if (failure) reject(failure.error);
      else resolve(results);
    };
    const launch = (): void => {
      while (!failure && running < width && next < total) {
        const index = next++;
        running++;
        let pending: Promise<R>;
        try {
          pending = Promise.resolve(fn(snapshot[index] as T, index));
        } catch (error) {
          pending = Promise.reject(error);
        }
        pending.then(
          (value) => {
            running--;
            results[index] = value;
            done++;
            if (onProgress) {
              try {
                onProgress(done, total);
              } catch {
                // progress reporting must not break the work
              }
            }
            settle();
          },
          (error: unknown) => {
            running--;
            if (!failure) failure = { error };
            settle();
          },
        );
      }
    };
    const settle = (): void => {
      if (failure || done === total) {
        if (running === 0) finish();
        return;
      }
      launch();
    };

    signal?.addEventListener('abort', onAbort, { once: true });
    launch();
  });
}

/** `promise`, or an AbortError as soon as `signal` aborts (the promise itself runs on: it may be shared). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new AbortError(undefined, { cause: signal.reason }));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
