// KeyLookup and the one owner lookup (aws/keyOwner), against a fake IamApi that counts its calls.
import * as assert from 'assert';
import type { IamApi } from '../../src/aws/iamApi';
import { isAbortError } from '../../src/core/concurrency';
import type { AccessKey, AccessKeyLastUsed, CallerIdentity, IamUser, Page } from '../../src/core/types';
import { lookUpKeyOwner, type OwnerLookupSession } from '../../src/aws/keyOwner';
import { ConnectionSession } from '../../src/aws/connectionSession';
import type { SessionRegistry } from '../../src/aws/sessionRegistry';
import { KeyLookup, type KeyLookupSources, type LoadedKeyInfo } from '../../src/features/hover/keyLookup';
import { sessionLookupSources } from '../../src/features/hover/sessionSources';
import type { AccountModel } from '../../src/model/accountModel';
import { AccountModels } from '../../src/model/accountModels';

const OWN = '111111111111';
const OTHER = '222222222222';
const ALICE_KEY = 'AKIAALICE00000000001';
const OTHER_KEY = 'AKIAOTHERACCOUNT0001';
const SESSION_KEY = 'ASIASESSION000000001';
const GONE_KEY = 'AKIAGONE000000000001';

const created = new Date('2024-01-01T00:00:00Z');
const aliceKey: AccessKey = { UserName: 'alice', AccessKeyId: ALICE_KEY, Status: 'Active', CreateDate: created };
const aliceLastUsed: AccessKeyLastUsed = { UserName: 'alice', LastUsedDate: new Date('2024-02-01T00:00:00Z'), ServiceName: 's3', Region: 'eu-west-1' };

function awsError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name });
}

/** One account's IAM/STS: knows alice's key; other IDs are placed by `accounts`. */
class FakeIam implements IamApi {
  readonly calls: Record<string, number> = {};
  readonly signals: (AbortSignal | undefined)[] = [];
  delayMs = 0;
  stsDenied = false;
  unknownKeyError: 'AccessDenied' | 'NoSuchEntity' = 'AccessDenied';

  constructor(
    readonly account: string,
    readonly keys: readonly AccessKey[] = [],
    readonly accounts: Readonly<Record<string, string>> = {},
  ) {}

  total(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0);
  }

  /** When set, the fake time of every request goes into `requestTimes`. */
  clock?: { readonly t: number };
  readonly requestTimes: number[] = [];

  private async call(name: string, signal?: AbortSignal): Promise<void> {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
    if (this.clock) this.requestTimes.push(this.clock.t);
    this.signals.push(signal);
    if (this.delayMs > 0) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, this.delayMs);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(awsError('AbortError', 'aborted'));
        });
      });
    }
  }

  generateCredentialReport(): Promise<'COMPLETE'> {
    return Promise.reject(new Error('not used by the owner lookup'));
  }
  getCredentialReport(): Promise<{ csv: string; generatedAt: Date }> {
    return Promise.reject(new Error('not used by the owner lookup'));
  }
  async getCallerIdentity(): Promise<CallerIdentity> {
    await this.call('GetCallerIdentity');
    return { Account: this.account, Arn: `arn:aws:iam::${this.account}:user/admin`, UserId: 'AIDAADMIN' };
  }
  async getAccessKeyAccount(id: string, signal?: AbortSignal): Promise<string> {
    await this.call('GetAccessKeyInfo', signal);
    if (this.stsDenied) throw awsError('AccessDenied', 'not authorized to perform: sts:GetAccessKeyInfo');
    return this.keys.some((k) => k.AccessKeyId === id) ? this.account : (this.accounts[id] ?? this.account);
  }
  async getAccessKeyLastUsed(id: string, signal?: AbortSignal): Promise<AccessKeyLastUsed> {
    await this.call('GetAccessKeyLastUsed', signal);
    const key = this.keys.find((k) => k.AccessKeyId === id);
    // Real IAM answers AccessDenied for a key it doesn't hold.
    if (!key && this.unknownKeyError === 'AccessDenied') throw awsError('AccessDenied', `User: arn:aws:iam::${this.account}:user/admin is not authorized to perform: iam:GetAccessKeyLastUsed on resource: access key ${id}`);
    if (!key) throw awsError('NoSuchEntity', 'The Access Key with id ' + id + ' cannot be found');
    return key === aliceKey ? aliceLastUsed : { UserName: key.UserName, ServiceName: 'N/A', Region: 'N/A' };
  }
  async listAllAccessKeys(userName: string, options: { signal?: AbortSignal }): Promise<AccessKey[]> {
    await this.call('ListAccessKeys', options.signal);
    return this.keys.filter((k) => k.UserName === userName);
  }
  async listAccessKeys(): Promise<Page<AccessKey>> {
    await this.call('ListAccessKeys');
    return { items: [] };
  }
  async listUsers(): Promise<Page<IamUser>> {
    throw new Error('not used');
  }
  async listAllUsers(): Promise<IamUser[]> {
    throw new Error('not used');
  }
}

