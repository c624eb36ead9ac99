// OrgTraversal (src/aws/organization/orgTraversal.ts) against a model organization: fast-check picks the
// accounts (some suspended, some excluded), the ListAccounts page sizes (empty pages with
// NextToken included), which AssumeRoles and visits fail, the concurrency, when a walk is
// cancelled, and (fc.scheduler) the order answers arrive in.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { OrgTraversal, type OrgAccountInfo } from '../../src/aws/organization/orgTraversal';
import type { Page } from '../../src/core/types';

interface ModelAccount extends OrgAccountInfo {
  readonly enterFails: boolean;
  readonly visitFails: boolean;
}

const accountArb = fc.record({
  status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE'),
  enterFails: fc.boolean(),
  visitFails: fc.boolean(),
  excluded: fc.boolean(),
});

class ModelOrg {
  enterCalls = new Map<string, number>();
  listCalls = 0;
  running = 0;
  maxRunning = 0;
  startedAfterAbort = 0;
  abortedAt: number | undefined;
  private readonly issued = new Map<string, number>();

  constructor(
    readonly accounts: readonly ModelAccount[],
    private readonly pageSizes: readonly number[],
    private readonly s: fc.Scheduler,
    readonly cancel?: AbortController,
  ) {}

  listPage = async (token: string | undefined): Promise<Page<ModelAccount>> => {
    const call = this.listCalls++;
    const start = token === undefined ? 0 : (this.issued.get(token) ?? -1);
    assert.ok(start >= 0, `a NextToken we issued (${token})`);
    const end = Math.min(this.accounts.length, start + this.pageSizes[call % this.pageSizes.length]);
    await this.s.schedule(Promise.resolve(), `ListAccounts#${call}`);
    const next = end < this.accounts.length ? `t${call}` : undefined;
    if (next) this.issued.set(next, end);
    return { items: this.accounts.slice(start, end), nextMarker: next };
  };

  enter = async (account: ModelAccount): Promise<string> => {
    this.enterCalls.set(account.id, (this.enterCalls.get(account.id) ?? 0) + 1);
    if (this.cancel?.signal.aborted) this.startedAfterAbort++;
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      await this.s.schedule(Promise.resolve(), `AssumeRole ${account.id}`);
      if (account.enterFails) throw new Error(`AccessDenied for ${account.id}`);
      return `session-${account.id}`;
    } finally {
      this.running--;
    }
  };

  visit = async (account: ModelAccount, session: string): Promise<string> => {
    assert.equal(session, `session-${account.id}`, 'the visit gets that account’s session');
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      await this.s.schedule(Promise.resolve(), `visit ${account.id}`);
      if (account.visitFails) throw new Error(`ListUsers failed in ${account.id}`);
      return `keys of ${account.id}`;
    } finally {
      this.running--;
    }
  };
}

async function drive<T>(s: fc.Scheduler, promise: Promise<T>, onStep?: (step: number) => void): Promise<T> {
  let settled = false;
  promise.then(() => (settled = true), () => (settled = true));
  for (let idle = 0, step = 0; !settled; ) {
    if (s.count() > 0) {
      idle = 0;
      await s.waitOne();
      onStep?.(++step);
    } else {
      await new Promise((resolve) => setImmediate(resolve));
      if (++idle > 1_000) throw new Error('nothing scheduled and the walk never settled');
    }
  }
  return promise;
}

const orgArb = fc.array(accountArb, { maxLength: 40 }).map((specs) =>
  specs.map((spec, i) => ({
    account: { id: String(100000000000 + i), name: `acct-${i}`, status: spec.status, enterFails: spec.enterFails, visitFails: spec.visitFails },
    excluded: spec.excluded,
  })),
);
const pageSizesArb = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 20 }) }, { weight: 1, arbitrary: fc.constant(0) }), { minLength: 1, maxLength: 10 })
  .filter((sizes) => sizes.some((n) => n > 0));

