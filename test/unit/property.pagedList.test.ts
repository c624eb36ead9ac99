// PagedList (src/core/pagedList.ts) against a model of an IAM listing, with fast-check choosing
// page sizes (empty truncated pages included), which fetches fail, how many loadNext calls
// arrive at once, resets in the middle of a load, and the order in which answers arrive
// (fc.scheduler). After every step: the loaded items are a prefix of the listing, each item
// once and in order; a failure keeps items and Marker; loads of one generation never overlap.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type LoadOutcome, MAX_EMPTY_PAGES_PER_LOAD, PagedList } from '../../src/core/pagedList';
import type { Page } from '../../src/core/types';

/** The server side: items in listing order, Markers that name a position and the call that made them. */
class ModelListing {
  calls = 0;
  /** Signals of fetches not yet answered; "live" ones are those not aborted. */
  private readonly inFlight = new Set<AbortSignal>();
  maxInFlightLive = 0;
  readonly unknownMarkers: string[] = [];
  /** Set once the faults are over ("turn faults off, then retry"). */
  healthy = false;
  /** Markers handed out, so a Marker we never issued is caught. */
  private readonly issued = new Map<string, number>();
  readonly markersAsked: (string | undefined)[] = [];

  constructor(
    readonly items: readonly number[],
    private readonly pageSizes: readonly number[],
    private readonly failures: readonly boolean[],
    private readonly scheduler: fc.Scheduler,
  ) {}

  fetch = (marker: string | undefined, signal: AbortSignal): Promise<Page<number>> => {
    const call = this.calls++;
    this.markersAsked.push(marker);
    let start = 0;
    if (marker !== undefined) {
      const at = this.issued.get(marker);
      if (at === undefined) this.unknownMarkers.push(marker);
      start = at ?? 0;
    }
    this.inFlight.add(signal);
    const live = [...this.inFlight].filter((x) => !x.aborted).length;
    this.maxInFlightLive = Math.max(this.maxInFlightLive, live);
    const fail = !this.healthy && this.failures[call % this.failures.length];
    const size = this.pageSizes[call % this.pageSizes.length];
    const end = Math.min(this.items.length, start + size);
    const page: Page<number> = { items: this.items.slice(start, end), nextMarker: undefined };
    if (end < this.items.length) {
      const next = `m${call}:${end}`;
      this.issued.set(next, end);
      (page as { nextMarker?: string }).nextMarker = next;
    }
    // The scheduler decides when this answer arrives, relative to every other one.
    return this.scheduler
      .schedule(Promise.resolve(), `fetch#${call}${fail ? ' (fails)' : ''} from ${start}`)
      .then(() => {
        if (fail) throw Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
        return page;
      })
      .finally(() => {
        this.inFlight.delete(signal);
      });
  };
}

/**
 * Lets the scheduler release answers, one at a time in its chosen order, until `promise`
 * settles (new fetches may be scheduled several microtasks after an answer, e.g. by loadAll).
 */
async function drive<T>(s: fc.Scheduler, promise: Promise<T>): Promise<T> {
  let settled = false;
  promise.then(() => (settled = true), () => (settled = true));
  for (let idle = 0; !settled; ) {
    if (s.count() > 0) {
      idle = 0;
      await s.waitOne();
    } else {
      await new Promise((resolve) => setImmediate(resolve));
      if (++idle > 1_000) throw new Error('nothing scheduled and the load never settled: a load is stuck');
    }
  }
  return promise;
}

type Step =
  | { readonly kind: 'loadNext'; readonly concurrent: number }
  | { readonly kind: 'loadAll' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'resetDuringLoad' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 20 }).map((concurrent) => ({ kind: 'loadNext' as const, concurrent })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'loadAll' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'resetDuringLoad' as const }) },
);

/** Page sizes as IAM may answer: usually full, sometimes short, sometimes empty but truncated. Never all empty. */
const pageSizesArb = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.constant(0) }), { minLength: 1, maxLength: 30 })
  .filter((sizes) => sizes.some((s) => s > 0));

function checkInvariants(list: PagedList<number>, model: ModelListing): void {
  const loaded = list.loaded;
  assert.deepEqual([...loaded], model.items.slice(0, loaded.length), 'loaded items are a prefix of the listing: in order, none twice, none skipped');
  if (list.isComplete) assert.equal(loaded.length, model.items.length, 'complete means everything is loaded');
  if (list.isTruncated) assert.ok(loaded.length < model.items.length, 'truncated means more to load');
  assert.ok(model.maxInFlightLive <= 1, `at most one live (not aborted) fetch at a time (saw ${model.maxInFlightLive})`);
  assert.deepEqual(model.unknownMarkers, [], 'every Marker sent was one the server issued');
}

