// Paging of the IAM emulator through the real SDK: every page size yields the
// store's users once each, in order; short pages stay correct; bad MaxItems and
// markers are ValidationErrors. Plus a property test of the pager itself.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ListAccessKeysCommand, ListUsersCommand, paginateListUsers, type IAMClient } from '@aws-sdk/client-iam';
import { startIamEmulator, type IamEmulator } from '../emulator/index';
import { captureError, iamClientFor } from '../emulator/clients';
import { pageOf, type PagingOptions } from '../emulator/paging';

const USERS = 600;

async function listAllUserNames(client: IAMClient, pageSize: number, pathPrefix?: string): Promise<string[]> {
  const names: string[] = [];
  for await (const page of paginateListUsers({ client, pageSize }, { PathPrefix: pathPrefix })) {
    for (const user of page.Users ?? []) names.push(user.UserName ?? '');
  }
  return names;
}

describe('IAM emulator paging (SDK v3)', function () {
  let emulator: IamEmulator;
  let iam: IAMClient;

  before(async () => {
    emulator = await startIamEmulator({ users: USERS, seed: 42 });
    iam = iamClientFor(emulator, undefined, { maxAttempts: 1 });
  });
  after(async () => {
    iam.destroy();
    await emulator.close();
  });
  beforeEach(() => emulator.resetCounters());

  for (const pageSize of [1, 7, 100, 1000]) {
    it(`lists every user exactly once, in store order, with MaxItems ${pageSize}`, async function () {
      if (pageSize === 1) this.timeout(30_000);
      const names = await listAllUserNames(iam, pageSize);
      assert.deepEqual(names, emulator.store.users().map((u) => u.userName));
      assert.equal(emulator.counters().byAction.ListUsers, Math.ceil(names.length / pageSize));
    });
  }

  it('orders users by name ignoring case, the same order the store documents', () => {
    const names = emulator.store.users().map((u) => u.userName);
    assert.ok(names.some((n) => /[A-Z]/.test(n)), 'generated data includes capitalised names');
    const lowered = names.map((n) => n.toLowerCase());
    assert.deepEqual(lowered, [...lowered].sort());
  });

  it('defaults to 100 items and answers IsTruncated with a Marker only while more remain', async () => {
    const first = await iam.send(new ListUsersCommand({}));
    assert.equal(first.Users?.length, 100);
    assert.equal(first.IsTruncated, true);
    assert.ok(first.Marker && first.Marker.length <= 320);
    const all = await iam.send(new ListUsersCommand({ MaxItems: 1000 }));
    assert.equal(all.IsTruncated, false);
    assert.equal(all.Marker, undefined);
  });

  it('filters by PathPrefix and pages within the filter', async () => {
    const expected = emulator.store.users().filter((u) => u.path.startsWith('/engineering/')).map((u) => u.userName);
    assert.ok(expected.length > 10);
    assert.deepEqual(await listAllUserNames(iam, 10, '/engineering/'), expected);
  });

  it('keeps going correctly when users are deleted or added between pages', async () => {
    const store = emulator.store;
    const first = await iam.send(new ListUsersCommand({ MaxItems: 50 }));
    const lastSeen = first.Users?.[49]?.UserName ?? '';
    const nextInStore = store.users()[50].userName;
    store.deleteUser(lastSeen); // the marker's own cursor disappears
    store.deleteUser(nextInStore);
    const added = store.addUser({ userName: 'zzzz-added-during-listing' });
    try {
      const rest: string[] = [];
      let marker = first.Marker;
      while (marker) {
        const page = await iam.send(new ListUsersCommand({ MaxItems: 100, Marker: marker }));
        rest.push(...(page.Users ?? []).map((u) => u.UserName ?? ''));
        marker = page.Marker;
      }
      const expectedRest = store.users().map((u) => u.userName).filter((n) => n.toLowerCase() > lastSeen.toLowerCase());
      assert.deepEqual(rest, expectedRest);
      assert.ok(rest.includes(added.userName));
      assert.ok(!rest.includes(nextInStore));
    } finally {
      store.deleteUser(added.userName);
    }
  });

  it('rejects MaxItems outside 1–1000 with IAM ValidationError wording', async () => {
    const low = await captureError(iam.send(new ListUsersCommand({ MaxItems: 0 })));
    assert.equal(low.code, 'ValidationError');
    assert.equal(low.httpStatus, 400);
    assert.equal(
      low.message,
      "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    const high = await captureError(iam.send(new ListAccessKeysCommand({ MaxItems: 1001 })));
    assert.equal(high.code, 'ValidationError');
    assert.match(high.message, /Member must have value less than or equal to 1000/);
  });

  it('rejects forged, garbled and replayed markers as "Invalid Marker" without crashing', async () => {
    const page = await iam.send(new ListUsersCommand({ MaxItems: 5 }));
    const marker = page.Marker ?? '';
    const decoded = Buffer.from(marker, 'base64');
    decoded[10] ^= 1; // flip one bit of the payload: the HMAC no longer matches
    const forged = decoded.toString('base64');
    const fromOtherListing = (await iam.send(new ListUsersCommand({ MaxItems: 5, PathPrefix: '/engineering/' }))).Marker ?? '';
    for (const bad of [forged, 'not-a-marker', marker.slice(0, -4), '%%%', fromOtherListing]) {
      const error = await captureError(iam.send(new ListUsersCommand({ MaxItems: 5, Marker: bad })));
      assert.equal(error.code, 'ValidationError', bad);
      assert.equal(error.message, 'Invalid Marker.');
    }
    const keysMarkerReplay = await captureError(iam.send(new ListAccessKeysCommand({ Marker: marker })));
    assert.equal(keysMarkerReplay.message, 'Invalid Marker.');
    // The genuine marker still works afterwards.
    const next = await iam.send(new ListUsersCommand({ MaxItems: 5, Marker: marker }));
    assert.equal(next.Users?.[0]?.UserName, emulator.store.users()[5].userName);
  });

  it('pages access keys with MaxItems 1 (IAM allows at most two keys per user)', async () => {
    const owner = emulator.store.users().find((u) => u.accessKeys.length === 2);
    assert.ok(owner, 'some generated user has two keys');
    const first = await iam.send(new ListAccessKeysCommand({ UserName: owner.userName, MaxItems: 1 }));
    assert.equal(first.IsTruncated, true);
    const second = await iam.send(new ListAccessKeysCommand({ UserName: owner.userName, MaxItems: 1, Marker: first.Marker }));
    assert.equal(second.IsTruncated, false);
    const ids = [...(first.AccessKeyMetadata ?? []), ...(second.AccessKeyMetadata ?? [])].map((k) => k.AccessKeyId);
    assert.deepEqual(ids, owner.accessKeys.map((k) => k.accessKeyId));
  });
});

describe('IAM emulator short pages (SDK v3)', function () {
  let emulator: IamEmulator;
  let iam: IAMClient;

  before(async () => {
    emulator = await startIamEmulator({ users: 300, seed: 9, shortPages: true });
    iam = iamClientFor(emulator, undefined, { maxAttempts: 1 });
  });
  after(async () => {
    iam.destroy();
    await emulator.close();
  });

  it('returns fewer than MaxItems, sometimes none, with IsTruncated, and still every user exactly once', async () => {
    const sizes: number[] = [];
    const names: string[] = [];
    let marker: string | undefined;
    do {
      const page = await iam.send(new ListUsersCommand({ MaxItems: 20, Marker: marker }));
      sizes.push(page.Users?.length ?? 0);
      names.push(...(page.Users ?? []).map((u) => u.UserName ?? ''));
      if (page.IsTruncated) assert.ok(page.Marker, 'a truncated page carries a marker');
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    assert.deepEqual(names, emulator.store.users().map((u) => u.userName));
    const truncatedSizes = sizes.slice(0, -1);
    assert.ok(truncatedSizes.includes(0), `an empty truncated page occurs: ${sizes.join(',')}`);
    assert.ok(truncatedSizes.every((n) => n < 20), 'truncated pages are short');
    assert.ok(sizes.length > Math.ceil(names.length / 20), 'more requests than full pages would need');
  });

  it('is deterministic: the same seed gives the same page sizes', async () => {
    const twin = await startIamEmulator({ users: 300, seed: 9, shortPages: true });
    const twinClient = iamClientFor(twin);
    try {
      const sizesOf = async (client: IAMClient): Promise<number[]> => {
        const sizes: number[] = [];
        for await (const page of paginateListUsers({ client, pageSize: 33 }, {})) sizes.push(page.Users?.length ?? 0);
        return sizes;
      };
      assert.deepEqual(await sizesOf(twinClient), await sizesOf(iam));
    } finally {
      twinClient.destroy();
      await twin.close();
    }
  });
});

describe('IAM emulator pager (property)', () => {
  const options = (shortPagesSeed?: number): PagingOptions => ({ secret: Buffer.from('property-test'), shortPagesSeed });

  it('any list, page size and short-pages seed: continuing reaches the end with every item once, in order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 120 }),
        fc.integer({ min: 1, max: 40 }),
        fc.option(fc.integer({ min: 0, max: 2 ** 31 }), { nil: undefined }),
        (keys, maxItems, seed) => {
          const items = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          const seen: string[] = [];
          let marker: string | undefined;
          let requests = 0;
          let emptyInARow = 0;
          do {
            const page = pageOf(items, (k) => k, { maxItems, marker }, 'scope', options(seed));
            assert.ok(page.items.length <= maxItems);
            emptyInARow = page.items.length === 0 && page.isTruncated ? emptyInARow + 1 : 0;
            assert.ok(emptyInARow <= 1, 'never two empty pages in a row');
            seen.push(...page.items);
            assert.equal(page.marker !== undefined, page.isTruncated);
            marker = page.marker;
            assert.ok(++requests <= 2 * items.length + 2, 'no dead end');
          } while (marker);
          assert.deepEqual(seen, items);
        },
      ),
      { numRuns: 300 },
    );
  });
});