function connection(api: FakeIam, profile = `p${api.account}`): OwnerLookupSession {
  return { profile, api, resolveAccount: async () => api.account };
}

class FakeClock {
  t = 1_000_000;
  /** Time the lookups spent waiting for room in the budget. */
  waited = 0;
  readonly now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
  /** KeyLookup's wait for budget: the fake time passes at once. */
  readonly wait = async (ms: number): Promise<void> => {
    this.waited += ms;
    this.advance(ms);
  };
}

interface Setup {
  readonly lookup: KeyLookup;
  readonly own: FakeIam;
  readonly clock: FakeClock;
  loaded: LoadedKeyInfo[];
  connectionsAsked: number;
}

function setup(options: { cacheSeconds?: number; maxLookupsPerMinute?: number; delayMs?: number } = {}): Setup {
  const own = new FakeIam(OWN, [aliceKey], { [OTHER_KEY]: OTHER, [SESSION_KEY]: OTHER });
  own.delayMs = options.delayMs ?? 0;
  const clock = new FakeClock();
  const state = { loaded: [] as LoadedKeyInfo[], connectionsAsked: 0 };
  const sources: KeyLookupSources = {
    loadedKey: async (id: string) => state.loaded.find((k) => k.key.AccessKeyId === id),
    sessions: async () => {
      state.connectionsAsked++;
      return [connection(own)];
    },
  };
  const lookup = new KeyLookup(sources, { cacheSeconds: options.cacheSeconds ?? 300, maxLookupsPerMinute: options.maxLookupsPerMinute ?? 30 }, clock.now, clock.wait);
  return Object.assign(state, { lookup, own, clock });
}

async function rejectsWithAbort(promise: Promise<unknown>): Promise<void> {
  await assert.rejects(promise, (error: unknown) => isAbortError(error));
}

