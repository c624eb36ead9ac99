// Faults, in the real extension host against the local IAM endpoint and its fault modes:
// throttling while paging, 5xx bursts, dropped connections, requests that never answer,
// answers that are not IAM's, credentials and profiles that change under a loaded tree, a
// setting changed mid-load, a Marker the server no longer accepts, and the view being
// refreshed, clicked and closed while it loads. Each test names what it did and what held.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { IamKeysInternals } from '../../src/extension';
import type { TreeElement } from '../../src/explorer/nodes/treeElement';
import type { LoadResult } from '../../src/explorer/commands/loadMore';
import { credentialsFileText, BUILT_IN_IDENTITIES } from '../emulator/identities';
import { startIamEmulator, type IamEmulator } from '../emulator/index';
import { PROFILES, type Session, calls, children, configure, delay, item, label, startSession, writeAwsFiles } from './fixture';
import {
  RejectionWatch,
  click,
  connectionRoot,
  knownBug,
  loadMoreRow,
  messageRows,
  pagedList,
  rowText,
  userRows,
  usersNode,
  within,
} from '../support/reliabilityHarness';
import { until } from '../support/wait';

const ADMIN_SECRET = BUILT_IN_IDENTITIES.caller.credentials.secretAccessKey;

/** Clicks "Load more…" (and, when `retryErrors`, error rows) until the list ends. */
async function loadToEnd(api: IamKeysInternals, list: TreeElement, options: { retryErrors?: boolean; onClick?: () => void } = {}): Promise<{ names: string[]; errorRetries: number }> {
  let errorRetries = 0;
  let rows = await children(api, list);
  for (let guard = 0; guard < 5_000; guard++) {
    const more = loadMoreRow(api, rows);
    const error = messageRows(api, rows).find((r) => item(api, r).contextValue === 'message.retry');
    if (more) {
      options.onClick?.();
      await click(api, more);
    } else if (error && options.retryErrors) {
      errorRetries++;
      await click(api, error);
    } else break;
    rows = await children(api, list);
  }
  return { names: userRows(api, rows), errorRetries };
}

async function loadPages(api: IamKeysInternals, list: TreeElement, pages: number): Promise<string[]> {
  let rows = await children(api, list);
  for (let i = 1; i < pages; i++) {
    const more = loadMoreRow(api, rows);
    assert.ok(more, `page ${i} ends in "Load more…"`);
    await click(api, more);
    rows = await children(api, list);
  }
  return userRows(api, rows);
}

function storeNames(emulator: IamEmulator): string[] {
  return emulator.store.users().map((u) => u.userName);
}

function assertEveryUserOnce(names: readonly string[], emulator: IamEmulator): void {
  assert.equal(new Set(names).size, names.length, 'no user shown twice');
  assert.deepEqual(names, storeNames(emulator), 'every user, in IAM\'s order, none missing');
}

/** The single error row of a list, with what it says and what a click does. */
function errorRow(api: IamKeysInternals, rows: readonly TreeElement[]): { node: TreeElement; label: string; text: string; command?: string } {
  const errors = messageRows(api, rows);
  assert.equal(errors.length, 1, `one message row (rows: ${rows.length}, messages: ${errors.map((r) => label(api, r)).join(' / ')})`);
  const node = errors[0];
  return { node, label: label(api, node), text: rowText(api, node), command: item(api, node).command?.command };
}

function fileWithWrongSecret(): string {
  return credentialsFileText().replace(ADMIN_SECRET, 'TESTONLY/emulator/admin/WRONGwrongWRONG000');
}