describe('property: PagedList against a model listing', () => {
  it('every item exactly once, order kept, failures lose nothing, concurrent loads share one call, resets drop stale answers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.integer({ min: 0, max: 250 }),
        pageSizesArb,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }).map((f) => (f.every(Boolean) ? [...f, false] : f)),
        fc.array(stepArb, { minLength: 1, maxLength: 25 }),
        async (s, count, pageSizes, failures, steps) => {
          const model = new ModelListing(Array.from({ length: count }, (_, i) => i), pageSizes, failures, s);
          const list = new PagedList<number>(model.fetch);
          for (const step of steps) {
            const before = { items: [...list.loaded], marker: list.marker, calls: model.calls };
            switch (step.kind) {
              case 'loadNext': {
                const loads = Array.from({ length: step.concurrent }, () => list.loadNext());
                const outcomes = await drive(s, Promise.all(loads));
                // One load, shared: the very same outcome for every caller.
                if (outcomes[0].kind === 'complete') assert.ok(outcomes.every((o) => o.kind === 'complete'));
                else assert.ok(outcomes.every((o) => o === outcomes[0]), 'concurrent loadNext calls share one load');
                const outcome = outcomes[0];
                const calls = model.calls - before.calls;
                if (outcome.kind === 'complete') assert.equal(calls, 0, 'a complete list makes no call');
                else assert.ok(calls >= 1 && calls <= MAX_EMPTY_PAGES_PER_LOAD, `one call per load, more only to follow empty pages (${calls})`);
                if (outcome.kind === 'failed') {
                  assert.deepEqual([...list.loaded], before.items, 'a failed load keeps what was loaded');
                  // The Marker stays, or moved only past empty truncated pages of this load (nothing to lose).
                  if (list.marker !== before.marker) assert.ok(calls > 1, 'the Marker moved only after an empty page followed in the same load');
                  assert.ok(list.error !== undefined);
                }
                if (outcome.kind === 'loaded') {
                  assert.equal(list.loaded.length - before.items.length, outcome.added);
                  if (outcome.added === 0) assert.ok(!list.isTruncated || calls === MAX_EMPTY_PAGES_PER_LOAD, 'a load ends on nothing only at the end or after the empty-page cap');
                }
                break;
              }
              case 'loadAll': {
                const outcome: LoadOutcome = await drive(s, list.loadAll());
                if (outcome.kind !== 'failed') assert.equal(list.isComplete, true, `loadAll ends complete unless a page fails (${outcome.kind})`);
                break;
              }
              case 'reset':
                list.reset();
                assert.equal(list.loaded.length, 0);
                assert.equal(list.hasStarted, false);
                break;
              case 'resetDuringLoad': {
                const pending = list.loadNext();
                const wasComplete = list.isComplete;
                list.reset();
                // A second load may start at once, on the new generation.
                const fresh = list.loadNext();
                const [old, next] = await drive(s, Promise.all([pending, fresh]));
                if (!wasComplete) assert.equal(old.kind, 'stale', 'the answer of a load started before the reset is dropped');
                assert.notEqual(next.kind, 'stale');
                assert.ok(list.loaded.length <= model.items.length);
                break;
              }
            }
            checkInvariants(list, model);
          }
          // Whatever happened, once the faults stop, loading on (retrying the failed page first)
          // reaches the end with every item once.
          model.healthy = true;
          for (let guard = 0; guard < 2_000 && !list.isComplete; guard++) {
            await drive(s, list.loadNext());
          }
          assert.equal(list.isComplete, true, 'the list can always be finished');
          assert.deepEqual([...list.loaded], model.items);
          checkInvariants(list, model);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a retry after a failure asks for exactly the Marker that failed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 8 }), async (s, pages, failAt) => {
        const size = 10;
        const failures = Array.from({ length: pages + 2 }, (_, i) => i === Math.min(failAt, pages - 1));
        const model = new ModelListing(Array.from({ length: pages * size }, (_, i) => i), [size], failures, s);
        const list = new PagedList<number>(model.fetch);
        for (let guard = 0; guard < pages + 5 && !list.isComplete; guard++) {
          await drive(s, list.loadNext());
        }
        assert.deepEqual([...list.loaded], model.items);
        const failedCall = failures.indexOf(true);
        assert.equal(model.markersAsked[failedCall + 1], model.markersAsked[failedCall], 'the retry repeats the Marker of the failed call');
      }),
      { numRuns: 200 },
    );
  });

  it('IsTruncated with a missing Marker ends the list instead of looping on page one', async () => {
    let calls = 0;
    const list = new PagedList<number>(async () => {
      calls++;
      return { items: [1, 2], nextMarker: '' };
    });
    assert.equal((await list.loadNext()).kind, 'loaded');
    assert.equal((await list.loadNext()).kind, 'complete');
    assert.equal(calls, 1);
    assert.deepEqual([...list.loaded], [1, 2]);
  });
});