describe('hover: KeyLookup', () => {
  it('answers a key loaded in the explorer without any call', async () => {
    const s = setup();
    s.loaded = [{ key: aliceKey, profile: 'work', account: OWN, root: false }];
    const { info, source } = await s.lookup.lookup(ALICE_KEY);
    assert.strictEqual(source, 'explorer');
    assert.strictEqual(info.kind, 'found');
    assert.ok(info.kind === 'found' && info.userName === 'alice' && info.key === aliceKey && info.profile === 'work' && info.lastUsed === undefined);
    assert.strictEqual(s.own.total(), 0);
    assert.strictEqual(s.connectionsAsked, 0);
  });

  it('fetches the last use of a loaded key through the tree\'s memo, within the budget', async () => {
    const s = setup();
    let fetched = 0;
    const fetchLastUsed = async () => {
      fetched++;
      return aliceLastUsed;
    };
    s.loaded = [{ key: aliceKey, profile: 'work', account: OWN, root: false, fetchLastUsed }];
    const { info, source } = await s.lookup.lookup(ALICE_KEY);
    assert.strictEqual(source, 'explorer');
    assert.ok(info.kind === 'found' && info.lastUsed === aliceLastUsed);
    assert.strictEqual(fetched, 1);
    assert.strictEqual(s.own.total(), 0, 'no owner lookup for a loaded key');
  });

  it('asks STS then IAM for a key of the configured account, and names the owner', async () => {
    const s = setup();
    const { info, source } = await s.lookup.lookup(ALICE_KEY);
    assert.strictEqual(source, 'aws');
    assert.deepStrictEqual(info, { kind: 'found', accessKeyId: ALICE_KEY, account: OWN, profile: `p${OWN}`, userName: 'alice', root: false, key: aliceKey, lastUsed: aliceLastUsed });
    assert.deepStrictEqual(s.own.calls, { GetAccessKeyInfo: 1, GetAccessKeyLastUsed: 1, ListAccessKeys: 1 });
  });

  it('answers a repeated lookup from the cache without a call', async () => {
    const s = setup();
    await s.lookup.lookup(ALICE_KEY);
    const before = s.own.total();
    const second = await s.lookup.lookup(ALICE_KEY);
    assert.strictEqual(second.source, 'cache');
    assert.strictEqual(second.info.kind, 'found');
    assert.strictEqual(s.own.total(), before);
  });

  it('asks again once cacheSeconds have passed', async () => {
    const s = setup({ cacheSeconds: 60 });
    await s.lookup.lookup(ALICE_KEY);
    s.clock.advance(59_999);
    assert.strictEqual((await s.lookup.lookup(ALICE_KEY)).source, 'cache');
    s.clock.advance(1);
    assert.strictEqual((await s.lookup.lookup(ALICE_KEY)).source, 'aws');
    assert.strictEqual(s.own.calls.GetAccessKeyInfo, 2);
  });

  it('caches nothing when cacheSeconds is 0', async () => {
    const s = setup({ cacheSeconds: 0 });
    await s.lookup.lookup(ALICE_KEY);
    assert.strictEqual((await s.lookup.lookup(ALICE_KEY)).source, 'aws');
    assert.strictEqual(s.own.calls.GetAccessKeyInfo, 2);
  });

  it('lets concurrent lookups of one key share one request (and one unit of budget)', async () => {
    const s = setup({ delayMs: 20, maxLookupsPerMinute: 1 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => s.lookup.lookup(ALICE_KEY)));
    assert.ok(answers.every((a) => a.info.kind === 'found' && a.source === 'aws'));
    assert.deepStrictEqual(s.own.calls, { GetAccessKeyInfo: 1, GetAccessKeyLastUsed: 1, ListAccessKeys: 1 });
    assert.strictEqual(s.connectionsAsked, 1);
  });

  it('stops making new lookups past maxLookupsPerMinute, and resumes a minute later', async () => {
    const s = setup({ maxLookupsPerMinute: 2 });
    await s.lookup.lookup(ALICE_KEY);
    await s.lookup.lookup(OTHER_KEY);
    const calls = s.own.total();
    s.clock.advance(10_000);
    const limited = await s.lookup.lookup(GONE_KEY);
    assert.strictEqual(limited.source, 'none');
    assert.strictEqual(limited.info.kind, 'limit-reached');
    assert.ok(limited.info.kind === 'limit-reached' && limited.info.retryInMs === 50_000, JSON.stringify(limited.info));
    assert.strictEqual(s.own.total(), calls, 'no call past the cap');
    // Cached answers are still served.
    assert.strictEqual((await s.lookup.lookup(ALICE_KEY)).source, 'cache');
    s.clock.advance(50_000);
    const later = await s.lookup.lookup(GONE_KEY);
    assert.strictEqual(later.info.kind, 'not-found');
  });

  it('does not ask IAM about a key of another account', async () => {
    const s = setup();
    const { info } = await s.lookup.lookup(OTHER_KEY);
    assert.deepStrictEqual(info, { kind: 'other-account', accessKeyId: OTHER_KEY, account: OTHER });
    assert.deepStrictEqual(s.own.calls, { GetAccessKeyInfo: 1 });
  });

  it('reports an ASIA key as temporary, with the issuing account, from STS alone', async () => {
    const s = setup();
    const { info } = await s.lookup.lookup(SESSION_KEY);
    assert.deepStrictEqual(info, { kind: 'temporary', accessKeyId: SESSION_KEY, account: OTHER });
    assert.deepStrictEqual(s.own.calls, { GetAccessKeyInfo: 1 });
  });

  it('reports an ASIA key of our own account as temporary without asking IAM', async () => {
    const s = setup();
    const own = 'ASIAOWNSESSION000001';
    const { info } = await s.lookup.lookup(own);
    assert.deepStrictEqual(info, { kind: 'temporary', accessKeyId: own, account: OWN });
    assert.deepStrictEqual(s.own.calls, { GetAccessKeyInfo: 1 });
  });

  it('reads IAM\'s AccessDenied for an unknown key of our account as "not found"; NoSuchEntity too', async () => {
    const s = setup();
    assert.deepStrictEqual((await s.lookup.lookup(GONE_KEY)).info, { kind: 'not-found', accessKeyId: GONE_KEY, account: OWN });
    const t = setup();
    t.own.unknownKeyError = 'NoSuchEntity';
    assert.deepStrictEqual((await t.lookup.lookup(GONE_KEY)).info, { kind: 'not-found', accessKeyId: GONE_KEY, account: OWN });
  });

  it('remembers "not found" but not errors', async () => {
    const s = setup();
    assert.strictEqual((await s.lookup.lookup(GONE_KEY)).info.kind, 'not-found');
    assert.strictEqual((await s.lookup.lookup(GONE_KEY)).source, 'cache');

    const failing = setup();
    failing.own.getAccessKeyAccount = async () => {
      failing.own.calls.GetAccessKeyInfo = (failing.own.calls.GetAccessKeyInfo ?? 0) + 1;
      throw awsError('Throttling', 'Rate exceeded');
    };
    const first = await failing.lookup.lookup(ALICE_KEY);
    assert.deepStrictEqual(first.info, { kind: 'error', accessKeyId: ALICE_KEY, message: 'Throttled by AWS', hint: 'Too many requests; wait a moment and retry.' });
    assert.strictEqual((await failing.lookup.lookup(ALICE_KEY)).source, 'aws');
    assert.strictEqual(failing.own.calls.GetAccessKeyInfo, 2);
  });

  it('falls back to IAM when sts:GetAccessKeyInfo is denied', async () => {
    const s = setup();
    s.own.stsDenied = true;
    const { info } = await s.lookup.lookup(ALICE_KEY);
    assert.ok(info.kind === 'found' && info.userName === 'alice' && info.account === OWN);
  });

  it('says so when no connection is configured', async () => {
    const lookup = new KeyLookup({ loadedKey: async () => undefined, sessions: async () => [] }, { cacheSeconds: 300, maxLookupsPerMinute: 30 });
    assert.deepStrictEqual((await lookup.lookup(ALICE_KEY)).info, { kind: 'no-connection', accessKeyId: ALICE_KEY });
  });

  it('turns a failure to list connections into an error answer, without the raw error', async () => {
    const lookup = new KeyLookup(
      { loadedKey: async () => undefined, sessions: async () => Promise.reject(awsError('CredentialsProviderError', 'Could not load credentials from any providers')) },
      { cacheSeconds: 300, maxLookupsPerMinute: 30 },
    );
    const { info } = await lookup.lookup(ALICE_KEY);
    assert.strictEqual(info.kind, 'error');
    assert.ok(info.kind === 'error' && info.message === 'Could not load credentials from any providers');
  });

  describe('cancellation', () => {
    it('makes no call when the signal is already aborted', async () => {
      const s = setup();
      await rejectsWithAbort(s.lookup.lookup(ALICE_KEY, AbortSignal.abort()));
      assert.strictEqual(s.own.total(), 0);
    });

    it('stops waiting at once, while the shared request finishes and fills the cache', async () => {
      const s = setup({ delayMs: 200 });
      const controller = new AbortController();
      const waiting = s.lookup.lookup(ALICE_KEY, controller.signal);
      let otherSettled = false;
      const other = s.lookup.lookup(ALICE_KEY).finally(() => (otherSettled = true)); // a second hover over the same key
      await new Promise((r) => setTimeout(r, 5));
      controller.abort();
      await rejectsWithAbort(waiting);
      // Order, not a clock: the aborted wait ends while the shared request is still out.
      assert.strictEqual(otherSettled, false, 'rejects before the request ends');
      assert.strictEqual((await other).info.kind, 'found');
      const next = await s.lookup.lookup(ALICE_KEY);
      assert.strictEqual(next.source, 'cache');
      assert.strictEqual(s.own.calls.GetAccessKeyInfo, 1);
    });

    it('aborts requests in flight on dispose', async () => {
      const s = setup({ delayMs: 1000 });
      const pending = s.lookup.lookup(ALICE_KEY);
      await new Promise((r) => setTimeout(r, 5));
      s.lookup.dispose();
      const { info } = await pending;
      assert.strictEqual(info.kind, 'error');
      assert.ok(s.own.signals.every((signal) => signal?.aborted));
    });
  });

  it('does not cache an answer that started before clear()', async () => {
    const s = setup({ delayMs: 20 });
    const pending = s.lookup.lookup(ALICE_KEY);
    await new Promise((r) => setTimeout(r, 5));
    s.lookup.clear();
    await pending;
    assert.strictEqual((await s.lookup.lookup(ALICE_KEY)).source, 'aws');
  });

  it('a budget unit is one request: lookups that fan out over 3 profiles stay within the cap in every minute', async () => {
    const clock = new FakeClock();
    const accounts = ['111111111111', '222222222222', '333333333333'];
    const apis = accounts.map((account) => Object.assign(new FakeIam(account), { stsDenied: true, clock }));
    const sessions = apis.map((api) => connection(api));
    const lookup = new KeyLookup({ loadedKey: async () => undefined, sessions: async () => sessions }, { cacheSeconds: 300, maxLookupsPerMinute: 10 }, clock.now, clock.wait);
    // IDs that carry no account: STS is asked of each profile (denied), then each account's IAM.
    for (let i = 0; i < 8; i++) {
      const id = `AKIAGONE${String(i).padStart(12, '0')}`;
      let { info } = await lookup.lookup(id);
      while (info.kind === 'limit-reached') {
        clock.advance(info.retryInMs);
        ({ info } = await lookup.lookup(id));
      }
      assert.strictEqual(info.kind, 'not-found', id);
    }
    const times = apis.flatMap((api) => api.requestTimes).sort((a, b) => a - b);
    assert.strictEqual(times.length, 8 * 6, 'each lookup: 3 × GetAccessKeyInfo, 3 × GetAccessKeyLastUsed');
    const busiestMinute = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 60_000).length));
    assert.ok(busiestMinute <= 10, `${busiestMinute} requests in one minute with maxLookupsPerMinute 10`);
  });

  it('applies new limits: a shorter cache and a new budget', async () => {
    const s = setup({ cacheSeconds: 300, maxLookupsPerMinute: 1 });
    await s.lookup.lookup(ALICE_KEY);
    assert.strictEqual((await s.lookup.lookup(OTHER_KEY)).info.kind, 'limit-reached');
    s.lookup.configure({ cacheSeconds: 300, maxLookupsPerMinute: 5 });
    assert.strictEqual((await s.lookup.lookup(ALICE_KEY)).source, 'cache', 'same cacheSeconds keeps the cache');
    assert.strictEqual((await s.lookup.lookup(OTHER_KEY)).info.kind, 'other-account');
    // OTHER_KEY took the 3 requests an ID without its account usually costs; 2 are left.
    assert.strictEqual((await s.lookup.lookup(ALICE_KEY)).source, 'cache');
    s.lookup.configure({ cacheSeconds: 10, maxLookupsPerMinute: 8 });
    assert.strictEqual((await s.lookup.lookup(ALICE_KEY)).source, 'aws');
  });
});

