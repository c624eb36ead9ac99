// The owner lookup with key IDs that carry their account: the account picks the session with
// no STS call; IDs without it still go through STS. Against small counting fakes.
import * as assert from 'assert/strict';
import type { IamApi } from '../../src/aws/iamApi';
import { keyOwnerWithoutCalls, lookUpKeyOwner, type OwnerLookupSession } from '../../src/aws/keyOwner';
import type { AccessKey, AccessKeyLastUsed } from '../../src/core/types';
import { KeyLookup } from '../../src/features/hover/keyLookup';
import { makeAccessKeyId } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';

const A = '111111111111';
const B = '222222222222';
const STRANGER = '609629065308';
// Made by the local endpoint's own encoder, not by the code under test.
const B_KEY = makeAccessKeyId(B, new SeededRandom(1));
const STRANGER_KEY = makeAccessKeyId(STRANGER, new SeededRandom(2));
const STRANGER_TEMP = makeAccessKeyId(STRANGER, new SeededRandom(3), 'ASIA');
const OLD_KEY = 'AKIAIOSFODNN7EXAMPLE';

class CountingIam {
  readonly calls: Record<string, number> = {};
  constructor(
    readonly account: string,
    readonly keys: readonly AccessKey[],
  ) {}
  count(name: string): void {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }
  total(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0);
  }
  api(): IamApi {
    return this.fakeApi(this);
  }
  private fakeApi(self: CountingIam): IamApi {
    return {
      getCallerIdentity: async () => (self.count('GetCallerIdentity'), { Account: self.account, Arn: `arn:aws:iam::${self.account}:user/x`, UserId: 'AIDAX' }),
      getAccessKeyAccount: async () => (self.count('GetAccessKeyInfo'), self.account),
      getAccessKeyLastUsed: async (id: string): Promise<AccessKeyLastUsed> => {
        self.count('GetAccessKeyLastUsed');
        const key = self.keys.find((k) => k.AccessKeyId === id);
        if (!key) throw Object.assign(new Error(`not authorized to perform: iam:GetAccessKeyLastUsed on resource: access key ${id}`), { name: 'AccessDenied' });
        return { UserName: key.UserName, ServiceName: 'N/A', Region: 'N/A' };
      },
      listAllAccessKeys: async (user: string) => (self.count('ListAccessKeys'), self.keys.filter((k) => k.UserName === user)),
      listAccessKeys: async () => (self.count('ListAccessKeys'), { items: [] }),
      listUsers: async () => ({ items: [] }),
      listAllUsers: async () => [],
      generateCredentialReport: async () => 'COMPLETE',
      getCredentialReport: async () => ({ csv: '', generatedAt: new Date(0) }),
    } as IamApi;
  }
}

function session(iam: CountingIam, known = true): OwnerLookupSession {
  const api = iam.api();
  return { profile: `p${iam.account}`, api, resolveAccount: async () => iam.account, account: () => (known ? iam.account : undefined) };
}

const bKey: AccessKey = { UserName: 'bob', AccessKeyId: B_KEY, Status: 'Inactive', CreateDate: new Date('2025-01-01T00:00:00Z') };

describe('owner lookup with the account read from the key ID', () => {
  it('asks only the IAM of the session the ID names, and STS not at all', async () => {
    const a = new CountingIam(A, []);
    const b = new CountingIam(B, [bKey]);
    const info = await lookUpKeyOwner([session(a), session(b)], B_KEY);
    assert.equal(info.kind, 'found');
    assert.ok(info.kind === 'found' && info.account === B && info.profile === `p${B}` && info.userName === 'bob' && info.key?.Status === 'Inactive');
    assert.equal((a.calls.GetAccessKeyInfo ?? 0) + (b.calls.GetAccessKeyInfo ?? 0), 0);
    assert.deepEqual(a.calls, {});
    assert.equal(b.calls.GetAccessKeyLastUsed, 1);
  });

  it('names another account with no call to STS or IAM', async () => {
    const a = new CountingIam(A, []);
    const info = await lookUpKeyOwner([session(a)], STRANGER_KEY);
    assert.deepEqual(info, { kind: 'other-account', accessKeyId: STRANGER_KEY, account: STRANGER });
    assert.equal(a.total(), 0);
  });

  it('names the issuing account of a temporary key with no call', async () => {
    const a = new CountingIam(A, []);
    assert.deepEqual(await lookUpKeyOwner([session(a)], STRANGER_TEMP), { kind: 'temporary', accessKeyId: STRANGER_TEMP, account: STRANGER });
    assert.equal(a.total(), 0);
  });

  it('a denial that names the key is "not found"; one that does not (a missing permission) says it may be either (#27)', async () => {
    const naming = new CountingIam(B, []);
    assert.deepEqual(await lookUpKeyOwner([session(naming)], B_KEY), { kind: 'not-found', accessKeyId: B_KEY, account: B });
    const refusing = new CountingIam(B, [bKey]);
    const api = refusing.api();
    const denied = Object.assign(new Error(`User: arn:aws:iam::${B}:user/x is not authorized to perform: iam:GetAccessKeyLastUsed because no identity-based policy allows the iam:GetAccessKeyLastUsed action`), { name: 'AccessDenied' });
    const withoutPermission: OwnerLookupSession = { ...session(refusing), api: { ...api, getAccessKeyLastUsed: async () => Promise.reject(denied) } };
    assert.deepEqual(await lookUpKeyOwner([withoutPermission], B_KEY), { kind: 'not-found', accessKeyId: B_KEY, account: B, deniedAsUnknown: true });
  });

  it('still asks STS for an old-format ID', async () => {
    const a = new CountingIam(A, []);
    const info = await lookUpKeyOwner([session(a)], OLD_KEY);
    assert.equal(a.calls.GetAccessKeyInfo, 1);
    assert.equal(info.kind, 'not-found');
  });

  it('keyOwnerWithoutCalls answers only when no session could be the owner', () => {
    const a = new CountingIam(A, []);
    const b = new CountingIam(B, [bKey]);
    assert.deepEqual(keyOwnerWithoutCalls([session(a)], STRANGER_KEY), { kind: 'other-account', accessKeyId: STRANGER_KEY, account: STRANGER });
    assert.equal(keyOwnerWithoutCalls([session(a), session(b)], B_KEY), undefined, 'B may own it: ask');
    assert.equal(keyOwnerWithoutCalls([session(a, false)], STRANGER_KEY), undefined, 'an account not known yet might be it');
    assert.equal(keyOwnerWithoutCalls([session(a)], OLD_KEY), undefined);
    assert.equal(keyOwnerWithoutCalls([], STRANGER_KEY), undefined, 'no connection stays no connection');
  });

  it('KeyLookup spends none of the per-minute budget on answers the ID gives', async () => {
    const a = new CountingIam(A, []);
    const lookup = new KeyLookup({ loadedKey: async () => undefined, sessions: async () => [session(a)] }, { cacheSeconds: 300, maxLookupsPerMinute: 3 });
    const others = [2, 3, 4, 5].map((seed) => makeAccessKeyId(STRANGER, new SeededRandom(seed)));
    for (const id of others) {
      const { info, source } = await lookup.lookup(id);
      assert.equal(info.kind, 'other-account');
      assert.equal(source, 'key-id');
    }
    assert.equal((await lookup.lookup(OLD_KEY)).info.kind, 'not-found', 'the budget of 3 (what an old-format ID usually costs) is still there');
    assert.equal((await lookup.lookup('AKIAJXXXXXXXXXXXXXXX')).info.kind, 'limit-reached');
  });
});