describe('Reliability faults', function () {
  this.timeout(120_000);
  let session: Session | undefined;
  const extra: IamEmulator[] = [];
  let rejections: RejectionWatch;
  before(() => {
    rejections = new RejectionWatch(); // installed when this suite starts, not when the file loads
  });

  afterEach(async () => {
    session?.emulator.setFaults({ throttleRate: 0, serverErrorRate: 0, dropRate: 0, hangRate: 0, garbageRate: 0, slowLorisRate: 0, latencyMs: 0 });
    await session?.close();
    session = undefined;
    for (const emulator of extra.splice(0)) await emulator.close();
    writeAwsFiles();
  });
  after(() => rejections.dispose());

  describe('throttling while paging 2,500 users (pageSize 100)', () => {
    it('30% Throttling on ListUsers: every user exactly once and in order; the SDK retried with backoff and the view said so', async () => {
      session = await startSession({ users: 2500, seed: 7, faults: { throttleRate: 0.3, faultActions: ['ListUsers'], seed: 11 } }, { pageSize: 100 });
      const { api, emulator } = session;
      const users = await usersNode(api);
      let sawRetrying = false;
      const sampler = setInterval(() => {
        if (String(item(api, users).description ?? '').includes('Throttled — retrying')) sawRetrying = true;
      }, 10);
      let result: { names: string[]; errorRetries: number };
      try {
        result = await loadToEnd(api, users, { retryErrors: true });
      } finally {
        clearInterval(sampler);
      }
      assertEveryUserOnce(result.names, emulator);
      const counters = emulator.counters();
      const throttled = counters.errorsByCode.Throttling ?? 0;
      const pages = Math.ceil(emulator.store.users().length / 100); // 2,500 generated + the built-in callers
      assert.ok(throttled > 0, 'the emulator answered Throttling');
      assert.ok(calls(emulator, 'ListUsers') > pages, `more ListUsers calls (${calls(emulator, 'ListUsers')}) than pages (${pages})`);
      assert.equal(calls(emulator, 'ListUsers'), pages + throttled, 'each throttled answer was followed by exactly one more attempt; nothing else was asked');
      // Backoff: the SDK waits before a retry after Throttling; a page after a success is asked at once.
      const log = emulator.requestLog().filter((e) => e.action === 'ListUsers');
      const gaps = { afterThrottle: [] as number[], afterSuccess: [] as number[] };
      for (let i = 1; i < log.length; i++) {
        const gap = Date.parse(log[i].time) - Date.parse(log[i - 1].time);
        (log[i - 1].errorCode === 'Throttling' ? gaps.afterThrottle : gaps.afterSuccess).push(gap);
      }
      const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
      assert.ok(mean(gaps.afterThrottle) >= 40, `mean wait before a retry after Throttling is ${mean(gaps.afterThrottle).toFixed(0)} ms (backoff)`);
      assert.ok(sawRetrying, 'the Users row said "Throttled — retrying…" while the SDK retried');
      assert.ok(!String(item(api, users).description ?? '').includes('retrying'), 'and stopped saying so once loaded');
      console.log(`[reliability] 30% throttling: ${pages} pages, ${calls(emulator, 'ListUsers')} ListUsers calls, ${throttled} Throttling answers, ${result.errorRetries} user retries, mean backoff ${mean(gaps.afterThrottle).toFixed(0)} ms vs ${mean(gaps.afterSuccess).toFixed(0)} ms`);
    });

    it('throttling turned to 100% mid-way: loaded rows stay, an error row appears, and Retry continues from the same Marker with no duplicate', async () => {
      session = await startSession({ users: 2500, seed: 7 }, { pageSize: 100 });
      const { api, emulator } = session;
      const users = await usersNode(api);
      const before = await loadPages(api, users, 10);
      assert.equal(before.length, 1000);
      const marker = pagedList(users).marker;
      assert.ok(marker, 'a Marker is waiting');
      emulator.setFaults({ throttleRate: 1, faultActions: ['ListUsers'] });
      emulator.resetCounters();
      const started = Date.now();
      const outcome = (await within(click(api, loadMoreRow(api, await children(api, users))!), 30_000, 'the throttled load')) as LoadResult;
      assert.equal(outcome.outcome, 'failed');
      assert.equal(calls(emulator, 'ListUsers'), 5, 'the SDK made its 5 attempts (maxAttempts), no more');
      assert.equal(emulator.counters().errorsByCode.Throttling, 5);
      let rows = await children(api, users);
      assert.deepEqual(userRows(api, rows), before, 'the 1,000 loaded users are still shown, unchanged');
      const error = errorRow(api, rows);
      assert.equal(error.label, 'Throttled by AWS');
      assert.match(error.text, /wait a moment and retry/);
      assert.equal(error.command, 'iamKeys.loadMore', 'a click retries the page');
      assert.equal(loadMoreRow(api, rows), undefined, 'no "Load more…" next to the error');
      assert.equal(pagedList(users).marker, marker, 'the Marker of the failed page is kept');
      assert.ok(!/Loading|retrying/.test(String(item(api, users).description ?? '')), 'no spinner left behind');
      emulator.setFaults({ throttleRate: 0 });
      emulator.resetCounters();
      await click(api, error.node);
      rows = await children(api, users);
      assert.equal(userRows(api, rows).length, 1100, 'the retry added exactly the next page');
      assert.deepEqual(userRows(api, rows).slice(0, 1000), before);
      const { names } = await loadToEnd(api, users);
      assertEveryUserOnce(names, emulator);
      assert.equal(calls(emulator, 'ListUsers'), Math.ceil(emulator.store.users().length / 100) - 10, 'pages 11 to the last, one call each');
      console.log(`[reliability] 100% throttling mid-way: failed after ${Date.now() - started} ms and 5 attempts; resumed from the same Marker`);
    });
  });

  describe('server errors, dropped connections, hangs and answers that are not IAM\'s', () => {
    it('5xx bursts: a 50% burst is retried through; a longer burst is an error row; Retry continues with nothing lost', async () => {
      session = await startSession({ users: 600, seed: 5, faults: { serverErrorRate: 0.5, serverErrorStatus: 'mixed', faultActions: ['ListUsers'], seed: 3 } }, { pageSize: 50 });
      const { api, emulator } = session;
      const users = await usersNode(api);
      const half = await loadPages(api, users, 6);
      const errors = emulator.counters().errorsByCode;
      assert.ok((errors.ServiceFailure ?? 0) + (errors.ServiceUnavailable ?? 0) > 0, `server errors were answered: ${JSON.stringify(errors)}`);
      assert.deepEqual(half, storeNames(emulator).slice(0, 300), '6 pages through a 50% burst, in order');
      emulator.setFaults({ serverErrorRate: 1 });
      await click(api, loadMoreRow(api, await children(api, users))!);
      let rows = await children(api, users);
      const error = errorRow(api, rows);
      assert.match(error.label, /^AWS answered with a server error \(HTTP 50[03]\)$/);
      assert.equal(error.command, 'iamKeys.loadMore');
      assert.deepEqual(userRows(api, rows), half, 'loaded rows stay');
      emulator.setFaults({ serverErrorRate: 0 });
      await click(api, error.node);
      rows = await children(api, users);
      assertEveryUserOnce((await loadToEnd(api, users)).names, emulator);
    });

    it('dropped connections: every attempt dropped is an error row with Retry; loaded rows stay; Retry continues', async () => {
      session = await startSession({ users: 300, seed: 5 }, { pageSize: 100 });
      const { api, emulator } = session;
      const users = await usersNode(api);
      const first = await loadPages(api, users, 1);
      emulator.setFaults({ dropRate: 1, faultActions: ['ListUsers'] });
      emulator.resetCounters();
      await within(click(api, loadMoreRow(api, await children(api, users))!), 30_000, 'the load over dropped connections');
      assert.equal(emulator.counters().faultsInjected.drop, 5, 'five attempts, each dropped');
      const rows = await children(api, users);
      const error = errorRow(api, rows);
      assert.equal(error.command, 'iamKeys.loadMore');
      assert.deepEqual(userRows(api, rows), first);
      emulator.setFaults({ dropRate: 0 });
      await click(api, error.node);
      assertEveryUserOnce((await loadToEnd(api, users)).names, emulator);
    });

    // Was a bug (fixed; now a regression test) — src/aws/errors.ts classifyError: the SDK's NodeHttpHandler renames ECONNRESET
    // ("socket hang up") to name "TimeoutError"; TIMEOUT is tested (by name) before NETWORK (by
    // code), so a dropped connection reads "The request timed out" with the hint "raise
    // iamKeys.requestTimeoutSeconds", which can't help. Fix: test `code` against NETWORK before
    // testing `name` against TIMEOUT. Unit twin: property.classifyError "a dropped connection…".
    knownBug('dropped connections are reported as a network error, not as a timeout', async () => {
      session = await startSession({ users: 150, seed: 5 }, { pageSize: 100 });
      const { api, emulator } = session;
      const users = await usersNode(api);
      await children(api, users);
      emulator.setFaults({ dropRate: 1, faultActions: ['ListUsers'] });
      await click(api, loadMoreRow(api, await children(api, users))!);
      const error = errorRow(api, await children(api, users));
      assert.equal(error.label, 'Network error');
      assert.doesNotMatch(error.text, /requestTimeoutSeconds/);
    });

    it('a request that never answers (hang), requestTimeoutSeconds 2: an error row with Retry in bounded time, no spinner forever', async () => {
      session = await startSession({ users: 300, seed: 5 }, { pageSize: 100, requestTimeoutSeconds: 2 });
      const { api, emulator } = session;
      const users = await usersNode(api);
      const first = await loadPages(api, users, 1);
      emulator.setFaults({ hangRate: 1, faultActions: ['ListUsers'] });
      emulator.resetCounters();
      const started = Date.now();
      await within(click(api, loadMoreRow(api, await children(api, users))!), 30_000, 'the load of a page that never answers');
      const took = Date.now() - started;
      assert.ok(took >= 5 * 2000 - 500, `5 attempts × 2 s before giving up (${took} ms)`);
      assert.equal(emulator.counters().faultsInjected.hang, 5);
      const rows = await children(api, users);
      const error = errorRow(api, rows);
      assert.equal(error.label, 'The request timed out');
      assert.equal(error.command, 'iamKeys.loadMore');
      assert.deepEqual(userRows(api, rows), first);
      assert.ok(!/Loading/.test(String(item(api, users).description ?? '')), 'the Users row no longer says Loading…');
      emulator.setFaults({ hangRate: 0 });
      await click(api, error.node);
      assertEveryUserOnce((await loadToEnd(api, users)).names, emulator);
      console.log(`[reliability] hang with requestTimeoutSeconds 2: error row after ${took} ms`);
    });

    // Regression test: the SDK's requestTimeout stops once headers arrive, so a body that stalls
    // used to leave the list "Loading…" forever; src/aws/deadlineHttpHandler.ts (commit 8675356)
    // puts a per-attempt deadline over the body.
    it('an answer that stalls after its headers (slow-loris that never finishes), requestTimeoutSeconds 2: an error row in bounded time', async () => {
      session = await startSession({ users: 300, seed: 5 }, { pageSize: 100, requestTimeoutSeconds: 2 });
      const { api, emulator } = session;
      const users = await usersNode(api);
      await children(api, users);
      emulator.setFaults({ slowLorisRate: 1, slowLorisNeverFinish: true, slowLorisChunkBytes: 64, slowLorisIntervalMs: 20, faultActions: ['ListUsers'] });
      const first = userRows(api, await children(api, users));
      const started = Date.now();
      const pending = click(api, loadMoreRow(api, await children(api, users))!);
      try {
        await within(pending, 40_000, 'the load of a page whose body never finishes');
      } catch (error) {
        await vscode.commands.executeCommand('iamKeys.refresh', users); // aborts the stuck request
        throw error;
      }
      const rows = await children(api, users);
      const error = errorRow(api, rows);
      assert.equal(error.label, 'The request timed out');
      assert.equal(error.command, 'iamKeys.loadMore');
      assert.deepEqual(userRows(api, rows), first, 'loaded rows stay');
      emulator.setFaults({ slowLorisRate: 0 });
      await click(api, error.node);
      assertEveryUserOnce((await loadToEnd(api, users)).names, emulator);
      console.log(`[reliability] stalled body with requestTimeoutSeconds 2: error row after ${Date.now() - started} ms`);
    });

    for (const garbageKind of ['html', 'truncated-xml'] as const) {
      it(`an endpoint that answers ${garbageKind === 'html' ? 'an HTML proxy page (200)' : 'truncated XML'}: a clear "not an IAM response" row; loaded rows stay; nothing crashes`, async () => {
        session = await startSession({ users: 300, seed: 5 }, { pageSize: 100 });
        const { api, emulator } = session;
        const users = await usersNode(api);
        const first = await loadPages(api, users, 1);
        emulator.setFaults({ garbageRate: 1, garbageKind, faultActions: ['ListUsers'] });
        emulator.resetCounters();
        const outcome = (await click(api, loadMoreRow(api, await children(api, users))!)) as LoadResult;
        assert.equal(outcome.outcome, 'failed');
        const rows = await children(api, users);
        const error = errorRow(api, rows);
        assert.equal(error.label, 'The endpoint answered something that is not an IAM response');
        assert.match(error.text, /Check iamKeys\.endpoint/);
        assert.equal(error.command, 'iamKeys.loadMore');
        assert.deepEqual(userRows(api, rows), first, 'loaded rows stay');
        assert.ok(calls(emulator, 'ListUsers') <= 5, 'bounded attempts');
        emulator.setFaults({ garbageRate: 0 });
        await click(api, error.node);
        assertEveryUserOnce((await loadToEnd(api, users)).names, emulator);
      });
    }
  });

  describe('credentials, profiles and settings that change under a loaded tree', () => {
    it('the credentials file gets a wrong secret mid-session: Refresh shows a clear credentials row; fixing the file + Refresh works again', async () => {
      session = await startSession({ users: 120, seed: 8 }, { pageSize: 100 });
      const { api, emulator } = session;
      await children(api, await usersNode(api));
      fs.writeFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE!, fileWithWrongSecret());
      emulator.resetCounters();
      await vscode.commands.executeCommand('iamKeys.refresh');
      const rows = await children(api, await connectionRoot(api));
      const error = errorRow(api, rows);
      assert.equal(error.label, 'The secret key does not match the access key');
      assert.match(error.text, /Check the profile's secret access key/);
      assert.equal(emulator.counters().errorsByCode.SignatureDoesNotMatch, 1, 'not retried: a wrong secret stays wrong');
      assert.equal(item(api, await connectionRoot(api)).contextValue, 'connection.error');
      fs.writeFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE!, credentialsFileText());
      await vscode.commands.executeCommand('iamKeys.refresh');
      const fixed = await children(api, await connectionRoot(api));
      assert.deepEqual(fixed.map((r) => label(api, r)), ['My access keys', 'Users']);
      assert.equal(userRows(api, await children(api, await usersNode(api))).length, 100);
    });

    // Was a bug (fixed; now a regression test) — src/explorer/nodes/connectionNode.ts + src/explorer/commands/refresh.ts: the
    // credentials row's "click to retry" runs iamKeys.refresh on the ConnectionNode, which only
    // resets its lists and identity; the node keeps its Connection, whose SDK clients memoise
    // the static credentials they first read (the SDK caches an identity without expiration
    // for good). So after the user fixes ~/.aws/credentials and clicks the row, the same wrong
    // secret is sent again; only a whole-view Refresh (rebuild) re-reads the file. Fix: let
    // refresh of a ConnectionNode (at least when its identity error is of kind 'credentials')
    // replace its Connection through the factory (e.g. ExplorerProvider.reconnect(node)), or
    // make that row's command iamKeys.refresh with no argument.
    knownBug('after fixing the credentials file, clicking the credentials error row works (it must re-read the file)', async () => {
      session = await startSession({ users: 120, seed: 8 }, { pageSize: 100 });
      const { api } = session;
      fs.writeFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE!, fileWithWrongSecret());
      await vscode.commands.executeCommand('iamKeys.refresh');
      const error = errorRow(api, await children(api, await connectionRoot(api)));
      fs.writeFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE!, credentialsFileText());
      await click(api, error.node);
      const rows = await children(api, await connectionRoot(api));
      assert.deepEqual(rows.map((r) => label(api, r)), ['My access keys', 'Users'], `rows: ${rows.map((r) => label(api, r)).join(', ')}`);
    });

    it('the profile vanishes from the credentials file while loaded: loaded rows stay; Refresh gives a clear row and sends nothing', async () => {
      session = await startSession({ users: 250, seed: 8 }, { pageSize: 100 });
      const { api, emulator } = session;
      const users = await usersNode(api);
      const first = await loadPages(api, users, 1);
      const withoutAdmin = credentialsFileText().split('\n\n').filter((section) => !section.startsWith(`[${PROFILES.admin}]`)).join('\n\n');
      fs.writeFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE!, withoutAdmin);
      assert.deepEqual(userRows(api, await children(api, users)), first, 'what was loaded is still shown');
      emulator.resetCounters();
      await vscode.commands.executeCommand('iamKeys.refresh');
      const rows = await children(api, await connectionRoot(api));
      const error = errorRow(api, rows);
      assert.equal(error.label, `Profile "${PROFILES.admin}" is not in the AWS config files`);
      assert.equal(error.command, 'iamKeys.selectProfile');
      assert.equal(emulator.counters().total, 0, 'no request is made for a profile that is gone');
      // The whole credentials file deleted: same clear row, still nothing sent.
      fs.rmSync(process.env.AWS_SHARED_CREDENTIALS_FILE!);
      await vscode.commands.executeCommand('iamKeys.refresh');
      assert.equal(errorRow(api, await children(api, await connectionRoot(api))).label, `Profile "${PROFILES.admin}" is not in the AWS config files`);
      assert.equal(emulator.counters().total, 0);
      fs.writeFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE!, credentialsFileText());
      await vscode.commands.executeCommand('iamKeys.refresh');
      assert.deepEqual(userRows(api, await children(api, await usersNode(api))), first, 'back once the profile is back');
    });

    it('the endpoint switched while a slow page loads: the tree shows only the new endpoint\'s users', async () => {
      const slow = await startIamEmulator({ port: 0, users: 50, seed: 1, latencyMs: 1500 });
      extra.push(slow);
      session = await startSession({ users: 7, seed: 2 });
      const { api, emulator } = session;
      await configure({ endpoint: slow.url });
      await until(() => api.settings.current.endpoint === slow.url, 'the slow endpoint setting');
      const oldUsers = await usersNode(api);
      const pending = children(api, oldUsers);
      await until(() => calls(slow, 'ListUsers') === 1, 'the slow ListUsers to be on its way');
      await configure({ endpoint: emulator.url });
      await until(() => api.settings.current.endpoint === emulator.url, 'the new endpoint setting');
      const fresh = userRows(api, await children(api, await usersNode(api)));
      assert.deepEqual(fresh, storeNames(emulator), 'the new endpoint\'s users');
      await within(pending, 20_000, 'the stale load');
      // The stale answer never reaches the new tree.
      const again = userRows(api, await children(api, await usersNode(api)));
      assert.deepEqual(again, storeNames(emulator));
      assert.ok(!again.some((n) => slow.store.users().some((u) => u.userName === n) && !storeNames(emulator).includes(n)), 'no user of the old endpoint');
    });

    // Was a bug (fixed; now a regression test) — src/explorer/nodes/pagedNode.ts getChildren(): when a rebuild (settings
    // change) resets a list while its first page loads, the load comes back 'stale' and
    // getChildren loops to load again — on the old, disposed ConnectionNode, whose SDK client
    // still sends. So after iamKeys.endpoint changes, one more signed ListUsers goes to the
    // endpoint the user just left (and its answer fills a node nobody shows). Fix: give
    // ConnectionNode a `disposed` flag (set in dispose()) and make PagedNode.getChildren stop
    // (return []) when its scope is disposed; or have PagedList.reset() from dispose() make
    // further loadNext() calls resolve 'stale' without fetching.
    knownBug('after the endpoint is switched mid-load, no further request goes to the old endpoint', async () => {
      const slow = await startIamEmulator({ port: 0, users: 50, seed: 1, latencyMs: 1500 });
      extra.push(slow);
      session = await startSession({ users: 7, seed: 2 });
      const { api, emulator } = session;
      await configure({ endpoint: slow.url });
      await until(() => api.settings.current.endpoint === slow.url, 'the slow endpoint setting');
      const pending = children(api, await usersNode(api));
      await until(() => calls(slow, 'ListUsers') === 1, 'the slow ListUsers to be on its way');
      await configure({ endpoint: emulator.url });
      await until(() => api.settings.current.endpoint === emulator.url, 'the new endpoint setting');
      // No sleep for stragglers: `pending` is the load itself, and the endpoint counts each of its
      // requests on arrival before answering (the wait above saw the first one counted), so
      // every request the stale load made is counted by the time it settles.
      await within(pending, 20_000, 'the stale load');
      assert.equal(calls(slow, 'ListUsers'), 1, 'the old endpoint got only the request already on its way');
    });

    it('a Marker the server no longer accepts (server restarted with another marker secret mid-list): a "reload" row; reload starts over with no duplicate', async () => {
      session = await startSession({ users: 300, seed: 1 }, { pageSize: 100 });
      const { api, emulator } = session;
      const users = await usersNode(api);
      const first = await loadPages(api, users, 1);
      assert.equal(first.length, 100);
      const port = emulator.port;
      await emulator.close();
      const restarted = await startIamEmulator({ port, users: 300, seed: 2 });
      extra.push(restarted);
      const outcome = (await click(api, loadMoreRow(api, await children(api, users))!)) as LoadResult;
      assert.equal(outcome.outcome, 'failed');
      assert.equal(restarted.counters().errorsByCode.ValidationError, 1, 'the stale Marker was refused once (not retried)');
      let rows = await children(api, users);
      const error = errorRow(api, rows);
      assert.equal(error.label, 'Invalid Marker.');
      assert.match(error.text, /click to reload the list/);
      assert.equal(error.command, 'iamKeys.refresh', 'a click reloads the list instead of retrying a Marker that cannot pass');
      assert.deepEqual(userRows(api, rows), first, 'loaded rows stay until the reload');
      await click(api, error.node);
      rows = await children(api, users);
      const { names } = await loadToEnd(api, users);
      assert.equal(new Set(names).size, names.length);
      assert.deepEqual(names, restarted.store.users().map((u) => u.userName), 'the restarted server\'s users, each once');
    });
  });

  describe('the view refreshed, clicked and closed while it loads', () => {
    it('Refresh of the list and of the whole view while pages load: no stale rows, no duplicate, loading finishes', async () => {
      session = await startSession({ users: 600, seed: 4, latencyMs: 150 }, { pageSize: 100 });
      const { api, emulator } = session;
      let users = await usersNode(api);
      await loadPages(api, users, 2);
      const load = click(api, loadMoreRow(api, await children(api, users))!);
      await delay(40);
      await vscode.commands.executeCommand('iamKeys.refresh', users);
      const loadAll = vscode.commands.executeCommand('iamKeys.loadAll', users);
      await delay(200);
      await vscode.commands.executeCommand('iamKeys.refresh', users);
      const outcomes = await within(Promise.all([load, loadAll]), 30_000, 'loads cut short by refreshes');
      assert.ok(outcomes.every((o) => o !== undefined), 'the commands resolved');
      let names = userRows(api, await children(api, users));
      assert.deepEqual(names, storeNames(emulator).slice(0, names.length), 'a prefix of the users, in order');
      // Whole-view refresh in the middle of a load: the old tree's answer is dropped.
      await vscode.commands.executeCommand('iamKeys.refresh', users);
      const more = loadMoreRow(api, await children(api, users));
      assert.ok(more, 'the first page again, ending in "Load more…"');
      const pending = click(api, more);
      await delay(40);
      await vscode.commands.executeCommand('iamKeys.refresh');
      await within(pending, 30_000, 'the load of the old tree');
      users = await usersNode(api);
      names = (await loadToEnd(api, users)).names;
      assertEveryUserOnce(names, emulator);
    });

    it('20 concurrent clicks on "Load more…" make one ListUsers call; 20 concurrent expansions make one', async () => {
      session = await startSession({ users: 250, seed: 1, latencyMs: 300 }, { pageSize: 100 });
      const { api, emulator } = session;
      const users = await usersNode(api);
      const expansions = await Promise.all(Array.from({ length: 20 }, () => children(api, users)));
      assert.equal(calls(emulator, 'ListUsers'), 1, '20 expansions of a fresh list: one call');
      assert.ok(expansions.every((rows) => userRows(api, rows).length === 100));
      const more = loadMoreRow(api, expansions[0])!;
      emulator.resetCounters();
      const outcomes = (await Promise.all(Array.from({ length: 20 }, () => vscode.commands.executeCommand('iamKeys.loadMore', more)))) as LoadResult[];
      assert.equal(calls(emulator, 'ListUsers'), 1, '20 clicks while loading: one call');
      assert.ok(outcomes.every((o) => o.outcome === 'loaded' && o.loaded === 200), JSON.stringify(outcomes.slice(0, 2)));
      assert.deepEqual(userRows(api, await children(api, users)), storeNames(emulator).slice(0, 200));
    });

    it('closing the sidebar, or collapsing the tree, during a load: no error; the rows are there when it opens again', async () => {
      session = await startSession({ users: 400, seed: 3, latencyMs: 600 }, { pageSize: 100 });
      const { api, emulator } = session;
      await vscode.commands.executeCommand('workbench.view.extension.iamKeys');
      const users = await usersNode(api);
      await children(api, users);
      const load = click(api, loadMoreRow(api, await children(api, users))!);
      await delay(100);
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      const outcome = (await within(load, 20_000, 'the load while the sidebar is closed')) as LoadResult;
      assert.equal(outcome.outcome, 'loaded');
      await vscode.commands.executeCommand('workbench.view.extension.iamKeys');
      assert.equal(userRows(api, await children(api, users)).length, 200);
      const second = click(api, loadMoreRow(api, await children(api, users))!);
      await delay(100);
      await vscode.commands.executeCommand('workbench.actions.treeView.iamKeys.explorer.collapseAll');
      assert.equal(((await within(second, 20_000, 'the load while collapsed')) as LoadResult).outcome, 'loaded');
      assert.deepEqual(userRows(api, await children(api, users)), storeNames(emulator).slice(0, 300));
    });
  });

  describe('afterwards', () => {
    it('no unhandled rejection or uncaught exception in the host during the fault tests', () => {
      // The harness self-check shows this watcher sees rejections; here none may have happened.
      assert.deepEqual(rejections.rejections, []);
    });
  });
});
