// Soak: a scripted session of a few thousand mixed operations — expand, Load more, retry,
// refresh (list, user, whole view), tooltips, hovers through vscode.executeHoverProvider,
// every read command through executeCommand with argument objects, bad input — against an
// endpoint with light faults. Held: no unhandled rejection or uncaught exception, heap flat,
// bounded time, the tree still exact at the end, and IAM was only read.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as vscode from 'vscode';
import type { TreeElement } from '../../src/explorer/nodes/treeElement';
import { BUILT_IN_IDENTITIES } from '../emulator/identities';
import { type Session, children, configure, item, startSession } from './fixture';
import { MUTATING_ACTIONS, READ_ONLY_ACTIONS, RejectionWatch, click, loadMoreRow, messageRows, userRows, usersNode, within } from '../support/reliabilityHarness';
import { mulberry32 } from '../emulator/random'; // the soak's script is the same on every run

const OPERATIONS = 3_000;
const TIME_BUDGET_MS = 57_000;

/** A forced full GC if this process lets us have one (V8 flag set at runtime), else undefined. */
function gcFunction(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  try {
    v8.setFlagsFromString('--expose_gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

describe('Reliability soak', function () {
  this.timeout(180_000);
  let session: Session | undefined;
  after(async () => {
    await session?.close();
    session = undefined;
  });

  it(`${OPERATIONS} mixed operations with light faults: no unhandled rejection, flat heap, bounded time, exact tree at the end, reads only`, async () => {
    session = await startSession(
      { users: 400, seed: 13, faults: { garbageRate: 0.02, serverErrorRate: 0.02, throttleRate: 0.01, faultActions: ['ListUsers', 'ListAccessKeys', 'GetAccessKeyLastUsed', 'GetAccessKeyInfo'], seed: 5 } },
      { pageSize: 40, 'hover.maxLookupsPerMinute': 600, requestTimeoutSeconds: 5 },
    );
    const { api, emulator } = session;
    await configure({ profiles: [BUILT_IN_IDENTITIES.session.profile] }); // a second root, signed with a session token
    const store = emulator.store;
    const keyIds = store.users().flatMap((u) => store.keysOf({ kind: 'user', user: u }).map((k) => k.accessKeyId));
    const docText = [
      ...keyIds.slice(0, 60).map((id, i) => `key ${i}: ${id}`),
      `root ${store.keysOf({ kind: 'root' })[0]?.accessKeyId ?? ''}`,
      `temporary ${BUILT_IN_IDENTITIES.session.credentials.accessKeyId}`,
      'unknown AKIAZZZZZZZZZZZZZZZZ and AIDAEXAMPLEUSERID1234',
    ].join('\n');
    // A file, not an untitled document: closing all editors every 250 operations must not empty it.
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder');
    const docUri = vscode.Uri.joinPath(folder.uri, 'soak-keys.txt');
    await vscode.workspace.fs.writeFile(docUri, new TextEncoder().encode(docText));
    const doc = await vscode.workspace.openTextDocument(docUri);
    const hoverSpots = [...docText.matchAll(/A[KS]IA[A-Z0-9]{16}|AIDA[A-Z0-9]{16}/g)].map((m) => doc.positionAt(m.index! + 3));
    const exportFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-soak-')), 'keys.json');

    const rejections = new RejectionWatch();
    const gc = gcFunction();
    const heap: number[] = [];
    const sampleHeap = (): void => {
      gc?.();
      heap.push(process.memoryUsage().heapUsed);
    };
    const rand = mulberry32(42);
    const pick = <T>(xs: readonly T[]): T | undefined => (xs.length ? xs[Math.floor(rand() * xs.length)] : undefined);
    const done: Record<string, number> = {};

    let users = await usersNode(api);
    let userNodes: TreeElement[] = [];
    let keyNodes: TreeElement[] = [];
    const refreshKnown = async (): Promise<void> => {
      const rows = await children(api, users);
      userNodes = rows.filter((r) => item(api, r).contextValue === 'pagedList.user');
    };
    await refreshKnown();

    let ourHovers = 0;
    const hover = async (): Promise<void> => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pick(hoverSpots)!)) ?? [];
      if (hovers.some((h) => h.contents.some((c) => /\*\*A[A-Z0-9]{19}\*\*/.test(typeof c === 'string' ? c : 'value' in c ? c.value : '')))) ourHovers++;
    };
    const ops: [string, number, () => PromiseLike<unknown>][] = [
      ['expand Users', 10, () => refreshKnown()],
      ['Load more / retry Users', 12, async () => {
        const rows = await children(api, users);
        const target = loadMoreRow(api, rows) ?? messageRows(api, rows).find((r) => item(api, r).command);
        if (target) await click(api, target);
        await refreshKnown();
      }],
      ['expand a user', 14, async () => {
        const user = pick(userNodes);
        if (!user) return;
        const rows = await children(api, user);
        keyNodes = [...keyNodes.slice(-200), ...rows.filter((r) => /^accessKey/.test(item(api, r).contextValue ?? ''))];
        const retry = messageRows(api, rows).find((r) => item(api, r).command);
        if (retry && rand() < 0.5) await click(api, retry);
      }],
      ['tooltip of a key (resolveTreeItem)', 10, async () => {
        const key = pick(keyNodes);
        if (key) await api.explorer.resolveTreeItem(item(api, key), key, new vscode.CancellationTokenSource().token);
      }],
      ['tree items', 8, async () => {
        for (const node of [users, ...userNodes.slice(0, 20), ...keyNodes.slice(0, 20)]) api.explorer.getTreeItem(node);
      }],
      ['hover', 14, hover],
      ['copyAccessKeyId', 4, () => vscode.commands.executeCommand('iamKeys.copyAccessKeyId', { accessKeyId: pick(keyIds) })],
      ['copyCliCommand', 3, async () => {
        const node = pick([...userNodes, ...keyNodes]);
        if (node) await vscode.commands.executeCommand('iamKeys.copyCliCommand', node, pick(['get-access-key-last-used', 'update-access-key', 'list-access-keys']));
      }],
      ['findAccessKey', 2, () => vscode.commands.executeCommand('iamKeys.findAccessKey', { accessKeyId: pick(keyIds), reveal: false })],
      ['showAccessKeyJson', 1, () => vscode.commands.executeCommand('iamKeys.showAccessKeyJson', { accessKeyId: pick(keyIds) })],
      ['listAccessKeys', 1, () => vscode.commands.executeCommand('iamKeys.listAccessKeys', { userName: pick(store.users())!.userName, maxItems: 1 + Math.floor(rand() * 3) })],
      ['filter / clear filter', 3, () => (rand() < 0.5 ? vscode.commands.executeCommand('iamKeys.filterUsers', { text: pick(['a', 'bob', 'x', '.']) }) : vscode.commands.executeCommand('iamKeys.clearFilter'))],
      ['refresh a user', 3, async () => {
        const user = pick(userNodes);
        if (user) await vscode.commands.executeCommand('iamKeys.refresh', user);
      }],
      ['refresh Users', 2, async () => {
        await vscode.commands.executeCommand('iamKeys.refresh', users);
        keyNodes = [];
        await refreshKnown();
      }],
      ['refresh the whole view', 1, async () => {
        await vscode.commands.executeCommand('iamKeys.refresh');
        users = await usersNode(api);
        keyNodes = [];
        await refreshKnown();
      }],
      ['Load all', 1, () => vscode.commands.executeCommand('iamKeys.loadAll', users)],
      ['bad input', 3, () => Promise.all([
        vscode.commands.executeCommand('iamKeys.listAccessKeys', { userName: `bad name ${Math.floor(rand() * 1000)}` }),
        vscode.commands.executeCommand('iamKeys.copyAccessKeyId', { accessKeyId: 'akia-nope' }),
      ])],
      ['concurrent: hover + Load more + tooltip', 4, () => Promise.all([
        hover(),
        (async () => {
          const more = loadMoreRow(api, await children(api, users));
          if (more) await click(api, more);
        })(),
        (async () => {
          const key = pick(keyNodes);
          if (key) await api.explorer.resolveTreeItem(item(api, key), key, new vscode.CancellationTokenSource().token);
        })(),
      ])],
      ['export (loaded users)', 0.2, () => vscode.commands.executeCommand('iamKeys.exportAccessKeys', { format: 'json', file: exportFile, users: 'loaded' })],
    ];
    const totalWeight = ops.reduce((sum, [, w]) => sum + w, 0);
    const choose = (): [string, () => PromiseLike<unknown>] => {
      let r = rand() * totalWeight;
      for (const [name, weight, run] of ops) {
        if ((r -= weight) <= 0) return [name, run];
      }
      return [ops[0][0], ops[0][2]];
    };

    const started = Date.now();
    let n = 0;
    try {
      for (; n < OPERATIONS && Date.now() - started < TIME_BUDGET_MS; n++) {
        if (n % 250 === 0) {
          await vscode.commands.executeCommand('workbench.action.closeAllEditors');
          await vscode.commands.executeCommand('notifications.clearAll');
          if (n >= 250) sampleHeap(); // after a warm-up
        }
        const [name, run] = choose();
        await within(run(), 30_000, `soak operation #${n} (${name})`);
        done[name] = (done[name] ?? 0) + 1;
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('notifications.clearAll');
      sampleHeap();
    } finally {
      rejections.dispose();
    }
    const seconds = (Date.now() - started) / 1000;
    const counters = emulator.counters();
    console.log(`[reliability] soak: ${n} operations in ${seconds.toFixed(1)} s; ${counters.total} requests, ${counters.faultsTotal} faults injected ${JSON.stringify(counters.faultsInjected)}; by operation ${JSON.stringify(done)}`);
    const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
    console.log(`[reliability] soak heap (${gc ? 'after forced GC' : 'no GC available'}): ${heap.map(mb).join(', ')}`);

    assert.deepEqual(rejections.rejections, [], 'no unhandled rejection or uncaught exception');
    // How many operations fit in TIME_BUDGET_MS depends on the machine's load: the figure is
    // logged above, not asserted (each operation is bounded by within(), the loop by the budget).
    assert.ok(counters.faultsTotal > 0, 'the faults really happened');
    assert.ok(ourHovers > (done.hover ?? 0) / 2, `most hovers answered with ours (${ourHovers} of ${done.hover})`);
    // Heap flat: with a forced GC, the last sample within 40 MB of the first; without one,
    // the last third's mean within 1.5× (+40 MB) of the first third's.
    assert.ok(heap.length >= 3, `enough heap samples (${heap.length})`);
    if (gc) {
      assert.ok(heap[heap.length - 1] - heap[0] < 40 * 1048576, `heap grew from ${mb(heap[0])} to ${mb(heap[heap.length - 1])}`);
    } else {
      const third = Math.max(1, Math.floor(heap.length / 3));
      const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
      const first = mean(heap.slice(0, third));
      const last = mean(heap.slice(-third));
      assert.ok(last < first * 1.5 + 40 * 1048576, `heap ${mb(first)} → ${mb(last)}`);
    }
    // IAM was only read.
    for (const action of Object.keys(counters.byAction)) assert.ok(READ_ONLY_ACTIONS.has(action), `the soak called ${action}`);
    for (const action of MUTATING_ACTIONS) assert.equal(counters.byAction[action] ?? 0, 0, action);
    // And nothing was lost: with the faults off, the list still ends with every user once.
    emulator.setFaults({ garbageRate: 0, serverErrorRate: 0, throttleRate: 0 });
    await vscode.commands.executeCommand('iamKeys.clearFilter');
    await vscode.commands.executeCommand('iamKeys.refresh', users);
    let rows = await children(api, users);
    for (let guard = 0; guard < 100; guard++) {
      const more = loadMoreRow(api, rows);
      if (!more) break;
      await click(api, more);
      rows = await children(api, users);
    }
    const names = userRows(api, rows);
    assert.equal(new Set(names).size, names.length);
    assert.deepEqual(names, store.users().map((u) => u.userName));
  });
});