describe('hover: KeyLookup over a real ConnectionSession (the lookup the diagnostics and the hover share)', () => {
  /** One session on the fake IAM, its account model, and the registry's sessions the lookup sources use. */
  function sessionSetup(): { lookup: KeyLookup; own: FakeIam; session: ConnectionSession; model: AccountModel } {
    const own = new FakeIam(OWN, [aliceKey]);
    own.delayMs = 30;
    const session = new ConnectionSession('', undefined, () => ({
      settings: {} as never,
      api: own,
      accessKeyId: async () => 'AKIASIGNING000000001',
      dispose: () => undefined,
    }));
    const registry = { sessions: async () => [session] };
    const models = new AccountModels(() => 100);
    const lookup = new KeyLookup(sessionLookupSources(registry as unknown as SessionRegistry, models), { cacheSeconds: 300, maxLookupsPerMinute: 30 });
    return { lookup, own, session, model: models.of(session) };
  }

  async function untilCalled(own: FakeIam, action: string): Promise<void> {
    for (let i = 0; i < 500 && !own.calls[action]; i++) await new Promise((r) => setTimeout(r, 2));
    assert.ok(own.calls[action], `${action} was never called`);
  }

  it('a hover while the diagnostic\'s lookup is in flight, the key listed by the tree meanwhile, shares its GetAccessKeyLastUsed', async () => {
    const { lookup, own, model } = sessionSetup();
    const diagnostic = lookup.lookup(ALICE_KEY); // the leak diagnostic, as the document opens
    await untilCalled(own, 'GetAccessKeyLastUsed');
    model.loadedKeys.add([aliceKey]); // the tree lists alice's keys meanwhile
    const hover = lookup.lookup(ALICE_KEY); // the hover now finds the key listed
    const [d, h] = await Promise.all([diagnostic, hover]);
    assert.strictEqual(own.calls.GetAccessKeyLastUsed, 1);
    assert.deepStrictEqual([d.source, h.source], ['aws', 'explorer']);
    assert.ok(h.info.kind === 'found' && h.info.lastUsed === aliceLastUsed, JSON.stringify(h.info));
    assert.ok(d.info.kind === 'found' && d.info.lastUsed === aliceLastUsed, JSON.stringify(d.info));
  });

  it('the owner lookup\'s answer fills the session\'s memo: the tree and a later hover ask nothing more', async () => {
    const { lookup, own, session, model } = sessionSetup();
    await lookup.lookup(ALICE_KEY);
    model.loadedKeys.add([aliceKey]);
    assert.strictEqual(session.knownLastUsed(ALICE_KEY), aliceLastUsed);
    const later = await lookup.lookup(ALICE_KEY);
    assert.ok(later.info.kind === 'found' && later.info.lastUsed === aliceLastUsed);
    assert.strictEqual(await session.lastUsed(ALICE_KEY), aliceLastUsed);
    assert.strictEqual(own.calls.GetAccessKeyLastUsed, 1);
  });
});