describe('property: OrgTraversal against a model organization', () => {
  it('a walk enters each wanted active account once, never the others, respects the concurrency, and accounts for every account', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), orgArb, pageSizesArb, fc.integer({ min: 1, max: 6 }), async (s, org, pageSizes, concurrency) => {
        const excluded = new Set(org.filter((a) => a.excluded).map((a) => a.account.id));
        const model = new ModelOrg(org.map((a) => a.account), pageSizes, s);
        const traversal = new OrgTraversal<ModelAccount, string>(model.listPage, model.enter, (id) => !excluded.has(id));
        const progress: number[] = [];
        const result = await drive(s, traversal.walk({ concurrency, visit: model.visit, onProgress: (done) => progress.push(done) }));

        const wanted = model.accounts.filter((a) => a.status === 'ACTIVE' && !excluded.has(a.id));
        assert.equal(result.cancelled, false);
        assert.equal(result.listingError, undefined);
        for (const account of model.accounts) {
          const calls = model.enterCalls.get(account.id) ?? 0;
          assert.equal(calls, wanted.includes(account) ? 1 : 0, `${account.id} (${account.status}) entered ${calls} times`);
        }
        assert.ok(model.maxRunning <= concurrency, `at most ${concurrency} accounts at once (saw ${model.maxRunning})`);
        const visited = result.results.map((r) => r.account.id).sort();
        assert.deepEqual(visited, wanted.filter((a) => !a.enterFails && !a.visitFails).map((a) => a.id).sort());
        for (const failure of result.failures) {
          assert.equal(failure.stage, failure.account.enterFails ? 'enter' : 'visit');
          assert.match(String(failure.error), new RegExp(failure.account.id));
        }
        assert.equal(result.failures.length + result.results.length, wanted.length, 'every wanted account: a result or a failure');
        assert.equal(result.skipped.length + wanted.length, model.accounts.length, 'the rest are skipped');
        assert.deepEqual(progress, wanted.map((_, i) => i + 1));
        // A second walk enters nobody again who is entered; failed entries are retried once each.
        const before = new Map(model.enterCalls);
        await drive(s, traversal.walk({ concurrency, visit: model.visit }));
        for (const account of wanted) {
          const extra = (model.enterCalls.get(account.id) ?? 0) - (before.get(account.id) ?? 0);
          assert.equal(extra, account.enterFails ? 1 : 0, `${account.id}: re-entered ${extra} times`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('concurrent enters share one AssumeRole; a reset drops the answer in flight; forget() allows a fresh entry', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 1, max: 10 }), fc.boolean(), async (s, askers, enterFails) => {
        const account: ModelAccount = { id: '111111111111', name: 'a', status: 'ACTIVE', enterFails, visitFails: false };
        const model = new ModelOrg([account], [5], s);
        const traversal = new OrgTraversal<ModelAccount, string>(model.listPage, model.enter);
        const outcomes = await drive(s, Promise.all(Array.from({ length: askers }, () => traversal.enter(account))));
        assert.equal(model.enterCalls.get(account.id), 1, 'one AssumeRole for all askers');
        assert.ok(outcomes.every((o) => o === outcomes[0]));
        assert.equal(outcomes[0].kind, enterFails ? 'failed' : 'entered');
        assert.equal(traversal.entry(account).kind, enterFails ? 'failed' : 'entered');
        if (!enterFails) assert.equal(traversal.sessionOf(account.id), `session-${account.id}`);

        traversal.forget(account.id);
        const pending = traversal.enter(account);
        assert.equal(traversal.entry(account).kind, 'entering');
        traversal.reset();
        const stale = await drive(s, pending);
        assert.equal(stale.kind, 'stale', 'an entry answered after reset() is dropped');
        assert.equal(traversal.entry(account).kind, 'idle');
        assert.equal(traversal.sessionOf(account.id), undefined);
      }),
      { numRuns: 200 },
    );
  });

  it('cancelling a walk keeps partial results and starts no AssumeRole after the cancel', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), orgArb, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 30 }), async (s, org, concurrency, cancelAfter) => {
        const cancel = new AbortController();
        const model = new ModelOrg(org.map((a) => a.account), [7, 0, 3], s, cancel);
        const traversal = new OrgTraversal<ModelAccount, string>(model.listPage, model.enter);
        const result = await drive(s, traversal.walk({ concurrency, visit: model.visit, signal: cancel.signal }), (step) => {
          if (step === cancelAfter) cancel.abort();
        });
        assert.equal(model.startedAfterAbort, 0, 'no account entered after the cancel');
        const active = model.accounts.filter((a) => a.status === 'ACTIVE');
        if (!result.cancelled) assert.equal(result.results.length + result.failures.length, active.length);
        else assert.ok(result.results.length + result.failures.length <= active.length);
        for (const r of result.results) assert.equal(r.value, `keys of ${r.account.id}`);
      }),
      { numRuns: 300 },
    );
  });
});
