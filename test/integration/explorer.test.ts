// The Access Keys explorer in a real extension host against the local IAM endpoint.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import type { TreeElement } from '../../src/explorer/nodes/treeElement';
import type { LoadResult } from '../../src/explorer/commands/loadMore';
import type { IamKeysInternals } from '../../src/extension';
import { until } from '../support/wait';
import {
  PROFILES, type Session, calls, childByLabel, children, configure, isLoadMore, item, keyIdOf, label, rowLine, startSession, totalCalls, writeAwsFiles,
} from './fixture';

/** Expands "Users" and clicks "Load more…" until the list ends; returns the user names shown. */
async function loadEveryUser(api: IamKeysInternals, users: TreeElement): Promise<string[]> {
  let rows = await children(api, users);
  for (let guard = 0; guard < 10_000 && rows.some((r) => isLoadMore(api, r)); guard++) {
    await vscode.commands.executeCommand('iamKeys.loadMore', rows.find((r) => isLoadMore(api, r)));
    rows = await children(api, users);
  }
  return rows.filter((r) => item(api, r).contextValue === 'pagedList.user').map((r) => label(api, r));
}

async function usersNode(api: IamKeysInternals): Promise<TreeElement> {
  const [root] = await children(api);
  return childByLabel(api, root, 'Users');
}