describe('owner lookup: lookUpKeyOwner', () => {
  it('asks only the connection of the account STS named', async () => {
    const a = new FakeIam('111111111111', [], { [ALICE_KEY]: '333333333333' });
    const b = new FakeIam('222222222222');
    const c = new FakeIam('333333333333', [aliceKey]);
    const info = await lookUpKeyOwner([connection(a), connection(b), connection(c)], ALICE_KEY);
    assert.ok(info.kind === 'found' && info.account === '333333333333' && info.profile === 'p333333333333');
    assert.deepStrictEqual(a.calls, { GetAccessKeyInfo: 1 });
    assert.deepStrictEqual(b.calls, {}, 'an account STS ruled out costs nothing');
    assert.strictEqual(c.calls.GetAccessKeyLastUsed, 1);
  });

  it('asks one account once even with two profiles for it', async () => {
    const a1 = new FakeIam(OWN);
    const a2 = new FakeIam(OWN);
    const info = await lookUpKeyOwner([connection(a1, 'one'), connection(a2, 'two')], GONE_KEY);
    assert.deepStrictEqual(info, { kind: 'not-found', accessKeyId: GONE_KEY, account: OWN });
    assert.strictEqual(a2.total(), 0);
  });

  it('prefers a definite answer over an error from another connection', async () => {
    const broken = new FakeIam('999999999999');
    broken.getAccessKeyAccount = async () => Promise.reject(awsError('ExpiredToken', 'The security token included in the request is expired'));
    const other = new FakeIam(OWN, [], { [OTHER_KEY]: OTHER });
    const info = await lookUpKeyOwner([connection(broken), connection(other)], OTHER_KEY);
    assert.deepStrictEqual(info, { kind: 'other-account', accessKeyId: OTHER_KEY, account: OTHER });
  });

  it('reports the first error when every connection fails', async () => {
    const broken = new FakeIam(OWN);
    broken.getAccessKeyAccount = async () => Promise.reject(awsError('ExpiredToken', 'expired'));
    const info = await lookUpKeyOwner([connection(broken)], ALICE_KEY);
    assert.deepStrictEqual(info, { kind: 'error', accessKeyId: ALICE_KEY, message: 'The credentials have expired', hint: 'Refresh them (sign in again), then retry.' });
  });
});