describe('Explorer', function () {
  this.timeout(120_000);
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  for (const pageSize of [100, 1000]) {
    it(`pages through 2,500 users with pageSize ${pageSize}: same order, no gap, no duplicate, minimum calls`, async () => {
      session = await startSession({ users: 2500, seed: 7 }, { pageSize });
      const { api, emulator } = session;
      const names = await loadEveryUser(api, await usersNode(api));
      const expected = emulator.store.users().map((u) => u.userName);
      assert.equal(names.length, expected.length);
      assert.deepEqual(names, expected);
      assert.equal(new Set(names).size, names.length);
      assert.equal(calls(emulator, 'ListUsers'), Math.ceil(expected.length / pageSize));
    });
  }

  it('"Load all" asks for IAM\'s largest pages whatever the view\'s page size', async () => {
    session = await startSession({ users: 2500, seed: 8 }, { pageSize: 100 });
    const { api, emulator } = session;
    const users = await usersNode(api);
    await children(api, users); // first page, at the view's size
    const result = (await vscode.commands.executeCommand('iamKeys.loadAll', users)) as { loaded: number; truncated: boolean };
    const total = emulator.store.users().length;
    assert.equal(result.loaded, total);
    assert.equal(result.truncated, false);
    assert.equal(calls(emulator, 'ListUsers'), 1 + Math.ceil((total - 100) / 1000));
    const names = (await children(api, users)).map((r) => label(api, r));
    assert.deepEqual(names, emulator.store.users().map((u) => u.userName));
  });

  it('handles short and empty truncated pages: never a dead end, every user once', async () => {
    session = await startSession({ users: 300, seed: 3, shortPages: true }, { pageSize: 50 });
    const { api, emulator } = session;
    const names = await loadEveryUser(api, await usersNode(api));
    assert.deepEqual(names, emulator.store.users().map((u) => u.userName));
    // Short pages need more calls than full ones would.
    assert.ok(calls(emulator, 'ListUsers') > Math.ceil(emulator.store.users().length / 50));
  });

  it('a double "Load more" makes one call', async () => {
    session = await startSession({ users: 250, seed: 1, latencyMs: 150 }, { pageSize: 100 });
    const { api, emulator } = session;
    const users = await usersNode(api);
    const loadMore = (await children(api, users)).find((r) => isLoadMore(api, r));
    assert.ok(loadMore, 'first page ends in Load more…');
    emulator.resetCounters();
    await Promise.all([
      vscode.commands.executeCommand('iamKeys.loadMore', loadMore),
      vscode.commands.executeCommand('iamKeys.loadMore', loadMore),
    ]);
    assert.equal(calls(emulator, 'ListUsers'), 1);
    const rows = await children(api, users);
    assert.equal(rows.filter((r) => !isLoadMore(api, r)).length, 200);
  });

  it('refresh during a load shows no stale rows', async () => {
    session = await startSession({ users: 250, seed: 2, latencyMs: 1500 }, { pageSize: 100 });
    const { api, emulator } = session;
    const users = await usersNode(api);
    const loadMore = (await children(api, users)).find((r) => isLoadMore(api, r));
    emulator.resetCounters();
    const pending = vscode.commands.executeCommand<LoadResult>('iamKeys.loadMore', loadMore);
    // The race for certain: the refresh comes while the second page's request is at the
    // endpoint (counted on arrival, answered 1.5 s later), not before it left or after it came back.
    await until(() => calls(emulator, 'ListUsers') === 1, "the second page's ListUsers at the endpoint");
    await vscode.commands.executeCommand('iamKeys.refresh', users);
    assert.equal((await pending)?.outcome, 'stale', 'the load was still under way when the refresh came');
    const rows = await children(api, users);
    const names = rows.filter((r) => !isLoadMore(api, r)).map((r) => label(api, r));
    assert.deepEqual(names, emulator.store.users().slice(0, 100).map((u) => u.userName));
  });

  it('a user expands to their keys with status and age; last use only when the tooltip resolves', async () => {
    session = await startSession({ users: 40, seed: 5 }, { pageSize: 100 });
    const { api, emulator } = session;
    const stored = emulator.store.users().find((u) => emulator.store.keysOf({ kind: 'user', user: u }).length === 2);
    assert.ok(stored, 'the generated account has a user with two keys');
    const user = await childByLabel(api, await usersNode(api), stored.userName);
    emulator.resetCounters();
    const keys = await children(api, user);
    assert.equal(calls(emulator, 'ListAccessKeys'), 1);
    const expected = emulator.store.keysOf({ kind: 'user', user: stored });
    assert.deepEqual(keys.map((k) => keyIdOf(k)).sort(), expected.map((k) => k.accessKeyId).sort());
    for (const key of keys) {
      const stored = expected.find((k) => k.accessKeyId === keyIdOf(key))!;
      // The first finding (else the status) and the ID's end, then other findings, status and age.
      const tail = `…${stored.accessKeyId.slice(-4)}`;
      assert.match(rowLine(api, key), new RegExp(`^(${stored.status} · ${tail} \\| (today|[\\d,]+d)|[^|]+ · ${tail} \\| ([^|]+ · )?${stored.status} · (today|[\\d,]+d))$`));
    }
    assert.equal(calls(emulator, 'GetAccessKeyLastUsed'), 0, 'no last-used call per key on expand');
    const resolved = await api.explorer.resolveTreeItem(item(api, keys[0]), keys[0], new vscode.CancellationTokenSource().token);
    const tooltip = (resolved as vscode.TreeItem).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /Last used/);
    assert.equal(calls(emulator, 'GetAccessKeyLastUsed'), 1);
  });

  it('open view, expand 3 users, load 2 more pages: the minimum number of calls', async () => {
    session = await startSession({ users: 500, seed: 9 }, { pageSize: 100 });
    const { api, emulator } = session;
    const users = await usersNode(api);
    const first = (await children(api, users)).slice(0, 3);
    for (const user of first) await children(api, user);
    for (let i = 0; i < 2; i++) {
      const more = (await children(api, users)).find((r) => isLoadMore(api, r));
      await vscode.commands.executeCommand('iamKeys.loadMore', more);
    }
    // GetCallerIdentity 1 + ListUsers 3 (first page + 2 more) + ListAccessKeys 3.
    assert.equal(calls(emulator, 'GetCallerIdentity'), 1);
    assert.equal(calls(emulator, 'ListUsers'), 3);
    assert.equal(calls(emulator, 'ListAccessKeys'), 3);
    assert.equal(totalCalls(emulator), 7);
  });

  it('AccessDenied on ListUsers is a row; "My access keys" still works', async () => {
    session = await startSession({ users: 20, seed: 4 }, { profile: PROFILES.limited });
    const { api } = session;
    const [root] = await children(api);
    const users = await childByLabel(api, root, 'Users');
    const rows = await children(api, users);
    assert.equal(rows.length, 1);
    assert.match(label(api, rows[0]), /^Access denied: iam:ListUsers/);
    assert.equal(item(api, rows[0]).command?.command, 'iamKeys.loadMore', 'the row retries');
    const mine = await children(api, await childByLabel(api, root, 'My access keys'));
    assert.ok(mine.length >= 1);
    assert.match(keyIdOf(mine[0]), /^AKIA/);
  });

  it('root credentials: "My access keys (root)" lists root\'s keys', async () => {
    session = await startSession({ users: 5, seed: 4 }, { profile: PROFILES.root });
    const { api, emulator } = session;
    const [root] = await children(api);
    const mine = await childByLabel(api, root, 'My access keys (root)');
    const keys = await children(api, mine);
    const expected = emulator.store.keysOf({ kind: 'root' }).map((k) => k.accessKeyId).sort();
    assert.deepEqual(keys.map((k) => keyIdOf(k)).sort(), expected);
  });

  it('shows two profiles side by side, each with its account', async () => {
    session = await startSession({ users: 5, seed: 4 }, { profiles: [PROFILES.limited] });
    const { api } = session;
    const roots = await children(api);
    assert.deepEqual(roots.map((r) => label(api, r)), [PROFILES.admin, PROFILES.limited]);
    for (const root of roots) await children(api, root);
    const described = (await children(api)).map((r) => String(item(api, r).description));
    assert.ok(described.every((d) => /^\d{12}/.test(d)), described.join(','));
  });

  it('no credentials at all: an empty tree, so the welcome view shows', async () => {
    session = await startSession({ users: 1 }, { profile: '' });
    writeAwsFiles(); // profiles exist but none is "default", and no AWS_* variables
    session.api.explorer.rebuild();
    assert.deepEqual(await children(session.api), []);
  });

  it('a profile missing from the config files is a row that offers to pick one', async () => {
    session = await startSession({ users: 1 }, { profile: 'no-such-profile' });
    const [root] = await children(session.api);
    const rows = await children(session.api, root);
    assert.match(label(session.api, rows[0]), /not in the AWS config files/);
    assert.equal(item(session.api, rows[0]).command?.command, 'iamKeys.selectProfile');
  });

  it('changing the endpoint setting rebuilds the tree against the new endpoint', async () => {
    session = await startSession({ users: 3, seed: 11 });
    const { api } = session;
    const before = await loadEveryUser(api, await usersNode(api));
    const other = await startSession({ users: 6, seed: 12 });
    try {
      await configure({ endpoint: other.emulator.url });
      const after = await loadEveryUser(api, await usersNode(api));
      assert.notDeepEqual(after, before);
      assert.deepEqual(after, other.emulator.store.users().map((u) => u.userName));
    } finally {
      await other.emulator.close();
    }
  });

  it('a changed iamKeys.pageSize applies to the next page loaded, without Refresh, keeping what is loaded', async () => {
    // 148 generated users and the emulator's two built-in callers: 150 in all.
    session = await startSession({ users: 148, seed: 11 }, { pageSize: 50 });
    const { api, emulator } = session;
    const users = await usersNode(api);
    const first = await children(api, users);
    assert.equal(first.filter((r) => !isLoadMore(api, r)).length, 50);
    await configure({ pageSize: 100 });
    assert.equal(calls(emulator, 'ListUsers'), 1, 'the setting change reloads nothing');
    await vscode.commands.executeCommand('iamKeys.loadMore', first.find((r) => isLoadMore(api, r)));
    const after = await children(api, users);
    assert.equal(after.filter((r) => !isLoadMore(api, r)).length, 150, 'one page of 100 follows the first 50');
    assert.equal(after.some((r) => isLoadMore(api, r)), false);
    assert.equal(calls(emulator, 'ListUsers'), 2);
  });

  it('"Show only keys needing attention" narrows Users to those with flagged keys, opened, with counts that match', async () => {
    // Built-in callers dated from today, so their ages are the ones written below.
    session = await startSession({ users: 0, referenceDate: new Date() }, { pageSize: 100, rotationWarningDays: 90 });
    const { api, emulator } = session;
    const store = emulator.store;
    const day = 86_400_000;
    const recently = { date: new Date(Date.now() - day), serviceName: 's3', region: 'us-east-1' };
    // Hand-built: two users with a key that needs attention, three without. The emulator's two
    // built-in callers are there too: demo-admin (45-day key used today: fine) and
    // limited-auditor (120-day key never used: flagged).
    for (const userName of ['anna-old-key', 'ben-fine', 'cleo-inactive', 'dan-never-used', 'eve-fine']) store.addUser({ userName });
    const old = store.addAccessKey('anna-old-key', { createDate: new Date(Date.now() - 400 * day), lastUsed: recently });
    const fresh = store.addAccessKey('anna-old-key', { createDate: new Date(Date.now() - 5 * day), lastUsed: recently });
    store.addAccessKey('ben-fine', { createDate: new Date(Date.now() - 20 * day), lastUsed: recently });
    store.addAccessKey('cleo-inactive', { status: 'Inactive', createDate: new Date(Date.now() - 400 * day) });
    const neverUsed = store.addAccessKey('dan-never-used', { createDate: new Date(Date.now() - 60 * day) });
    store.addAccessKey('eve-fine', { createDate: new Date(Date.now() - 3 * day), lastUsed: recently });
    const users = await usersNode(api);
    assert.equal((await children(api, users)).length, 7);
    // No user row was expanded: the command itself must look at their keys.
    const result = (await vscode.commands.executeCommand('iamKeys.showNeedsAttention')) as Record<string, unknown>;
    try {
      const shown = await children(api, users);
      assert.deepEqual(shown.map((n) => label(api, n)), ['anna-old-key', 'dan-never-used', 'limited-auditor']);
      // One credential report answers for every user (2 calls), not two calls per user.
      assert.deepEqual({ ...result, reportGeneratedAt: typeof result.reportGeneratedAt }, { attentionOnly: true, usersChecked: 7, usersShown: 3, cancelled: false, source: 'credential-report', reportGeneratedAt: 'string' });
      for (const row of shown) assert.equal(item(api, row).collapsibleState, vscode.TreeItemCollapsibleState.Expanded, label(api, row));
      assert.deepEqual((await children(api, shown[0])).map((k) => keyIdOf(k)), [old.accessKeyId]);
      assert.deepEqual((await children(api, shown[1])).map((k) => keyIdOf(k)), [neverUsed.accessKeyId]);
      assert.match(String(item(api, users).description), /^3 of 7 · needing attention$/);
      assert.match(api.treeView.message ?? '', /needing attention/);
    } finally {
      await vscode.commands.executeCommand('iamKeys.showAllKeys');
    }
    assert.equal((await children(api, users)).length, 7);
    assert.deepEqual((await children(api, await childByLabel(api, users, 'anna-old-key'))).map((k) => keyIdOf(k)).sort(), [old.accessKeyId, fresh.accessKeyId].sort());
    assert.equal(item(api, users).description, '7');
  });

  it('a user with two active keys is marked', async () => {
    session = await startSession({ users: 0 }, { pageSize: 100 });
    const { api, emulator } = session;
    emulator.store.addUser({ userName: 'two-keys' });
    emulator.store.addAccessKey('two-keys');
    emulator.store.addAccessKey('two-keys');
    const users = await usersNode(api);
    const userRow = await childByLabel(api, users, 'two-keys');
    await children(api, userRow);
    assert.match(String(item(api, userRow).description), /2 active keys/);
  });
});
